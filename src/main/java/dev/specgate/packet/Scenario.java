package dev.specgate.packet;

import dev.specgate.core.Spaces;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One acceptance criterion and its Given/When/Then parts. Criteria are list items (with their
 * continuation lines and nested items) and paragraphs that start with Given / When / Then /
 * Scenario; consecutive paragraphs "Given …", "When …", "Then …", "And …" form one criterion.
 * Introductory prose paragraphs and "Label:" lines are not criteria.
 *
 * @param given the text after "Given" (with "And …" lines), or "" when absent
 */
public record Scenario(int line, int endLine, String text, String given, String when, String then) {

  private static final Pattern KEYWORD = Pattern.compile(
      "(?i)(?<![\\w-])(given|when|then|and|but)\\b");
  private static final Pattern STARTS = Pattern.compile(
      "(?i)^\\s*(given|when|then|and|but|scenario)\\b");
  private static final Pattern STARTS_GIVEN_OR_SCENARIO = Pattern.compile(
      "(?i)^\\s*(given|scenario)\\b");

  /** The parts missing or empty, in order ("Given", "When", "Then"). */
  public List<String> missingParts() {
    List<String> out = new ArrayList<>();
    if (given.isBlank()) out.add("Given");
    if (when.isBlank()) out.add("When");
    if (then.isBlank()) out.add("Then");
    return out;
  }

  public boolean isComplete() {
    return missingParts().isEmpty();
  }

  /** Parses one criterion's text into its parts. Parts must come in the order Given, When, Then. */
  public static Scenario parse(int line, int endLine, String text) {
    StringBuilder[] parts = {new StringBuilder(), new StringBuilder(), new StringBuilder()};
    int current = -1;
    int highest = -1;
    Matcher m = KEYWORD.matcher(text);
    int lastEnd = 0;
    String lastKw = null;
    List<String[]> segments = new ArrayList<>();
    while (m.find()) {
      // "and"/"but" only continue a part when they start a line or follow punctuation
      String kw = m.group(1).toLowerCase(Locale.ROOT);
      if ((kw.equals("and") || kw.equals("but")) && !startsClause(text, m.start())) continue;
      // "when"/"then" inside a sentence ("… then stops") count only at a clause start or after
      // a Given/When already seen
      if (lastKw != null) segments.add(new String[] {lastKw, text.substring(lastEnd, m.start())});
      lastKw = kw;
      lastEnd = m.end();
    }
    if (lastKw != null) segments.add(new String[] {lastKw, text.substring(lastEnd)});
    for (String[] seg : segments) {
      int idx = switch (seg[0]) {
        case "given" -> 0;
        case "when" -> 1;
        case "then" -> 2;
        default -> current; // and / but continue the current part
      };
      if (idx < 0) continue;
      if (idx < highest) continue; // out of order: ignore ("Then … when …" inside a sentence)
      current = idx;
      highest = Math.max(highest, idx);
      parts[idx].append(' ').append(seg[1].strip());
    }
    return new Scenario(line, endLine, text, clean(parts[0]), clean(parts[1]), clean(parts[2]));
  }

  private static boolean startsClause(String text, int at) {
    int i = at - 1;
    while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) i--;
    return i < 0 || text.charAt(i) == '\n' || ",;.:".indexOf(text.charAt(i)) >= 0;
  }

  /** Whitespace collapsed, punctuation trimmed at both ends (plain code: linear on any input). */
  private static String clean(StringBuilder sb) {
    String t = Spaces.collapse(sb.toString());
    int from = 0;
    int to = t.length();
    while (from < to && ",;.: ".indexOf(t.charAt(from)) >= 0) from++;
    while (to > from && ",;.: ".indexOf(t.charAt(to - 1)) >= 0) to--;
    return t.substring(from, to);
  }

  /** The criteria of an acceptance-criteria file (and its Given/When/Then tables). */
  public static List<Scenario> criteria(MarkdownDoc doc) {
    List<Scenario> out = criteria(doc.blocks());
    out.addAll(tableCriteria(doc.blocks()));
    out.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return out;
  }

  /**
   * The criteria inside a plan document: the items and Given paragraphs of its Acceptance
   * sections, and every Given/When/Then table.
   */
  public static List<Scenario> criteriaInPlan(MarkdownDoc doc) {
    List<Scenario> out = new ArrayList<>();
    for (Section s : doc.sections(SectionKind.ACCEPTANCE)) {
      List<Block> body = s.blocks().stream().filter(b -> b.type() != Block.Type.TABLE).toList();
      out.addAll(criteria(body));
    }
    out.addAll(tableCriteria(doc.blocks()));
    out.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return out;
  }

  private static final Pattern GIVEN_COL = Pattern.compile("^given\\b");
  private static final Pattern WHEN_COL = Pattern.compile("^when\\b");
  private static final Pattern THEN_COL = Pattern.compile("^then\\b|expected|result|outcome");

  /** A table with Given and When columns (and a Then / Expected column): one criterion per row. */
  static List<Scenario> tableCriteria(List<Block> blocks) {
    List<Scenario> out = new ArrayList<>();
    for (Block b : blocks) {
      if (b.type() != Block.Type.TABLE) continue;
      MdTable t = b.table();
      int g = t.column(GIVEN_COL);
      int w = t.column(WHEN_COL);
      int th = t.column(THEN_COL);
      if (g < 0 || w < 0) continue;
      for (MdTable.Row r : t.rows()) {
        String given = r.cell(g).strip();
        String when = r.cell(w).strip();
        String then = th < 0 ? "" : r.cell(th).strip();
        String text = "Given " + given + " When " + when + " Then " + then;
        out.add(new Scenario(r.line(), r.line(), text, given, when, then));
      }
    }
    return out;
  }

  /** The criteria among some blocks: list items with their nested items, Given paragraphs. */
  static List<Scenario> criteria(List<Block> blocks) {
    List<Scenario> out = new ArrayList<>();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.type() == Block.Type.ITEM && b.depth() == 1) {
        StringBuilder text = new StringBuilder(b.text());
        int end = b.endLine();
        int j = i + 1;
        while (j < blocks.size() && blocks.get(j).type() == Block.Type.ITEM
            && blocks.get(j).depth() > 1) {
          text.append('\n').append(blocks.get(j).text());
          end = blocks.get(j).endLine();
          j++;
        }
        out.add(parse(b.line(), end, text.toString()));
        i = j - 1;
      } else if (b.type() == Block.Type.PARAGRAPH && MarkdownDoc.sectionLevel(b) == 0
          && STARTS_GIVEN_OR_SCENARIO.matcher(b.text()).find()) {
        StringBuilder text = new StringBuilder(b.text());
        int end = b.endLine();
        int j = i + 1;
        while (j < blocks.size() && blocks.get(j).type() == Block.Type.PARAGRAPH
            && STARTS.matcher(blocks.get(j).text()).find()
            && !STARTS_GIVEN_OR_SCENARIO.matcher(blocks.get(j).text()).find()) {
          text.append('\n').append(blocks.get(j).text());
          end = blocks.get(j).endLine();
          j++;
        }
        // a "Scenario: name" paragraph followed by a Given paragraph is one criterion
        if (b.text().strip().toLowerCase(Locale.ROOT).startsWith("scenario")
            && !b.text().toLowerCase(Locale.ROOT).contains("given")
            && j < blocks.size() && blocks.get(j).type() == Block.Type.PARAGRAPH
            && blocks.get(j).text().strip().toLowerCase(Locale.ROOT).startsWith("given")) {
          continue;
        }
        out.add(parse(b.line(), end, text.toString()));
        i = j - 1;
      }
    }
    return out;
  }
}
