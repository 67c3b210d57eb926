package dev.specgate.cli;

import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds and reads the configuration: {@code --config FILE}, else {@code .specgate.yml} at the root. */
final class ConfigResolver {
  static final String FILE_NAME = ".specgate.yml";
  /** A configuration file larger than this is refused rather than read (a few KB is usual). */
  static final long MAX_BYTES = 1 << 20;

  private ConfigResolver() {}

  static Config resolve(Path explicit, Path root) {
    return load(explicit, root).config();
  }

  /** The configuration and where each value came from (for {@code specgate config}). */
  static ConfigLoader.Loaded load(Path explicit, Path root) {
    Path file = explicit;
    if (file == null) {
      Path candidate = root.resolve(FILE_NAME);
      if (!Files.isRegularFile(candidate)) return ConfigLoader.Loaded.defaults();
      file = candidate;
    } else if (!Files.isRegularFile(file)) {
      throw new UserError(Files.exists(file) ? "config file " + file + " is not a regular file"
          : "config file not found: " + file);
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new UserError(file + ": a configuration file of " + Files.size(file) + " bytes; expected at most " + MAX_BYTES);
      }
      return ConfigLoader.load(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UserError("cannot read " + file + ": " + e.getMessage());
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Reads config text found in a ChangeSet (git range): {@code .specgate.yml} at the root of the tree. */
  static Config fromText(String text, String name) {
    return loadText(text, name).config();
  }

  static ConfigLoader.Loaded loadText(String text, String name) {
    try {
      return ConfigLoader.load(text, name);
    } catch (ConfigException e) {
      throw new UserError(e.getMessage());
    }
  }
}
