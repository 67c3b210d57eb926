package dev.specgate.engine;

/** A configuration file that cannot be used; the message names the file, line and what was expected. */
public final class ConfigException extends Exception {
  private final String file;
  private final int line;

  public ConfigException(String file, int line, String message) {
    super(file + ":" + line + ": " + message);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
