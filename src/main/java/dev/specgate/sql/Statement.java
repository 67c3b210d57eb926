package dev.specgate.sql;

/**
 * One SQL statement of a migration file.
 *
 * @param index 0-based position in the file
 * @param sql the statement text as written, without the terminating semicolon
 * @param span where it sits in the file
 * @param op what it does
 * @param inExplicitTransaction between a BEGIN and its COMMIT/ROLLBACK in this file
 */
public record Statement(int index, String sql, Span span, Operation op, boolean inExplicitTransaction) {

  public int line() {
    return span.startLine();
  }

  public boolean isUnparsed() {
    return op instanceof Operation.Unparsed;
  }
}
