package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanSql;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.SqlBlockRole;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A migration of the change does what the plan's SQL does, differently. Plan statements (phase
 * SQL and backfill scripts, not rollback or validation queries) and the change's forward
 * migration statements are matched by operation + table + index / column / constraint name, and
 * compared on what makes the step safe: CONCURRENTLY for an index built or dropped, NOT NULL for
 * an added column, NOT VALID for an added foreign key or CHECK (an inline REFERENCES on an added
 * column is a validated foreign key). Reported at the migration's statement.
 */
@RuleInfo(id = "plan-migration-mismatch", family = Family.PACKET, severity = Severity.WARNING,
    summary = "A migration does differently what the plan's SQL for that step does")
public final class PlanMigrationMismatch implements Rule {
  static final String WHY_SEED =
      "Seed 001: \"Before a migration script exists, I want one sentence about the rollback"
          + " limit\" — the plan is reviewed before the SQL exists, and reviewers approved the plan's"
          + " SQL. Seed 000: \"If it changes old inference logic before the switch flag exists, send"
          + " it back to the spec instead of accepting the diff.\" A migration that quietly differs"
          + " from the reviewed plan ships a step nobody reviewed.";

  /** One safety-relevant fact of a statement: key (what object), value (how it is done). */
  private record Fact(String key, String what, String value, String plan, String migration) {}

  private record Found(Fact fact, String file, Statement statement) {}

  @Override
  public void check(RuleContext ctx, Findings out) {
    Set<String> reported = new HashSet<>();
    for (Packet p : ctx.packets()) {
      Map<String, Found> plan = new LinkedHashMap<>();
      for (PlanSqlBlock b : PlanSql.blocks(p, ctx.config().dialect())) {
        if (b.role() != SqlBlockRole.PHASE && b.role() != SqlBlockRole.BACKFILL) continue;
        for (Statement s : b.migration().statements()) {
          for (Fact f : facts(s.op())) plan.putIfAbsent(f.key(), new Found(f, b.file(), s));
        }
      }
      if (plan.isEmpty()) continue;
      for (MigrationFile m : ctx.changedMigrations()) {
        for (Statement s : m.migration().statements()) {
          if (ctx.schema().isRollback(m, s)) continue;
          for (Fact f : facts(s.op())) {
            Found planned = plan.get(f.key());
            if (planned == null || planned.fact().value().equals(f.value())) continue;
            String at = m.path() + ":" + s.line() + ":" + f.key();
            if (!reported.add(at)) continue;
            out.report(
                new Location(m.path(), s.span().startLine(), s.span().startColumn(),
                    s.span().endLine(), s.span().endColumn()),
                "the plan (%s line %d) %s; this migration %s"
                    .formatted(planned.file(), planned.statement().line(),
                        planned.fact().plan().replace("{}", f.what()), f.migration()),
                WHY_SEED,
                "Make the migration do what the plan reviewed:\n" + planned.statement().sql().strip()
                    + ";\n-- or update the plan (and its review) if the migration is right.");
          }
        }
      }
    }
  }

  /** The facts of one statement that plan and migration must agree on. */
  private static List<Fact> facts(Operation op) {
    List<Fact> out = new ArrayList<>();
    if (op instanceof Operation.CreateIndex ci) {
      String key = "create-index:" + (ci.name() != null ? n(ci.name()) : n(ci.table()) + ci.columns());
      String what = "index " + (ci.name() != null ? ci.name() : "on " + ci.table() + " " + ci.columns());
      out.add(concurrently(key, what, ci.concurrently(), "builds", "builds it"));
    } else if (op instanceof Operation.DropIndex di) {
      for (String name : di.names()) {
        out.add(concurrently("drop-index:" + n(name), "index " + name, di.concurrently(), "drops", "drops it"));
      }
    } else if (op instanceof Operation.AlterTable at) {
      String t = n(at.table());
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AddColumn ac) {
          String c = n(ac.column().name());
          boolean notNull = ac.column().notNull() || ac.column().primaryKey();
          String col = "column " + at.table() + "." + ac.column().name();
          out.add(new Fact("add-column:" + t + "." + c, col, notNull ? "not null" : "nullable",
              notNull ? "adds {} NOT NULL" : "adds {} nullable",
              notNull ? "adds it NOT NULL" : "adds it nullable"));
          if (ac.column().references() != null) {
            out.add(foreignKey(t, c, at.table(), ac.column().name(), false));
          }
        } else if (a instanceof AlterAction.AddConstraint ac) {
          ConstraintDef k = ac.constraint();
          if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY && k.columns().size() == 1) {
            out.add(foreignKey(t, n(k.columns().get(0)), at.table(), k.columns().get(0), ac.notValid()));
          } else if (k.kind() == ConstraintDef.Kind.CHECK && k.name() != null) {
            String what = "CHECK constraint " + k.name() + " on " + at.table();
            out.add(new Fact("check:" + t + "." + n(k.name()), what,
                ac.notValid() ? "not valid" : "validated",
                ac.notValid() ? "adds {} NOT VALID (validated later)" : "adds {} validated",
                ac.notValid() ? "adds it NOT VALID" : "adds it validated in one step (a full scan under"
                    + " its ACCESS EXCLUSIVE lock)"));
          }
        }
      }
    }
    return out;
  }

  private static Fact concurrently(String key, String what, boolean conc, String verb, String verbIt) {
    return new Fact(key, what, conc ? "concurrently" : "blocking",
        verb + " {}" + (conc ? " CONCURRENTLY" : " without CONCURRENTLY"),
        verbIt + (conc ? " CONCURRENTLY" : " without CONCURRENTLY (blocking writes while it runs)"));
  }

  private static Fact foreignKey(String t, String c, String table, String column, boolean notValid) {
    return new Fact("fk:" + t + "." + c, "the foreign key on " + table + "." + column,
        notValid ? "not valid" : "validated",
        notValid ? "adds {} NOT VALID (validated later)" : "adds {} validated",
        notValid ? "adds it NOT VALID"
            : "adds it validated in one step (scanning the table under SHARE ROW EXCLUSIVE, which"
                + " blocks writes)");
  }

  private static String n(String name) {
    return Names.unqualified(Names.normalize(name)).toLowerCase(Locale.ROOT);
  }
}
