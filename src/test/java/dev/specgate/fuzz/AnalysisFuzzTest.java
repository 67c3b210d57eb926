package dev.specgate.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.EngineDiagnostics;
import dev.specgate.engine.Report;
import dev.specgate.report.FindingFingerprints;
import java.util.List;

/**
 * The whole analysis on a small change: an earlier migration, the changed migration and a packet
 * (spec, tasks). A rule that fails on an input is reported as an internal-error finding; the fuzzer
 * treats that as a crash, since it is a bug to fix.
 */
class AnalysisFuzzTest {
  @FuzzTest(maxDuration = "5m")
  void analysis(byte[] bytes) {
    List<String> parts = FuzzInput.parts(bytes, 4);
    ChangeSet changes = new ChangeSet(ChangeSet.Kind.DIFF, List.of(
        SourceFile.unchanged("db/migrations/V1__base.sql", parts.get(0)),
        SourceFile.added("db/migrations/V2__change.sql", parts.get(1)),
        SourceFile.added("packets/change/spec.md", parts.get(2)),
        SourceFile.added("packets/change/tasks.md", parts.get(3))), true);
    Report report = Analysis.run(changes, Config.defaults());
    for (Finding f : report.findings()) {
      assertThat(f.rule()).as(f.message()).isNotEqualTo(EngineDiagnostics.INTERNAL_ERROR);
    }
    assertThat(FindingFingerprints.of(report, changes)).hasSize(report.findings().size());
  }
}
