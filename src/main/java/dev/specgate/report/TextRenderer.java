package dev.specgate.report;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Lines;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Report;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Human output: findings grouped by file; each shows the statement with the offending line marked,
 * the why and the fix. ANSI colour only when asked (the CLI asks on a terminal).
 */
public final class TextRenderer {
  private static final int MAX_EXCERPT_LINES = 8;
  private final boolean colour;

  public TextRenderer(boolean colour) {
    this.colour = colour;
  }

  public String render(Report report, ChangeSet changes) {
    StringBuilder out = new StringBuilder();
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (Finding f : report.findings()) byFile.computeIfAbsent(f.file(), k -> new java.util.ArrayList<>()).add(f);
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      out.append(style("1", e.getKey())).append('\n');
      String[] lines = changes.file(e.getKey()).map(SourceFile::content).map(Lines::of).orElse(null);
      for (Finding f : e.getValue()) {
        out.append("  ").append(f.line()).append(':').append(f.location().column()).append("  ")
            .append(severity(f.severity())).append("  ").append(style("2", f.rule())).append('\n');
        out.append("    ").append(f.message()).append('\n');
        if (lines != null) excerpt(out, lines, f);
        if (!f.why().isEmpty()) out.append(indent("why: " + f.why(), "    ", "         ")).append('\n');
        if (!f.fix().isEmpty()) out.append(indent("fix: " + f.fix(), "    ", "         ")).append('\n');
        out.append('\n');
      }
    }
    out.append(summary(report)).append('\n');
    return out.toString();
  }

  private void excerpt(StringBuilder out, String[] lines, Finding f) {
    int from = f.line();
    int to = Math.min(f.location().endLine(), from + MAX_EXCERPT_LINES - 1);
    if (from > lines.length) return;
    int width = String.valueOf(to).length();
    for (int l = from; l <= Math.min(to, lines.length); l++) {
      String mark = l == f.line() ? style("31", ">") : " ";
      out.append("    ").append(mark).append(' ')
          .append(String.format("%" + width + "d", l)).append(" | ").append(lines[l - 1]).append('\n');
    }
    if (f.location().endLine() > to) out.append("      ").append(" ".repeat(width)).append(" | …\n");
  }

  private String summary(Report r) {
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long n = r.count(Severity.NOTICE);
    String counts = e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s") + ", "
        + n + " notice" + (n == 1 ? "" : "s");
    String scope = r.migrations().size() + " migration" + (r.migrations().size() == 1 ? "" : "s") + " ("
        + r.statementsAnalysed() + " statements), " + r.packets().size() + " packet"
        + (r.packets().size() == 1 ? "" : "s");
    String verdict = r.failed() ? style("31;1", "FAIL") : style("32;1", "PASS");
    return verdict + "  " + counts + " in " + scope + " (fails on " + r.failOn().label() + ")";
  }

  private String severity(Severity s) {
    return switch (s) {
      case ERROR -> style("31;1", "error");
      case WARNING -> style("33;1", "warning");
      case NOTICE -> style("36", "notice");
    };
  }

  private String style(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  private static String indent(String text, String first, String rest) {
    String[] parts = text.split("\n", -1);
    StringBuilder b = new StringBuilder(first).append(parts[0]);
    for (int i = 1; i < parts.length; i++) b.append('\n').append(rest).append(parts[i]);
    return b.toString();
  }
}
