package dev.specgate.engine;

import dev.specgate.core.Identifiers;
import dev.specgate.core.Finding;
import dev.specgate.core.Lines;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.rules.RuleRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies inline suppressions after all rules ran (rules never see them):
 * {@code -- specgate:ignore rule-a, rule-b: reason} on the line(s) above a statement,
 * {@code -- specgate:ignore-file rule-a: reason} for a whole file, and the same inside
 * {@code <!-- … -->} in Markdown. A suppression without a reason, naming an unknown rule, or
 * matching nothing is itself reported as {@value EngineDiagnostics#INVALID_SUPPRESSION}.
 */
final class Suppressions {
  private static final Pattern ID_SEPARATORS = Pattern.compile("[,\\s]+");

  /** {@code specgate:ignore[-file] ids: reason [-->]} read from a line, by plain code (see {@link #read}). */
  private record Parsed(boolean wholeFile, String ids, String reason) {}

  /** {@code targetEnd}: the last line covered (a Markdown code fence: its closing line). */
  private record Directive(String file, int line, boolean wholeFile, List<String> rules, String reason,
      int targetLine, int targetEnd) {}

  private Suppressions() {}

  /** Returns the findings that survive, plus findings about bad or unused suppressions. */
  static List<Finding> apply(List<Finding> findings, List<SourceFile> files) {
    Map<String, List<Directive>> byFile = new HashMap<>();
    List<Finding> out = new ArrayList<>();
    for (SourceFile f : files) {
      if (f.content() == null || !f.content().contains("specgate:ignore") || !suppressible(f.path())) continue;
      List<Directive> ds = parse(f, out);
      if (!ds.isEmpty()) byFile.put(f.path(), ds);
    }
    Map<Directive, Integer> used = new HashMap<>();
    for (Finding finding : findings) {
      Directive by = null;
      for (Directive d : byFile.getOrDefault(finding.file(), List.of())) {
        if (!d.rules().contains(finding.rule())) continue;
        if (d.wholeFile()
            || (d.targetLine() >= finding.line() && d.targetLine() <= finding.location().endLine())
            || (finding.line() >= d.targetLine() && finding.line() <= d.targetEnd())) {
          by = d;
          break;
        }
      }
      if (by == null) {
        out.add(finding);
      } else {
        used.merge(by, 1, Integer::sum);
      }
    }
    for (List<Directive> ds : byFile.values()) {
      for (Directive d : ds) {
        if (!used.containsKey(d)) {
          out.add(invalid(d.file(), d.line(),
              "suppression of " + String.join(", ", d.rules()) + " matches no finding",
              "A suppression that suppresses nothing hides the next real problem on that line; remove it."));
        }
      }
    }
    return out;
  }

  private static List<Directive> parse(SourceFile f, List<Finding> problems) {
    String lower = f.path().toLowerCase(java.util.Locale.ROOT);
    boolean markdown = lower.endsWith(".md") || lower.endsWith(".markdown");
    String[] lines = Lines.of(f.content());
    List<Directive> out = new ArrayList<>();
    boolean inFence = false;
    for (int i = 0; i < lines.length; i++) {
      String text = lines[i];
      String trimmed = text.trim();
      if (markdown && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) inFence = !inFence;
      int at = text.indexOf("specgate:ignore");
      if (at < 0 || !isComment(text.substring(0, at), markdown)) continue;
      // Markdown showing the syntax in a code span or a fenced block documents it; it is no directive.
      if (markdown && (inFence || text.substring(0, at).chars().filter(c -> c == '`').count() % 2 == 1)) continue;
      Parsed m = read(text.substring(at));
      int lineNo = i + 1;
      if (m == null) continue;
      boolean wholeFile = m.wholeFile();
      List<String> ids = Arrays.stream(ID_SEPARATORS.split(m.ids())).filter(s -> !s.isBlank()).toList();
      String reason = m.reason();
      if (ids.isEmpty()) {
        problems.add(invalid(f.path(), lineNo, "suppression names no rule",
            "Write `specgate:ignore rule-id: reason`."));
        continue;
      }
      List<String> unknown = ids.stream()
          .filter(id -> !RuleRegistry.isKnown(id) && !id.equals(EngineDiagnostics.INVALID_SUPPRESSION))
          .toList();
      if (!unknown.isEmpty()) {
        problems.add(invalid(f.path(), lineNo, "suppression names unknown rule " + String.join(", ", unknown),
            "Run `specgate rules` for the rule ids."));
        continue;
      }
      if (reason.isEmpty()) {
        problems.add(invalid(f.path(), lineNo, "suppression of " + String.join(", ", ids) + " gives no reason",
            "A suppression must say why the finding does not apply, e.g. "
                + "`specgate:ignore nullable-first: table is empty in every environment`."));
        continue;
      }
      int target = targetLine(lines, i);
      out.add(new Directive(f.path(), lineNo, wholeFile, ids, reason, target,
          markdown ? fenceEnd(lines, target - 1) : target));
    }
    return out;
  }

  /**
   * Reads {@code specgate:ignore rule-a, rule-b: reason} (or {@code ignore-file}), with an optional
   * closing {@code -->}; null when the text after the keyword is not a directive (rule ids never
   * contain {@code >}). Plain code in one pass: the regular expression this replaces backtracked
   * in time growing with the fourth power of a line of spaces (issue 9).
   */
  private static Parsed read(String text) {
    String prefix = "specgate:";
    if (!text.startsWith(prefix)) return null;
    int at = prefix.length();
    boolean wholeFile;
    if (keywordAt(text, at, "ignore-file")) {
      wholeFile = true;
      at += "ignore-file".length();
    } else if (keywordAt(text, at, "ignore")) {
      wholeFile = false;
      at += "ignore".length();
    } else {
      return null;
    }
    String rest = text.substring(at).strip();
    if (rest.endsWith("-->")) rest = rest.substring(0, rest.length() - 3).strip();
    int colon = rest.indexOf(':');
    String ids = colon < 0 ? rest : rest.substring(0, colon);
    if (ids.indexOf('>') >= 0) return null;
    String reason = colon < 0 ? "" : rest.substring(colon + 1).strip();
    return new Parsed(wholeFile, ids.strip(), reason);
  }

  private static boolean keywordAt(String text, int at, String word) {
    if (!text.startsWith(word, at)) return false;
    int end = at + word.length();
    return end == text.length() || !Identifiers.isIdentifierChar(text.charAt(end));
  }

  /**
   * A Markdown directive just above a code fence covers the whole fence (the plan's SQL is
   * checked statement by statement; see docs/plan-sql.md): the fence's closing line, else the
   * target line itself.
   */
  private static int fenceEnd(String[] lines, int index) {
    if (index < 0 || index >= lines.length) return index + 1;
    String open = lines[index].trim();
    if (!open.startsWith("```") && !open.startsWith("~~~")) return index + 1;
    String fence = open.substring(0, 3);
    for (int j = index + 1; j < lines.length; j++) {
      if (lines[j].trim().startsWith(fence)) return j + 1;
    }
    return lines.length;
  }

  /** Suppressions live in SQL and Markdown; code that merely mentions the syntax is not read. */
  private static boolean suppressible(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    return Workspace.isSqlFile(p) || p.endsWith(".md") || p.endsWith(".markdown");
  }

  /** The first line after the directive that is neither blank nor only a comment. */
  private static int targetLine(String[] lines, int directiveIndex) {
    for (int j = directiveIndex + 1; j < lines.length; j++) {
      String t = lines[j].trim();
      if (t.isEmpty() || t.startsWith("--") || (t.startsWith("<!--") && t.endsWith("-->"))) continue;
      return j + 1;
    }
    return directiveIndex + 1;
  }

  /**
   * A directive is a comment of the file's own language: {@code --} or {@code /*} in SQL, an HTML
   * comment in Markdown. Markdown that shows the SQL syntax in backticks is documentation.
   */
  private static boolean isComment(String before, boolean markdown) {
    String b = before.trim();
    if (markdown) return b.endsWith("<!--");
    return b.endsWith("--") || b.endsWith("/*");
  }

  private static Finding invalid(String file, int line, String message, String fix) {
    return new Finding(EngineDiagnostics.INVALID_SUPPRESSION, Severity.WARNING, Location.line(file, line),
        message, "Suppressions must name a known rule and a reason, and must still suppress something.", fix);
  }
}
