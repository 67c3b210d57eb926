package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Phase;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.TextLine;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One change both introduces a replacement (ADD COLUMN on a table) and drops or renames a column
 * of the same existing table; or the spec's cleanup / contract phase is scheduled for the same
 * release.
 */
@RuleInfo(id = "same-release-cleanup", family = Family.PACKET, severity = Severity.ERROR,
    summary = "One change both introduces a replacement and removes or renames what it replaces, "
        + "or the spec schedules cleanup in the same release")
public final class SameReleaseCleanup implements Rule {
  static final Pattern SAME_RELEASE = Pattern.compile(
      "(?:same|this|current|one) (?:release|deploy|deployment|pr|pull request|sprint|migration)"
          + "|same day|at the same time|together with (?:the )?(?:expand|backfill|switch)"
          + "|immediately after (?:the )?(?:expand|backfill|switch|flip)|in one (?:step|go)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATION = Pattern.compile(
      "(?:\\bnot|\\bno|\\bnever|n't|\\bafter|\\bbeyond|\\boutside)\\s+(?:\\w+\\s+){0,3}$",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx, Findings out) {
    checkMigrations(ctx, out);
    for (Packet p : ctx.packets()) {
      for (Phase phase : p.phases(PhaseName.CLEANUP)) {
        for (TextLine l : phase.lines()) {
          if (!schedulesSameRelease(l.text())) continue;
          out.report(Location.line(p.planPath(), l.line()),
              "the cleanup phase is scheduled for the same release: \"%s\""
                  .formatted(AcceptanceNotTestable.abbreviate(l.text())),
              Seeds.SAME_RELEASE,
              "Ship cleanup in its own later release, after the compatibility window closes and "
                  + "downstream consumers have moved (\"Cleanup ships after the 7-day window, in a "
                  + "separate release\").");
          break;
        }
      }
    }
  }

  static boolean schedulesSameRelease(String text) {
    Matcher m = SAME_RELEASE.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 40), m.start());
      if (!NEGATION.matcher(before).find()) return true;
    }
    return false;
  }

  /**
   * The SQL form. For a change (a git range, a PR) the unit is the whole change; for a snapshot
   * (check PATH: every file counts as added, the repository's whole history at once) the only
   * unit known to ship together is one migration file.
   */
  private static void checkMigrations(RuleContext ctx, Findings out) {
    List<MigrationFile> changed = ctx.changedMigrations();
    if (ctx.changeSet().isSnapshot()) {
      for (MigrationFile m : changed) checkUnit(ctx, List.of(m), out);
    } else {
      checkUnit(ctx, changed, out);
    }
  }

  private static void checkUnit(RuleContext ctx, List<MigrationFile> unit, Findings out) {
    checkReplacedTables(ctx, unit, out);
    Map<String, Set<String>> added = new HashMap<>();
    for (MigrationFile m : unit) {
      for (Statement s : m.migration().statements()) {
        if (s.op() instanceof Operation.AlterTable at) {
          for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddColumn ac) {
              added.computeIfAbsent(PacketScope.key(at.table()), k -> new HashSet<>())
                  .add(ac.column().name());
            }
          }
        }
      }
    }
    for (MigrationFile m : unit) {
      for (Statement s : m.migration().statements()) {
        if (!(s.op() instanceof Operation.AlterTable at)) continue;
        String table = PacketScope.key(at.table());
        Set<String> newColumns = added.get(table);
        if (newColumns == null || !PacketScope.touchesExisting(ctx, m, s, table)) continue;
        for (AlterAction a : at.actions()) {
          String removed = null;
          String verb = null;
          if (a instanceof AlterAction.DropColumn dc && !newColumns.contains(dc.column())) {
            removed = dc.column();
            verb = "drops";
          } else if (a instanceof AlterAction.RenameColumn rc && !newColumns.contains(rc.from())) {
            removed = rc.from();
            verb = "renames";
          }
          if (removed == null) continue;
          out.report(Location.line(m.path(), s.line()),
              "this change adds %s to `%s` and also %s `%s` in the same release".formatted(
                  String.join(", ", newColumns.stream().sorted().map(c -> "`" + c + "`").toList()),
                  table, verb, removed),
              Seeds.SAME_RELEASE,
              ("Keep `%s` in this release; drop it in a later cleanup migration, after the "
                  + "compatibility window and once no code reads it.").formatted(removed));
          break;
        }
      }
    }
  }

  /**
   * A new table named after an existing one ({@code accounts_v2}, {@code accounts_new}) created in
   * the same change that drops or renames the existing table.
   */
  private static void checkReplacedTables(RuleContext ctx, List<MigrationFile> unit,
      Findings out) {
    Set<String> created = new HashSet<>();
    for (MigrationFile m : unit) {
      for (Statement s : m.migration().statements()) {
        if (s.op() instanceof Operation.CreateTable ct) created.add(PacketScope.key(ct.table()));
      }
    }
    if (created.isEmpty()) return;
    for (MigrationFile m : unit) {
      for (Statement s : m.migration().statements()) {
        List<String> removed = new java.util.ArrayList<>();
        String verb = "drops";
        if (s.op() instanceof Operation.DropTable dt) {
          dt.tables().forEach(t -> removed.add(PacketScope.key(t)));
        } else if (s.op() instanceof Operation.AlterTable at
            && at.actions().stream().anyMatch(a -> a instanceof AlterAction.RenameTable)) {
          removed.add(PacketScope.key(at.table()));
          verb = "renames";
        }
        for (String old : removed) {
          if (!PacketScope.touchesExisting(ctx, m, s, old)) continue;
          String replacement = created.stream()
              .filter(c -> c.startsWith(old + "_") && !c.equals(old)).sorted().findFirst()
              .orElse(null);
          if (replacement == null) continue;
          out.report(Location.line(m.path(), s.line()),
              "this change creates `%s` and also %s `%s`, which it replaces, in the same release"
                  .formatted(replacement, verb, old),
              Seeds.SAME_RELEASE,
              ("Keep `%s` in this release; move readers and writers to `%s` first and drop it in "
                  + "a later cleanup migration, after the compatibility window.")
                  .formatted(old, replacement));
          break;
        }
      }
    }
  }
}
