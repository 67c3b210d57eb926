package dev.specgate.rules.guardrail;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleContext;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.MigrationFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where the guardrail rules find their lists, and the names the migrations know. */
final class Guardrails {
  private Guardrails() {}

  /**
   * The guardrails of the packets in scope. For a {@code DIFF} change set (the guard command) the
   * spec given on the command line is an unchanged context file; it counts too.
   */
  static List<Guardrail> from(RuleContext context) {
    Map<String, Guardrail> byPath = new LinkedHashMap<>();
    for (Packet p : context.packets()) {
      // The plan document holds the lists: spec.md, or seed 004's single migration-plan.md.
      p.file(p.planName()).ifPresent(f -> add(byPath, f, p.folder()));
    }
    ChangeSet cs = context.changeSet();
    if (cs.kind() == ChangeSet.Kind.DIFF) {
      // The guard's spec is unchanged context, whatever its name; a plan document the diff adds
      // (spec.md or migration-plan.md) counts too.
      for (SourceFile f : cs.files()) {
        boolean markdown = f.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".md");
        if (markdown && (!f.isChanged() || f.fileName().equalsIgnoreCase(Packet.SPEC)
            || f.fileName().equalsIgnoreCase(Packet.MIGRATION_PLAN))) {
          int slash = f.path().lastIndexOf('/');
          add(byPath, f, slash < 0 ? "" : f.path().substring(0, slash));
        }
      }
    }
    return List.copyOf(byPath.values());
  }

  private static void add(Map<String, Guardrail> byPath, SourceFile spec, String folder) {
    if (spec.content() == null || byPath.containsKey(spec.path())) return;
    Guardrail g = GuardrailParser.parse(spec.path(), folder, spec.content());
    if (!g.isEmpty()) byPath.put(spec.path(), g);
  }

  /** Lower-case table and column names the migrations create (plain words in items may name them). */
  static Set<String> knownNames(RuleContext context) {
    Set<String> out = new HashSet<>();
    for (MigrationFile m : context.migrations()) {
      for (Statement s : m.migration().statements()) {
        if (s.op() instanceof Operation.CreateTable ct) {
          out.add(Names.unqualified(ct.table()).toLowerCase(java.util.Locale.ROOT));
          for (ColumnDef c : ct.columns()) out.add(c.name().toLowerCase(java.util.Locale.ROOT));
        } else if (s.op() instanceof Operation.AlterTable at) {
          for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddColumn ac) {
              out.add(ac.column().name().toLowerCase(java.util.Locale.ROOT));
            }
          }
        }
      }
    }
    return out;
  }

  static List<ForbiddenCheck> checks(Guardrail g, Set<String> known, List<GuardrailItem> unmapped,
      List<String> reasons) {
    List<ForbiddenCheck> out = new ArrayList<>();
    for (GuardrailItem item : g.forbidden()) {
      ItemMapper.Mapping m = ItemMapper.forbidden(item, known);
      if (m.check() != null) {
        out.add(m.check());
      } else if (unmapped != null) {
        unmapped.add(item);
        reasons.add(m.unmappedReason());
      }
    }
    return out;
  }

  /** The spec principle the guardrail findings quote (seed 000). */
  static final String WHY = "The spec's guardrail fences off what this change may touch. \"The"
      + " guardrail prevents a common AI-coding failure: taking a schema request as permission to"
      + " 'clean up' the domain model. A safer migration deliberately keeps old fields alive until"
      + " the new field proves parity and downstream consumers have had time to adjust.\"";
}
