package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.cli.CheckCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate packet} through the main entry, on the shipped examples and a seed-004 plan. */
class PacketCommandTest {
  private static final Path SEED004 =
      Path.of("src/test/resources/plan-sql/seed004-workspace-id/plans/projects-workspace/migration-plan.md");

  @TempDir Path dir;

  private static Run run(String... args) {
    return CheckCommandTest.run(args);
  }

  @Test
  void printsTheGoodExampleAsRead() {
    Run r = run("packet", "examples/account-status-good");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("packet .")
        .contains("spec.md:28  |  name: expand  |  title: 1. Expand")
        .contains("table: accounts  |  rows: 18000000")
        .contains("compatibility window: line 55:")
        .contains("kind: stop signals");
    assertThat(r.out()).containsPattern("allowed:\\n\\s+- line \\d+: ");
  }

  @Test
  void printsTheWeakTicketWithWhatIsMissing() {
    Run r = run("packet", "examples/weak-ticket");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("compatibility window: not stated").contains("phases: none");
  }

  @Test
  void jsonOfASeed004PlanGivesEachSqlBlockItsRoleAndPhase() throws Exception {
    Run r = run("packet", SEED004.toString(), "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode packet = new ObjectMapper().readTree(r.out()).get("packets").get(0);
    List<String> roles = new ArrayList<>();
    packet.get("sqlBlocks").forEach(b -> roles.add(b.get("line").asInt() + " " + b.get("role").asText()));
    assertThat(roles).containsExactly(
        "51 phase SQL", "67 validation query", "76 rollback SQL", "94 backfill script",
        "119 validation query", "136 phase SQL", "152 validation query", "162 rollback SQL",
        "173 validation query");
    assertThat(packet.get("sqlBlocks").get(2).get("phase").asText()).isEqualTo("Phase 1 — Expand Schema");
    List<String> locks = new ArrayList<>();
    packet.get("facts").get("statedLocks").forEach(l -> locks.add(l.get("step").asText() + " = " + l.get("lock").asText()));
    assertThat(locks).contains("CREATE INDEX CONCURRENTLY = SHARE UPDATE EXCLUSIVE",
        "Batch backfill = Row-level locks only");
    assertThat(packet.get("facts").get("rowCounts").findValuesAsText("table")).contains("projects", "teams");
  }

  @Test
  void aDirectoryWithoutAPacketIsAUsageErrorNamingTheGlobs() throws Exception {
    Files.writeString(dir.resolve("notes.md"), "# Notes\n");
    Run r = run("packet", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("no packet found").contains("**/spec.md");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Run r = run("packet", "examples/weak-ticket", "--format", "sarif");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("--format: expected text or json");
  }
}
