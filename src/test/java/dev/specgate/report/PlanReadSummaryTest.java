package dev.specgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.rules.Fixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Markdown summary's short "What specgate read from the plan" block. */
class PlanReadSummaryTest {
  @Test
  void saysWhatWasReadFromASeed004Plan() throws Exception {
    Fixture f = Fixture.load(Path.of("src/test/resources/plan-sql/seed004-workspace-id"));
    Report report = Analysis.run(f.changes(), f.config());
    String md = MarkdownRenderer.render(report);
    assertThat(md).contains("<details><summary>What specgate read from the plan</summary>")
        .contains("- `plans/projects-workspace`: migration-plan.md;")
        .contains("SQL blocks: 2 phase SQL, 1 backfill script, 2 rollback SQL, 4 validation query")
        .contains("rows: projects 12,400,000, teams 310,000")
        .contains("6 stated locks");
  }

  @Test
  void noPacketNoBlock() {
    ChangeSet changes = ChangeSet.ofPaths(List.of(SourceFile.added("db/migrations/V1__a.sql",
        "CREATE TABLE a (id bigint);\n")));
    String md = MarkdownRenderer.render(Analysis.run(changes, Config.defaults()));
    assertThat(md).doesNotContain("What specgate read from the plan");
  }
}
