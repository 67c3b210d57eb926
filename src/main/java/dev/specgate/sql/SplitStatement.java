package dev.specgate.sql;

/**
 * One statement cut out of a file by {@link StatementSplitter}.
 *
 * @param text the statement as written: from its first token to its last, without the terminator
 *     and without leading or trailing comments
 * @param span where the text sits in the file
 * @param problem why the statement cannot be complete (e.g. "unterminated dollar-quoted string
 *     starting at line 12"), or {@code null}
 */
public record SplitStatement(String text, Span span, String problem) {}
