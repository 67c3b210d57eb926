package dev.specgate.packet;

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

  private static String clean(StringBuilder sb) {
    return sb.toString().replaceAll("\\s+", " ").strip().replaceAll("^[,;.:\\s]+|[,;.:\\s]+$", "");
  }

  /** The criteria of an acceptance-criteria file. */
  public static List<Scenario> criteria(MarkdownDoc doc) {
    List<Scenario> out = new ArrayList<>();
    List<Block> blocks = doc.blocks();
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
