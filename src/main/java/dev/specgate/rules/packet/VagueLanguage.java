package dev.specgate.rules.packet;

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
  private static final List<String> FILES = List.of(Packet.ACCEPTANCE, Packet.SPEC, Packet.TASKS);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      for (String name : FILES) {
        if (p.doc(name).isEmpty()) continue;
        MarkdownDoc d = p.doc(name).get();
        for (TextLine l : d.textLines()) {
          List<String> found = phrases(l.text());
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

  static List<String> phrases(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = VAGUE.matcher(text);
    while (m.find()) out.add(m.group(1).toLowerCase(Locale.ROOT));
    return new ArrayList<>(out);
  }

  private static String quoted(List<String> phrases) {
    List<String> q = new ArrayList<>();
    for (String s : phrases) q.add("\"" + s + "\"");
    return String.join(", ", q);
  }
}
