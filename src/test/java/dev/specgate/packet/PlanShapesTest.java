package dev.specgate.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.SourceFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shapes and phrasings of issue 10 items 1–3, each read as a reviewer would read it. */
class PlanShapesTest {
  private static Packet packet(String planName, String plan) {
    return Packet.of("p", Map.of(planName, SourceFile.added("p/" + planName, plan)));
  }

  @Test
  void migrationPlanMdIsThePlanDocument() {
    Packet p = packet("migration-plan.md", "# Plan\n\n## Rollback\nDrop the column.\n");
    assertThat(p.planName()).isEqualTo("migration-plan.md");
    assertThat(p.planPath()).isEqualTo("p/migration-plan.md");
    assertThat(p.holdsPlan()).isTrue();
    assertThat(packet("migration-plan.md", "# Team lunch\n\nPizza on Friday.\n").holdsPlan())
        .isFalse();
  }

  @Test
  void boldLabelsAndNumberedHeadingsAreSections() {
    String plan = """
        # Database Migration Plan: org_id

        ## 3. Expand/Contract Phases

        ### Phase 1 — Expand Schema

        **Goal:** Add the column.

        **Deploy order:** Run migration first, then deploy the app.

        **Rollback (Phase 1 only):**
        ```sql
        ALTER TABLE users DROP COLUMN org_id;
        ```

        ### Phase 2 — Backfill
        **When to run:** After Phase 1 is live.
        """;
    Packet p = packet("spec.md", plan);
    List<Phase> phases = p.phases();
    assertThat(phases).extracting(Phase::name).containsExactly(PhaseName.EXPAND, PhaseName.BACKFILL);
    assertThat(phases.get(0).deployOrder()).isPresent();
    assertThat(phases.get(0).code()).hasSize(1);
    assertThat(phases.get(0).code().get(0).info()).isEqualTo("sql");
    assertThat(phases.get(0).code().get(0).line()).isEqualTo(12); // the opening fence
    assertThat(RollbackNotes.noteFor(phases.get(0), List.of())).isPresent();
    MarkdownDoc d = p.plan().orElseThrow();
    assertThat(d.sections(SectionKind.GOAL)).hasSize(1);
    assertThat(d.sections(SectionKind.ROLLBACK).get(0).title()).isEqualTo("Rollback (Phase 1 only)");
    assertThat(d.sections(SectionKind.DEPLOY_ORDER)).hasSize(1);
  }

  @Test
  void aPhasesTableGivesPhasesWithDeployOrderRollbackAndLaterScope() {
    String plan = """
        ## Phases

        | Phase | SQL | Deploy order | Rollback |
        |---|---|---|---|
        | 1. Expand | V1__add.sql | migrations first | drop the column |
        | 2. Backfill | job | no code change | stop the job |
        | 3. Cleanup (next release) | V9__drop.sql | code first | none needed |
        """;
    List<Phase> phases = packet("spec.md", plan).phases();
    assertThat(phases).extracting(Phase::name)
        .containsExactly(PhaseName.EXPAND, PhaseName.BACKFILL, PhaseName.CLEANUP);
    assertThat(phases).extracting(Phase::line).containsExactly(5, 6, 7);
    assertThat(phases).extracting(Phase::later).containsExactly(false, false, true);
    assertThat(phases.get(0).deployOrder()).isPresent();
    assertThat(RollbackNotes.noteFor(phases.get(1), List.of())).isPresent();
  }

  @Test
  void aLockTableGivesStatedLocks() {
    String plan = """
        ## 5. Performance Impact Assessment

        | Step | Lock type | Lock duration | Traffic impact |
        |---|---|---|---|
        | Add nullable column | ACCESS EXCLUSIVE | Milliseconds | Negligible |
        | Batch backfill | Row-level locks only | <5s per batch | Low |

        VALIDATE CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock.
        """;
    List<StatedLock> locks = StatedLocks.of(packet("spec.md", plan));
    assertThat(locks).hasSize(3);
    assertThat(locks.get(0).step()).isEqualTo("Add nullable column");
    assertThat(locks.get(0).line()).isEqualTo(5);
    assertThat(locks.get(1).rowLevelOnly()).isTrue();
    assertThat(locks.get(2).line()).isEqualTo(8);
  }

  @Test
  void factsTablesAndGivenWhenThenTables() {
    String plan = """
        | Table | Rows |
        |---|---|
        | invoices | 31M |

        ## Acceptance criteria

        | Given | When | Then |
        |---|---|---|
        | an invoice | the backfill runs | currency_code is set |
        | the flag is off | the API reads | |
        """;
    Packet p = packet("spec.md", plan);
    assertThat(p.rowCount("invoices")).hasValue(31_000_000L);
    List<Scenario> criteria = p.criteria();
    assertThat(criteria).hasSize(2);
    assertThat(criteria.get(0).isComplete()).isTrue();
    assertThat(criteria.get(1).missingParts()).containsExactly("Then");
  }

  @Test
  void taskListItemsAreChecklistItems() {
    MarkdownDoc d = MarkdownDoc.parse("tasks.md", "- [ ] open\n- [x] done\n* [X] done too\n");
    assertThat(d.items()).extracting(Block::checked).containsExactly(false, true, true);
    assertThat(d.items().get(0).text()).isEqualTo("open");
  }

  @Test
  void validationQueriesWithExpectedResultsAreGates() {
    String plan = """
        ## Data Validation Plan

        ```sql
        SELECT COUNT(*) AS mismatched FROM users u JOIN accounts a ON a.id = u.account_id
        WHERE u.org_id IS DISTINCT FROM a.organisation_id;
        -- Expected: 0
        ```
        """;
    assertThat(packet("spec.md", plan).validationGates()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Cleanup ships in a separate release.",
      "Not part of this change.",
      "Only after the 7-day rollback window has passed.",
      "Phase 3 fully deployed and stable for at least 14 days.",
      "Drop the old column in the next release.",
  })
  void laterReleaseScope(String text) {
    assertThat(PlanScope.saysLater(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "After Phase 1 is live and stable.",
      "This ships in this release, not in a later one.",
      "The job runs in its own transaction.",
  })
  void notLater(String text) {
    assertThat(PlanScope.saysLater(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Migrations first.", "code first, behind the flag", "Run migration, then deploy the app.",
      "The migration goes out first, then the code.", "No code change in this phase.",
      "flag off until parity is confirmed"})
  void deployOrderPhrasings(String text) {
    assertThat(DeployOrderNotes.states(text)).isTrue();
  }

  @Test
  void negatedIrreversibilityIsNotAnIrreversibleStep() {
    assertThat(RollbackNotes.isIrreversible("Nothing in this change is irreversible.")).isFalse();
    assertThat(RollbackNotes.isIrreversible("No step of this plan is irreversible.")).isFalse();
    assertThat(RollbackNotes.isIrreversible("The dedup is irreversible.")).isTrue();
    assertThat(RollbackNotes.isIrreversible("Dropped column data cannot be recovered.")).isTrue();
  }
}
