package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.SourceFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanSqlBlock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the dry run groups a plan's SQL fences into phases for the rollback check (no database). */
class PlanPhasesTest {
  private static List<PlanPhases> phasesOf(String name, String text) {
    return PlanPhases.of(Packet.of("", Map.of(name, SourceFile.added(name, text))));
  }

  @Test
  void aSeed004PlanHasItsFourPhasesWithTheirOwnSqlAndRollbacks() throws Exception {
    String plan = new String(PlanPhasesTest.class.getResourceAsStream("/dryrun/migration-plan.md").readAllBytes(),
        StandardCharsets.UTF_8);
    List<PlanPhases> phases = phasesOf("migration-plan.md", plan);
    assertThat(phases).extracting(PlanPhases::label).containsExactly("Phase 1 — Expand Schema",
        "Phase 2 — Backfill Existing Data", "Phase 3 — Enforce Constraints", "Phase 4 — Contract (Remove Old Column)");
    assertThat(phases).extracting(p -> p.up().size()).containsExactly(1, 1, 1, 1);
    assertThat(phases).extracting(p -> p.rollbacks().stream().map(PlanSqlBlock::line).toList())
        .containsExactly(List.of(44), List.of(), List.of(124), List.of());
  }

  @Test
  void aPlanWithoutRollbackSqlHasNothingToVerify() {
    assertThat(phasesOf("spec.md", "# Spec\n\n### Phase 1 — Expand\n\n```sql\nALTER TABLE a ADD COLUMN b int;\n```\n"))
        .isEmpty();
  }

  @Test
  void aCommentOnlyRollbackBlockHoldsNoStatement() {
    List<PlanPhases> phases = phasesOf("spec.md", "# Spec\n\n### Phase 1 — Expand\n\n```sql\nALTER TABLE a ADD COLUMN b int;\n```\n\n"
        + "**Rollback (Phase 1):**\n\n```sql\n-- redeploy the previous app version; the column stays\n```\n");
    assertThat(phases).singleElement().satisfies(p -> {
      assertThat(p.rollbacks()).singleElement().satisfies(b -> assertThat(b.migration().statements()).isEmpty());
    });
  }
}
