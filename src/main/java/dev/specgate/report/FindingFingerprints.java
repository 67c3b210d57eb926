package dev.specgate.report;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Report;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Stable identities for findings, so code scanning (SARIF {@code partialFingerprints}) and our own
 * review comments ({@code <!-- specgate:finding … -->}) recognise the same problem on a re-run.
 *
 * <p>The key is the rule, the file and the text of the flagged lines with whitespace collapsed —
 * not the line number — so a finding keeps its identity when lines are inserted above it. When
 * the file's text is not at hand the message stands in for it. Identical keys in one file get an
 * occurrence number (the second identical statement is a different finding).
 */
public final class FindingFingerprints {
  private FindingFingerprints() {}

  /** One fingerprint per finding of {@code report}, in the same order. */
  public static List<String> of(Report report, ChangeSet changes) {
    return of(report.findings(), changes);
  }

  public static List<String> of(List<Finding> findings, ChangeSet changes) {
    Map<String, Integer> seen = new HashMap<>();
    // Each file is split into lines once, and each flagged span normalised once, however many
    // findings share them (re-splitting per finding made 20,000 findings take minutes, issue 9).
    Map<String, FileLines> files = new HashMap<>();
    Map<String, String> spans = new HashMap<>();
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      String text = flaggedText(f, changes, files, spans);
      String key = f.rule() + "\u0000" + f.file() + "\u0000" + text;
      int n = seen.merge(key, 1, Integer::sum);
      out.add(sha256(key + "\u0000" + n).substring(0, 32));
    }
    return out;
  }

  private static String flaggedText(Finding f, ChangeSet changes, Map<String, FileLines> files,
      Map<String, String> spans) {
    if (changes != null) {
      FileLines lines = files.computeIfAbsent(f.file(), path ->
          changes.file(path).map(SourceFile::content).map(FileLines::of).orElse(FileLines.NONE));
      if (f.line() >= 1 && f.line() <= lines.count()) {
        int end = Math.min(lines.count(), f.location().endLine());
        String text = end < f.line() ? "" : spans.computeIfAbsent(
            f.file() + "\u0000" + f.line() + "\u0000" + end, k -> lines.collapsed(f.line(), end));
        if (!text.isEmpty()) return text;
      }
    }
    return f.message();
  }

  /** A file's text with the offset where each line starts; line ends are \\n or \\r\\n. */
  private record FileLines(String content, int[] starts) {
    static final FileLines NONE = new FileLines("", new int[0]);

    static FileLines of(String content) {
      int n = 1;
      for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') n++;
      int[] starts = new int[n];
      int k = 1;
      for (int i = 0; i < content.length(); i++) if (content.charAt(i) == '\n') starts[k++] = i + 1;
      return new FileLines(content, starts);
    }

    int count() {
      return starts.length;
    }

    /** Lines {@code from..to} (1-based) with every run of whitespace made one space, trimmed. */
    String collapsed(int from, int to) {
      int begin = starts[from - 1];
      int end = to < starts.length ? starts[to] : content.length();
      StringBuilder b = new StringBuilder(Math.min(end - begin, 1 << 16));
      boolean space = false;
      for (int i = begin; i < end; i++) {
        char c = content.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') { // regex \\s
          space = b.length() > 0;
        } else {
          if (space) b.append(' ');
          space = false;
          b.append(c);
        }
      }
      return b.toString();
    }
  }

  private static String sha256(String s) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
