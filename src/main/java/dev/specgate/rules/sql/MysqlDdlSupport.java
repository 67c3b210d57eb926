package dev.specgate.rules.sql;

import dev.specgate.core.Spaces;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.MysqlOnlineDdl;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the two MySQL online-DDL rules share: the facts around an action, and the advice. */
final class MysqlDdlSupport {
  private MysqlDdlSupport() {}

  static MysqlOnlineDdl.Plan plan(RuleContext c, ActionAt x) {
    AlterAction a = x.action();
    // MODIFY/CHANGE restate nullability every time: only a known change of it is one.
    String nullability = a instanceof AlterAction.SetNotNull s ? s.column()
        : a instanceof AlterAction.DropNotNull d ? d.column() : null;
    if (nullability != null) {
      boolean toNotNull = a instanceof AlterAction.SetNotNull;
      var before = c.schema().columnBefore(x.at().file(), x.at().statement(), x.alter().table(), oldName(x.alter(), nullability));
      if (before.isEmpty() || before.get().notNull() == toNotNull) return null;
    }
    boolean autoIncrement = a instanceof AlterAction.AddColumn ac && ac.column().generated()
        && x.at().statement().sql().toLowerCase(Locale.ROOT).contains("auto_increment");
    boolean positioned = a instanceof AlterAction.AddColumn
        && POSITIONED.matcher(x.at().statement().sql()).find();
    return MysqlOnlineDdl.of(a, new MysqlOnlineDdl.Facts(typeChanged(c, x), foreignKeyChecksOff(x), autoIncrement, positioned),
        c.config().mysqlServer());
  }

  /** ADD COLUMN … FIRST / AFTER other: the column is not appended last. */
  private static final Pattern POSITIONED = Pattern.compile("(?i)\\b(FIRST|AFTER\\s+[`\\w])");

  /** How a message names the server it assumed: " (assuming MySQL 8.4; set mysqlVersion)". */
  static String assumed(RuleContext c) {
    return " (assuming " + c.config().mysqlServer().describe() + "; the mysqlVersion setting)";
  }

  /** True when the statement changes the type of a column (or the old type is unknown). */
  static boolean statementChangesAType(RuleContext c, ActionAt x) {
    for (AlterAction a : x.alter().actions()) {
      if (a instanceof AlterAction.AlterColumnType t && typeChanged(c, x.at(), x.alter(), t)) return true;
    }
    return false;
  }

  private static boolean typeChanged(RuleContext c, ActionAt x) {
    return x.action() instanceof AlterAction.AlterColumnType t && typeChanged(c, x.at(), x.alter(), t);
  }

  /** CHANGE old new: the history knows the column by its old name. */
  private static String oldName(Operation.AlterTable alter, String column) {
    for (AlterAction a : alter.actions()) {
      if (a instanceof AlterAction.RenameColumn r && r.to().equals(column)) return r.from();
    }
    return column;
  }

  private static boolean typeChanged(RuleContext c, SqlRuleSupport.At at, Operation.AlterTable alter, AlterAction.AlterColumnType t) {
    String col = oldName(alter, t.column());
    return c.schema().columnBefore(at.file(), at.statement(), alter.table(), col)
        .map(before -> !norm(before.type()).equals(norm(t.newType())))
        .orElse(true);
  }

  private static String norm(String type) {
    return type == null ? "" : Spaces.remove(type.toLowerCase(Locale.ROOT));
  }

  /** A {@code SET foreign_key_checks = 0} earlier in the file. */
  private static boolean foreignKeyChecksOff(ActionAt x) {
    boolean off = false;
    for (Statement s : x.at().file().migration().statements()) {
      if (s.index() >= x.at().statement().index()) break;
      if (s.op() instanceof Operation.SetParameter p && p.name() != null
          && p.name().toLowerCase(Locale.ROOT).replace("@", "").endsWith("foreign_key_checks")) {
        String v = p.value() == null ? "" : p.value().replace("'", "").trim().toLowerCase(Locale.ROOT);
        off = v.equals("0") || v.equals("off") || v.equals("false");
      }
    }
    return off;
  }

  static final String METADATA_LOCK = " Every ALTER, even an INSTANT one, takes an exclusive metadata lock"
      + " at its start and end: it waits behind any open transaction that touched the table, and every"
      + " query on the table queues behind it meanwhile (bound it with SET lock_wait_timeout).";

  static final String ONLINE_TOOLS = "On a large table, run the change with gh-ost or"
      + " pt-online-schema-change (a shadow copy filled in the background, then a quick swap), and set"
      + " SET SESSION lock_wait_timeout = 5; before any ALTER so a metadata-lock wait fails fast.";
}
