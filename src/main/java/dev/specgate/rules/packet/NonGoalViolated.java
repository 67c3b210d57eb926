package dev.specgate.rules.packet;

import dev.specgate.core.Identifiers;
import dev.specgate.core.Lines;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.packet.TextLine;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The change does what a non-goal excludes: drops, renames or retypes a column a non-goal names;
 * drops, truncates or renames a table a non-goal names; changes a table a non-goal fences off
 * ("No change to the invoices table"); or touches a path a non-goal names in backticks.
 */
@RuleInfo(id = "non-goal-violated", family = Family.PACKET, severity = Severity.ERROR,
    summary = "The change does what a non-goal excludes (drops a column a non-goal keeps, "
        + "changes what it fences off)")
public final class NonGoalViolated implements Rule {
  /** A negated schema word: "no schema change to", "no new columns on", "without DDL on". */
  private static final Pattern SCHEMA_FENCE = Pattern.compile(
      "\\b(?:no|not|never|without|do not|don't|nothing)\\b[^.;]{0,60}?\\b(?:schema|ddl|columns?"
          + "|index(?:es)?|constraints?|structur\\w*|alter\\w*|migrat\\w*)\\b"
          + "|\\b(?:schema|structure|columns?)\\b[^.;]{0,40}?\\b(?:unchanged|untouched|as is|frozen)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATED = Pattern.compile(
      "\\b(?:no|not|never|without|nothing|none)\\b|n't\\b", Pattern.CASE_INSENSITIVE);
  /*
   * "Do not touch invoices", "No changes to the invoices table": the table itself, whole. Read as
   * a negation, up to two other words, a change word, optionally "to"/"of"/"on" and "the", then
   * the table (in backticks or not) and what may follow it; each part a pattern of its own, so
   * the table's name is compared as text, not compiled into a regex. They are matched with
   * lookingAt on a region; the leading lookbehinds (blind at a region's start) only keep a find()
   * over long runs linear.
   */
  private static final Pattern FENCE_NEGATION =
      Pattern.compile("\\b(?:no|not|never|do not|don't)\\s{1,3}", Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE_OTHER_WORD = Pattern.compile("(?<!\\w)\\w++\\s{1,3}");
  private static final Pattern FENCE_CHANGE = Pattern.compile(
      "(?:change|changes|alter|alterations|modif\\w*|touch|touching|edits?)\\s{1,3}",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE_PREPOSITION =
      Pattern.compile("(?:to|of|on)\\s{1,3}", Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE_THE = Pattern.compile("the\\s{1,3}", Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE_AFTER_TABLE = Pattern.compile(
      "(?<!\\s)`?(?:\\s{1,3}table)?(?:\\s*+(?:$|[.,;:)(—–-])|\\s++(?:in|during|for|until|yet|this)\\b)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern PATH = Pattern.compile("`([^`\\s]*/[^`\\s]*)`");

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      List<TextLine> nonGoals = new ArrayList<>();
      for (Section s : p.specSections(SectionKind.NON_GOALS)) nonGoals.addAll(s.textLines());
      if (nonGoals.isEmpty()) continue;
      String spec = p.planPath();
      for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
        for (Statement s : m.migration().statements()) {
          Violation v = violation(s.op(), nonGoals);
          if (v == null) continue;
          TextLine ng = v.nonGoal();
          out.report(Location.line(m.path(), s.line()),
              "%s, which a non-goal excludes (%s:%d: \"%s\")".formatted(
                  v.what(), spec, ng.line(), AcceptanceNotTestable.abbreviate(ng.text())),
              Seeds.NON_GOAL,
              "Take this statement out of the change; if the non-goal no longer holds, change the "
                  + "spec first and get it reviewed.");
        }
      }
      checkPaths(ctx, p, nonGoals, spec, out);
    }
  }

  /** What the statement does, and the non-goal line it goes against. */
  private record Violation(String what, TextLine nonGoal) {}

  private static Violation violation(Operation op, List<TextLine> nonGoals) {
    if (op instanceof Operation.AlterTable at) {
      String table = PacketScope.key(at.table());
      for (AlterAction a : at.actions()) {
        String column = null;
        String verb = null;
        if (a instanceof AlterAction.DropColumn dc) { column = dc.column(); verb = "drops"; }
        else if (a instanceof AlterAction.RenameColumn rc) { column = rc.from(); verb = "renames"; }
        else if (a instanceof AlterAction.AlterColumnType ct) { column = ct.column(); verb = "changes the type of"; }
        if (column != null) {
          TextLine l = lineNaming(nonGoals, column, Fence.NONE);
          if (l != null) {
            return new Violation("this statement %s column `%s` of `%s`".formatted(verb, column, table), l);
          }
        }
        if (a instanceof AlterAction.RenameTable) {
          TextLine l = lineNaming(nonGoals, table, Fence.NONE);
          if (l != null) {
            return new Violation("this statement renames table `%s`".formatted(table), l);
          }
        }
      }
      TextLine fenced = lineNaming(nonGoals, table, Fence.SCHEMA);
      if (fenced != null) {
        return new Violation("this statement changes table `%s`".formatted(table), fenced);
      }
      return null;
    }
    List<String> tables = new ArrayList<>();
    String verb = null;
    if (op instanceof Operation.DropTable dt) { tables.addAll(dt.tables()); verb = "drops"; }
    else if (op instanceof Operation.Truncate tr) { tables.addAll(tr.tables()); verb = "truncates"; }
    else if (op instanceof Operation.CreateIndex ci) { tables.add(ci.table()); verb = "indexes"; }
    else if (op instanceof Operation.Update u) { tables.add(u.table()); verb = "updates"; }
    else if (op instanceof Operation.Delete d) { tables.add(d.table()); verb = "deletes from"; }
    if (verb == null) return null;
    boolean destructive = op instanceof Operation.DropTable || op instanceof Operation.Truncate;
    // a data change (UPDATE, DELETE) goes against a non-goal fencing off the whole table, not
    // one that only keeps its schema ("not removing the address columns from customers")
    Fence fence = destructive ? Fence.NONE
        : op instanceof Operation.CreateIndex ? Fence.SCHEMA : Fence.WHOLE_TABLE;
    for (String t : tables) {
      String key = PacketScope.key(t);
      TextLine l = lineNaming(nonGoals, key, fence);
      if (l != null) {
        return new Violation("this statement %s table `%s`".formatted(verb, key), l);
      }
    }
    return null;
  }

  /** What a non-goal line must say about the named object to count. */
  private enum Fence { NONE, SCHEMA, WHOLE_TABLE }

  /**
   * A non-goal line naming the identifier as a whole word and, when asked, fencing off changes to
   * it: a negated schema word on the line ("No report schema change", "no new columns on
   * invoices") or the table itself as the object of a negated change ("Do not touch invoices",
   * "No changes to the invoices table"). "No change to how invoices are paid" names invoices but
   * fences off a behaviour, not the table: it does not match.
   */
  private static TextLine lineNaming(List<TextLine> lines, String ident, Fence fence) {
    for (TextLine l : lines) {
      if (Identifiers.indexOf(l.text(), ident, 0, true) < 0) continue;
      // an item under Non-goals / Out of scope is excluded even when written positively
      // ("Any change to the project_members table."): read it as negated
      String text = NEGATED.matcher(l.text()).find() ? l.text() : "No " + l.text();
      boolean wholeTable = fencesWholeTable(text, ident);
      if (fence == Fence.SCHEMA && !wholeTable && !SCHEMA_FENCE.matcher(text).find()) continue;
      if (fence == Fence.WHOLE_TABLE && !wholeTable) continue;
      return l;
    }
    return null;
  }

  /** True when a negated change names {@code table} as its object (see the FENCE_ patterns). */
  private static boolean fencesWholeTable(String text, String table) {
    Matcher negation = FENCE_NEGATION.matcher(text);
    for (int from = 0; from < text.length() && negation.find(from); from = negation.start() + 1) {
      List<Integer> beforeChange = new ArrayList<>(List.of(negation.end()));
      for (int words = 0; words < 2; words++) {
        int last = beforeChange.get(beforeChange.size() - 1);
        Matcher w = FENCE_OTHER_WORD.matcher(text).region(last, text.length());
        if (!w.lookingAt()) break;
        beforeChange.add(w.end());
      }
      for (int at : beforeChange) {
        Matcher change = FENCE_CHANGE.matcher(text).region(at, text.length());
        if (!change.lookingAt()) continue;
        List<Integer> beforeTable = new ArrayList<>(List.of(change.end()));
        for (Pattern optional : List.of(FENCE_PREPOSITION, FENCE_THE)) {
          for (int i = 0, n = beforeTable.size(); i < n; i++) {
            Matcher m = optional.matcher(text).region(beforeTable.get(i), text.length());
            if (m.lookingAt()) beforeTable.add(m.end());
          }
        }
        for (int start : beforeTable) {
          int t = start < text.length() && text.charAt(start) == '`' ? start + 1 : start;
          if (!text.regionMatches(true, t, table, 0, table.length())) continue;
          if (FENCE_AFTER_TABLE.matcher(text).region(t + table.length(), text.length()).lookingAt()) return true;
        }
      }
    }
    return false;
  }

  private static void checkPaths(RuleContext ctx, Packet p, List<TextLine> nonGoals, String spec,
      Findings out) {
    List<TextLine> raw = p.spec().map(d -> {
      List<TextLine> lines = new ArrayList<>();
      String[] all = Lines.of(d.content());
      for (TextLine l : nonGoals) {
        if (l.line() - 1 < all.length) lines.add(new TextLine(l.line(), all[l.line() - 1]));
      }
      return lines;
    }).orElse(List.of());
    for (TextLine l : raw) {
      Matcher m = PATH.matcher(l.text());
      while (m.find()) {
        String path = m.group(1);
        String prefix = path.indexOf('*') < 0 ? path : path.substring(0, path.indexOf('*'));
        if (prefix.isEmpty()) continue;
        for (SourceFile f : ctx.changeSet().changedFiles()) {
          if (f.path().startsWith(prefix) || f.path().toLowerCase(Locale.ROOT)
              .startsWith(prefix.toLowerCase(Locale.ROOT))) {
            out.report(Location.line(spec, l.line()),
                "the change touches `%s`, which this non-goal fences off".formatted(f.path()),
                Seeds.NON_GOAL,
                "Take the change to `%s` out of this PR, or change the non-goal first."
                    .formatted(f.path()));
            break;
          }
        }
      }
    }
  }
}
