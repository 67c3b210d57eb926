package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Column definitions and table constraints, shared by CREATE TABLE and ALTER TABLE. */
final class ColumnParser {
  private ColumnParser() {}

  /** Words that end a column's type and start its constraints or attributes. */
  private static final Set<String> TYPE_END = Set.of(
      "CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
      "GENERATED", "COLLATE", "AUTO_INCREMENT", "AUTOINCREMENT", "COMMENT", "ON", "AS", "FIRST",
      "AFTER", "CHARSET", "DEFERRABLE", "INITIALLY", "KEY", "USING", "STORAGE", "COMPRESSION",
      "VISIBLE", "INVISIBLE", "STORED", "VIRTUAL", "SRID", "COLUMN_FORMAT", "ENCODE", "IDENTITY",
      "OPTIONS", "ENGINE_ATTRIBUTE");

  /** Words after which a DEFAULT (or ON UPDATE) expression ends. */
  private static final Set<String> EXPR_END = Set.of(
      "CONSTRAINT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED", "COLLATE",
      "AUTO_INCREMENT", "AUTOINCREMENT", "COMMENT", "FIRST", "AFTER", "DEFERRABLE", "INITIALLY",
      "CHARSET", "VISIBLE", "INVISIBLE", "STORAGE", "COMPRESSION", "KEY");

  private static final Set<String> SERIAL = Set.of(
      "serial", "bigserial", "smallserial", "serial2", "serial4", "serial8");

  static boolean startsTableConstraint(TokenCursor c) {
    SqlToken t = c.peek();
    if (t == null || !t.isWord()) return false;
    switch (t.upper()) {
      case "CONSTRAINT": case "PRIMARY": case "UNIQUE": case "FOREIGN": case "CHECK":
        return true;
      case "EXCLUDE":
        return c.isOp(1, "(") || c.isWord(1, "USING");
      default:
        return false;
    }
  }

  /** A column definition: name, type, then constraints until ',' or ')' at depth 0. */
  static ColumnDef columnDef(TokenCursor c) throws RecogniseException {
    String name = Names.normalize(columnName(c));
    return columnRest(c, name);
  }

  static String columnName(TokenCursor c) throws RecogniseException {
    if (!c.atIdentifier()) throw c.error("expected a column name");
    return c.next().text();
  }

  /** The type and constraints of a column whose name was read. */
  static ColumnDef columnRest(TokenCursor c, String name) throws RecogniseException {
    int typeFrom = c.pos;
    int depth = 0;
    while (!c.atEnd()) {
      SqlToken t = c.peek();
      if (t.isOp("(") || t.isOp("[")) depth++;
      else if (t.isOp(")") || t.isOp("]")) {
        if (depth == 0) break;
        depth--;
      } else if (depth == 0) {
        if (t.isOp(",")) break;
        if (t.isWord() && c.pos > typeFrom && TYPE_END.contains(t.upper())) break;
        if (t.isWord("CHARACTER") && c.isWord(1, "SET") && c.pos > typeFrom) break;
      }
      c.pos++;
    }
    String type = c.typeText(typeFrom, c.pos);
    boolean notNull = false;
    boolean primaryKey = false;
    boolean unique = false;
    boolean generated = type.isEmpty() ? false : SERIAL.contains(firstWord(type));
    String defaultExpr = null;
    String references = null;
    String check = null;
    while (!c.atEnd() && !c.isOp(",") && !c.isOp(")")) {
      if (c.accept("CONSTRAINT")) {
        if (c.atIdentifier() && !isConstraintWord(c.peek())) c.pos++;
      } else if (c.accept("NOT", "NULL")) {
        notNull = true;
      } else if (c.accept("NOT")) {
        // NOT DEFERRABLE, NOT ENFORCED, NOT VALID
        if (c.atIdentifier()) c.pos++;
      } else if (c.accept("NULL")) {
        // nullable, the default
      } else if (c.accept("DEFAULT")) {
        int from = c.pos;
        expression(c);
        defaultExpr = c.text(from, c.pos);
      } else if (c.accept("PRIMARY", "KEY")) {
        primaryKey = true;
        notNull = true;
        skipKeyOptions(c);
      } else if (c.accept("UNIQUE")) {
        unique = true;
        c.accept("KEY");
        c.accept("INDEX");
        if (c.accept("NULLS")) {
          c.accept("NOT");
          c.accept("DISTINCT");
        }
        skipKeyOptions(c);
      } else if (c.mysql() && c.accept("KEY")) {
        primaryKey = true;
        notNull = true;
      } else if (c.accept("REFERENCES")) {
        references = c.name();
        if (c.isOp("(")) c.skipParens();
        referenceOptions(c);
      } else if (c.accept("CHECK")) {
        check = parenthesised(c);
        c.accept("NO", "INHERIT");
      } else if (c.accept("GENERATED")) {
        generated = true;
        c.accept("ALWAYS");
        c.accept("BY", "DEFAULT");
        c.expect("AS");
        if (c.isOp("(")) c.skipParens();
        else if (c.accept("IDENTITY") && c.isOp("(")) c.skipParens();
      } else if (c.accept("AS")) {
        generated = true; // MySQL: AS (expr) [STORED|VIRTUAL]
        if (c.isOp("(")) c.skipParens();
      } else if (c.accept("AUTO_INCREMENT") || c.accept("AUTOINCREMENT") || c.accept("IDENTITY")) {
        generated = true;
        if (c.isOp("(")) c.skipParens();
      } else if (c.accept("ON", "UPDATE")) {
        expression(c);
      } else if (c.accept("COLLATE") || c.accept("CHARSET") || c.accept("CHARACTER", "SET")
          || c.accept("COMMENT") || c.accept("AFTER") || c.accept("STORAGE")
          || c.accept("COMPRESSION") || c.accept("COLUMN_FORMAT") || c.accept("SRID")
          || c.accept("INITIALLY") || c.accept("ENCODE")) {
        c.acceptOp("=");
        if (c.atIdentifier()) c.rawName();
        else if (!c.atEnd() && !c.isOp(",") && !c.isOp(")")) c.pos++; // a string: COMMENT 'x'
      } else if (c.isOp("(")) {
        c.skipParens();
      } else {
        c.pos++; // FIRST, DEFERRABLE, VISIBLE, STORED, … carry no fact the rules read
      }
    }
    return new ColumnDef(name, type, notNull, defaultExpr, primaryKey, unique, generated, references, check);
  }

  private static String firstWord(String type) {
    int sp = 0;
    while (sp < type.length() && Character.isLetterOrDigit(type.charAt(sp))) sp++;
    return type.substring(0, sp);
  }

  private static boolean isConstraintWord(SqlToken t) {
    if (!t.isWord()) return false;
    switch (t.upper()) {
      case "NOT": case "NULL": case "PRIMARY": case "UNIQUE": case "REFERENCES": case "CHECK":
      case "DEFAULT": case "FOREIGN": case "GENERATED": case "EXCLUDE":
        return true;
      default:
        return false;
    }
  }

  /** Reads an expression: at least one token, to ',' or ')' at depth 0 or a column keyword. */
  static void expression(TokenCursor c) {
    int from = c.pos;
    int depth = 0;
    while (!c.atEnd()) {
      SqlToken t = c.peek();
      if (t.isOp("(") || t.isOp("[") || t.isWord("CASE")) depth++;
      else if (t.isOp(")") || t.isOp("]") || t.isWord("END")) {
        if (depth == 0) return;
        depth--;
      } else if (depth == 0 && c.pos > from) {
        if (t.isOp(",")) return;
        if (t.isWord() && EXPR_END.contains(t.upper())) return;
        if (t.isWord("NOT") && (c.isWord(1, "NULL") || c.isWord(1, "DEFERRABLE"))) return;
        if (t.isWord("ON") && c.isWord(1, "UPDATE")) return;
        if (t.isWord("CHARACTER") && c.isWord(1, "SET")) return;
      }
      c.pos++;
    }
  }

  /** At '(': the text inside the parentheses as written. */
  static String parenthesised(TokenCursor c) throws RecogniseException {
    if (!c.isOp("(")) throw c.error("expected '('");
    int open = c.pos;
    c.skipParens();
    int close = c.pos - 1;
    return close > open + 1 ? c.text(open + 1, close) : "";
  }

  /** ON DELETE/UPDATE actions, MATCH, DEFERRABLE … after REFERENCES t (cols). */
  private static void referenceOptions(TokenCursor c) {
    while (true) {
      if (c.accept("MATCH")) {
        if (c.atIdentifier()) c.pos++;
      } else if (c.accept("ON")) {
        if (c.accept("DELETE") || c.accept("UPDATE")) {
          if (c.accept("SET")) {
            if (c.atIdentifier()) c.pos++;
            if (c.isOp("(")) c.skipParens();
          } else if (c.accept("NO", "ACTION")) {
            // nothing
          } else if (c.atIdentifier()) {
            c.pos++;
          }
        }
      } else {
        return;
      }
    }
  }

  /** USING INDEX TABLESPACE x, INCLUDE (…), WITH (…), MySQL index options after a key. */
  private static void skipKeyOptions(TokenCursor c) {
    while (true) {
      if (c.accept("USING", "INDEX", "TABLESPACE")) {
        if (c.atIdentifier()) c.pos++;
      } else if (c.isWord("INCLUDE") && c.isOp(1, "(") || c.isWord("WITH") && c.isOp(1, "(")) {
        c.pos++;
        c.skipParens();
      } else if (c.isWord("ASC") || c.isWord("DESC")) {
        c.pos++;
      } else {
        return;
      }
    }
  }

  /** The result of a table constraint: the constraint and whether NOT VALID was written. */
  record Parsed(ConstraintDef def, boolean notValid) {}

  /**
   * A table constraint: {@code [CONSTRAINT name] PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK|EXCLUDE|NOT
   * NULL …} with NOT VALID, USING INDEX and the other trailing options.
   */
  static Parsed tableConstraint(TokenCursor c) throws RecogniseException {
    String name = null;
    if (c.accept("CONSTRAINT")) {
      if (c.atIdentifier() && !isConstraintWord(c.peek())) name = c.name();
    }
    ConstraintDef.Kind kind;
    List<String> columns = List.of();
    String refTable = null;
    String expression = null;
    String usingIndex = null;
    List<String> refColumns = List.of();
    if (c.accept("PRIMARY", "KEY")) {
      kind = ConstraintDef.Kind.PRIMARY_KEY;
      mysqlIndexNameAndType(c);
      if (c.accept("USING", "INDEX")) usingIndex = c.name();
      else columns = columnList(c);
    } else if (c.accept("UNIQUE")) {
      kind = ConstraintDef.Kind.UNIQUE;
      if (!c.accept("KEY")) c.accept("INDEX");
      if (c.accept("NULLS")) {
        c.accept("NOT");
        c.accept("DISTINCT");
      }
      if (c.accept("USING", "INDEX")) {
        usingIndex = c.name();
      } else {
        String indexName = mysqlIndexNameAndType(c);
        if (name == null && indexName != null) name = indexName;
        columns = columnList(c);
      }
    } else if (c.accept("FOREIGN", "KEY")) {
      kind = ConstraintDef.Kind.FOREIGN_KEY;
      String indexName = mysqlIndexNameAndType(c);
      if (name == null && indexName != null) name = indexName;
      columns = columnList(c);
      c.expect("REFERENCES");
      refTable = c.name();
      if (c.isOp("(")) refColumns = columnList(c);
      referenceOptions(c);
    } else if (c.accept("CHECK")) {
      kind = ConstraintDef.Kind.CHECK;
      expression = parenthesised(c);
    } else if (c.accept("EXCLUDE")) {
      kind = ConstraintDef.Kind.EXCLUDE;
      if (c.accept("USING") && c.atIdentifier()) c.pos++;
      expression = parenthesised(c);
    } else if (c.accept("NOT", "NULL")) {
      kind = ConstraintDef.Kind.NOT_NULL;
      columns = List.of(Names.normalize(columnName(c)));
    } else {
      throw c.error("expected PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK, EXCLUDE or NOT NULL");
    }
    boolean notValid = false;
    while (!c.atEnd() && !c.isOp(",") && !c.isOp(")")) {
      if (c.accept("NOT", "VALID")) {
        notValid = true;
      } else if (c.accept("USING", "INDEX", "TABLESPACE")) {
        if (c.atIdentifier()) c.pos++;
      } else if (c.isOp("(")) {
        c.skipParens();
      } else {
        c.pos++; // DEFERRABLE, INITIALLY DEFERRED, NO INHERIT, INCLUDE (…), WITH (…), WHERE (…)
      }
    }
    return new Parsed(new ConstraintDef(name, kind, columns, refTable, expression, usingIndex, refColumns), notValid);
  }

  /** MySQL: an optional index name and USING BTREE|HASH before the column list. */
  private static String mysqlIndexNameAndType(TokenCursor c) throws RecogniseException {
    String name = null;
    if (c.atIdentifier() && !c.isWord("USING") && !c.isOp("(")) name = c.name();
    if (c.isWord("USING") && !c.isWord(1, "INDEX")) {
      c.pos++;
      if (c.atIdentifier()) c.pos++;
    }
    return name;
  }

  /**
   * A parenthesised list of key parts. A plain column (with optional length, ASC/DESC, opclass) is
   * returned normalized; an expression is returned as written.
   */
  static List<String> columnList(TokenCursor c) throws RecogniseException {
    if (!c.isOp("(")) throw c.error("expected '(' and a column list");
    c.pos++;
    List<String> out = new ArrayList<>();
    while (!c.atEnd() && !c.isOp(")")) {
      int from = c.skipToComma();
      int to = c.pos;
      out.add(keyPart(c, from, to));
      if (!c.acceptOp(",")) break;
    }
    c.expectOp(")");
    return out;
  }

  private static String keyPart(TokenCursor c, int from, int to) {
    if (to <= from) return "";
    SqlToken first = c.tokens.get(from);
    boolean plain = first.isIdentifier();
    if (plain && from + 1 < to) {
      SqlToken second = c.tokens.get(from + 1);
      if (second.isOp("(")) {
        // MySQL prefix length: name(10)
        plain = c.mysql() && from + 3 < to + 1 && c.tokens.get(from + 2).kind() == SqlToken.Kind.NUMBER;
      } else {
        plain = second.isWord();
      }
    }
    if (plain) return Names.normalize(first.text());
    // an expression: drop the trailing sort order, which is not part of the key
    int end = to;
    while (end > from + 1) {
      SqlToken last = c.tokens.get(end - 1);
      if (last.isWord("ASC") || last.isWord("DESC")) {
        end--;
      } else if ((last.isWord("FIRST") || last.isWord("LAST")) && c.tokens.get(end - 2).isWord("NULLS")) {
        end -= 2;
      } else {
        break;
      }
    }
    return c.text(from, end);
  }
}
