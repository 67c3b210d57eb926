package dev.specgate.packet;

import dev.specgate.core.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * One Markdown file of a packet, parsed with CommonMark (source spans on) into blocks with their
 * real line numbers, and into sections by heading. Immutable; safe to share.
 */
public final class MarkdownDoc {
  private static final Parser PARSER =
      Parser.builder().includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[([ xX])\\]\\s?");
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\]]*)\\]\\([^)]*\\)");
  private static final Pattern LABEL = Pattern.compile("^[^:]{1,60}:$");

  private final String path;
  private final String content;
  private final String lowerContent;
  private final List<String> rawLines;
  private final List<Block> blocks;
  private final List<Section> sections;
  private final List<RowCountExtractor.RowCount> rowCounts;

  private MarkdownDoc(String path, String content) {
    this.path = path;
    this.content = content;
    this.lowerContent = content.toLowerCase(java.util.Locale.ROOT);
    this.rawLines = List.of(content.split("\r?\n", -1));
    List<Block> out = new ArrayList<>();
    Node doc = PARSER.parse(content);
    if (doc instanceof Document) collect(doc, 0, out);
    this.blocks = List.copyOf(out);
    this.sections = List.copyOf(buildSections(blocks));
    List<RowCountExtractor.RowCount> counts = new ArrayList<>();
    for (TextLine l : textLines()) counts.addAll(RowCountExtractor.findAll(l.text(), l.line()));
    this.rowCounts = List.copyOf(counts);
  }

  public static MarkdownDoc parse(String path, String content) {
    return new MarkdownDoc(path, content == null ? "" : content);
  }

  public static MarkdownDoc of(SourceFile file) {
    return parse(file.path(), file.content());
  }

  public String path() {
    return path;
  }

  public String content() {
    return content;
  }

  /** The content lower-cased (computed once: packets are searched for names often). */
  public String lowerContent() {
    return lowerContent;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MarkdownDoc d && d.path.equals(path) && d.content.equals(content);
  }

  @Override
  public int hashCode() {
    return path.hashCode() * 31 + content.hashCode();
  }

  public boolean isBlank() {
    return content.isBlank();
  }

  public List<Block> blocks() {
    return blocks;
  }

  public List<Section> sections() {
    return sections;
  }

  /** The first section of a kind, if any. */
  public Optional<Section> section(SectionKind kind) {
    return sections.stream().filter(s -> s.kind() == kind).findFirst();
  }

  public List<Section> sections(SectionKind kind) {
    return sections.stream().filter(s -> s.kind() == kind).toList();
  }

  /** Row counts tied to a table stated in this file's prose (read once, at parse time). */
  public List<RowCountExtractor.RowCount> rowCounts() {
    return rowCounts;
  }

  /** Every prose line (code blocks excluded) with its real line number. */
  public List<TextLine> textLines() {
    List<TextLine> out = new ArrayList<>();
    for (Block b : blocks) if (b.type() != Block.Type.CODE) out.addAll(b.lines());
    return out;
  }

  public List<Block> items() {
    return blocks.stream().filter(b -> b.type() == Block.Type.ITEM).toList();
  }

  /**
   * Where a finding about the whole file goes: its first heading, else its first non-blank line,
   * else line 1.
   */
  public int titleLine() {
    for (Block b : blocks) if (b.type() == Block.Type.HEADING) return b.line();
    for (int i = 0; i < rawLines.size(); i++) {
      if (!rawLines.get(i).isBlank()) return i + 1;
    }
    return 1;
  }

  // ---- parsing ---------------------------------------------------------------------------

  private void collect(Node parent, int listDepth, List<Block> out) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Heading h) {
        addBlock(out, Block.Type.HEADING, n, h.getLevel(), null);
      } else if (n instanceof Paragraph) {
        addBlock(out, Block.Type.PARAGRAPH, n, 0, null);
      } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
        addCode(out, n);
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        collect(n, listDepth + 1, out);
      } else if (n instanceof ListItem) {
        addItem(n, listDepth, out);
      } else if (n instanceof BlockQuote) {
        collect(n, listDepth, out);
      }
    }
  }

  /** A list item: its own paragraphs form one block; nested lists and code follow as blocks. */
  private void addItem(Node item, int depth, List<Block> out) {
    List<TextLine> lines = new ArrayList<>();
    Boolean checked = null;
    int first = -1;
    int last = -1;
    List<Node> rest = new ArrayList<>();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph) {
        for (SourceSpan s : c.getSourceSpans()) {
          String raw = slice(s);
          if (first < 0) {
            first = s.getLineIndex() + 1;
            Matcher m = CHECKBOX.matcher(raw);
            if (m.find()) {
              checked = !m.group(1).equals(" ");
              raw = raw.substring(m.end());
            }
          }
          last = s.getLineIndex() + 1;
          lines.add(new TextLine(s.getLineIndex() + 1, clean(raw)));
        }
      } else {
        rest.add(c);
      }
    }
    if (first < 0) {
      // an item without a paragraph ("- " alone, or starting with a code block)
      List<SourceSpan> spans = item.getSourceSpans();
      if (!spans.isEmpty()) {
        int l = spans.get(0).getLineIndex() + 1;
        out.add(new Block(Block.Type.ITEM, l, l, List.of(new TextLine(l, "")), depth, null));
      }
    } else {
      out.add(new Block(Block.Type.ITEM, first, last, lines, depth, checked));
    }
    for (Node c : rest) {
      if (c instanceof BulletList || c instanceof OrderedList) {
        collect(c, depth + 1, out);
      } else if (c instanceof FencedCodeBlock || c instanceof IndentedCodeBlock) {
        addCode(out, c);
      } else if (c instanceof Heading h) {
        addBlock(out, Block.Type.HEADING, c, h.getLevel(), null);
      } else if (c instanceof BlockQuote) {
        collect(c, depth, out);
      }
    }
  }

  private void addBlock(List<Block> out, Block.Type type, Node n, int depth, Boolean checked) {
    List<TextLine> lines = new ArrayList<>();
    for (SourceSpan s : n.getSourceSpans()) {
      String raw = slice(s);
      if (type == Block.Type.HEADING) raw = raw.replaceFirst("^\\s{0,3}#{1,6}\\s*", "")
          .replaceFirst("\\s+#+\\s*$", "");
      lines.add(new TextLine(s.getLineIndex() + 1, clean(raw)));
    }
    if (type == Block.Type.HEADING && lines.size() > 1) {
      // setext heading: the underline is not text
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) return;
    int first = lines.get(0).line();
    int last = n.getSourceSpans().get(n.getSourceSpans().size() - 1).getLineIndex() + 1;
    out.add(new Block(type, first, last, lines, depth, checked));
  }

  private void addCode(List<Block> out, Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    if (spans.isEmpty()) return;
    List<TextLine> lines = new ArrayList<>();
    for (SourceSpan s : spans) lines.add(new TextLine(s.getLineIndex() + 1, slice(s)));
    out.add(new Block(Block.Type.CODE, lines.get(0).line(),
        lines.get(lines.size() - 1).line(), lines, 0, null));
  }

  private String slice(SourceSpan s) {
    int li = s.getLineIndex();
    if (li < 0 || li >= rawLines.size()) return "";
    String line = rawLines.get(li);
    int from = Math.min(s.getColumnIndex(), line.length());
    int to = Math.min(from + s.getLength(), line.length());
    return line.substring(from, to);
  }

  /** Inline Markdown removed: links keep their text, emphasis markers and backticks go. */
  static String clean(String raw) {
    String t = LINK.matcher(raw).replaceAll("$1");
    t = t.replace("**", "").replace("__", "").replace("`", "");
    t = t.replaceAll("(^|\\s)[*_]([^*_\\s][^*_]*)[*_](?=\\s|$|[.,;:!?])", "$1$2");
    t = t.replaceAll("\\s+$", "");
    return t.strip();
  }

  // ---- sections --------------------------------------------------------------------------

  private static List<Section> buildSections(List<Block> blocks) {
    List<Section> out = new ArrayList<>();
    Block docTitle = documentTitle(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      int level = sectionLevel(b);
      if (level == 0) continue;
      String title = b.text().replaceAll(":\\s*$", "").strip();
      List<Block> body = new ArrayList<>();
      int end = b.endLine();
      for (int j = i + 1; j < blocks.size(); j++) {
        Block c = blocks.get(j);
        int cl = sectionLevel(c);
        if (cl != 0 && cl <= level) break;
        body.add(c);
        end = Math.max(end, c.endLine());
      }
      // the document's title ("# Backfill order totals") names the document, not a section
      SectionKind kind = b == docTitle ? SectionKind.OTHER : SectionKind.of(title);
      PhaseName phase = kind == SectionKind.PHASE ? PhaseName.startOf(title).orElse(null) : null;
      out.add(new Section(title, kind, phase, level, b.line(), end, body));
    }
    return out;
  }

  /** The first heading when it is the only level-1 heading: the document's title. */
  private static Block documentTitle(List<Block> blocks) {
    Block first = null;
    int h1 = 0;
    for (Block b : blocks) {
      if (b.type() != Block.Type.HEADING) continue;
      if (first == null) first = b;
      if (b.depth() == 1) h1++;
    }
    return first != null && first.depth() == 1 && h1 == 1 ? first : null;
  }

  /**
   * 1–6 for a heading; 7 for a one-line "Label:" paragraph or a short line naming a known section
   * ("The migration phases"); 0 for anything else.
   */
  public static int sectionLevel(Block b) {
    if (b.type() == Block.Type.HEADING) return b.depth();
    if (b.type() == Block.Type.PARAGRAPH && b.lines().size() == 1) {
      String t = b.text().strip();
      if (LABEL.matcher(t).matches() && t.split("\\s+").length <= 8) return 7;
      // seed 000 writes "The migration phases" alone on a line: a short line without final
      // punctuation that names a known section is a label too
      if (t.split("\\s+").length <= 5 && !t.matches(".*[.!?;,]$")) {
        SectionKind k = SectionKind.of(t);
        if (k != SectionKind.OTHER && k != SectionKind.PHASE) return 7;
      }
    }
    return 0;
  }
}
