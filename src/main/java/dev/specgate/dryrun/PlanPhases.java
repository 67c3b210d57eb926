package dev.specgate.dryrun;

import dev.specgate.packet.Packet;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.PlanSql;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.SqlBlockRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phases of a plan's SQL, in document order: each phase's own SQL (phase SQL and backfill
 * blocks, as written) and its rollback blocks. A rollback block belongs to the phase with its
 * number ("Rollback (Phase 3)" → "Phase 3 — Enforce"), else to the phase of its name (expand,
 * backfill, switch, cleanup); SQL outside any phase forms one unnamed phase.
 *
 * @param label the phase as the plan titles it ("Phase 1 — Expand Schema")
 * @param up the phase's SQL and backfill blocks, in document order
 * @param rollbacks its rollback blocks, in document order
 */
record PlanPhases(String label, PhaseName name, Integer number, List<PlanSqlBlock> up, List<PlanSqlBlock> rollbacks) {
  private static final Pattern NUMBER = Pattern.compile("(?i)\\b(?:phase|stage)\\s*(\\d+)");

  /** The phases of one packet; empty when its plan has no rollback SQL. */
  static List<PlanPhases> of(Packet packet) {
    List<PlanSqlBlock> blocks = PlanSql.blocks(packet);
    if (blocks.stream().noneMatch(b -> b.role() == SqlBlockRole.ROLLBACK)) return List.of();
    List<Builder> phases = new ArrayList<>();
    for (PlanSqlBlock b : blocks) {
      if (b.role() == SqlBlockRole.PHASE || b.role() == SqlBlockRole.BACKFILL) find(phases, b).up.add(b);
    }
    for (PlanSqlBlock b : blocks) {
      if (b.role() == SqlBlockRole.ROLLBACK) find(phases, b).rollbacks.add(b);
    }
    return phases.stream().map(Builder::build).toList();
  }

  private static Builder find(List<Builder> phases, PlanSqlBlock b) {
    Integer n = numberOf(b);
    for (Builder p : phases) if (p.matches(b, n)) return p;
    Builder p = new Builder(label(b), b.phase(), n);
    phases.add(p);
    return p;
  }

  static Integer numberOf(PlanSqlBlock b) {
    for (String text : new String[] {b.phaseTitle(), b.context()}) {
      if (text == null) continue;
      Matcher m = NUMBER.matcher(text);
      if (m.find()) return Integer.valueOf(m.group(1));
    }
    return null;
  }

  private static String label(PlanSqlBlock b) {
    if (b.phaseTitle() != null) {
      String t = PhaseName.plainTitle(b.phaseTitle());
      if (t.endsWith(":")) t = t.substring(0, t.length() - 1).strip();
      if (!t.isEmpty()) return t;
    }
    return b.phase() == null ? "(no phase)" : b.phase().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static final class Builder {
    final String label;
    final PhaseName name;
    final Integer number;
    final List<PlanSqlBlock> up = new ArrayList<>();
    final List<PlanSqlBlock> rollbacks = new ArrayList<>();

    Builder(String label, PhaseName name, Integer number) {
      this.label = label;
      this.name = name;
      this.number = number;
    }

    boolean matches(PlanSqlBlock b, Integer n) {
      if (n != null && number != null) return n.equals(number);
      if (b.phase() == null || name == null) return b.phase() == null && name == null;
      return b.phase() != PhaseName.OTHER && b.phase() == name;
    }

    PlanPhases build() {
      return new PlanPhases(label, name, number, List.copyOf(up), List.copyOf(rollbacks));
    }
  }
}
