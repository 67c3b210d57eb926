package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.UnsupportedStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Parses one statement with JSqlParser (a direct parser call on the calling thread, no executor)
 * and maps what it returns onto our {@link Operation}s. Nothing outside this class sees a
 * JSqlParser type.
 */
final class JSqlParserAdapter {
  private JSqlParserAdapter() {}

  /** JSqlParser is a recursive-descent parser: very long statements are not handed to it. */
  private static final int MAX_LENGTH = 200_000;

  private static final Pattern AT = Pattern.compile("at line (\\d+), column (\\d+)");
  private static final Pattern TOKEN_KIND = Pattern.compile("(?<!\\s)\\s*+<[A-Z_]++>"); // from a run's start only: linear
  private static final Pattern REPEATED = Pattern.compile("(\"[^\"]*\")\\s+\\1");

  /** Either an operation or a failure with the parser's message and position in the statement. */
  record Result(Operation op, String message, int line, int column) {
    boolean ok() {
      return op != null;
    }
  }

  static Result parse(String sql, Dialect dialect) {
    if (sql.length() > MAX_LENGTH) {
      return new Result(null, "statement too long for the SQL parser (" + sql.length() + " characters)", 0, 0);
    }
    net.sf.jsqlparser.statement.Statement st;
    try {
      st = CCJSqlParserUtil.newParser(sql).Statement();
    } catch (StackOverflowError e) {
      return new Result(null, "statement nested too deeply for the SQL parser", 0, 0);
    } catch (Exception | Error e) {
      return failure(e);
    }
    if (st == null || st instanceof UnsupportedStatement) {
      return new Result(null, "the SQL parser does not support this statement", 0, 0);
    }
    try {
      return new Result(map(st, dialect), null, 0, 0);
    } catch (RuntimeException | RecogniseException e) {
      return new Result(null, "could not read the statement: " + e.getMessage(), 0, 0);
    }
  }

  private static Result failure(Throwable e) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int line = 0;
    int col = 0;
    Matcher m = AT.matcher(msg);
    if (m.find()) {
      line = Integer.parseInt(m.group(1));
      col = Integer.parseInt(m.group(2));
    }
    String first = msg.strip();
    int nl = first.indexOf('\n');
    if (nl >= 0) first = first.substring(0, nl).strip();
    first = AT.matcher(first).replaceAll("").strip();
    // 'Encountered unexpected token: "X" "X"' / '"X" <S_IDENTIFIER>': keep the token once, drop
    // the grammar's token class
    first = TOKEN_KIND.matcher(first).replaceAll("");
    first = REPEATED.matcher(first).replaceAll("$1").strip();
    if (first.endsWith(".")) first = first.substring(0, first.length() - 1);
    if (first.isEmpty()) first = "syntax error";
    return new Result(null, first, line, col);
  }

  private static Operation map(net.sf.jsqlparser.statement.Statement st, Dialect dialect)
      throws RecogniseException {
    if (st instanceof Select) return new Operation.Other("SELECT");
    if (st instanceof Insert ins) {
      return new Operation.Insert(name(ins.getTable()), ins.getSelect() != null && ins.getValues() == null);
    }
    if (st instanceof Update up) {
      List<String> cols = new ArrayList<>();
      if (up.getUpdateSets() != null) {
        for (UpdateSet set : up.getUpdateSets()) {
          for (Column col : set.getColumns()) cols.add(Names.normalize(col.getColumnName()));
        }
      }
      String where = up.getWhere() == null ? null : up.getWhere().toString();
      return new Operation.Update(name(up.getTable()), cols, where,
          up.getLimit() != null || batched(where, dialect));
    }
    if (st instanceof Delete del) {
      String where = del.getWhere() == null ? null : del.getWhere().toString();
      return new Operation.Delete(name(del.getTable()), where, del.getLimit() != null || batched(where, dialect));
    }
    if (st instanceof CreateTable ct) {
      List<ColumnDef> cols = new ArrayList<>();
      if (ct.getColumnDefinitions() != null) {
        for (ColumnDefinition cd : ct.getColumnDefinitions()) {
          TokenCursor c = cursor(cd.toString(), dialect);
          cols.add(ColumnParser.columnDef(c));
        }
      }
      List<String> opts = ct.getCreateOptionsStrings();
      boolean temp = opts != null && opts.stream().anyMatch(o -> o.toUpperCase(Locale.ROOT).startsWith("TEMP"));
      return new Operation.CreateTable(name(ct.getTable()), cols, List.of(), ct.isIfNotExists(),
          ct.getSelect() != null, temp);
    }
    if (st instanceof CreateIndex ci) {
      List<String> cols = new ArrayList<>();
      for (String col : ci.getIndex().getColumnsNames()) cols.add(Names.normalize(col));
      String type = ci.getIndex().getType();
      boolean unique = type != null && type.toUpperCase(Locale.ROOT).contains("UNIQUE");
      String text = ci.toString().toUpperCase(Locale.ROOT);
      return new Operation.CreateIndex(Names.normalize(ci.getIndex().getName()), name(ci.getTable()),
          cols, unique, text.contains(" CONCURRENTLY "), ci.isUsingIfNotExists(), null,
          ci.getIndex().getUsing() == null ? null : ci.getIndex().getUsing().toLowerCase(Locale.ROOT));
    }
    if (st instanceof Drop d) {
      String type = d.getType() == null ? "" : d.getType().toUpperCase(Locale.ROOT);
      String n = name(d.getName());
      if (type.equals("TABLE")) {
        boolean cascade = d.getParameters() != null && d.getParameters().stream()
            .anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
        return new Operation.DropTable(List.of(n), d.isIfExists(), cascade);
      }
      if (type.equals("INDEX")) return new Operation.DropIndex(List.of(n), false, d.isIfExists());
      return new Operation.DropObject(type, List.of(n), d.isIfExists());
    }
    if (st instanceof Truncate t) return new Operation.Truncate(List.of(name(t.getTable())));
    if (st instanceof CreateView cv) return new Operation.CreateObject("VIEW", name(cv.getView()));
    if (st instanceof Alter a) {
      List<AlterAction> actions = new ArrayList<>();
      if (a.getAlterExpressions() != null) {
        for (AlterExpression e : a.getAlterExpressions()) actions.add(new AlterAction.OtherAction(e.toString()));
      }
      return new Operation.AlterTable(name(a.getTable()), actions, false);
    }
    String kind = stripSuffix(st.getClass().getSimpleName(), "Statement");
    return new Operation.Other(kind.toUpperCase(Locale.ROOT));
  }

  private static TokenCursor cursor(String sql, Dialect dialect) {
    return new TokenCursor(sql, SqlLexer.tokenize(sql, dialect), dialect);
  }

  private static boolean batched(String where, Dialect dialect) {
    if (where == null) return false;
    List<SqlToken> t = SqlLexer.tokenize(where, dialect);
    return BatchPredicate.isBatched(t, 0, t.size());
  }

  private static String name(Table t) {
    return t == null ? null : Names.normalize(t.getFullyQualifiedName());
  }

  private static String stripSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }
}
