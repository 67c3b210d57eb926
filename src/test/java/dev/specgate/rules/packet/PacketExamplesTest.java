package dev.specgate.rules.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's first command: the seed 000 packet done right passes every rule (SQL, packet and
 * guardrail); the seed's weak ticket fails with the findings a reviewer would write.
 */
class PacketExamplesTest {
  static Report check(String folder) throws IOException {
    Path root = Path.of("examples", folder);
    List<SourceFile> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        files.add(SourceFile.added(rel, Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    return Analysis.run(ChangeSet.ofPaths(files), Config.defaults());
  }

  @Test
  void accountStatusGoodPassesEveryRule() throws IOException {
    Report r = check("account-status-good");
    assertThat(r.findings()).as("findings on the good example").isEmpty();
  }

  /** Seed 004's single plan document, filled in for a real change, under its natural name. */
  @Test
  void seed004PlanDocumentPassesEveryRule() throws IOException {
    Report r = check("org-id-migration-plan");
    assertThat(r.findings()).as("findings on the seed 004 example").isEmpty();
    assertThat(r.packets()).as("migration-plan.md is read as a packet by default").hasSize(1);
  }

  @Test
  void weakTicketFailsWithTheReviewersFindings() throws IOException {
    Report r = check("weak-ticket");
    List<String> rules = r.findings().stream().map(Finding::rule).toList();
    assertThat(rules).contains("packet-incomplete", "spec-missing-section", "table-size-unstated",
        "parity-threshold-unnamed", "compat-window-unnamed", "stop-signals-unnamed",
        "deploy-order-unstated", "vague-language", "same-release-cleanup", "nullable-first",
        "index-not-concurrent", "unbatched-backfill", "destructive-drop");
    assertThat(r.findings()).anyMatch(f -> f.severity() == Severity.ERROR);
    // findings about the packet sit on real lines of spec.md
    assertThat(r.findings()).filteredOn(f -> f.rule().equals("vague-language"))
        .extracting(Finding::line).containsExactly(4);
  }
}
