package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A changed migration with lock-heavy or destructive statements that no packet covers (no packet
 * sits above it, names the file, or names one of its tables). Reported once per file, at its
 * first such statement.
 */
@RuleInfo(id = "migration-without-packet", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A migration with lock-heavy or destructive statements and no packet covering it")
public final class MigrationWithoutPacket implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (MigrationFile m : ctx.changedMigrations()) {
      if (covered(ctx.packets(), m)) continue;
      Statement first = null;
      Set<String> kinds = new LinkedHashSet<>();
      for (Statement s : m.migration().statements()) {
        String kind = risky(ctx, m, s);
        if (kind == null) continue;
        if (first == null) first = s;
        kinds.add(kind);
      }
      if (first == null) continue;
      out.report(Location.line(m.path(), first.line()),
          ("`%s` %s and no packet covers it (no packet folder holds it, and no packet names the "
              + "file or one of its tables)").formatted(m.source().fileName(),
              describe(new ArrayList<>(kinds))),
          Seeds.NO_PACKET,
          "Add a packet (a folder with spec.md, tasks.md, acceptance-criteria.md) that names this "
              + "file or its tables, with the tables' row counts, phases, rollback and "
              + "compatibility window.");
    }
  }

  private static boolean covered(List<Packet> packets, MigrationFile m) {
    for (Packet p : packets) if (PacketScope.covers(p, m)) return true;
    return false;
  }

  private static String describe(List<String> kinds) {
    return (kinds.size() == 1 ? "has a " : "has ") + String.join(", ", kinds);
  }

  /** The kind of lock-heavy or destructive statement, or null when it is neither. */
  static String risky(RuleContext ctx, MigrationFile m, Statement s) {
    Operation op = s.op();
    if (op instanceof Operation.DropTable) return "DROP TABLE";
    if (op instanceof Operation.Truncate) return "TRUNCATE";
    if (op instanceof Operation.CreateIndex ci && !ci.concurrently()
        && ctx.schema().isExistingTable(m, s, ci.table())) {
      return "CREATE INDEX without CONCURRENTLY";
    }
    if (op instanceof Operation.Update u && !u.limited()
        && ctx.schema().isExistingTable(m, s, u.table())) {
      return "unbatched UPDATE";
    }
    if (op instanceof Operation.Delete d && !d.limited()
        && ctx.schema().isExistingTable(m, s, d.table())) {
      return "unbatched DELETE";
    }
    if (op instanceof Operation.AlterTable at) {
      if (!ctx.schema().isExistingTable(m, s, at.table())) return null;
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.DropColumn) return "DROP COLUMN";
        if (a instanceof AlterAction.AlterColumnType) return "column type change";
        if (a instanceof AlterAction.SetNotNull) return "SET NOT NULL";
        if (a instanceof AlterAction.RenameColumn) return "RENAME COLUMN";
        if (a instanceof AlterAction.RenameTable) return "RENAME TO";
      }
    }
    return null;
  }
}
