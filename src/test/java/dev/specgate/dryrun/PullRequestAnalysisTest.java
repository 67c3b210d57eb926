package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigLoader;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedStatement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one "analysis with optional dry run" step the Action and the service's worker share. */
class PullRequestAnalysisTest {
  @Test
  void withoutDryRunInTheConfigItIsTheStaticAnalysisAndNoSection() {
    ChangeSet changes = Changes.folder("examples/account-status-good");
    PullRequestAnalysis a = PullRequestAnalysis.run(changes, Config.defaults(), Analysis::run);
    assertThat(a.evidence()).isNull();
    assertThat(a.summarySection()).isNull();
    assertThat(a.report().findings()).isEqualTo(Analysis.run(changes, Config.defaults()).findings());
  }

  @Test
  void aDryRunThatCannotRunIsANoteAndTheStaticReportStands() throws Exception {
    ChangeSet changes = Changes.folder("examples/account-status-good");
    // MySQL: the dry run refuses (DryRunException); the check must not fail for it
    Config config = ConfigLoader.parse("dryRun: true\ndialect: mysql\n", ".specgate.yml");
    PullRequestAnalysis a = PullRequestAnalysis.run(changes, config, Analysis::run);
    assertThat(a.evidence()).isNull();
    assertThat(a.dryRunProblem()).contains("dialect: mysql");
    assertThat(a.report().findings()).isEqualTo(Analysis.run(changes, config).findings());
    String summary = MarkdownRenderer.render(a.report(), MarkdownRenderer.Options.defaults().withSection(a.summarySection()));
    assertThat(summary).contains("The dry run (`dryRun: true`) did not run: ").contains("static analysis alone");
  }

  @Test
  void theSummaryTableEscapesAuthorTextAndStaysWithinTheCheckRunLimit() {
    // what the evidence renders is the renderer's concern, so the evidence is built here: 300
    // statements whose SQL and PostgreSQL message quote a mention and a link from the author
    List<ObservedStatement> statements = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      statements.add(ObservedStatement.failed("db/migrations/1_a.sql", i, i,
          "COMMENT ON TABLE accounts IS '@octocat [x](https://evil.example) " + "y".repeat(200) + "'",
          "relation \"@octocat [x](https://evil.example)\" does not exist", 1.5, false));
    }
    DryRunEvidence evidence = new DryRunEvidence("17.2", "embedded", statements, List.of(), List.of(),
        List.of("note naming @octocat"), List.of(), List.of("accounts"));
    ChangeSet changes = Changes.folder("examples/account-status-good");
    PullRequestAnalysis a = new PullRequestAnalysis(Analysis.run(changes, Config.defaults()), evidence, null);
    String summary = MarkdownRenderer.render(a.report(),
        new MarkdownRenderer.Options("", MarkdownRenderer.CHECK_RUN_LIMIT, null, a.summarySection()));
    assertThat(summary.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MarkdownRenderer.CHECK_RUN_LIMIT);
    assertThat(summary).contains("| Statement | Result |")
        .contains("| … and " + (300 - PullRequestAnalysis.SUMMARY_STATEMENTS) + " more statements");
    // inside code spans nothing is live; outside them no mention or link may form
    String outsideCode = summary.replaceAll("`[^`\n]*`", "");
    assertThat(outsideCode).contains("octocat").doesNotContain("@octocat").doesNotContain("](https://evil");
  }
}
