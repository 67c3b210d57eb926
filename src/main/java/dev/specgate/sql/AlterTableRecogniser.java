package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The actions of ALTER TABLE, PostgreSQL and MySQL. MySQL {@code ADD INDEX/KEY} becomes
 * {@link AlterAction.AddIndex}, {@code ADD UNIQUE [KEY]} an {@link AlterAction.AddConstraint} of kind
 * UNIQUE, {@code DROP FOREIGN KEY x} and {@code DROP PRIMARY KEY} a {@link AlterAction.DropConstraint}
 * (name "primary" for the latter), {@code DROP INDEX|KEY x} an {@link AlterAction.DropIndex}.
 * {@code MODIFY col type …} redefines the whole column, so it yields
 * {@link AlterAction.AlterColumnType}, then {@link AlterAction.SetNotNull} or
 * {@link AlterAction.DropNotNull} (a MySQL column without NOT NULL becomes nullable), then
 * {@link AlterAction.SetDefault} when a DEFAULT is declared; {@code CHANGE old new type …} adds a
 * {@link AlterAction.RenameColumn} first when the name changes.
 */
final class AlterTableRecogniser {
  private AlterTableRecogniser() {}

  /** After ALTER [ONLINE|IGNORE] TABLE. */
  static Operation alterTable(TokenCursor c) throws RecogniseException {
    boolean ifExists = c.accept("IF", "EXISTS");
    if (c.isWord("ALL") && c.isWord(1, "IN")) return new Operation.Other("ALTER TABLE ALL IN TABLESPACE");
    c.accept("ONLY");
    String table = c.name();
    c.acceptOp("*");
    List<AlterAction> actions = new ArrayList<>();
    while (!c.atEnd()) {
      action(c, actions);
      if (c.atEnd()) break;
      if (!c.acceptOp(",")) {
        if (c.mysql()) continue; // table options may follow each other without commas
        throw c.error("expected ',' or the end of the ALTER TABLE statement");
      }
    }
    if (actions.isEmpty()) throw c.error("expected an ALTER TABLE action");
    return new Operation.AlterTable(table, actions, ifExists);
  }

  private static void action(TokenCursor c, List<AlterAction> out) throws RecogniseException {
    int from = c.pos;
    if (c.accept("ADD")) {
      add(c, out, from);
    } else if (c.accept("DROP")) {
      drop(c, out, from);
    } else if (c.isWord("ALTER") && !c.isWord(1, "CONSTRAINT") && !c.isWord(1, "INDEX")
        && !c.isWord(1, "CHECK")) {
      c.pos++;
      alterColumn(c, out, from);
    } else if (c.isWord("MODIFY") && !c.isOp(1, "(")) {
      c.pos++;
      c.accept("COLUMN");
      ColumnDef col = typed(c);
      redefine(col, out);
    } else if (c.accept("CHANGE")) {
      c.accept("COLUMN");
      String old = Names.normalize(ColumnParser.columnName(c));
      ColumnDef col = typed(c);
      if (!old.equals(col.name())) out.add(new AlterAction.RenameColumn(old, col.name()));
      redefine(col, out);
    } else if (c.accept("RENAME")) {
      rename(c, out, from);
    } else if (c.accept("VALIDATE", "CONSTRAINT")) {
      out.add(new AlterAction.ValidateConstraint(c.name()));
    } else if (c.accept("SET", "LOGGED")) {
      out.add(new AlterAction.SetLogged(true));
    } else if (c.accept("SET", "UNLOGGED")) {
      out.add(new AlterAction.SetLogged(false));
    } else {
      other(c, out, from);
    }
  }

  /** A column definition that must declare a type (ADD COLUMN, MODIFY, CHANGE). */
  private static ColumnDef typed(TokenCursor c) throws RecogniseException {
    ColumnDef col = ColumnParser.columnDef(c);
    if (col.type().isEmpty()) throw c.error("expected the type of column " + col.name());
    return col;
  }

  private static void redefine(ColumnDef col, List<AlterAction> out) {
    out.add(new AlterAction.AlterColumnType(col.name(), col.type(), null));
    out.add(col.notNull() ? new AlterAction.SetNotNull(col.name()) : new AlterAction.DropNotNull(col.name()));
    if (col.defaultExpr() != null) out.add(new AlterAction.SetDefault(col.name(), col.defaultExpr()));
  }

  private static void other(TokenCursor c, List<AlterAction> out, int from) {
    c.skipToComma();
    if (c.pos == from && !c.atEnd()) c.pos++; // never loop on a stray ')'
    out.add(new AlterAction.OtherAction(c.text(from, c.pos)));
  }

  private static void add(TokenCursor c, List<AlterAction> out, int from) throws RecogniseException {
    if (c.accept("COLUMN")) {
      boolean ine = c.accept("IF", "NOT", "EXISTS");
      if (c.isOp("(")) {
        addList(c, out);
      } else {
        out.add(new AlterAction.AddColumn(typed(c), ine));
      }
    } else if (c.isOp("(")) {
      addList(c, out);
    } else if (c.accept("IF", "NOT", "EXISTS")) {
      out.add(new AlterAction.AddColumn(typed(c), true));
    } else if (ColumnParser.startsTableConstraint(c) || (c.isWord("NOT") && c.isWord(1, "NULL"))) {
      ColumnParser.Parsed p = ColumnParser.tableConstraint(c);
      out.add(new AlterAction.AddConstraint(p.def(), p.notValid()));
    } else if (c.mysql() && (c.isWord("INDEX") || c.isWord("KEY") || c.isWord("FULLTEXT")
        || c.isWord("SPATIAL"))) {
      String kind = c.next().upper();
      if (kind.equals("KEY")) kind = "INDEX";
      if (!c.accept("INDEX")) c.accept("KEY");
      String name = null;
      if (c.atIdentifier() && !c.isWord("USING")) name = c.name();
      if (c.accept("USING") && c.atIdentifier()) c.pos++;
      List<String> cols = ColumnParser.columnList(c);
      c.skipToComma();
      out.add(new AlterAction.AddIndex(name, cols, kind));
    } else if (c.isWord("PARTITION")) {
      other(c, out, from);
    } else {
      out.add(new AlterAction.AddColumn(typed(c), false));
    }
  }

  /** MySQL {@code ADD (col def, …)}. */
  private static void addList(TokenCursor c, List<AlterAction> out) throws RecogniseException {
    c.expectOp("(");
    while (!c.atEnd() && !c.isOp(")")) {
      if (ColumnParser.startsTableConstraint(c)) {
        ColumnParser.Parsed p = ColumnParser.tableConstraint(c);
        out.add(new AlterAction.AddConstraint(p.def(), p.notValid()));
      } else if (c.isWord("INDEX") || c.isWord("KEY") || c.isWord("FULLTEXT") || c.isWord("SPATIAL")) {
        String kind = c.next().upper();
        if (kind.equals("KEY")) kind = "INDEX";
        String name = null;
        if (c.atIdentifier() && !c.isWord("USING")) name = c.name();
        if (c.accept("USING") && c.atIdentifier()) c.pos++;
        out.add(new AlterAction.AddIndex(name, ColumnParser.columnList(c), kind));
        c.skipToComma();
      } else {
        out.add(new AlterAction.AddColumn(typed(c), false));
      }
      if (!c.acceptOp(",")) break;
    }
    c.expectOp(")");
  }

  private static void drop(TokenCursor c, List<AlterAction> out, int from) throws RecogniseException {
    if (c.accept("CONSTRAINT")) {
      boolean ie = c.accept("IF", "EXISTS");
      String name = c.name();
      c.accept("CASCADE");
      c.accept("RESTRICT");
      out.add(new AlterAction.DropConstraint(name, ie));
    } else if (c.accept("FOREIGN", "KEY")) {
      out.add(new AlterAction.DropConstraint(c.name(), c.accept("IF", "EXISTS")));
    } else if (c.accept("PRIMARY", "KEY")) {
      out.add(new AlterAction.DropConstraint("primary", false));
    } else if (c.mysql() && (c.accept("INDEX") || c.accept("KEY"))) {
      out.add(new AlterAction.DropIndex(c.name()));
    } else if (c.mysql() && c.accept("CHECK")) {
      out.add(new AlterAction.DropConstraint(c.name(), false));
    } else if (c.isWord("PARTITION") || c.isWord("DEFAULT") || c.isWord("EXPRESSION")) {
      other(c, out, from);
    } else {
      c.accept("COLUMN");
      boolean ie = c.accept("IF", "EXISTS");
      String col = Names.normalize(ColumnParser.columnName(c));
      boolean cascade = c.accept("CASCADE");
      c.accept("RESTRICT");
      out.add(new AlterAction.DropColumn(col, ie, cascade));
    }
  }

  private static void alterColumn(TokenCursor c, List<AlterAction> out, int from) throws RecogniseException {
    c.accept("COLUMN");
    String col = Names.normalize(ColumnParser.columnName(c));
    if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
      int typeFrom = c.pos;
      int depth = 0;
      while (!c.atEnd()) {
        SqlToken t = c.peek();
        if (t.isOp("(")) depth++;
        else if (t.isOp(")")) depth--;
        else if (depth == 0 && (t.isOp(",") || t.isWord("USING") || t.isWord("COLLATE"))) break;
        c.pos++;
      }
      if (c.pos == typeFrom) throw c.error("expected a type");
      String type = c.typeText(typeFrom, c.pos);
      String using = null;
      if (c.accept("COLLATE")) c.rawName();
      if (c.accept("USING")) {
        int u = c.pos;
        c.skipToComma();
        using = c.text(u, c.pos);
      }
      out.add(new AlterAction.AlterColumnType(col, type, using));
    } else if (c.accept("SET", "DEFAULT")) {
      int e = c.pos;
      c.skipToComma();
      if (c.pos == e) throw c.error("expected a default expression");
      out.add(new AlterAction.SetDefault(col, c.text(e, c.pos)));
    } else if (c.accept("DROP", "DEFAULT")) {
      out.add(new AlterAction.DropDefault(col));
    } else if (c.accept("SET", "NOT", "NULL")) {
      out.add(new AlterAction.SetNotNull(col));
    } else if (c.accept("DROP", "NOT", "NULL")) {
      out.add(new AlterAction.DropNotNull(col));
    } else {
      other(c, out, from);
    }
  }

  private static void rename(TokenCursor c, List<AlterAction> out, int from) throws RecogniseException {
    if (c.accept("CONSTRAINT")) {
      String a = c.name();
      c.expect("TO");
      out.add(new AlterAction.RenameConstraint(a, c.name()));
    } else if (c.accept("TO") || c.accept("AS")
        || (c.mysql() && c.atIdentifier() && !c.isWord("COLUMN") && !c.isWord(1, "TO"))) {
      out.add(new AlterAction.RenameTable(c.name()));
    } else if (c.isWord("INDEX") || c.isWord("KEY")) {
      other(c, out, from);
    } else {
      c.accept("COLUMN");
      String a = Names.normalize(ColumnParser.columnName(c));
      c.expect("TO");
      out.add(new AlterAction.RenameColumn(a, Names.normalize(ColumnParser.columnName(c))));
    }
  }
}
