package dev.specgate.rules.guardrail;

import dev.specgate.core.MarkdownNesting;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.commonmark.node.Block;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * Finds the guardrail lists of a spec.md: a list right after a label paragraph ("Allowed:",
 * "**Do not:**", or a paragraph whose last line is such a label) or the first list under a
 * heading named like one ("## Do not"). Labels, case-insensitive: Allowed (Allowed changes,
 * Permitted, In scope) and Do not (Don't, Must not, Forbidden, Never, Not allowed).
 */
final class GuardrailParser {
  private static final Pattern ALLOWED =
      Pattern.compile("(?:allowed(?: changes| files| to change)?|permitted(?: changes)?|in scope)");
  private static final Pattern FORBIDDEN = Pattern.compile(
      "(?:do not|don't|don’t|must not|you must not|forbidden(?: changes)?|never|not allowed)");

  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

  private GuardrailParser() {}

  static Guardrail parse(String specPath, String packetFolder, String markdown) {
    List<GuardrailItem> allowed = new ArrayList<>();
    List<GuardrailItem> forbidden = new ArrayList<>();
    Node doc = PARSER.parse(MarkdownNesting.bounded(markdown == null ? "" : markdown));
    walk(doc, specPath, allowed, forbidden);
    return new Guardrail(specPath, packetFolder, allowed, forbidden);
  }

  /**
   * Visits every block in document order with an explicit stack: nesting depth is the author's
   * choice (thousands of {@code >} or nested {@code -}), so it must not be the call stack's.
   */
  private static void walk(Node root, String spec, List<GuardrailItem> allowed,
      List<GuardrailItem> forbidden) {
    Deque<Node> pending = new ArrayDeque<>();
    push(pending, root.getFirstChild());
    while (!pending.isEmpty()) {
      Node n = pending.pop();
      push(pending, n.getNext());
      GuardrailItem.Kind kind = null;
      ListBlock list = null;
      if (n instanceof Paragraph p && n.getNext() instanceof ListBlock l) {
        String text = text(p);
        String last = text.substring(text.lastIndexOf('\n') + 1);
        kind = label(last, true);
        list = l;
      } else if (n instanceof Heading h) {
        kind = label(text(h), false);
        list = kind == null ? null : firstListUnder(h);
      }
      if (kind != null && list != null) {
        List<GuardrailItem> into = kind == GuardrailItem.Kind.ALLOWED ? allowed : forbidden;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          if (item instanceof ListItem li) {
            GuardrailItem g = item(kind, li, spec);
            if (g != null) into.add(g);
          }
        }
      }
      if (n instanceof Block && !(n instanceof Paragraph) && !(n instanceof Heading)) {
        push(pending, n.getFirstChild()); // children before the next sibling: document order
      }
    }
  }

  private static void push(Deque<Node> pending, Node n) {
    if (n != null) pending.push(n);
  }

  private static ListBlock firstListUnder(Heading h) {
    for (Node n = h.getNext(); n != null; n = n.getNext()) {
      if (n instanceof Heading next && next.getLevel() <= h.getLevel()) return null;
      if (n instanceof BulletList || n instanceof OrderedList) return (ListBlock) n;
    }
    return null;
  }

  /** The kind a label names; a paragraph label needs its colon ("Allowed:"), a heading does not. */
  static GuardrailItem.Kind label(String raw, boolean needsColon) {
    String t = raw.strip().toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean colon = t.endsWith(":");
    if (colon) t = t.substring(0, t.length() - 1).strip();
    if (needsColon && !colon) return null;
    if (ALLOWED.matcher(t).matches()) return GuardrailItem.Kind.ALLOWED;
    if (FORBIDDEN.matcher(t).matches()) return GuardrailItem.Kind.FORBIDDEN;
    return null;
  }

  private static GuardrailItem item(GuardrailItem.Kind kind, ListItem li, String spec) {
    StringBuilder text = new StringBuilder();
    List<String> code = new ArrayList<>();
    for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph p) {
        if (text.length() > 0) text.append(' ');
        inline(p, text, code);
      }
    }
    String t = text.toString().replace('\n', ' ').strip();
    if (t.startsWith("[ ] ") || t.startsWith("[x] ") || t.startsWith("[X] ")) t = t.substring(4);
    if (t.isEmpty()) return null;
    return new GuardrailItem(kind, t, code, spec, line(li));
  }

  private static int line(Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    return spans.isEmpty() ? 1 : spans.get(0).getLineIndex() + 1;
  }

  private static String text(Node n) {
    StringBuilder sb = new StringBuilder();
    inline(n, sb, new ArrayList<>());
    return sb.toString();
  }

  /** The inline text under {@code parent}, in order; iterative for the same reason as {@link #walk}. */
  private static void inline(Node parent, StringBuilder sb, List<String> code) {
    Deque<Node> pending = new ArrayDeque<>();
    push(pending, parent.getFirstChild());
    while (!pending.isEmpty()) {
      Node c = pending.pop();
      push(pending, c.getNext());
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code k) {
        sb.append('`').append(k.getLiteral()).append('`');
        code.add(k.getLiteral());
      } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
        sb.append('\n');
      } else {
        push(pending, c.getFirstChild());
      }
    }
  }
}
