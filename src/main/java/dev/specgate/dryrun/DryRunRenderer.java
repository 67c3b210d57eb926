package dev.specgate.dryrun;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Spaces;
import dev.specgate.report.JsonRenderer;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.report.MarkdownText;
import dev.specgate.report.TextRenderer;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.rules.dryrun.RollbackOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A dry run as text, JSON (DESIGN section 8's shape) and Markdown. The Markdown is written to be
 * pasted into a packet's evidence.md: its headings are the evidence items seeds 000 and 001 ask for
 * (migration dry-run output, longest lock, batch and lock notes, rollback tested, rollback
 * boundary); the Action's job summary and the Check Run summary can show it as it is.
 */
public final class DryRunRenderer {
  private DryRunRenderer() {}

  public static String json(DryRunResult r) {
    return JsonRenderer.render(r.report(), dev.specgate.core.BuildInfo.current().version(),
        g -> writeDryRun(g, r.evidence()));
  }

  private static void writeDryRun(JsonGenerator g, DryRunEvidence e) throws IOException {
    g.writeObjectFieldStart("dryRun");
    g.writeStringField("postgres", e.postgres());
    g.writeStringField("database", e.database());
    g.writeArrayFieldStart("statements");
    for (ObservedStatement s : e.statements()) {
      g.writeStartObject();
      g.writeStringField("file", s.file());
      g.writeNumberField("line", s.line());
      g.writeNumberField("endLine", s.endLine());
      g.writeStringField("sql", s.sql());
      g.writeBooleanField("ok", s.ok());
      g.writeStringField("error", s.error());
      g.writeNumberField("durationMs", s.durationMs());
      g.writeArrayFieldStart("locks");
      for (ObservedLock l : s.locks()) {
        g.writeStartObject();
        g.writeStringField("relation", l.relation());
        g.writeStringField("mode", l.mode());
        g.writeEndObject();
      }
      g.writeEndArray();
      strings(g, "rewrites", s.rewrites());
      strings(g, "scans", s.scans());
      g.writeObjectFieldStart("blocks");
      strings(g, "reads", s.blockedReads());
      strings(g, "writes", s.blockedWrites());
      g.writeEndObject();
      if (s.scale() != null) {
        g.writeObjectFieldStart("scale");
        g.writeStringField("table", s.scale().table());
        g.writeNumberField("rows", s.scale().seededRows());
        if (s.scale().statedRows() > 0) {
          g.writeNumberField("statedRows", s.scale().statedRows());
          g.writeNumberField("estimatedMs", Math.round(s.scale().estimatedMs()));
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
    var longest = e.longestLock();
    if (longest.isPresent()) {
      var l = longest.get();
      g.writeObjectFieldStart("longestLock");
      g.writeStringField("file", l.file());
      g.writeNumberField("line", l.line());
      g.writeStringField("relation", l.relation());
      g.writeStringField("mode", l.mode());
      g.writeNumberField("durationMs", l.durationMs());
      g.writeEndObject();
    } else {
      g.writeNullField("longestLock");
    }
    g.writeArrayFieldStart("rollback");
    for (RollbackOutcome r : e.rollback()) {
      g.writeStartObject();
      g.writeStringField("source", r.source());
      if (r.phase() != null) g.writeStringField("phase", r.phase());
      g.writeBooleanField("ok", r.ok());
      g.writeStringField("error", r.error());
      g.writeArrayFieldStart("differences");
      for (RollbackOutcome.Difference d : r.differences()) {
        g.writeStartObject();
        g.writeStringField("object", d.object());
        g.writeStringField("before", d.before());
        g.writeStringField("after", d.after());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("rerun");
    for (ObservedStatement s : e.rerun()) {
      g.writeStartObject();
      g.writeStringField("file", s.file());
      g.writeNumberField("line", s.line());
      g.writeStringField("error", s.error());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("dataset");
    for (DryRunEvidence.SeededTable t : e.dataset()) {
      g.writeStartObject();
      g.writeStringField("table", t.table());
      g.writeNumberField("rows", t.rows());
      if (t.statedRows() > 0) g.writeNumberField("statedRows", t.statedRows());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "notes", e.notes());
    g.writeEndObject();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) g.writeString(v);
    g.writeEndArray();
  }

  public static String text(DryRunResult r, ChangeSet changes, boolean colour) {
    DryRunEvidence e = r.evidence();
    StringBuilder b = new StringBuilder();
    b.append("dry run on PostgreSQL ").append(e.postgres()).append(" (").append(e.database()).append(")\n");
    if (!e.dataset().isEmpty()) b.append("dataset: ").append(dataset(e)).append('\n');
    for (ObservedStatement s : e.statements()) {
      b.append(s.file()).append(':').append(s.line()).append("  ").append(oneLine(s.sql(), 70)).append('\n');
      b.append("    ").append(s.ok() ? result(s) : "FAILED: " + s.error()).append('\n');
    }
    e.longestLock().ifPresent(l -> b.append("longest lock: ").append(ObservedLock.label(l.mode())).append(" on ")
        .append(l.relation()).append(", ").append(fmtMs(l.durationMs())).append(" (").append(l.file()).append(':')
        .append(l.line()).append(")\n"));
    for (RollbackOutcome o : e.rollback()) b.append("rollback ").append(rollback(o)).append('\n');
    if (!e.rollback().isEmpty()) b.append(rerun(e)).append('\n');
    for (String n : e.notes()) b.append("note: ").append(n).append('\n');
    b.append('\n');
    b.append(new TextRenderer(colour).render(r.report(), changes));
    return b.toString();
  }

  public static String markdown(DryRunResult r) {
    return markdownEvidence(r.evidence()) + "\n" + MarkdownRenderer.render(r.report());
  }

  /** The evidence sections alone, every statement listed. */
  public static String markdownEvidence(DryRunEvidence e) {
    return markdownEvidence(e, Integer.MAX_VALUE);
  }

  /**
   * The evidence sections alone (what the Check Run and job summaries show), at most {@code
   * maxStatements} rows in the lock table and as many notes. Everything that came from the pull
   * request (paths, SQL, identifiers, PostgreSQL's messages quoting them) goes through {@link
   * MarkdownText}.
   */
  public static String markdownEvidence(DryRunEvidence e, int maxStatements) {
    StringBuilder b = new StringBuilder();
    b.append("## Dry run: PostgreSQL ").append(cell(e.postgres())).append(" (").append(cell(e.database())).append(", `specgate dry-run`)\n\n");
    b.append("### Migration dry-run output\n\n");
    if (!e.dataset().isEmpty()) b.append("Dataset: synthetic rows: ").append(cell(dataset(e))).append(".\n\n");
    if (e.statements().isEmpty()) {
      b.append("No statement ran.\n\n");
    } else {
      b.append("| Statement | Result | Time | Locks taken | Rewrote / scanned | Blocked while held |\n");
      b.append("|---|---|---|---|---|---|\n");
      int shown = 0;
      for (ObservedStatement s : e.statements()) {
        if (shown++ == maxStatements) {
          b.append("| … and ").append(e.statements().size() - maxStatements)
              .append(" more statements (`specgate dry-run` lists them all) | | | | | |\n");
          break;
        }
        b.append("| ").append(MarkdownText.code(s.file() + ":" + s.line())).append(' ')
            .append(MarkdownText.code(oneLine(s.sql(), 60))).append(" | ")
            .append(s.ok() ? "ok" : "**failed**: " + cell(s.error())).append(" | ")
            .append(fmtMs(s.durationMs())).append(estimate(s)).append(" | ")
            .append(s.ok() ? cell(locks(s)) : "").append(" | ")
            .append(cell(grown(s))).append(" | ")
            .append(cell(blocked(s))).append(" |\n");
      }
      b.append('\n');
    }
    b.append("### Longest lock\n\n");
    b.append(e.longestLock().map(l -> ObservedLock.label(l.mode()) + " on " + cell(l.relation()) + " for "
        + fmtMs(l.durationMs()) + " (" + MarkdownText.code(l.file() + ":" + l.line()) + ")")
        .orElse("No lock observed on a table that existed before the change.")).append("\n\n");
    b.append("### Batch size and lock notes\n\n");
    List<String> lockNotes = new ArrayList<>();
    for (ObservedStatement s : e.statements()) {
      if (s.ok() && (!s.blockedReads().isEmpty() || !s.blockedWrites().isEmpty())) {
        lockNotes.add(MarkdownText.code(s.file() + ":" + s.line()) + ": " + cell(blocked(s)) + " while it runs ("
            + fmtMs(s.durationMs()) + cell(estimate(s)) + ")");
      }
    }
    if (lockNotes.isEmpty()) lockNotes.add("No statement blocked reads or writes on an existing table.");
    for (String n : e.notes()) lockNotes.add(cell(n));
    int listed = 0;
    for (String n : lockNotes) {
      if (listed++ == maxStatements) {
        b.append("- … and ").append(lockNotes.size() - maxStatements).append(" more notes\n");
        break;
      }
      b.append("- ").append(n).append('\n');
    }
    b.append('\n');
    b.append("### Rollback tested\n\n");
    if (e.rollback().isEmpty()) {
      b.append("- No rollback script ran (no down/revert/undo migration or phase rollback SQL for this change).\n");
    } else {
      for (RollbackOutcome o : e.rollback()) b.append("- ").append(markdownRollback(o)).append('\n');
      b.append("- ").append(cell(rerun(e))).append('\n');
    }
    b.append('\n');
    b.append("### Rollback boundary\n\n");
    boolean verified = !e.rollback().isEmpty() && e.rollback().stream().allMatch(o -> o.ok() && o.differences().isEmpty());
    b.append(verified
        ? "The schema rollback was executed (each plan phase's on its own) and restored the schema exactly; it restores the"
            + " schema, not data written in the new shape after the change."
        : "The dry run could not show that the schema rolls back; state the point of no return in the plan.").append('\n');
    return b.toString();
  }

  private static String dataset(DryRunEvidence e) {
    List<String> parts = new ArrayList<>();
    for (DryRunEvidence.SeededTable t : e.dataset()) {
      parts.add(t.table() + " " + String.format(Locale.ROOT, "%,d", t.rows())
          + (t.statedRows() > 0 ? " (the packet states " + String.format(Locale.ROOT, "%,d", t.statedRows()) + ")" : ""));
    }
    return String.join(", ", parts);
  }

  private static String result(ObservedStatement s) {
    List<String> parts = new ArrayList<>();
    parts.add(fmtMs(s.durationMs()) + estimate(s));
    parts.add(locks(s));
    if (!grown(s).isEmpty()) parts.add(grown(s));
    if (!blocked(s).isEmpty()) parts.add(blocked(s));
    return String.join("; ", parts);
  }

  private static String locks(ObservedStatement s) {
    if (!s.observed()) return "locks not observed";
    if (s.locks().isEmpty()) return "no table lock";
    List<String> out = new ArrayList<>();
    for (ObservedLock l : s.locks()) out.add(l.mode() + " " + l.relation());
    return String.join(", ", out);
  }

  private static String grown(ObservedStatement s) {
    List<String> out = new ArrayList<>();
    if (!s.rewrites().isEmpty()) out.add("rewrote " + String.join(", ", s.rewrites()));
    List<String> scans = new ArrayList<>(s.scans());
    scans.removeAll(s.rewrites());
    if (!scans.isEmpty()) out.add("scanned " + String.join(", ", scans));
    return String.join("; ", out);
  }

  private static String blocked(ObservedStatement s) {
    List<String> out = new ArrayList<>();
    if (!s.blockedReads().isEmpty()) out.add("reads of " + String.join(", ", s.blockedReads()) + " blocked");
    if (!s.blockedWrites().isEmpty()) out.add("writes to " + String.join(", ", s.blockedWrites()) + " blocked");
    return String.join(", ", out);
  }

  private static String estimate(ObservedStatement s) {
    if (s.scale() == null) return "";
    if (s.scale().estimatedMs() < 0) return " with " + String.format(Locale.ROOT, "%,d", s.scale().seededRows()) + " rows";
    return " with " + String.format(Locale.ROOT, "%,d", s.scale().seededRows()) + " rows, ≈ "
        + dev.specgate.core.Durations.human(s.scale().estimatedMs()) + " at "
        + String.format(Locale.ROOT, "%,d", s.scale().statedRows());
  }

  private static String rollback(RollbackOutcome o) {
    String what = "`" + o.source() + "`" + (o.phase() == null ? ""
        : " (" + phaseLabel(o.phase()) + ")");
    // a phase's rollback is compared with the schema after the phases before it, not before the change
    String baseline = o.phase() == null ? "before the change" : "before this phase (the phases before it applied)";
    if (!o.ok()) return what + ": **failed** at line " + o.errorLine() + ": " + o.error();
    if (o.differences().isEmpty()) return what + ": ok, the schema is as " + baseline;
    List<String> diffs = new ArrayList<>();
    for (RollbackOutcome.Difference d : o.differences()) {
      diffs.add(d.object() + " (before: " + (d.before() == null ? "absent" : d.before()) + "; after: "
          + (d.after() == null ? "absent" : d.after()) + ")");
    }
    return what + ": ran, but the schema differs from " + baseline + ": " + String.join("; ", diffs);
  }

  private static String rerun(DryRunEvidence e) {
    if (e.rerun().isEmpty()) {
      return e.rollback().stream().allMatch(o -> o.phase() != null)
          ? "each phase's SQL applied again after its rollback" : "the change applied again after the rollback";
    }
    ObservedStatement f = e.rerun().get(0);
    return "the change does not apply again after the rollback: " + f.file() + ":" + f.line() + ": " + f.error();
  }

  static String fmtMs(double ms) {
    return dev.specgate.core.Durations.human(ms);
  }

  private static String oneLine(String sql, int max) {
    String s = Spaces.collapse(sql).trim();
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  /** Author text (identifiers, PostgreSQL's messages quoting them) for a cell or list item. */
  private static String cell(String s) {
    return s == null ? "" : MarkdownText.cell(s);
  }

  /** {@link #rollback} with the pull request's text escaped. */
  private static String markdownRollback(RollbackOutcome o) {
    String what = MarkdownText.code(o.source()) + (o.phase() == null ? "" : " (" + cell(phaseLabel(o.phase())) + ")");
    String baseline = o.phase() == null ? "before the change" : "before this phase (the phases before it applied)";
    if (!o.ok()) return what + ": **failed** at line " + o.errorLine() + ": " + cell(o.error());
    if (o.differences().isEmpty()) return what + ": ok, the schema is as " + baseline;
    List<String> diffs = new ArrayList<>();
    for (RollbackOutcome.Difference d : o.differences()) {
      diffs.add(d.object() + " (before: " + (d.before() == null ? "absent" : d.before()) + "; after: "
          + (d.after() == null ? "absent" : d.after()) + ")");
    }
    return what + ": ran, but the schema differs from " + baseline + ": " + cell(String.join("; ", diffs));
  }

  private static final Pattern NAMED_PHASE = Pattern.compile("(?i)^(?:phase|stage|step)\\b.*");

  /** "Phase 2" as it is; "2" as "phase 2". */
  private static String phaseLabel(String phase) {
    return NAMED_PHASE.matcher(phase).matches() ? phase : "phase " + phase;
  }

  /** Findings from the dry-run rules only (for summaries that already show the static ones). */
  public static List<Finding> dryRunFindings(DryRunResult r) {
    return r.report().findings().stream()
        .filter(f -> dev.specgate.rules.RuleRegistry.byId(f.rule())
            .map(x -> x.info().family() == dev.specgate.rules.Family.DRYRUN).orElse(false))
        .toList();
  }
}
