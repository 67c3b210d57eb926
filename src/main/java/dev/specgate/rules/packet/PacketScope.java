package dev.specgate.rules.packet;

import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleContext;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which migrations a packet covers, and which tables a statement touches. */
final class PacketScope {
  private PacketScope() {}

  /**
   * A packet covers a migration that sits under its folder, whose path or file name it names, or
   * one of whose tables it names.
   */
  static boolean covers(Packet p, MigrationFile m) {
    if (!p.folder().isEmpty() && m.path().startsWith(p.folder() + "/")) return true;
    if (p.namesFile(m.path())) return true;
    for (Statement s : m.migration().statements()) {
      for (String t : tables(s.op())) if (p.namesTable(t)) return true;
    }
    return false;
  }

  /**
   * Changed forward migrations the packet covers. A migration that sits under another packet's
   * folder belongs to that packet: this one covers it only by naming its full path.
   */
  static List<MigrationFile> coveredMigrations(RuleContext ctx, Packet p) {
    List<MigrationFile> out = new ArrayList<>();
    for (MigrationFile m : ctx.changedMigrations()) {
      if (underOtherPacket(ctx.packets(), p, m) && !p.namesPath(m.path())) continue;
      if (covers(p, m)) out.add(m);
    }
    return out;
  }

  private static boolean underOtherPacket(List<Packet> packets, Packet p, MigrationFile m) {
    if (under(p, m)) return false;
    for (Packet other : packets) if (other != p && under(other, m)) return true;
    return false;
  }

  private static boolean under(Packet p, MigrationFile m) {
    return !p.folder().isEmpty() && m.path().startsWith(p.folder() + "/");
  }

  /** Tables an operation reads or writes, normalised lower-case and unqualified. */
  static Set<String> tables(Operation op) {
    Set<String> out = new LinkedHashSet<>();
    if (op instanceof Operation.CreateTable ct) add(out, ct.table());
    else if (op instanceof Operation.AlterTable at) add(out, at.table());
    else if (op instanceof Operation.DropTable dt) dt.tables().forEach(t -> add(out, t));
    else if (op instanceof Operation.Truncate tr) tr.tables().forEach(t -> add(out, t));
    else if (op instanceof Operation.CreateIndex ci) add(out, ci.table());
    else if (op instanceof Operation.Update u) add(out, u.table());
    else if (op instanceof Operation.Delete d) add(out, d.table());
    else if (op instanceof Operation.Insert i) add(out, i.table());
    else if (op instanceof Operation.Maintenance mt && mt.target() != null) add(out, mt.target());
    return out;
  }

  static String key(String table) {
    return Names.unqualified(Names.normalize(table)).toLowerCase(Locale.ROOT);
  }

  private static void add(Set<String> out, String t) {
    if (t != null && !t.isBlank()) out.add(key(t));
  }

  /** True when the statement changes data or schema of a table that existed before it. */
  static boolean touchesExisting(RuleContext ctx, MigrationFile m, Statement s, String table) {
    if (s.op() instanceof Operation.CreateTable) return false;
    return ctx.schema().isExistingTable(m, s, table);
  }

  static boolean isBackfill(Operation op) {
    return op instanceof Operation.Update
        || (op instanceof Operation.Insert i && i.fromSelect());
  }

  static List<AlterAction> actions(Operation op) {
    return op instanceof Operation.AlterTable at ? at.actions() : List.of();
  }
}
