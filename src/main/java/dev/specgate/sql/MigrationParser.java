package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a migration file into our model: split ({@link StatementSplitter}), then each statement
 * through the hand-written {@link DdlRecogniser} first (fast, exact on the PostgreSQL DDL the rules
 * read), then JSqlParser ({@link JSqlParserAdapter}) for forms the recogniser does not know. A
 * statement neither understands becomes {@link Operation.Unparsed} with the reason and a position
 * in the file's own line numbers. Never throws, never drops a statement; stateless and
 * thread-safe.
 *
 * <p>{@code inExplicitTransaction} is true from a BEGIN / START TRANSACTION statement (included)
 * to the COMMIT / END / ROLLBACK that closes it (included).
 */
public final class MigrationParser {
  private MigrationParser() {}

  public static Migration parse(String path, String text, Dialect dialect) {
    Dialect d = dialect == null ? Dialect.POSTGRES : dialect;
    String src = text == null ? "" : text;
    List<SplitStatement> parts;
    try {
      parts = StatementSplitter.split(src, d);
    } catch (RuntimeException | StackOverflowError e) {
      SourceLines lines = StatementSplitter.lines(src);
      Span all = lines.span(0, src.length());
      return new Migration(path, d, List.of(new Statement(0, src, all,
          new Operation.Unparsed("the statement splitter failed: " + e), false)));
    }
    SourceLines lines = StatementSplitter.lines(src);
    List<Statement> out = new ArrayList<>(parts.size());
    boolean inTx = false;
    for (SplitStatement part : parts) {
      Operation op;
      try {
        op = operation(part, d, lines);
      } catch (RuntimeException | StackOverflowError e) {
        op = new Operation.Unparsed("internal error while reading the statement: " + e);
      }
      boolean in = inTx;
      if (op instanceof Operation.Transaction t) {
        switch (t.kind()) {
          case BEGIN -> {
            in = true;
            inTx = true;
          }
          case COMMIT, ROLLBACK -> {
            in = inTx;
            inTx = false;
          }
          default -> { }
        }
      }
      out.add(new Statement(out.size(), part.text(), part.span(), op, in));
    }
    return new Migration(path, d, out);
  }

  private static Operation operation(SplitStatement part, Dialect d, SourceLines lines) {
    if (part.problem() != null) return new Operation.Unparsed(part.problem());
    String sql = part.text();
    int base = part.span().startOffset();
    return understand(sql, d, base, lines);
  }

  /** {@code sql} starts at file offset {@code base}. */
  private static Operation understand(String sql, Dialect d, int base, SourceLines lines) {
    RecogniseException known = null;
    String internal = null; // a recogniser bug: JSqlParser gets its chance, then this is reported
    try {
      TokenCursor c = new TokenCursor(sql, SqlLexer.tokenize(sql, d), d);
      Operation op = DdlRecogniser.recognise(c);
      if (op != null) return op;
    } catch (RecogniseException e) {
      known = e;
    } catch (RuntimeException e) {
      internal = "internal error in the SQL recogniser: " + e;
    }
    if (known != null) {
      // The recogniser knows this statement's form and found it malformed. JSqlParser is more
      // lenient on such input (it accepts "DELETE FROM" or "DROP TUPLE RULE x") and maps some
      // forms only coarsely, so its pass would hide a real problem: report the recogniser's reason.
      int at = base + Math.min(known.offset, sql.length());
      return new Operation.Unparsed(known.getMessage() + " (line " + lines.line(at)
          + ", column " + lines.column(at) + ")");
    }
    JSqlParserAdapter.Result r = JSqlParserAdapter.parse(sql, d);
    if (r.ok()) return r.op();
    if (internal != null) return new Operation.Unparsed(internal);
    if (r.line() > 0) {
      int at = base + offsetIn(sql, r.line(), r.column());
      return new Operation.Unparsed(r.message() + " (line " + lines.line(at)
          + ", column " + lines.column(at) + ")");
    }
    return new Operation.Unparsed(r.message());
  }

  /** Offset in {@code sql} of a 1-based line/column as JSqlParser counts them ('\n' ends a line). */
  private static int offsetIn(String sql, int line, int column) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      int nl = sql.indexOf('\n', off);
      if (nl < 0) return sql.length();
      off = nl + 1;
    }
    return Math.min(sql.length(), off + Math.max(0, column - 1));
  }
}
