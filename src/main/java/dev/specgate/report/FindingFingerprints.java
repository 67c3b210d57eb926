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
    List<String> out = new ArrayList<>();
    for (Finding f : findings) {
      String key = f.rule() + "\u0000" + f.file() + "\u0000" + flaggedText(f, changes);
      int n = seen.merge(key, 1, Integer::sum);
      out.add(sha256(key + "\u0000" + n).substring(0, 32));
    }
    return out;
  }

  private static String flaggedText(Finding f, ChangeSet changes) {
    if (changes != null) {
      String content = changes.file(f.file()).map(SourceFile::content).orElse(null);
      if (content != null) {
        String[] lines = content.split("\r?\n", -1);
        if (f.line() <= lines.length) {
          StringBuilder b = new StringBuilder();
          int end = Math.min(lines.length, f.location().endLine());
          for (int l = f.line(); l <= end; l++) b.append(lines[l - 1]).append(' ');
          String text = b.toString().replaceAll("\\s+", " ").trim();
          if (!text.isEmpty()) return text;
        }
      }
    }
    return f.message();
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
