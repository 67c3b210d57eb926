package dev.specgate.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;

/**
 * The version and git commit of this build, from {@code dev/specgate/build.properties} (filled in
 * by Maven resource filtering). A build from a source tree without git names no commit; a run
 * from unfiltered classes (an IDE) says "development build".
 */
public final class BuildInfo {
  private static final BuildInfo CURRENT = load();

  private final String version;
  private final String commit;

  private BuildInfo(String version, String commit) {
    this.version = version;
    this.commit = commit;
  }

  public static BuildInfo current() {
    return CURRENT;
  }

  /** The Maven project version, e.g. {@code 0.1.0}, or "development build". */
  public String version() {
    return version;
  }

  /** The abbreviated git commit the build was made from, when known. */
  public Optional<String> commit() {
    return Optional.ofNullable(commit);
  }

  /** {@code 0.1.0 (commit 1a2b3c4d5e)}, as {@code --version} prints it. */
  public String describe() {
    return version + commit().map(c -> " (commit " + c + ")").orElse("");
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/specgate/build.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      // unreadable: the same as absent
    }
    String version = known(p.getProperty("version"));
    return new BuildInfo(version == null ? "development build" : version, known(p.getProperty("commit")));
  }

  /** A value Maven did not fill in stays {@code ${...}}: that is "unknown", not a version. */
  private static String known(String value) {
    if (value == null || value.isBlank() || value.contains("${")) return null;
    return value.trim();
  }
}
