package dev.specgate.rules.packet;

import dev.specgate.core.Spaces;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of statement a plan's step description names ("CREATE INDEX CONCURRENTLY", "Add
 * nullable column", "VALIDATE CONSTRAINT", "Batch backfill"), and which statements it can be.
 * A description naming no known kind, or two ("Add NOT NULL constraint": a CHECK or SET NOT
 * NULL?), is not matched: the rules then say nothing about it.
 */
enum PlanStep {
  VALIDATE, CREATE_INDEX, CREATE_INDEX_CONCURRENTLY, DROP_INDEX, DROP_INDEX_CONCURRENTLY, ADD_FOREIGN_KEY,
  ADD_CHECK, ADD_CONSTRAINT, SET_NOT_NULL, DROP_NOT_NULL, ADD_COLUMN, DROP_COLUMN, ALTER_TYPE,
  RENAME, DATA_CHANGE, DROP_TABLE, TRUNCATE;

  private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*");
  // Step words, found (not matched against ".*….*", which backtracks quadratically on long text).
  private static final Pattern INDEX = Pattern.compile("\\bindex(?:es)?\\b");
  private static final Pattern DROP_WORD = Pattern.compile("\\b(?:drop|remove|delete)");
  private static final Pattern FOREIGN_KEY = Pattern.compile("\\b(?:foreign key|fk|references)\\b");
  private static final Pattern CHECK = Pattern.compile("\\bcheck\\b");
  private static final Pattern ADD_OR_CONSTRAINT = Pattern.compile("\\b(?:add|constraint|not valid)\\b");
  private static final Pattern TRUNCATE_WORD = Pattern.compile("\\btruncate\\b");
  private static final Pattern RENAME_WORD = Pattern.compile("\\brename");
  private static final Pattern ALTER_WORD = Pattern.compile("\\b(?:alter|change)");
  private static final Pattern TYPE_WORD = Pattern.compile("\\btype\\b");
  private static final Pattern DROP_COLUMN_WORD = Pattern.compile("\\b(?:drop|remove)");
  private static final Pattern ADD_WORD = Pattern.compile("\\badd");
  private static final Pattern COLUMN_WORD = Pattern.compile("\\bcolumn\\b");
  private static final Pattern DATA_WORD = Pattern.compile("\\b(?:backfill|update|batch)\\w*+\\b");

  /** True when {@code first} occurs and {@code second} occurs after its first occurrence. */
  private static boolean before(Pattern first, Pattern second, String t) {
    Matcher m = first.matcher(t);
    return m.find() && second.matcher(t).region(m.end(), t.length()).find();
  }

  /** The kind a step description names, or {@code null}. */
  static PlanStep of(String description) {
    String t = Spaces.collapse(description.toLowerCase(Locale.ROOT).replace('_', ' '));
    boolean conc = t.contains("concurrent");
    if (t.contains("validate")) return VALIDATE;
    if (INDEX.matcher(t).find()) {
      if (DROP_WORD.matcher(t).find()) return conc ? DROP_INDEX_CONCURRENTLY : DROP_INDEX;
      return conc ? CREATE_INDEX_CONCURRENTLY : CREATE_INDEX;
    }
    if (FOREIGN_KEY.matcher(t).find()) return ADD_FOREIGN_KEY;
    if (t.contains("drop not null")) return DROP_NOT_NULL;
    if (t.contains("set not null")) return SET_NOT_NULL;
    if (CHECK.matcher(t).find() && ADD_OR_CONSTRAINT.matcher(t).find()) return ADD_CHECK;
    if (t.contains("not valid") || t.contains("add constraint")) return ADD_CONSTRAINT;
    if (t.contains("not null")) return null; // a CHECK or SET NOT NULL: ambiguous
    if (t.contains("drop table")) return DROP_TABLE;
    if (TRUNCATE_WORD.matcher(t).find()) return TRUNCATE;
    if (RENAME_WORD.matcher(t).find()) return RENAME;
    if (before(ALTER_WORD, TYPE_WORD, t)) return ALTER_TYPE;
    if (before(DROP_COLUMN_WORD, COLUMN_WORD, t)) return DROP_COLUMN;
    if (before(ADD_WORD, COLUMN_WORD, t)) return ADD_COLUMN;
    if (DATA_WORD.matcher(t).find()) return DATA_CHANGE;
    return null;
  }

  /** True when {@code s} is a statement of this kind. */
  boolean matches(Statement s) {
    Operation op = s.op();
    return switch (this) {
      case CREATE_INDEX -> op instanceof Operation.CreateIndex;
      case CREATE_INDEX_CONCURRENTLY -> op instanceof Operation.CreateIndex ci && ci.concurrently();
      case DROP_INDEX -> op instanceof Operation.DropIndex;
      case DROP_INDEX_CONCURRENTLY -> op instanceof Operation.DropIndex di && di.concurrently();
      case VALIDATE -> hasAction(op, a -> a instanceof AlterAction.ValidateConstraint);
      case ADD_FOREIGN_KEY -> hasAction(op, a -> a instanceof AlterAction.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY);
      case ADD_CHECK -> hasAction(op, a -> a instanceof AlterAction.AddConstraint ac
          && ac.constraint().kind() == ConstraintDef.Kind.CHECK);
      case ADD_CONSTRAINT -> hasAction(op, a -> a instanceof AlterAction.AddConstraint);
      case SET_NOT_NULL -> hasAction(op, a -> a instanceof AlterAction.SetNotNull);
      case DROP_NOT_NULL -> hasAction(op, a -> a instanceof AlterAction.DropNotNull);
      case ADD_COLUMN -> hasAction(op, a -> a instanceof AlterAction.AddColumn);
      case DROP_COLUMN -> hasAction(op, a -> a instanceof AlterAction.DropColumn);
      case ALTER_TYPE -> hasAction(op, a -> a instanceof AlterAction.AlterColumnType);
      case RENAME -> op instanceof Operation.RenameObject
          || hasAction(op, a -> a instanceof AlterAction.RenameColumn || a instanceof AlterAction.RenameTable);
      case DATA_CHANGE -> op instanceof Operation.Update || op instanceof Operation.Delete;
      case DROP_TABLE -> op instanceof Operation.DropTable;
      case TRUNCATE -> op instanceof Operation.Truncate;
    };
  }

  private static boolean hasAction(Operation op, Predicate<AlterAction> p) {
    return op instanceof Operation.AlterTable at && at.actions().stream().anyMatch(p);
  }

  /**
   * The statements of this kind among {@code statements}; when the description names one of
   * their tables, indexes or columns, only those.
   */
  List<Statement> candidates(String description, List<Statement> statements) {
    List<Statement> kind = statements.stream().filter(this::matches).toList();
    Set<String> words = new HashSet<>();
    Matcher m = WORD.matcher(description.toLowerCase(Locale.ROOT));
    while (m.find()) words.add(m.group());
    List<Statement> named = new ArrayList<>();
    for (Statement s : kind) {
      for (String n : names(s.op())) {
        if (words.contains(n)) {
          named.add(s);
          break;
        }
      }
    }
    return named.isEmpty() ? kind : named;
  }

  /** Table, index and column names a statement acts on, lower-case and unqualified. */
  static List<String> names(Operation op) {
    List<String> out = new ArrayList<>();
    if (op instanceof Operation.CreateIndex ci) {
      add(out, ci.name());
      add(out, ci.table());
      ci.columns().forEach(c -> add(out, c));
    } else if (op instanceof Operation.DropIndex di) {
      di.names().forEach(n -> add(out, n));
    } else if (op instanceof Operation.AlterTable at) {
      add(out, at.table());
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AddColumn ac) add(out, ac.column().name());
        else if (a instanceof AlterAction.DropColumn dc) add(out, dc.column());
        else if (a instanceof AlterAction.SetNotNull sn) add(out, sn.column());
        else if (a instanceof AlterAction.DropNotNull dn) add(out, dn.column());
        else if (a instanceof AlterAction.AlterColumnType t) add(out, t.column());
        else if (a instanceof AlterAction.ValidateConstraint v) add(out, v.name());
        else if (a instanceof AlterAction.AddConstraint c) {
          add(out, c.constraint().name());
          c.constraint().columns().forEach(x -> add(out, x));
        }
      }
    } else if (op instanceof Operation.Update u) {
      add(out, u.table());
    } else if (op instanceof Operation.Delete d) {
      add(out, d.table());
    } else if (op instanceof Operation.DropTable dt) {
      dt.tables().forEach(t -> add(out, t));
    } else if (op instanceof Operation.Truncate tr) {
      tr.tables().forEach(t -> add(out, t));
    }
    return out;
  }

  private static void add(List<String> out, String name) {
    if (name != null) out.add(Names.unqualified(Names.normalize(name)).toLowerCase(Locale.ROOT));
  }
}
