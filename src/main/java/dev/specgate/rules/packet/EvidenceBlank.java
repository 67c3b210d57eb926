package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.Block;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Section;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A required evidence item left blank in evidence.md: an item "Label:" with nothing after the
 * colon (or a placeholder such as TBD, TODO, n/a, "…", "&lt;link&gt;"), an unchecked evidence box,
 * or, under a heading or label containing "required", an item that only names the evidence.
 */
@RuleInfo(id = "evidence-blank", family = Family.PACKET, severity = Severity.WARNING,
    summary = "A required evidence item left blank")
public final class EvidenceBlank implements Rule {
  private static final Pattern PLACEHOLDER = Pattern.compile(
      "(?i)^(?:tbd|todo|tba|n/?a|none|pending|-+|—|…|\\.\\.\\.|\\?+|_+|<[^>]*>|\\[[^\\]]*\\]|x+)\\.?$");

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.doc(Packet.EVIDENCE).isEmpty()) continue;
      MarkdownDoc d = p.doc(Packet.EVIDENCE).get();
      List<Block> blocks = d.blocks();
      for (int i = 0; i < blocks.size(); i++) {
        Block b = blocks.get(i);
        if (b.type() != Block.Type.ITEM) continue;
        boolean hasNested = i + 1 < blocks.size() && blocks.get(i + 1).line() > b.endLine()
            && blocks.get(i + 1).type() == Block.Type.ITEM && blocks.get(i + 1).depth() > b.depth();
        String why = blank(b, hasNested, underRequired(d, b));
        if (why == null) continue;
        out.report(Location.line(d.path(), b.line()),
            "evidence item \"%s\" is %s".formatted(label(b.text()), why),
            Seeds.EVIDENCE,
            "Fill it in: what was run, where and when, and the result or a link to it "
                + "(\"migration dry-run output: staging, 2026-05-02, 18.1M rows in 3h52m — "
                + "attached to PLAT-482\").");
      }
    }
  }

  /** Why the item is blank, or null when it carries evidence. */
  static String blank(Block item, boolean hasNested, boolean required) {
    String t = item.text().strip();
    if (Boolean.FALSE.equals(item.checked())) return "unchecked";
    int colon = t.indexOf(':');
    if (colon >= 0) {
      String value = t.substring(colon + 1).strip();
      if (value.isEmpty()) return hasNested ? null : "blank";
      return PLACEHOLDER.matcher(value).matches() ? "a placeholder (\"" + value + "\")" : null;
    }
    if (Boolean.TRUE.equals(item.checked())) return null;
    if (required && !hasNested && item.lines().size() == 1) return "named but not provided";
    return null;
  }

  private static boolean underRequired(MarkdownDoc d, Block b) {
    for (Section s : d.sections()) {
      if (b.line() > s.line() && b.line() <= s.endLine()
          && s.title().toLowerCase(java.util.Locale.ROOT).contains("required")) {
        return true;
      }
    }
    return false;
  }

  private static String label(String text) {
    String t = text.strip();
    int colon = t.indexOf(':');
    return colon > 0 ? t.substring(0, colon) : t;
  }
}
