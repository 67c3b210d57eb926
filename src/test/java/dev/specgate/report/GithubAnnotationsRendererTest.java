package dev.specgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubAnnotationsRendererTest {
  @Test
  void oneWorkflowCommandPerFindingWithGitHubsEscaping() {
    String out = GithubAnnotationsRenderer.render(SampleReports.report());
    String[] lines = out.split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(
        "::error file=db/migrations/V7__add status.sql,line=2,endLine=3,title=specgate nullable-first::"
            + "column `status` is added NOT NULL without a DEFAULT to existing table `accounts`"
            + "%0A%0AWhy: PostgreSQL rejects the ALTER if `accounts` has rows | it takes ACCESS EXCLUSIVE."
            + "%0A%0AFix:%0AALTER TABLE accounts ADD COLUMN status text;");
    assertThat(lines[1]).startsWith(
        "::error file=db/migrations/V7__add status.sql,line=4,endLine=4,title=specgate index-not-concurrent::");
    assertThat(lines[2]).isEqualTo(
        "::warning file=packets/status/spec.md,line=1,endLine=1,title=specgate spec-missing-rollback::"
            + "spec.md has no rollback section: 100%25 <done>, a,b:c");
  }

  @Test
  void propertiesEscapeColonsAndCommasAndDataEscapesPercentCrLf() {
    Finding f = new Finding("r", Severity.NOTICE, new Location("a,b:c%.sql", 3, 5, 3, 9), "50%\r\ndone", "", "");
    String cmd = GithubAnnotationsRenderer.render(
        new Report(List.of(f), List.of(), List.of(), 1, 0, Severity.ERROR)).strip();
    assertThat(cmd).isEqualTo(
        "::notice file=a%2Cb%3Ac%25.sql,line=3,endLine=3,col=5,endColumn=9,title=specgate r::50%25%0D%0Adone");
  }

  @Test
  void noFindingsNoCommands() {
    assertThat(GithubAnnotationsRenderer.render(
        new Report(List.of(), List.of(), List.of(), 0, 0, Severity.ERROR))).isEmpty();
  }
}
