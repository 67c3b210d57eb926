package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A hand-written recogniser for the statements migrations are made of, run before JSqlParser: it
 * is exact on the PostgreSQL forms JSqlParser rejects (DROP INDEX CONCURRENTLY IF EXISTS, bare
 * BEGIN, COMMENT ON anything, ALTER INDEX … RENAME, PG 18 {@code CONSTRAINT c NOT NULL col}, MySQL
 * DROP FOREIGN KEY, …) and fast. {@link #recognise} returns {@code null} when the statement's
 * leading keyword is not one it knows (JSqlParser then tries), and throws
 * {@link RecogniseException} when a known form is malformed.
 *
 * <p>Utility statements that change no schema (SELECT, COMMENT ON, GRANT, CALL, COPY, EXPLAIN, …)
 * are classified by their leading keywords only and become {@link Operation.Other}.
 */
final class DdlRecogniser {
  private DdlRecogniser() {}

  private static final Set<String> UTILITY = Set.of(
      "CALL", "EXPLAIN", "COPY", "LISTEN", "NOTIFY", "UNLISTEN", "PREPARE", "EXECUTE", "EXEC",
      "DEALLOCATE", "DECLARE", "FETCH", "CLOSE", "MOVE", "DISCARD", "LOAD", "CHECKPOINT",
      "SECURITY", "IMPORT", "REASSIGN", "USE", "FLUSH", "OPTIMIZE", "MERGE", "SHOW", "DESCRIBE",
      "DESC", "HANDLER", "INSTALL", "UNINSTALL", "KILL", "PURGE", "RESIGNAL", "SIGNAL", "REPAIR",
      "CHECKSUM", "CACHE", "XA");

  /** Object kinds CREATE/ALTER/DROP know besides TABLE and INDEX. */
  private static final Set<String> KINDS = Set.of(
      "FUNCTION", "PROCEDURE", "TRIGGER", "TYPE", "EXTENSION", "VIEW", "SEQUENCE", "SCHEMA",
      "DOMAIN", "POLICY", "ROLE", "USER", "GROUP", "DATABASE", "RULE", "AGGREGATE", "OPERATOR",
      "CAST", "COLLATION", "CONVERSION", "SERVER", "PUBLICATION", "SUBSCRIPTION", "STATISTICS",
      "LANGUAGE", "TABLESPACE", "EVENT", "TRANSFORM", "ROUTINE", "SYNONYM", "PACKAGE",
      "MATERIALIZED VIEW", "FOREIGN DATA WRAPPER", "FOREIGN TABLE", "PROPERTY GRAPH",
      "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY", "TEXT SEARCH PARSER",
      "TEXT SEARCH TEMPLATE", "EVENT TRIGGER", "OPERATOR CLASS", "OPERATOR FAMILY", "LARGE OBJECT",
      "DEFAULT PRIVILEGES", "USER MAPPING", "ACCESS METHOD", "SYSTEM", "INSTANCE", "LOGFILE");

  private static final Set<String> MAIN_STATEMENT = Set.of(
      "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "VALUES", "TABLE", "(");

  static Operation recognise(TokenCursor c) throws RecogniseException {
    SqlToken first = c.peek();
    if (first == null) {
      // only MySQL executable comments hold code the lexer keeps; an empty one does nothing
      return c.mysql() ? new Operation.Other("MYSQL CONDITIONAL COMMENT") : null;
    }
    if (first.isOp("(")) return selectLike(c);
    if (!first.isWord()) return null;
    String w = first.upper();
    int start = c.pos;
    c.pos++; // past the leading keyword: each form reads what follows it
    Operation op = switch (w) {
      case "BEGIN" -> begin(c);
      case "START" -> {
        c.expect("TRANSACTION");
        yield new Operation.Transaction(Operation.Transaction.Kind.BEGIN);
      }
      case "COMMIT" -> c.accept("PREPARED") ? new Operation.Other("COMMIT PREPARED")
          : new Operation.Transaction(Operation.Transaction.Kind.COMMIT);
      case "END" -> {
        if (c.mysql()) throw new RecogniseException("END outside a BEGIN … END block", first.start());
        expectTransactionTail(c);
        yield new Operation.Transaction(Operation.Transaction.Kind.COMMIT);
      }
      case "ROLLBACK", "ABORT" -> {
        c.accept("WORK");
        c.accept("TRANSACTION");
        if (c.accept("TO")) yield new Operation.Other("ROLLBACK TO SAVEPOINT");
        if (c.accept("PREPARED")) yield new Operation.Other("ROLLBACK PREPARED");
        yield new Operation.Transaction(Operation.Transaction.Kind.ROLLBACK);
      }
      case "SAVEPOINT" -> {
        c.name();
        yield new Operation.Transaction(Operation.Transaction.Kind.SAVEPOINT);
      }
      case "RELEASE" -> {
        c.accept("SAVEPOINT");
        c.name();
        yield new Operation.Transaction(Operation.Transaction.Kind.RELEASE);
      }
      case "SET" -> set(c);
      case "RESET" -> new Operation.SetParameter(
          c.accept("ALL") ? "all" : c.name().toLowerCase(Locale.ROOT), null, false);
      case "VACUUM" -> vacuum(c);
      case "ANALYZE", "ANALYSE" -> analyze(c);
      case "CLUSTER" -> cluster(c);
      case "REINDEX" -> reindex(c);
      case "REPACK" -> repack(c);
      case "REFRESH" -> {
        c.expect("MATERIALIZED");
        c.expect("VIEW");
        boolean conc = c.accept("CONCURRENTLY");
        yield new Operation.Maintenance(
            Operation.Maintenance.Kind.REFRESH_MATERIALIZED_VIEW, c.name(), false, conc);
      }
      case "DO" -> doBlock(c);
      case "CREATE" -> create(c);
      case "ALTER" -> alter(c);
      case "DROP" -> drop(c);
      case "TRUNCATE" -> truncate(c);
      case "COMMENT" -> {
        c.expect("ON");
        while (!c.atEnd() && !c.isWord("IS")) c.pos++;
        c.expect("IS");
        if (c.atEnd()) throw c.error("expected the comment text or NULL");
        yield new Operation.Other("COMMENT");
      }
      case "GRANT", "REVOKE" -> new Operation.Other(w);
      case "SELECT", "VALUES", "TABLE" -> new Operation.Other("SELECT");
      case "WITH" -> with(c);
      case "INSERT", "REPLACE" -> DmlRecogniser.insert(c);
      case "UPDATE" -> DmlRecogniser.update(c);
      case "DELETE" -> DmlRecogniser.delete(c);
      case "LOCK" -> c.mysql() ? new Operation.Other("LOCK") : lockTable(c);
      case "UNLOCK" -> new Operation.Other("UNLOCK");
      case "RENAME" -> renameTables(c);
      default -> UTILITY.contains(w) ? new Operation.Other(w) : null;
    };
    if (op == null) c.pos = start; // not a form known here: JSqlParser, or the caller, reads it
    return op;
  }

  private static Operation selectLike(TokenCursor c) {
    int k = 0;
    while (c.isOp(k, "(")) k++;
    SqlToken t = c.peek(k);
    if (t != null && (t.isWord("SELECT") || t.isWord("WITH") || t.isWord("VALUES") || t.isWord("TABLE"))) {
      return new Operation.Other("SELECT");
    }
    return null;
  }

  private static Operation begin(TokenCursor c) throws RecogniseException {
    if (c.atEnd() || c.isWord("WORK") || c.isWord("TRANSACTION") || c.isWord("ISOLATION")
        || c.isWord("READ") || c.isWord("NOT") || c.isWord("DEFERRABLE")) {
      return new Operation.Transaction(Operation.Transaction.Kind.BEGIN);
    }
    throw c.error("expected end of statement after BEGIN (a transaction start)");
  }

  private static void expectTransactionTail(TokenCursor c) throws RecogniseException {
    c.accept("WORK");
    c.accept("TRANSACTION");
    if (!c.atEnd() && !c.isWord("AND")) throw c.error("expected end of statement");
  }

  private static Operation set(TokenCursor c) throws RecogniseException {
    boolean local = false;
    if (c.accept("LOCAL")) local = true;
    else if (!c.accept("SESSION")) {
      if (!c.accept("GLOBAL")) c.accept("PERSIST");
    }
    if (c.isWord("TRANSACTION") || c.isWord("CHARACTERISTICS")) return new Operation.Other("SET TRANSACTION");
    if (c.isWord("CONSTRAINTS")) return new Operation.Other("SET CONSTRAINTS");
    if (c.isWord("ROLE") || c.isWord("AUTHORIZATION")) return new Operation.Other("SET ROLE");
    if (c.isWord("SESSION") && c.isWord(1, "AUTHORIZATION")) return new Operation.Other("SET ROLE");
    if (c.isWord("SCHEMA") || c.isWord("CATALOG")) {
      String n = c.next().upper().equals("SCHEMA") ? "search_path" : "catalog";
      if (c.atEnd()) throw c.error("expected a value");
      return new Operation.SetParameter(n, c.textToEnd(c.pos), local);
    }
    if (c.accept("XML", "OPTION")) {
      return new Operation.SetParameter("xmloption", c.textToEnd(c.pos), local);
    }
    if (c.accept("TIME", "ZONE")) {
      return new Operation.SetParameter("timezone", c.textToEnd(c.pos), local);
    }
    if (c.isWord("NAMES") || c.isWord("CHARSET") || c.isWord("CHARACTER")) {
      c.accept("NAMES");
      c.accept("CHARSET");
      c.accept("CHARACTER", "SET");
      return new Operation.SetParameter("names", c.textToEnd(c.pos), local);
    }
    StringBuilder name = new StringBuilder();
    while (c.acceptOp("@")) name.append('@');
    if (!c.atIdentifier()) throw c.error("expected a parameter name");
    name.append(c.rawName());
    if (c.accept("FROM", "CURRENT")) {
      return new Operation.SetParameter(Names.normalize(name.toString()).toLowerCase(Locale.ROOT), null, local);
    }
    if (!(c.accept("TO") || c.acceptOp("=") || c.acceptOp(":="))) {
      throw c.error("expected TO or '='");
    }
    int from = c.pos;
    if (c.mysql()) c.skipToComma();
    else c.pos = c.tokens.size();
    if (c.pos == from) throw c.error("expected a value");
    String n = name.toString();
    return new Operation.SetParameter(
        n.startsWith("@") ? n : Names.normalize(n).toLowerCase(Locale.ROOT), c.text(from, c.pos), local);
  }

  private static Operation vacuum(TokenCursor c) throws RecogniseException {
    boolean full = false;
    while (true) {
      if (c.accept("FULL")) full = true;
      else if (c.accept("FREEZE") || c.accept("VERBOSE") || c.accept("ANALYZE") || c.accept("ANALYSE")) {
        // options without effect on locking
      } else if (c.isOp("(")) {
        full |= optionListHas(c, "FULL");
      } else break;
    }
    String target = c.atIdentifier() ? c.name() : null;
    return new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, target, full, false);
  }

  /** At '(': an option list such as (FULL, ANALYZE) or (FULL true); true when {@code opt} is on. */
  private static boolean optionListHas(TokenCursor c, String opt) {
    int open = c.pos;
    c.skipParens();
    for (int k = open + 1; k < c.pos - 1; k++) {
      SqlToken t = c.tokens.get(k);
      if (t.isWord(opt)) {
        SqlToken v = c.tokens.get(k + 1);
        return !(v.isWord("FALSE") || v.isWord("OFF") || v.text().equals("0"));
      }
    }
    return false;
  }

  private static Operation analyze(TokenCursor c) throws RecogniseException {
    c.accept("VERBOSE");
    if (c.isOp("(")) c.skipParens();
    String target = c.atIdentifier() ? c.name() : null;
    return new Operation.Maintenance(Operation.Maintenance.Kind.ANALYZE, target, false, false);
  }

  private static Operation cluster(TokenCursor c) throws RecogniseException {
    c.accept("VERBOSE");
    if (c.isOp("(")) c.skipParens();
    String target = null;
    if (c.atIdentifier()) {
      String first = c.name();
      if (c.accept("ON")) target = c.name(); // CLUSTER index ON table (old form)
      else target = first;
    }
    return new Operation.Maintenance(Operation.Maintenance.Kind.CLUSTER, target, false, false);
  }

  private static Operation reindex(TokenCursor c) throws RecogniseException {
    if (c.isOp("(")) c.skipParens();
    SqlToken kind = c.peek();
    if (!(c.accept("INDEX") || c.accept("TABLE") || c.accept("SCHEMA") || c.accept("DATABASE")
        || c.accept("SYSTEM"))) {
      throw c.error("expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM");
    }
    boolean conc = c.accept("CONCURRENTLY");
    String target = c.atIdentifier() ? c.name() : null;
    return new Operation.Maintenance(Operation.Maintenance.Kind.REINDEX, target, false, conc, kind.upper());
  }

  /**
   * REPACK (PostgreSQL 19) rewrites a table like VACUUM FULL, or like CLUSTER with USING INDEX; it
   * is modelled as those.
   */
  private static Operation repack(TokenCursor c) throws RecogniseException {
    if (c.isOp("(")) c.skipParens();
    boolean conc = c.accept("CONCURRENTLY");
    String target = null;
    if (c.atIdentifier() && !c.isWord("USING")) {
      target = c.name();
      if (c.isOp("(")) c.skipParens();
    }
    if (c.accept("USING", "INDEX")) {
      if (c.atIdentifier()) c.name();
      return new Operation.Maintenance(Operation.Maintenance.Kind.CLUSTER, target, false, conc);
    }
    return new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, target, true, conc);
  }

  private static Operation doBlock(TokenCursor c) throws RecogniseException {
    String language = "plpgsql";
    if (c.accept("LANGUAGE")) language = languageName(c);
    if (c.atEnd() || c.peek().kind() != SqlToken.Kind.STRING) throw c.error("expected the DO block's body");
    c.pos++;
    if (c.accept("LANGUAGE")) language = languageName(c);
    if (!c.atEnd()) throw c.error("expected end of statement");
    return new Operation.DoBlock(language);
  }

  private static String languageName(TokenCursor c) throws RecogniseException {
    SqlToken t = c.peek();
    if (t == null) throw c.error("expected a language name");
    c.pos++;
    String s = t.text();
    if (t.kind() == SqlToken.Kind.STRING && s.length() >= 2) s = s.substring(1, s.length() - 1);
    return Names.normalize(s).toLowerCase(Locale.ROOT);
  }

  private static Operation with(TokenCursor c) throws RecogniseException {
    c.accept("RECURSIVE");
    Operation modifying = null;
    do {
      c.rawName();
      if (c.isOp("(")) c.skipParens();
      c.expect("AS");
      c.accept("NOT");
      c.accept("MATERIALIZED");
      if (!c.isOp("(")) throw c.error("expected '(' after AS");
      int open = c.pos;
      c.skipParens();
      SqlToken first = c.tokens.get(Math.min(open + 1, c.tokens.size() - 1));
      if (modifying == null && (first.isWord("UPDATE") || first.isWord("DELETE")) && c.pos - 1 > open + 1) {
        modifying = recognise(new TokenCursor(c.sql, c.tokens.subList(open + 1, c.pos - 1), c.dialect));
      }
      if (c.isWord("SEARCH") || c.isWord("CYCLE")) {
        // SEARCH DEPTH FIRST BY a, b SET col / CYCLE a, b SET col USING path: up to the next CTE
        // (", name AS (" or ", name (cols) AS") or the main statement
        c.pos++;
        while (!c.atEnd() && !MAIN_STATEMENT.contains(c.peek().upper())
            && !(c.isOp(",") && c.peek(1) != null && c.peek(1).isIdentifier()
                && (c.isWord(2, "AS") || c.isOp(2, "(")))) {
          c.pos++;
        }
      }
    } while (c.acceptOp(","));
    Operation main = recognise(c);
    if (main == null) throw c.error("expected SELECT, INSERT, UPDATE or DELETE after WITH");
    // a data-modifying CTE under a plain SELECT is what the statement does
    if (modifying != null && main instanceof Operation.Other) return modifying;
    return main;
  }

  /** MySQL RENAME TABLE a TO b [, c TO d]: the first rename as an ALTER TABLE … RENAME TO. */
  private static Operation renameTables(TokenCursor c) throws RecogniseException {
    if (!c.accept("TABLE")) {
      if (c.accept("USER")) return new Operation.Other("RENAME USER");
      throw c.error("expected TABLE");
    }
    String from = c.name();
    c.expect("TO");
    String to = c.name();
    List<AlterAction> actions = new ArrayList<>();
    actions.add(new AlterAction.RenameTable(to));
    return new Operation.AlterTable(from, actions, false);
  }

  // ---- CREATE ----

  private static Operation create(TokenCursor c) throws RecogniseException {
    boolean orReplace = c.accept("OR", "REPLACE");
    boolean temporary = false;
    boolean unique = false;
    while (true) {
      if (c.accept("TEMP") || c.accept("TEMPORARY")) temporary = true;
      else if (c.accept("UNIQUE")) unique = true;
      else if (c.accept("FULLTEXT") || c.accept("SPATIAL") || c.accept("GLOBAL") || c.accept("LOCAL")
          || c.accept("UNLOGGED") || c.accept("RECURSIVE") || c.accept("TRUSTED")
          || c.accept("PROCEDURAL") || c.accept("ONLINE") || c.accept("OFFLINE")
          || c.accept("NONCLUSTERED")) {
        // no fact the rules read
      } else if (c.isWord("DEFINER") || c.isWord("ALGORITHM") || (c.isWord("SQL") && c.isWord(1, "SECURITY"))) {
        skipMysqlClause(c);
      } else if (c.isWord("CONSTRAINT") && c.isWord(1, "TRIGGER")) {
        c.pos++;
      } else if (c.isWord("DEFAULT") && c.isWord(1, "CONVERSION")) {
        c.pos++;
      } else break;
    }
    if (c.accept("TABLE")) return createTable(c, temporary);
    if (c.accept("INDEX")) return createIndex(c, unique);
    SqlToken kindTok = c.peek();
    String kind = objectKind(c);
    if (kind.equals("FOREIGN TABLE")) return createTable(c, temporary);
    if (kind.equals("USER MAPPING") || kind.equals("CAST") || kind.equals("TRANSFORM")) {
      return new Operation.CreateObject(kind, null);
    }
    requireKnownKind(kind, kindTok);
    c.accept("IF", "NOT", "EXISTS");
    String name = null;
    if (c.atIdentifier() && !c.isWord("AUTHORIZATION")) name = c.name();
    if ((kind.equals("FUNCTION") || kind.equals("PROCEDURE")) && !c.isOp("(")) {
      throw c.error(name == null ? "expected the name of the " + kind.toLowerCase(Locale.ROOT)
          : "expected '(' and the parameters of " + kind.toLowerCase(Locale.ROOT) + " " + name);
    }
    String on = null;
    String detail = null;
    switch (kind) {
      case "TRIGGER", "POLICY" -> on = wordThenName(c, "ON");
      case "RULE" -> on = wordThenName(c, "TO"); // CREATE RULE r AS ON event TO table
      case "FUNCTION" -> detail = firstWord(c, "IMMUTABLE", "STABLE", "VOLATILE");
      case "DOMAIN" -> detail = firstWord(c, "CHECK");
      case "TYPE" -> detail = c.accept("AS", "ENUM") ? "ENUM" : null;
      default -> { }
    }
    return new Operation.CreateObject(kind, name, on, orReplace, detail);
  }

  /** The name after the first top-level {@code word} from here on, or null; moves past it. */
  private static String wordThenName(TokenCursor c, String word) throws RecogniseException {
    while (!c.atEnd()) {
      if (c.isOp("(")) {
        c.skipParens();
      } else if (c.accept(word)) {
        return c.atIdentifier() ? c.name() : null;
      } else {
        c.pos++;
      }
    }
    return null;
  }

  /** The first of {@code words} among the remaining top-level words (upper-cased), or null. */
  private static String firstWord(TokenCursor c, String... words) {
    for (int k = c.pos; k < c.tokens.size(); k++) {
      SqlToken t = c.tokens.get(k);
      if (!t.isWord()) continue;
      for (String w : words) if (t.upper().equals(w)) return w;
    }
    return null;
  }

  /**
   * The kind of object after CREATE/ALTER/DROP, one to three words: FUNCTION, MATERIALIZED VIEW,
   * FOREIGN DATA WRAPPER, TEXT SEARCH CONFIGURATION, EVENT TRIGGER, …
   */
  private static String objectKind(TokenCursor c) throws RecogniseException {
    SqlToken t = c.peek();
    if (t == null || !t.isWord()) throw c.error("expected the kind of object");
    c.pos++;
    String w = t.upper();
    switch (w) {
      case "MATERIALIZED":
        c.expect("VIEW");
        return "MATERIALIZED VIEW";
      case "FOREIGN":
        if (c.accept("DATA", "WRAPPER")) return "FOREIGN DATA WRAPPER";
        c.expect("TABLE");
        return "FOREIGN TABLE";
      case "PROPERTY":
        c.expect("GRAPH");
        return "PROPERTY GRAPH";
      case "TEXT":
        c.expect("SEARCH");
        if (!c.atIdentifier()) throw c.error("expected CONFIGURATION, DICTIONARY, PARSER or TEMPLATE");
        return "TEXT SEARCH " + c.next().upper();
      case "EVENT":
        return c.accept("TRIGGER") ? "EVENT TRIGGER" : "EVENT";
      case "OPERATOR":
        if (c.accept("CLASS")) return "OPERATOR CLASS";
        if (c.accept("FAMILY")) return "OPERATOR FAMILY";
        return "OPERATOR";
      case "LARGE":
        c.expect("OBJECT");
        return "LARGE OBJECT";
      case "DEFAULT":
        c.expect("PRIVILEGES");
        return "DEFAULT PRIVILEGES";
      case "USER":
        return c.accept("MAPPING") ? "USER MAPPING" : "USER";
      case "ACCESS":
        c.expect("METHOD");
        return "ACCESS METHOD";
      case "ROW":
        c.expect("LEVEL");
        c.expect("SECURITY");
        return "ROW LEVEL SECURITY";
      default:
        return w;
    }
  }

  /** Past the special kinds each statement handles itself, the kind must be one of {@link #KINDS}. */
  private static void requireKnownKind(String kind, SqlToken written) throws RecogniseException {
    if (!KINDS.contains(kind)) throw new RecogniseException("unknown object kind " + written.text(), written.start());
  }

  /** MySQL DEFINER = user@host, ALGORITHM = x, SQL SECURITY x before VIEW/PROCEDURE/…. */
  private static void skipMysqlClause(TokenCursor c) {
    String w = c.next().upper();
    if (w.equals("SQL")) {
      c.accept("SECURITY");
      if (!c.atEnd()) c.pos++;
      return;
    }
    c.acceptOp("=");
    if (!c.atEnd()) c.pos++;
    if (c.isOp("(") && w.equals("DEFINER")) c.skipParens(); // CURRENT_USER()
    while (c.acceptOp("@")) if (!c.atEnd()) c.pos++;
  }

  private static Operation createTable(TokenCursor c, boolean temporary) throws RecogniseException {
    boolean ine = c.accept("IF", "NOT", "EXISTS");
    String table = c.name();
    List<ColumnDef> columns = new ArrayList<>();
    List<ConstraintDef> constraints = new ArrayList<>();
    boolean asSelect = false;
    String partitionOf = null;
    List<String> inherits = new ArrayList<>();
    if (c.accept("PARTITION", "OF")) {
      partitionOf = c.name();
    } else if (c.accept("OF")) {
      c.name();
    } else if (c.accept("LIKE")) {
      c.name();
    } else if (c.isOp("(") && !(c.isWord(1, "SELECT") || c.isWord(1, "WITH"))) {
      c.pos++;
      while (!c.atEnd() && !c.isOp(")")) {
        if (c.isWord("LIKE")) {
          c.skipToComma();
        } else if (ColumnParser.startsTableConstraint(c)) {
          constraints.add(ColumnParser.tableConstraint(c).def());
        } else if (c.mysql() && (c.isWord("INDEX") || c.isWord("KEY") || c.isWord("FULLTEXT")
            || c.isWord("SPATIAL"))) {
          c.skipToComma(); // MySQL inline index: not a constraint, not modelled
        } else {
          columns.add(ColumnParser.columnDef(c));
        }
        if (!c.acceptOp(",")) break;
      }
      c.expectOp(")");
    }
    // INHERITS, PARTITION BY, WITH (…), TABLESPACE, ENGINE=…: not read; AS SELECT is.
    int depth = 0;
    while (!c.atEnd()) {
      if (depth == 0 && c.accept("INHERITS") && c.acceptOp("(")) {
        inherits.addAll(c.names());
        c.expectOp(")");
        continue;
      }
      SqlToken t = c.next();
      if (t.isOp("(")) depth++;
      else if (t.isOp(")")) depth--;
      else if (depth == 0 && (t.isWord("AS") || t.isWord("SELECT"))) {
        asSelect = true;
        break;
      }
    }
    return new Operation.CreateTable(table, columns, constraints, ine, asSelect, temporary, partitionOf, inherits);
  }

  private static Operation createIndex(TokenCursor c, boolean unique) throws RecogniseException {
    boolean conc = c.accept("CONCURRENTLY");
    boolean ine = c.accept("IF", "NOT", "EXISTS");
    String name = null;
    String method = null;
    if (!c.isWord("ON")) name = c.name();
    if (c.accept("USING")) method = c.next().text().toLowerCase(Locale.ROOT); // MySQL
    c.expect("ON");
    c.accept("ONLY");
    String table = c.name();
    if (c.accept("USING")) {
      if (!c.atIdentifier()) throw c.error("expected an index method");
      method = c.next().text().toLowerCase(Locale.ROOT);
    }
    List<String> columns = ColumnParser.columnList(c);
    String where = null;
    while (!c.atEnd()) {
      if (c.accept("WHERE")) {
        where = c.textToEnd(c.pos);
        c.pos = c.tokens.size();
      } else if (c.isOp("(")) {
        c.skipParens();
      } else {
        c.pos++; // INCLUDE, NULLS NOT DISTINCT, WITH, TABLESPACE, ALGORITHM=, LOCK=, …
      }
    }
    return new Operation.CreateIndex(
        name, table, columns, unique, conc, ine, where, method);
  }

  // ---- ALTER ----

  private static Operation alter(TokenCursor c) throws RecogniseException {
    c.accept("ONLINE");
    c.accept("IGNORE");
    while (c.isWord("DEFINER") || c.isWord("ALGORITHM") || (c.isWord("SQL") && c.isWord(1, "SECURITY"))) {
      skipMysqlClause(c);
    }
    c.accept("PROCEDURAL");
    if (c.accept("TABLE")) return AlterTableRecogniser.alterTable(c);
    if (c.accept("INDEX")) {
      if (c.isWord("ALL")) return new Operation.Other("ALTER INDEX");
      c.accept("IF", "EXISTS");
      String name = c.name();
      if (c.accept("RENAME", "TO")) return new Operation.RenameObject("INDEX", name, c.name());
      return new Operation.AlterObject("INDEX", name, null, action(c));
    }
    SqlToken kindTok = c.peek();
    String kind = objectKind(c);
    if (kind.equals("FOREIGN TABLE")) return AlterTableRecogniser.alterTable(c);
    requireKnownKind(kind, kindTok);
    c.accept("IF", "EXISTS");
    if (!c.atIdentifier() || kind.equals("DEFAULT PRIVILEGES")) return new Operation.Other("ALTER " + kind);
    String name = c.name();
    if (c.isOp("(")) c.skipParens(); // function arguments
    if (c.accept("USING") && c.atIdentifier()) c.pos++; // operator class/family USING method
    String on = c.accept("ON") ? c.name() : null; // TRIGGER/POLICY/RULE name ON table
    if (c.accept("RENAME", "TO")) return new Operation.RenameObject(kind, name, c.name());
    return new Operation.AlterObject(kind, name, on, action(c));
  }

  /** The rest of the statement, upper-cased words and single spaces (string literals kept). */
  private static String action(TokenCursor c) {
    StringBuilder out = new StringBuilder();
    for (int k = c.pos; k < c.tokens.size(); k++) {
      SqlToken t = c.tokens.get(k);
      if (out.length() > 0) out.append(' ');
      out.append(t.isWord() ? t.upper() : t.text());
    }
    c.pos = c.tokens.size();
    return out.toString();
  }

  // ---- DROP ----

  private static Operation drop(TokenCursor c) throws RecogniseException {
    boolean temporary = c.accept("TEMPORARY");
    if (c.accept("TABLE") || c.accept("FOREIGN", "TABLE")) {
      boolean ie = c.accept("IF", "EXISTS");
      List<String> tables = c.names();
      boolean cascade = c.accept("CASCADE");
      c.accept("RESTRICT");
      return new Operation.DropTable(tables, ie, cascade);
    }
    if (temporary) throw c.error("expected TABLE");
    if (c.accept("INDEX")) {
      boolean conc = c.accept("CONCURRENTLY");
      boolean ie = c.accept("IF", "EXISTS");
      List<String> names = c.names();
      String table = null;
      if (c.accept("ON")) table = c.name();
      return new Operation.DropIndex(names, conc, ie, table);
    }
    if (c.accept("OWNED")) return new Operation.Other("DROP OWNED");
    c.accept("PROCEDURAL");
    if (c.accept("PREPARE")) return new Operation.Other("DEALLOCATE");
    SqlToken kindTok = c.peek();
    String kind = objectKind(c);
    // DROP FOREIGN TABLE was taken with DROP TABLE above
    if (kind.equals("USER MAPPING")) return new Operation.DropObject(kind, List.of(), false);
    requireKnownKind(kind, kindTok);
    boolean ie = c.accept("IF", "EXISTS");
    List<String> names = new ArrayList<>();
    String on = null;
    if (kind.equals("CAST")) {
      if (c.isOp("(")) c.skipParens();
    } else if (kind.equals("TRANSFORM")) {
      c.expect("FOR");
      while (!c.atEnd() && !c.isWord("LANGUAGE")) c.pos++;
      c.expect("LANGUAGE");
      names.add(c.name());
    } else if (kind.equals("OPERATOR")) {
      do {
        while (!c.atEnd() && !c.isOp("(")) c.pos++;
        if (c.isOp("(")) c.skipParens();
      } while (c.acceptOp(","));
    } else {
      do {
        if (!c.atIdentifier()) throw c.error("expected a name");
        names.add(c.name());
        if (c.isOp("(")) c.skipParens();
        if (c.accept("ON")) on = c.name();
        if (c.accept("USING") && c.atIdentifier()) c.pos++;
      } while (c.acceptOp(","));
    }
    boolean cascade = c.accept("CASCADE");
    c.accept("RESTRICT");
    if (kind.equals("DATABASE") && c.accept("WITH") && c.isOp("(")) c.skipParens(); // WITH (FORCE)
    if (!c.atEnd()) throw c.error("expected end of statement");
    return new Operation.DropObject(kind, names, ie, on, cascade);
  }

  /** {@code LOCK [TABLE] [ONLY] name [*] [, …] [IN mode MODE] [NOWAIT]}. */
  private static Operation lockTable(TokenCursor c) throws RecogniseException {
    c.accept("TABLE");
    List<String> tables = tableList(c);
    LockLevel mode = LockLevel.ACCESS_EXCLUSIVE;
    if (c.accept("IN")) {
      StringBuilder words = new StringBuilder();
      while (!c.atEnd() && !c.isWord("MODE")) words.append(words.length() == 0 ? "" : " ").append(c.next().upper());
      c.expect("MODE");
      mode = LockLevel.byLabel(words.toString())
          .orElseThrow(() -> c.error("expected a lock mode (ACCESS SHARE … ACCESS EXCLUSIVE)"));
    }
    boolean nowait = c.accept("NOWAIT");
    if (!c.atEnd()) throw c.error("expected end of statement");
    return new Operation.LockTable(tables, mode, nowait);
  }

  private static Operation truncate(TokenCursor c) throws RecogniseException {
    c.accept("TABLE");
    List<String> tables = tableList(c);
    boolean cascade = false;
    while (!c.atEnd()) {
      if (c.accept("CASCADE")) cascade = true;
      else c.pos++; // RESTART IDENTITY, CONTINUE IDENTITY, RESTRICT
    }
    return new Operation.Truncate(tables, cascade);
  }

  /** {@code [ONLY] name [*] [, …]}: the tables of LOCK and TRUNCATE. */
  private static List<String> tableList(TokenCursor c) throws RecogniseException {
    List<String> tables = new ArrayList<>();
    do {
      c.accept("ONLY");
      tables.add(c.name());
      c.acceptOp("*");
    } while (c.acceptOp(","));
    return tables;
  }
}
