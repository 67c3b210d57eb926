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

  /** Each phase says whether it ships in this change or a later release, and its deploy order. */
  @Test
  void phasesShowTheirScopeAndDeployOrder() throws Exception {
    Run good = run("packet", "examples/account-status-good", "--format", "json");
    assertThat(good.exit()).as(good.err()).isZero();
    List<String> phases = new ArrayList<>();
    new ObjectMapper().readTree(good.out()).get("packets").get(0).get("phases").forEach(ph ->
        phases.add(ph.get("name").asText() + " | " + ph.get("scope").asText() + " | "
            + (ph.get("deployOrder").isNull() ? "none" : ph.get("deployOrder").asText())));
    assertThat(phases).containsExactly(
        "expand | this change | line 68: Expand: migration first, then code; old code ignores the nullable column.",
        "backfill | this change | line 69: Backfill: no code change; the job runs after the expand deploy.",
        "switch | this change | line 70: Switch: code deploys after the backfill passes parity, with the flag off, then the flag is",
        "cleanup | later release | line 72: Cleanup: a later release, after the 7-day window.");

    Run plan = run("packet", "examples/org-id-migration-plan");
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("migration-plan.md:44  |  name: expand  |  title: Phase 1 — Expand Schema")
        .contains("Phase 1 — Expand Schema  |  scope: this change  |  deploy order: line 48: Deploy order:")
        .contains("Phase 4 — Contract (Remove Old Column)  |  scope: later release  |  deploy order: not stated");
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
