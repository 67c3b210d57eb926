package dev.specgate.packet;

import dev.specgate.core.MarkdownNesting;
import dev.specgate.core.Lines;
import dev.specgate.core.SourceFile;
import dev.specgate.core.Spaces;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
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
 * One Markdown file of a packet, parsed with CommonMark (source spans on) into blocks with their
 * real line numbers, and into sections by heading. Immutable; safe to share.
 */
public final class MarkdownDoc {
  private static final Parser PARSER = Parser.builder()
      .extensions(List.of(TablesExtension.create(), TaskListItemsExtension.create()))
      .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
  private static final Pattern CHECKBOX = Pattern.compile("^\\s*\\[([ xX])\\]\\s?");
  // possessive and bracket-free inside: a run of "[" costs one step each, not a rescan
  private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]]*+)\\]\\([^()]*+\\)");
  /** "**Deploy order:**", "**Rollback (Phase 1):**", "**Why**:" at the start of a line. */
  private static final Pattern BOLD_LABEL =
      Pattern.compile("\\s{0,3}(?:\\*\\*|__)([^*_:]{1,80}+:?)(?:\\*\\*|__)\\s*+:?");
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
    // CommonMark's spans point into the text it parsed: the capped text (same lines)
    String parsed = MarkdownNesting.bounded(content);
    this.rawLines = List.of(Lines.of(parsed));
    List<Block> out = new ArrayList<>();
    Node doc = PARSER.parse(parsed);
    if (doc instanceof Document) collect(doc, out);
    this.blocks = List.copyOf(out);
    this.sections = List.copyOf(buildSections(blocks));
    List<RowCountExtractor.RowCount> counts = new ArrayList<>();
    for (TextLine l : textLines()) counts.addAll(RowCountExtractor.findAll(l.text(), l.line()));
    for (Block b : blocks) {
      if (b.type() == Block.Type.TABLE) counts.addAll(tableRowCounts(b.table()));
    }
    this.rowCounts = List.copyOf(counts);
  }

  private static final Pattern TABLE_NAME_COLUMN = Pattern.compile("^(?:table|relation|object|name)");
  private static final Pattern ROWS_COLUMN =
      Pattern.compile("rows|row count|records|size|volume|cardinality");

  /**
   * Row counts of a facts table: a Table column beside a Rows / Size column ("| accounts | 18M |"),
   * or a two-column key/value table ("| accounts row count | 18M |").
   */
  private static List<RowCountExtractor.RowCount> tableRowCounts(MdTable t) {
    List<RowCountExtractor.RowCount> out = new ArrayList<>();
    int name = t.column(TABLE_NAME_COLUMN);
    int rows = t.column(ROWS_COLUMN);
    for (MdTable.Row r : t.rows()) {
      if (name >= 0 && rows >= 0 && name != rows) {
        String count = r.cell(rows);
        String sentence = r.cell(name) + " has " + count
            + (count.toLowerCase(java.util.Locale.ROOT).contains("row") ? "" : " rows");
        out.addAll(RowCountExtractor.findAll(sentence, r.line()));
      } else if (r.cells().size() == 2) {
        out.addAll(RowCountExtractor.findAll(r.cell(0) + ": " + r.cell(1), r.line()));
      }
    }
    return out;
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

  /**
   * Walks the CommonMark tree in document order without recursion (an explicit stack: the depth
   * of a packet's nesting is the author's choice, the stack of a worker thread is not).
   */
  private void collect(Node document, List<Block> out) {
    Deque<Object[]> stack = new ArrayDeque<>();
    pushChildren(stack, document, 0);
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      Node n = (Node) top[0];
      int depth = (Integer) top[1];
      if (n instanceof Heading h) {
        addBlock(out, Block.Type.HEADING, n, h.getLevel());
      } else if (n instanceof Paragraph) {
        addParagraph(out, n);
      } else if (n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
        addCode(out, n);
      } else if (n instanceof TableBlock t) {
        addTable(out, t);
      } else if (n instanceof BulletList || n instanceof OrderedList) {
        pushChildren(stack, n, depth + 1);
      } else if (n instanceof ListItem) {
        addItem(n, depth, out, stack);
      } else if (n instanceof BlockQuote) {
        pushChildren(stack, n, depth);
      }
    }
  }

  /** Pushes the children so that the first child is popped first. */
  private static void pushChildren(Deque<Object[]> stack, Node parent, int depth) {
    List<Node> children = new ArrayList<>();
    for (Node c = parent.getFirstChild(); c != null; c = c.getNext()) children.add(c);
    for (int i = children.size() - 1; i >= 0; i--) stack.push(new Object[] {children.get(i), depth});
  }

  /** A list item: its own paragraphs form one block; nested lists, code and tables follow. */
  private void addItem(Node item, int depth, List<Block> out, Deque<Object[]> stack) {
    List<TextLine> lines = new ArrayList<>();
    Boolean checked = null;
    int first = -1;
    int last = -1;
    List<Node> rest = new ArrayList<>();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof TaskListItemMarker marker) {
        checked = marker.isChecked();
      } else if (c instanceof Paragraph) {
        for (SourceSpan s : c.getSourceSpans()) {
          String raw = slice(s);
          if (first < 0) {
            first = s.getLineIndex() + 1;
            Matcher m = CHECKBOX.matcher(raw);
            if (m.find()) {
              if (checked == null) checked = !m.group(1).equals(" ");
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
        out.add(new Block(Block.Type.ITEM, l, l, List.of(new TextLine(l, "")), depth, checked));
      }
    } else {
      out.add(new Block(Block.Type.ITEM, first, last, lines, depth, checked));
    }
    for (int i = rest.size() - 1; i >= 0; i--) stack.push(new Object[] {rest.get(i), depth});
  }

  /**
   * A paragraph. Lines that open with a bold label ("**Deploy order:** migrations first") are
   * split off: the label becomes a one-line "Label:" paragraph (a section, see
   * {@link #sectionLevel}) and the text after it a paragraph of its own, on the same line.
   */
  private void addParagraph(List<Block> out, Node n) {
    List<TextLine> current = new ArrayList<>();
    for (SourceSpan s : n.getSourceSpans()) {
      String raw = slice(s);
      int line = s.getLineIndex() + 1;
      Matcher m = BOLD_LABEL.matcher(raw);
      if (m.lookingAt() && (m.group(1).endsWith(":") || m.group().endsWith(":")
          || namesSectionWithPeriod(m.group(1)))) {
        flush(out, current);
        String label = clean(m.group(1));
        if (label.endsWith(":") || label.endsWith(".")) {
          label = label.substring(0, label.length() - 1).strip();
        }
        label = label + ":";
        out.add(new Block(Block.Type.PARAGRAPH, line, line, List.of(new TextLine(line, label)), 0,
            null));
        String after = clean(raw.substring(m.end()));
        if (!after.isEmpty()) current.add(new TextLine(line, after));
      } else if (plainLabel(raw) != null) {
        // "Context: orders ~ 9M rows" — a plain label that names a known section
        Matcher p = PLAIN_LABEL.matcher(raw);
        p.lookingAt();
        flush(out, current);
        out.add(new Block(Block.Type.PARAGRAPH, line, line,
            List.of(new TextLine(line, p.group(1).strip() + ":")), 0, null));
        current.add(new TextLine(line, clean(raw.substring(p.end()))));
      } else {
        current.add(new TextLine(line, clean(raw)));
      }
    }
    flush(out, current);
  }

  private static final Pattern PLAIN_LABEL =
      Pattern.compile("\\s{0,3}([A-Za-z][A-Za-z /-]{0,40}+):\\s{1,5}(?=\\S)");

  /** The label of a "Context: …" line when it names a known section, else null. */
  private static String plainLabel(String raw) {
    Matcher m = PLAIN_LABEL.matcher(raw);
    if (!m.lookingAt()) return null;
    String label = m.group(1).strip();
    if (label.split(" ").length > 4) return null;
    SectionKind k = SectionKind.of(label);
    return k == SectionKind.OTHER || k == SectionKind.PHASE ? null : label;
  }

  /** "**Background.** text": a bold run-in heading ending in a period that names a section. */
  private static boolean namesSectionWithPeriod(String bold) {
    if (!bold.endsWith(".") || bold.split(" ").length > 4) return false;
    SectionKind k = SectionKind.of(bold.substring(0, bold.length() - 1));
    return k != SectionKind.OTHER && k != SectionKind.PHASE;
  }

  private static void flush(List<Block> out, List<TextLine> lines) {
    if (lines.isEmpty()) return;
    out.add(new Block(Block.Type.PARAGRAPH, lines.get(0).line(),
        lines.get(lines.size() - 1).line(), List.copyOf(lines), 0, null));
    lines.clear();
  }

  private void addBlock(List<Block> out, Block.Type type, Node n, int depth) {
    List<TextLine> lines = new ArrayList<>();
    for (SourceSpan s : n.getSourceSpans()) {
      String raw = slice(s);
      if (type == Block.Type.HEADING) raw = stripHeadingMarks(raw);
      lines.add(new TextLine(s.getLineIndex() + 1, clean(raw)));
    }
    if (type == Block.Type.HEADING && lines.size() > 1) {
      // setext heading: the underline is not text
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) return;
    int first = lines.get(0).line();
    int last = n.getSourceSpans().get(n.getSourceSpans().size() - 1).getLineIndex() + 1;
    out.add(new Block(type, first, last, lines, depth, null));
  }

  /** "## Title ##" → "Title" (plain code: the old regex backtracked on long runs of spaces). */
  static String stripHeadingMarks(String raw) {
    int i = 0;
    int n = raw.length();
    while (i < n && i < 3 && raw.charAt(i) == ' ') i++;
    int hashes = 0;
    while (i < n && raw.charAt(i) == '#' && hashes < 6) { i++; hashes++; }
    if (hashes == 0) return raw;
    int end = n;
    while (end > i && Character.isWhitespace(raw.charAt(end - 1))) end--;
    int closing = end;
    while (closing > i && raw.charAt(closing - 1) == '#') closing--;
    if (closing < end && (closing == i || Character.isWhitespace(raw.charAt(closing - 1)))) {
      end = closing;
    }
    return raw.substring(i, end).strip();
  }

  private void addCode(List<Block> out, Node n) {
    List<SourceSpan> spans = n.getSourceSpans();
    if (spans.isEmpty()) return;
    List<TextLine> lines = new ArrayList<>();
    for (SourceSpan s : spans) lines.add(new TextLine(s.getLineIndex() + 1, slice(s)));
    String info = "";
    if (n instanceof FencedCodeBlock f && f.getInfo() != null) {
      String i = f.getInfo().strip();
      int sp = 0;
      while (sp < i.length() && !Character.isWhitespace(i.charAt(sp))) sp++;
      info = i.substring(0, sp).toLowerCase(java.util.Locale.ROOT);
    }
    out.add(new Block(Block.Type.CODE, lines.get(0).line(),
        lines.get(lines.size() - 1).line(), lines, 0, null, info, null));
  }

  /** A GFM table: header cells, then one prose line per body row ("Header: cell; …"). */
  private void addTable(List<Block> out, TableBlock t) {
    List<String> header = new ArrayList<>();
    List<MdTable.Row> rows = new ArrayList<>();
    List<SourceSpan> spans = t.getSourceSpans();
    if (spans.isEmpty()) return;
    int firstLine = spans.get(0).getLineIndex() + 1;
    int rowIndex = 0;
    for (Node section = t.getFirstChild(); section != null; section = section.getNext()) {
      for (Node row = section.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) continue;
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) cells.add(clean(inlineText(cell)));
        }
        if (section instanceof TableHead) {
          header.addAll(cells);
        } else {
          int line = row.getSourceSpans().isEmpty()
              ? firstLine + 2 + rowIndex : row.getSourceSpans().get(0).getLineIndex() + 1;
          rows.add(new MdTable.Row(line, cells));
          rowIndex++;
        }
      }
    }
    MdTable table = new MdTable(header, rows);
    List<TextLine> lines = new ArrayList<>();
    for (MdTable.Row r : rows) lines.add(new TextLine(r.line(), table.rowText(r)));
    int last = spans.get(spans.size() - 1).getLineIndex() + 1;
    out.add(new Block(Block.Type.TABLE, firstLine, last, lines, 0, null, "", table));
  }

  /** The literal text of a node's inline content, read without recursion. */
  private static String inlineText(Node node) {
    StringBuilder sb = new StringBuilder();
    Deque<Node> stack = new ArrayDeque<>();
    for (Node c = node.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      if (n instanceof Text t) sb.append(t.getLiteral());
      else if (n instanceof Code c) sb.append(c.getLiteral());
      else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) sb.append(' ');
      for (Node c = n.getLastChild(); c != null; c = c.getPrevious()) stack.push(c);
    }
    return sb.toString();
  }

  private String slice(SourceSpan s) {
    int li = s.getLineIndex();
    if (li < 0 || li >= rawLines.size()) return "";
    String line = rawLines.get(li);
    int from = Math.min(s.getColumnIndex(), line.length());
    int to = Math.min(from + s.getLength(), line.length());
    return line.substring(from, to);
  }

  private static final Pattern EMPHASIS =
      Pattern.compile("(^|\\s)[*_]([^*_\\s][^*_]*+)[*_](?=\\s|$|[.,;:!?])");

  /** Inline Markdown removed: links keep their text, emphasis markers and backticks go. */
  static String clean(String raw) {
    String t = LINK.matcher(raw).replaceAll("$1");
    t = t.replace("**", "").replace("__", "").replace("`", "");
    t = EMPHASIS.matcher(t).replaceAll("$1$2");
    return t.strip();
  }

  // ---- sections --------------------------------------------------------------------------

  private static final Pattern FINAL_COLON = Pattern.compile(":\\s*+$");
  private static final Pattern FINAL_PUNCTUATION = Pattern.compile("[.!?;,]$");

  private static List<Section> buildSections(List<Block> blocks) {
    List<Section> out = new ArrayList<>();
    Block docTitle = documentTitle(blocks);
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      int level = sectionLevel(b);
      if (level == 0) continue;
      String title = FINAL_COLON.matcher(b.text()).replaceFirst("").strip();
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
      if (LABEL.matcher(t).matches() && Spaces.split(t).length <= 8) return 7;
      // seed 000 writes "The migration phases" alone on a line: a short line without final
      // punctuation that names a known section is a label too
      if (Spaces.split(t).length <= 5 && !FINAL_PUNCTUATION.matcher(t).find()) {
        SectionKind k = SectionKind.of(t);
        if (k != SectionKind.OTHER && k != SectionKind.PHASE) return 7;
      }
    }
    return 0;
  }
}
