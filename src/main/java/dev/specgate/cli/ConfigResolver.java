package dev.specgate.cli;

import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads the configuration: {@code --config FILE}, else {@code .specgate.yml} at the root. */
final class ConfigResolver {
  static final String FILE_NAME = ".specgate.yml";

  private ConfigResolver() {}

  static Config resolve(Path explicit, Path root) {
    Path file = explicit;
    if (file == null) {
      Path candidate = root.resolve(FILE_NAME);
      if (!Files.isRegularFile(candidate)) return Config.defaults();
      file = candidate;
    } else if (!Files.isRegularFile(file)) {
      throw new UserError("config file not found: " + file);
    }
    try {
      return ConfigLoader.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Reads config text found in a ChangeSet (git range): {@code .specgate.yml} at the root of the tree. */
  static Config fromText(String text, String name) {
    try {
      return ConfigLoader.parse(text, name);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }
}
