package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.StringLiterals;
import dev.specgate.sql.schema.TableState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ALTER TYPE … ADD VALUE where its transaction makes the migration fail. Before PostgreSQL 12 the
 * statement cannot run inside a transaction block at all ("ALTER TYPE … ADD cannot run inside a
 * transaction block"); from 12 on it can, but the new value cannot be used until the transaction
 * commits ("unsafe use of new value"). Both do not apply when the enum type itself was created
 * earlier in the same transaction. Same transaction = one BEGIN…COMMIT of the file, or the file
 * the tool runs in a transaction. PostgreSQL only.
 */
@RuleInfo(
    id = "enum-value-in-transaction",
    family = Family.SQL,
    severity = Severity.ERROR,
    summary = "ALTER TYPE … ADD VALUE in a transaction before PostgreSQL 12, or its new value used before commit")
public final class EnumValueInTransaction implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    int pg = context.config().postgresVersion();
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      String value = addedValue(at.op());
      if (value == null) continue;
      String type = ((Operation.AlterObject) at.op()).name();
      boolean explicit = at.statement().inExplicitTransaction();
      if (!explicit && !at.file().toolTransaction()) continue;
      if (typeCreatedInSameTransaction(at, type)) continue;
      String shown = SqlRuleSupport.name(type);
      String where = explicit ? "inside BEGIN … COMMIT"
          : SqlRuleSupport.inToolTransaction(SqlRuleSupport.tool(context, at.file()));
      if (pg < 12) {
        out.report(SqlRuleSupport.location(at),
            "ALTER TYPE " + shown + " ADD VALUE " + where + ": PostgreSQL " + pg
                + " refuses it (before 12 it cannot run in a transaction block) and the migration fails",
            lockWhy(shown) + " Before PostgreSQL 12 it is refused in a transaction block (\"ALTER TYPE …"
                + " ADD cannot run inside a transaction block\"); the deploy stops here and, in a"
                + " transaction, what ran before it in the file rolls back.",
            fix(explicit, SqlRuleSupport.tool(context, at.file()), shown, value));
        continue;
      }
      for (Statement s : at.file().migration().statements()) {
        if (s.index() <= at.statement().index()) continue;
        At later = new At(at.file(), s, context.schema().isRollback(at.file(), s));
        if (later.rollback() != at.rollback()) continue;
        if (!ValidateSameTransaction.sameTransaction(later, at.statement())) break;
        if (!usesValue(context, later, type, value)) continue;
        out.report(SqlRuleSupport.location(later),
            "'" + value + "' is used in the same transaction that added it to enum " + shown + " (line "
                + at.statement().line() + "): PostgreSQL rejects the statement (unsafe use of new value)"
                + " and the migration fails",
            lockWhy(shown) + " A value added by ADD VALUE cannot be used until its transaction commits:"
                + " PostgreSQL raises \"unsafe use of new value '" + value + "' of enum type " + shown
                + "\" (\"New enum values must be committed before they can be used\"), the deploy stops"
                + " and the transaction, ADD VALUE included, rolls back.",
            "Commit between them: add the value in a migration of its own and use it in a later one"
                + " (or after COMMIT):\nALTER TYPE " + shown + " ADD VALUE IF NOT EXISTS '" + value
                + "';\n-- next migration\n" + s.sql().strip() + ";");
      }
    }
    out.flush();
  }

  private static String lockWhy(String type) {
    return "ADD VALUE takes an EXCLUSIVE lock on the type " + type + " only, no lock on the tables"
        + " that use it: it blocks another ADD VALUE, not reads or writes; the hazard is a failed deploy.";
  }

  private static String fix(boolean explicit, MigrationTool tool, String type, String value) {
    String sql = "ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS '" + value + "';";
    if (explicit) return "Move it out of BEGIN … COMMIT, on its own:\n" + sql;
    return switch (tool) {
      case GOOSE -> "Put it in a migration of its own without a transaction:\n-- +goose NO TRANSACTION\n-- +goose Up\n" + sql;
      case DBMATE -> "Put it in a migration of its own without a transaction:\n-- migrate:up transaction:false\n" + sql;
      case DIESEL -> "Put it in a migration of its own with a metadata.toml beside its up.sql saying"
          + " run_in_transaction = false:\n" + sql;
      case FLYWAY -> "Put it alone in a migration file (Flyway runs a file of only non-transactional"
          + " statements without a transaction):\n" + sql;
      case GOLANG_MIGRATE -> "Put it alone in its migration file (a single statement runs without an"
          + " implicit transaction):\n" + sql;
      default -> "Run it outside any transaction, in a migration of its own:\n" + sql;
    };
  }

  /** The value an ALTER TYPE … ADD VALUE adds, or null for any other statement. */
  static String addedValue(Operation op) {
    if (!(op instanceof Operation.AlterObject ao) || !"TYPE".equals(ao.objectKind()) || ao.action() == null
        || !ao.action().startsWith("ADD VALUE")) {
      return null;
    }
    String rest = ao.action().substring("ADD VALUE".length()).strip();
    if (rest.startsWith("IF NOT EXISTS")) rest = rest.substring("IF NOT EXISTS".length()).strip();
    List<StringLiterals.Literal> literals = StringLiterals.of(rest, Dialect.POSTGRES);
    return literals.isEmpty() || !rest.startsWith("'") && !rest.toUpperCase(Locale.ROOT).startsWith("E'")
        ? null : literals.get(0).value();
  }

  /** A CREATE TYPE … AS ENUM of the type earlier in the same transaction: then both uses are allowed. */
  private static boolean typeCreatedInSameTransaction(At add, String type) {
    String t = bare(type);
    for (Statement s : add.file().migration().statements()) {
      if (s.index() >= add.statement().index()) break;
      if (s.op() instanceof Operation.CreateObject co && "TYPE".equals(co.objectKind()) && co.name() != null
          && bare(co.name()).equals(t) && ValidateSameTransaction.sameTransaction(add, s)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code at} holds the value as a literal the enum reads: cast to the type, or in a
   * statement on a table that has (or gets) a column of the type — or whose columns the history
   * does not know. A literal on a table whose known columns are all of other types is not the enum.
   */
  private static boolean usesValue(RuleContext c, At at, String type, String value) {
    String t = bare(type);
    List<StringLiterals.Literal> uses = new ArrayList<>();
    for (StringLiterals.Literal l : StringLiterals.of(at.statement().sql(), Dialect.POSTGRES)) {
      if (!l.value().equals(value)) continue;
      if (l.castTo() != null) {
        if (bare(l.castTo()).equals(t)) return true;
        continue;
      }
      uses.add(l);
    }
    if (uses.isEmpty()) return false;
    Operation op = at.op();
    if (op instanceof Operation.AlterObject ao && "TYPE".equals(ao.objectKind()) && bare(ao.name()).equals(t)) {
      return false; // another ADD VALUE … AFTER 'new' names the label, it stores nothing
    }
    List<String> newColumnTypes = new ArrayList<>();
    String table = null;
    if (op instanceof Operation.CreateTable ct) {
      for (ColumnDef col : ct.columns()) newColumnTypes.add(col.type());
      return newColumnTypes.stream().anyMatch(x -> isType(x, t));
    } else if (op instanceof Operation.AlterTable alter) {
      table = alter.table();
      for (AlterAction a : alter.actions()) {
        if (a instanceof AlterAction.AddColumn ac) newColumnTypes.add(ac.column().type());
        if (a instanceof AlterAction.AlterColumnType ct) newColumnTypes.add(ct.newType());
      }
    } else if (op instanceof Operation.Update u) {
      table = u.table();
    } else if (op instanceof Operation.Insert i) {
      table = i.table();
    } else if (op instanceof Operation.Delete d) {
      table = d.table();
    } else if (op instanceof Operation.CreateIndex ci) {
      table = ci.table();
    } else {
      return false;
    }
    if (newColumnTypes.stream().anyMatch(x -> isType(x, t))) return true;
    if (table == null) return true;
    Optional<TableState> known = c.schema().tableBefore(at.file(), at.statement(), table);
    if (known.isEmpty() || known.get().columns().isEmpty()) return true;
    for (StringLiterals.Literal l : uses) {
      // "note = 'archived'": the column's type decides; a column the history does not know may be the enum
      Optional<TableState.Column> col = l.column() == null ? Optional.empty() : known.get().column(l.column());
      if (l.column() != null && col.isPresent()) {
        if (isType(col.get().type(), t)) return true;
      } else if (l.column() != null || known.get().columns().values().stream().anyMatch(k -> isType(k.type(), t))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isType(String columnType, String bareType) {
    return columnType != null && bare(columnType).equals(bareType);
  }

  private static String bare(String name) {
    return Names.unqualified(Names.normalize(name.strip()));
  }
}
