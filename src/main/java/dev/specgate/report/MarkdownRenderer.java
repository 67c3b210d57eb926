package dev.specgate.report;

import dev.specgate.core.Finding;
import dev.specgate.core.Lines;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pull request summary in GitHub-flavoured Markdown: verdict, counts by severity, each
 * packet's status, a table of findings linking to file and line, and each finding's why and fix
 * folded in {@code <details>}. Every string that came from the pull request goes through {@link
 * MarkdownText}, so nothing the author wrote becomes a link, HTML or a mention.
 *
 * <p>Sizes: a Check Run summary holds at most 65,535 characters ({@link #CHECK_RUN_LIMIT}); a job
 * summary at most 1 MiB per step ({@link #STEP_SUMMARY_LIMIT}). The output is measured in UTF-8
 * bytes (never fewer than characters, so safe for both) and cut at whole blocks — folded details
 * go first, then table rows — with a closing line that says how much was left out.
 */
public final class MarkdownRenderer {
  public static final int CHECK_RUN_LIMIT = 65_535;
  /** 1 MiB minus headroom for whatever else the step appends. */
  public static final int STEP_SUMMARY_LIMIT = 1_000_000;
  private static final int NOTE_RESERVE = 400;
  private static final int MAX_CODE_LINES = 40;
  private static final int MAX_PACKET_ROWS = 100;

  /**
   * @param linkBase prefix turning a repo path into a link, e.g. {@code
   *     https://github.com/o/r/blob/<sha>/}; empty for links relative to the repository root
   * @param limit maximum size in UTF-8 bytes
   * @param note an extra line under the verdict (e.g. why no review was posted), or null
   * @param section a Markdown section of ours shown after the findings table (the dry run's
   *     evidence), its author text already escaped; or null. Left out, and said so, when it does
   *     not fit.
   */
  public record Options(String linkBase, int limit, String note, String section) {
    public Options {
      linkBase = linkBase == null ? "" : linkBase;
      if (limit < 2 * NOTE_RESERVE) throw new IllegalArgumentException("limit too small: " + limit);
    }

    public Options(String linkBase, int limit, String note) {
      this(linkBase, limit, note, null);
    }

    public static Options defaults() {
      return new Options("", CHECK_RUN_LIMIT, null);
    }

    public Options withNote(String n) {
      return new Options(linkBase, limit, n, section);
    }

    public Options withSection(String s) {
      return new Options(linkBase, limit, note, s);
    }
  }

  private MarkdownRenderer() {}

  public static String render(Report report) {
    return render(report, Options.defaults());
  }

  public static String render(Report report, Options options) {
    List<Finding> findings = report.findings();
    StringBuilder head = new StringBuilder();
    head.append("## ").append(verdict(report)).append("\n\n");
    head.append(counts(report)).append("\n\n");
    if (options.note() != null && !options.note().isBlank()) {
      // the note is ours; callers escape what they quote in it (see PullRequestPublisher)
      head.append("> ").append(options.note().strip().replace("\n", "\n> ")).append("\n\n");
    }
    head.append(packets(report));
    head.append(planRead(report));

    Budget budget = new Budget(options.limit() - NOTE_RESERVE);
    budget.add(head.toString());
    if (findings.isEmpty()) {
      budget.add("No findings.\n");
      addSection(budget, options.section());
      return budget.text();
    }

    budget.add("\n### Findings\n\n| | Rule | Location | Message |\n|---|---|---|---|\n");
    int rowsShown = 0;
    for (Finding f : findings) {
      if (!budget.tryAdd(row(f, options.linkBase()))) break;
      rowsShown++;
    }
    addSection(budget, options.section());
    int detailsShown = 0;
    if (rowsShown > 0 && budget.tryAdd("\n### Details\n\n")) {
      for (int i = 0; i < rowsShown; i++) {
        if (!budget.tryAdd(details(findings.get(i)))) break;
        detailsShown++;
      }
    }
    StringBuilder out = new StringBuilder(budget.text());
    if (rowsShown < findings.size() || detailsShown < rowsShown) {
      out.append("\n> **Summary truncated** to stay within GitHub's size limit: ");
      if (rowsShown < findings.size()) {
        out.append(findings.size() - rowsShown).append(" of ").append(findings.size())
            .append(" findings are not listed");
      } else {
        out.append("the details of ").append(rowsShown - detailsShown).append(" findings are left out");
      }
      out.append(". Every finding is in the annotations, and `specgate check` shows them all.\n");
    }
    return out.toString();
  }

  /** The caller's section whole, or a line saying it was left out for size. */
  private static void addSection(Budget budget, String section) {
    if (section == null || section.isBlank()) return;
    if (!budget.tryAdd("\n" + section.strip() + "\n")) {
      budget.tryAdd("\n> The dry-run evidence is left out to stay within GitHub's size limit;"
          + " `specgate dry-run --format markdown` shows it.\n");
    }
  }

  private static String verdict(Report r) {
    if (r.failed()) return "❌ specgate: failed";
    if (!r.findings().isEmpty()) return "⚠️ specgate: passed with findings";
    return "✅ specgate: passed";
  }

  private static String counts(Report r) {
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long n = r.count(Severity.NOTICE);
    return "**" + e + "** " + plural(e, "error") + " · **" + w + "** " + plural(w, "warning") + " · **"
        + n + "** " + plural(n, "notice") + " — " + r.migrations().size() + " "
        + plural(r.migrations().size(), "migration") + " (" + r.statementsAnalysed() + " "
        + plural(r.statementsAnalysed(), "statement") + "), " + r.packets().size() + " "
        + plural(r.packets().size(), "packet") + ", " + r.filesAnalysed() + " "
        + plural(r.filesAnalysed(), "file") + " analysed; fails on `" + r.failOn().label() + "`.";
  }

  /** One row per packet: its status from the findings in its folder. */
  private static String packets(Report r) {
    if (r.packets().isEmpty()) return "";
    StringBuilder b = new StringBuilder("### Packets\n\n| Packet | Status | Errors | Warnings | Notices |\n|---|---|---|---|---|\n");
    int shown = 0;
    for (String folder : r.packets()) {
      if (shown++ == MAX_PACKET_ROWS) {
        b.append("| … and ").append(r.packets().size() - MAX_PACKET_ROWS).append(" more | | | | |\n");
        break;
      }
      long[] c = new long[3];
      for (Finding f : r.findings()) {
        if (inFolder(f.file(), folder)) c[f.severity().ordinal()]++;
      }
      String status = c[0] > 0 ? "❌ blocked" : c[1] > 0 ? "⚠️ warnings" : c[2] > 0 ? "ℹ️ notices" : "✅ ok";
      b.append("| ").append(MarkdownText.code(folder.isEmpty() ? "/" : folder)).append(" | ").append(status)
          .append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ").append(c[2]).append(" |\n");
    }
    return b.toString();
  }

  /** What specgate read from each plan (one line per packet), so authors see why a rule fired. */
  private static String planRead(Report r) {
    if (r.planRead().isEmpty()) return "";
    StringBuilder b = new StringBuilder("\n<details><summary>What specgate read from the plan</summary>\n\n");
    r.planRead().stream().limit(MAX_PACKET_ROWS).forEach(l -> b.append("- ").append(MarkdownText.cell(l)).append('\n'));
    return b.append("\n`specgate packet <folder>` prints all of it.\n\n</details>\n\n").toString();
  }

  private static boolean inFolder(String file, String folder) {
    return folder.isEmpty() || file.startsWith(folder.endsWith("/") ? folder : folder + "/");
  }

  private static String row(Finding f, String linkBase) {
    return "| " + icon(f.severity()) + " | " + MarkdownText.code(f.rule()) + " | " + link(f, linkBase) + " | "
        + MarkdownText.cell(f.message()) + " |\n";
  }

  private static String link(Finding f, String linkBase) {
    String anchor = "#L" + f.line() + (f.location().endLine() > f.line() ? "-L" + f.location().endLine() : "");
    String label = MarkdownText.cell(f.file() + ":" + f.line());
    // parentheses are legal in a URI but would end a Markdown link destination early
    String target = SarifRenderer.uriOf(f.file()).replace("(", "%28").replace(")", "%29");
    return "[" + label + "](" + linkBase + target + anchor + ")";
  }

  private static String details(Finding f) {
    StringBuilder b = new StringBuilder("<details><summary>")
        .append(icon(f.severity())).append(" <code>").append(MarkdownText.html(f.rule())).append("</code> ")
        .append(MarkdownText.html(f.file())).append(':').append(f.line()).append(" — ")
        .append(MarkdownText.html(MarkdownText.oneLine(f.message())))
        .append("</summary>\n\n");
    if (!f.why().isBlank()) b.append("**Why.** ").append(MarkdownText.text(f.why().strip())).append("\n\n");
    if (!f.fix().isBlank()) {
      java.util.Optional<FixText.Parts> parts = FixText.split(f.fix());
      if (parts.isPresent()) {
        b.append("**Fix.**").append(parts.get().prose().isEmpty() ? "" : " " + MarkdownText.text(parts.get().prose()))
            .append("\n\n").append(fence(parts.get().sql(), "sql")).append("\n\n");
      } else {
        b.append("**Fix.** ").append(MarkdownText.text(f.fix().strip())).append("\n\n");
      }
    }
    b.append("</details>\n\n");
    return b.toString();
  }

  /** The fix as a code block, cut to {@value #MAX_CODE_LINES} lines. */
  private static String fence(String code, String lang) {
    String[] lines = Lines.of(code);
    if (lines.length > MAX_CODE_LINES) {
      code = String.join("\n", java.util.Arrays.copyOf(lines, MAX_CODE_LINES)) + "\n…";
    }
    return codeBlock(lang, code);
  }

  /** A fenced code block whose fence is longer than any backtick run inside it. */
  public static String codeBlock(String info, String code) {
    int longest = 0;
    int run = 0;
    for (char c : code.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String f = "`".repeat(Math.max(3, longest + 1));
    return f + info + "\n" + code + "\n" + f;
  }


  private static String icon(Severity s) {
    return switch (s) {
      case ERROR -> "🛑";
      case WARNING -> "⚠️";
      case NOTICE -> "ℹ️";
    };
  }

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }


  /** Appends whole blocks while they fit. */
  private static final class Budget {
    private final StringBuilder text = new StringBuilder();
    private final int limit;
    private int bytes;

    Budget(int limit) {
      this.limit = limit;
    }

    void add(String s) {
      text.append(s);
      bytes += s.getBytes(StandardCharsets.UTF_8).length;
    }

    boolean tryAdd(String s) {
      int n = s.getBytes(StandardCharsets.UTF_8).length;
      if (bytes + n > limit) return false;
      text.append(s);
      bytes += n;
      return true;
    }

    String text() {
      return text.toString();
    }
  }
}
