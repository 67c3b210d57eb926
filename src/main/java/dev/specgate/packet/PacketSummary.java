package dev.specgate.packet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The packet as specgate read it, as plain data (maps, lists, strings, numbers) for
 * {@code specgate packet} (text or JSON) and a one-line brief for the Markdown summary: plan
 * files, sections by kind, phases with their rollback note and SQL blocks, the SQL blocks with
 * their role, facts (row counts, compatibility window, thresholds, backfill plan fields, stop
 * signals, stated locks) and acceptance criteria. Keys are stable: they are part of the JSON
 * output.
 */
public final class PacketSummary {
  private PacketSummary() {}

  /** Everything read, keyed by part ({@code folder}, {@code files}, {@code sections}, …). */
  public static Map<String, Object> of(Packet p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("folder", p.folder().isEmpty() ? "." : p.folder());
    List<MarkdownDoc> docs = docs(p);
    out.put("files", docs.stream().map(MarkdownDoc::path).toList());

    List<Object> sections = new ArrayList<>();
    for (MarkdownDoc d : docs) {
      for (Section s : d.sections()) {
        if (s.kind() == SectionKind.OTHER) continue;
        sections.add(row("file", d.path(), "line", s.line(), "kind", s.kind().label(), "title", s.title()));
      }
    }
    out.put("sections", sections);

    List<PlanSqlBlock> blocks = PlanSql.blocks(p);
    List<Section> rollbackSections = p.specSections(SectionKind.ROLLBACK);
    List<Section> deploySections = p.specSections(SectionKind.DEPLOY_ORDER);
    List<Object> phases = new ArrayList<>();
    for (Phase ph : p.phases()) {
      Map<String, Object> m = row("file", p.planPath(), "line", ph.line(),
          "name", ph.name().name().toLowerCase(java.util.Locale.ROOT), "title", ph.title());
      m.put("scope", ph.later() ? "later release" : "this change");
      m.put("deployOrder", DeployOrderNotes.noteFor(ph, deploySections)
          .map(PacketSummary::lineText).orElse(null));
      Optional<TextLine> rollback = RollbackNotes.noteFor(ph, rollbackSections);
      m.put("rollback", rollback.map(PacketSummary::lineText).orElse(null));
      m.put("sql", blocks.stream()
          .filter(b -> b.file().equals(p.planPath()) && b.line() > ph.line() && b.line() <= ph.endLine())
          .map(b -> "line " + b.line() + ": " + b.role().label()).toList());
      phases.add(m);
    }
    out.put("phases", phases);

    List<Object> sql = new ArrayList<>();
    for (PlanSqlBlock b : blocks) {
      long unparsed = b.migration().statements().stream().filter(s -> s.isUnparsed()).count();
      sql.add(row("file", b.file(), "line", b.line(), "role", b.role().label(),
          "phase", b.phaseTitle(), "readFrom", b.context(),
          "statements", b.migration().statements().size(), "unparsed", unparsed));
    }
    out.put("sqlBlocks", sql);

    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rowCounts", p.rowCounts().stream()
        .map(r -> row("table", r.table(), "rows", r.rows(), "file", r.file(), "line", r.line())).toList());
    facts.put("compatibilityWindow", p.compatibilityWindowLine().map(PacketSummary::lineText).orElse(null));
    List<Object> thresholds = new ArrayList<>();
    for (MarkdownDoc d : docs) {
      for (TextLine l : d.textLines()) {
        for (ThresholdExtractor.Threshold t : ThresholdExtractor.findAll(l.text())) {
          thresholds.add(row("file", d.path(), "line", l.line(), "metric", t.metric().strip(),
              "comparison", t.comparison(), "value", t.value(), "unit", t.unit()));
        }
      }
    }
    facts.put("thresholds", thresholds);
    BackfillPlan plan = p.backfillPlan();
    Map<String, Object> backfill = new LinkedHashMap<>();
    Function<Optional<TextLine>, Object> f = o -> o.map(PacketSummary::lineText).orElse(null);
    backfill.put("batchSize", f.apply(plan.batchSize()));
    backfill.put("cursorKey", f.apply(plan.cursorKey()));
    backfill.put("throttle", f.apply(plan.throttle()));
    backfill.put("resumability", f.apply(plan.resumability()));
    backfill.put("expectedRuntime", f.apply(plan.expectedRuntime()));
    facts.put("backfillPlan", backfill);
    List<Object> stops = new ArrayList<>();
    for (MarkdownDoc d : docs) {
      for (Section s : d.sections(SectionKind.STOP_SIGNALS)) {
        for (TextLine l : s.textLines()) stops.add(d.path() + ":" + lineText(l));
      }
    }
    facts.put("stopSignals", stops);
    facts.put("statedLocks", StatedLocks.of(p).stream()
        .map(s -> row("file", s.file(), "line", s.line(), "step", s.step(), "lock", s.describeClaim(),
            "from", s.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')))
        .toList());
    out.put("facts", facts);

    List<Object> criteria = new ArrayList<>();
    p.doc(Packet.ACCEPTANCE).ifPresent(d -> {
      for (Scenario s : Scenario.criteria(d)) {
        criteria.add(row("file", d.path(), "line", s.line(), "given", s.given(), "when", s.when(),
            "then", s.then(), "complete", s.isComplete()));
      }
    });
    out.put("criteria", criteria);
    return out;
  }

  /**
   * One line for the Markdown summary: files, phases, SQL blocks by role, row counts, window,
   * stated locks.
   */
  public static String brief(Packet p) {
    List<String> parts = new ArrayList<>();
    parts.add(String.join(", ", docs(p).stream().map(d -> fileName(d.path())).toList()));
    List<Phase> phases = p.phases();
    parts.add(phases.isEmpty() ? "no phases"
        : "phases: " + String.join(", ", phases.stream().map(ph -> ph.title().strip()).toList()));
    List<PlanSqlBlock> blocks = PlanSql.blocks(p);
    if (!blocks.isEmpty()) {
      Map<SqlBlockRole, Integer> byRole = new LinkedHashMap<>();
      for (SqlBlockRole r : SqlBlockRole.values()) byRole.put(r, 0);
      for (PlanSqlBlock b : blocks) byRole.merge(b.role(), 1, Integer::sum);
      List<String> roles = new ArrayList<>();
      byRole.forEach((r, n) -> {
        if (n > 0) roles.add(n + " " + r.label());
      });
      parts.add("SQL blocks: " + String.join(", ", roles));
    }
    List<String> rows = p.rowCounts().stream().map(r -> r.table() + " " + String.format("%,d", r.rows()))
        .distinct().toList();
    parts.add(rows.isEmpty() ? "no row counts" : "rows: " + String.join(", ", rows));
    parts.add(p.compatibilityWindow().map(d -> "compatibility window: " + human(d))
        .orElse("no compatibility window"));
    int locks = StatedLocks.of(p).size();
    if (locks > 0) parts.add(locks + " stated lock" + (locks == 1 ? "" : "s"));
    return String.join("; ", parts);
  }

  private static String human(java.time.Duration d) {
    if (d.toDays() > 0 && d.toHours() % 24 == 0) return d.toDays() + " days";
    if (d.toHours() > 0 && d.toMinutes() % 60 == 0) return d.toHours() + " hours";
    return d.toMinutes() + " minutes";
  }

  private static List<MarkdownDoc> docs(Packet p) {
    List<MarkdownDoc> docs = new ArrayList<>(p.docs().values());
    docs.sort(Comparator.comparing(MarkdownDoc::path));
    return docs;
  }

  private static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  private static String lineText(TextLine l) {
    return "line " + l.line() + ": " + l.text();
  }

  private static Map<String, Object> row(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
