package dev.specgate.rules.packet;

import dev.specgate.core.Lines;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.TextLine;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Vague phrases in the criteria, the tasks and the spec's rules: one finding per line. */
@RuleInfo(id = "vague-language", family = Family.PACKET, severity = Severity.WARNING,
    summary = "\"should be fine\", \"looks right\", \"make sure\", \"as needed\", … in criteria and rules")
public final class VagueLanguage implements Rule {
  static final Pattern VAGUE = Pattern.compile(
      "\\b(should be (?:fine|ok|okay|good)|should (?:just )?work|looks? (?:right|good|fine|ok|okay)"
          + "|make sure|as needed|if needed|when needed|as appropriate|where appropriate"
          + "|if appropriate|as necessary|where necessary|if necessary|and so on|etc\\b\\.?"
          + "|reasonabl[ey]|properly|correctly|still works?|continues? to work|will (?:continue to )?work"
          + "|works? fine|fast enough|quickly|minimal (?:downtime|impact)|seamless(?:ly)?|gracefully"
          + "|as much as possible|if possible|somehow|tbd|no big deal|sanity[- ]check)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> FILES = List.of(Packet.ACCEPTANCE, Packet.TASKS);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      List<String> files = new ArrayList<>(FILES);
      files.add(1, p.planName()); // spec.md or migration-plan.md
      for (String name : files) {
        if (p.doc(name).isEmpty()) continue;
        MarkdownDoc d = p.doc(name).get();
        String[] raw = Lines.of(d.content());
        for (TextLine l : d.textLines()) {
          String source = l.line() - 1 < raw.length ? raw[l.line() - 1] : l.text();
          List<String> found = phrases(source);
          if (found.isEmpty()) continue;
          out.report(Location.line(d.path(), l.line()),
              "vague wording %s in %s".formatted(quoted(found), name),
              Seeds.VAGUE,
              "Replace it with a visible pass or fail signal: a number, a query result, a named "
                  + "test (\"zero mismatched rows\", \"report export job exits 0 on the new schema\").");
        }
      }
    }
  }

  /**
   * The vague phrases of a source line, except those quoted on purpose: inside backticks or
   * quotation marks ("no 'should be fine' assumptions", `looks right`).
   */
  static List<String> phrases(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = VAGUE.matcher(text);
    while (m.find()) {
      if (quoted(text, m.start())) continue;
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
    return new ArrayList<>(out);
  }

  private static boolean quoted(String text, int at) {
    String before = text.substring(0, at);
    if (count(before, '`') % 2 == 1 || count(before, '"') % 2 == 1) return true;
    if (before.lastIndexOf('“') > before.lastIndexOf('”')) return true;
    if (before.lastIndexOf('‘') > before.lastIndexOf('’')) return true;
    // 'single quotes' directly around the phrase (not an apostrophe inside a word)
    return at > 0 && text.charAt(at - 1) == '\''
        && (at < 2 || !Character.isLetter(text.charAt(at - 2)));
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  private static String quoted(List<String> phrases) {
    List<String> q = new ArrayList<>();
    for (String s : phrases) q.add("\"" + s + "\"");
    return String.join(", ", q);
  }
}
