package dev.specgate.report;

import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.engine.Report;

/**
 * GitHub Actions workflow commands, one per finding: {@code ::error file=…,line=…,endLine=…,
 * title=…::message}. GitHub shows them on the diff and in the run; it displays at most 10 error
 * and 10 warning annotations per step, so the job summary carries the full list.
 *
 * <p>Escaping follows the runner's own (actions/toolkit {@code command.ts}): in the message
 * {@code %}, CR and LF are percent-encoded; in property values also {@code :} and {@code ,}.
 */
public final class GithubAnnotationsRenderer {
  private GithubAnnotationsRenderer() {}

  public static String render(Report report) {
    StringBuilder out = new StringBuilder();
    for (Finding f : report.findings()) out.append(command(f)).append('\n');
    return out.toString();
  }

  static String command(Finding f) {
    Location l = f.location();
    StringBuilder b = new StringBuilder("::").append(level(f)).append(' ');
    b.append("file=").append(escapeProperty(f.file()));
    b.append(",line=").append(l.line());
    b.append(",endLine=").append(l.endLine());
    if (l.column() > 1 && l.line() == l.endLine()) {
      b.append(",col=").append(l.column());
      if (l.endColumn() >= l.column()) b.append(",endColumn=").append(l.endColumn());
    }
    b.append(",title=").append(escapeProperty("specgate " + f.rule()));
    b.append("::").append(escapeData(body(f)));
    return b.toString();
  }

  private static String body(Finding f) {
    StringBuilder b = new StringBuilder(f.message());
    if (!f.why().isBlank()) b.append("\n\nWhy: ").append(f.why().strip());
    if (!f.fix().isBlank()) b.append("\n\nFix:\n").append(f.fix().strip());
    return b.toString();
  }

  private static String level(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTICE -> "notice";
    };
  }

  public static String escapeData(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  public static String escapeProperty(String s) {
    return escapeData(s).replace(":", "%3A").replace(",", "%2C");
  }
}
