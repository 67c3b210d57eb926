package dev.specgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {
  @Test
  void verdictCountsPacketsTableAndFoldedDetails() {
    String md = MarkdownRenderer.render(SampleReports.report(),
        new MarkdownRenderer.Options("https://github.com/acme/shop/blob/abc/", MarkdownRenderer.CHECK_RUN_LIMIT, null));
    assertThat(md).startsWith("## ❌ specgate: failed\n");
    assertThat(md).contains("**2** errors · **1** warning · **0** notices");
    assertThat(md).contains("fails on `error`");
    assertThat(md).contains("| `packets/status` | ⚠️ warnings | 0 | 1 | 0 |");
    assertThat(md).contains("| `packets/other` | ✅ ok | 0 | 0 | 0 |");
    assertThat(md).contains("[db/migrations/V7__add status.sql:2](https://github.com/acme/shop/blob/abc/db/migrations/V7__add%20status.sql#L2-L3)");
    // pipes and HTML in a cell are escaped so the table stays a table
    assertThat(md).contains("spec.md has no rollback section: 100% &lt;done&gt;, a,b:c |");
    assertThat(md).contains("<details><summary>🛑 <code>nullable-first</code>");
    assertThat(md).contains("```sql\nALTER TABLE accounts ADD COLUMN status text;\n```");
    assertThat(md).doesNotContain("truncated");
  }

  @Test
  void passWithoutFindings() {
    String md = MarkdownRenderer.render(new Report(List.of(), List.of("a.sql"), List.of(), 1, 2, Severity.ERROR));
    assertThat(md).startsWith("## ✅ specgate: passed\n");
    assertThat(md).contains("No findings.");
    assertThat(md).contains("1 migration (2 statements)");
  }

  @Test
  void warningsBelowFailOnPassWithFindings() {
    Report r = new Report(List.of(SampleReports.packetWarning()), List.of(), List.of(), 1, 0, Severity.ERROR);
    assertThat(MarkdownRenderer.render(r)).startsWith("## ⚠️ specgate: passed with findings\n");
  }

  @Test
  void staysWithinTheCheckRunLimitAndSaysItTruncated() {
    List<Finding> many = new ArrayList<>();
    for (int i = 1; i <= 2000; i++) {
      many.add(new Finding("nullable-first", Severity.ERROR, Location.line("db/migrations/V" + i + "__x.sql", i),
          "column `c" + i + "` is added NOT NULL without a DEFAULT — ".repeat(3), "why ".repeat(50), "ALTER TABLE t ADD COLUMN c text;"));
    }
    Report r = new Report(many, List.of(), List.of(), 2000, 2000, Severity.ERROR);
    String md = MarkdownRenderer.render(r);
    assertThat(md.length()).isLessThanOrEqualTo(MarkdownRenderer.CHECK_RUN_LIMIT);
    assertThat(md.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownRenderer.CHECK_RUN_LIMIT);
    assertThat(md).contains("**Summary truncated**");
    assertThat(md).containsPattern("\\d+ of 2000 findings are not listed");
    assertThat(md).contains("**2000** errors");
    // never cut inside a block: every opened <details> is closed
    assertThat(count(md, "<details>")).isEqualTo(count(md, "</details>"));

    String big = MarkdownRenderer.render(r, new MarkdownRenderer.Options("", MarkdownRenderer.STEP_SUMMARY_LIMIT, null));
    assertThat(big.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownRenderer.STEP_SUMMARY_LIMIT);
    assertThat(count(big, "| 🛑 |")).isEqualTo(2000);
  }

  @Test
  void aNoteIsQuotedUnderTheVerdict() {
    String md = MarkdownRenderer.render(SampleReports.report(),
        MarkdownRenderer.Options.defaults().withNote("The token is read-only.\nSecond line."));
    assertThat(md).contains("> The token is read-only.\n> Second line.");
  }

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }
}
