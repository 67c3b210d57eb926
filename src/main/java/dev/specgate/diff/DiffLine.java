package dev.specgate.diff;

/**
 * One line of a hunk.
 *
 * @param text the line without its leading {@code ' '}, {@code '+'} or {@code '-'} and without a
 *     trailing carriage return
 * @param oldLine 1-based line number in the old file, 0 for an added line
 * @param newLine 1-based line number in the new file, 0 for a removed line
 * @param diffLine 1-based line number of this line in the diff text it was parsed from
 */
public record DiffLine(Kind kind, String text, int oldLine, int newLine, int diffLine) {

  public enum Kind { CONTEXT, ADDED, REMOVED }

  public boolean isAdded() {
    return kind == Kind.ADDED;
  }

  public boolean isRemoved() {
    return kind == Kind.REMOVED;
  }

  /** The line number a finding on this line points at: new for added and context, old for removed. */
  public int line() {
    return kind == Kind.REMOVED ? oldLine : newLine;
  }
}
