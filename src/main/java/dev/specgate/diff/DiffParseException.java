package dev.specgate.diff;

/**
 * The text is not a unified diff specgate can read. The message names the diff line (1-based)
 * and what was expected there.
 */
public final class DiffParseException extends Exception {
  private final int line;

  public DiffParseException(int line, String message) {
    super("line " + line + ": " + message);
    this.line = line;
  }

  /** 1-based line of the diff text where parsing failed. */
  public int line() {
    return line;
  }
}
