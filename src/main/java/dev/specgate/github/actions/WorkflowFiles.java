package dev.specgate.github.actions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/** Writes to the files a GitHub Actions step shares with the runner. */
public final class WorkflowFiles {
  private WorkflowFiles() {}

  /** Appends Markdown to {@code GITHUB_STEP_SUMMARY}. */
  public static void appendSummary(Path file, String markdown) throws IOException {
    Files.writeString(file, markdown.endsWith("\n") ? markdown : markdown + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Appends step outputs to {@code GITHUB_OUTPUT}: {@code name=value}, or the heredoc form with a
   * random delimiter for a value spanning lines.
   */
  public static void appendOutputs(Path file, Map<String, String> outputs) throws IOException {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : outputs.entrySet()) {
      String v = e.getValue() == null ? "" : e.getValue();
      if (v.contains("\n") || v.contains("\r")) {
        String delimiter = "specgate_" + UUID.randomUUID();
        b.append(e.getKey()).append("<<").append(delimiter).append('\n').append(v).append('\n')
            .append(delimiter).append('\n');
      } else {
        b.append(e.getKey()).append('=').append(v).append('\n');
      }
    }
    Files.writeString(file, b.toString(), StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
