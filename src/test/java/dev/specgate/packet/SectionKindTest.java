package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SectionKindTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Context|CONTEXT",
      "Background|CONTEXT",
      "Goal|GOAL",
      "Goals:|GOAL",
      "Non-goals|NON_GOALS",
      "Non goals|NON_GOALS",
      "Out of scope|NON_GOALS",
      "Phases|PHASES",
      "The migration phases|PHASES",
      "Rollout plan|PHASES",
      "Expand/Contract Phases|PHASES",
      "Rollback|ROLLBACK",
      "Rollback plan|ROLLBACK",
      "Migration rollback note|ROLLBACK",
      "Rollback (Phase 1 only)|ROLLBACK",
      "Compatibility|COMPATIBILITY",
      "2. Backward Compatibility Analysis|COMPATIBILITY",
      "Deploy order|DEPLOY_ORDER",
      "Parity|PARITY",
      "Stop signals|STOP_SIGNALS",
      "Stop triggers|STOP_SIGNALS",
      "Release check|STOP_SIGNALS",
      "AI coding guardrail|GUARDRAILS",
      "Guardrails|GUARDRAILS",
      "1. Expand|PHASE",
      "### Phase 2 — Backfill Existing Data|PHASE",
      "Switch|PHASE",
      "4. Cleanup|PHASE",
      "Contract phase|PHASE",
      "Objective|GOAL",
      "Not in scope|NON_GOALS",
      "Phase model|PHASES",
      "Migration plan|PHASES",
      "Stop conditions|STOP_SIGNALS",
      "Abort criteria|STOP_SIGNALS",
      "Deployment order|DEPLOY_ORDER",
      "Release order|DEPLOY_ORDER",
      "Compatibility window|COMPATIBILITY",
      "Parity check|PARITY",
      "Goals and non-goals|NON_GOALS",
      "Release checklist|RUNBOOK",
      "Background|CONTEXT",
      "1. Migration Overview|CONTEXT",
      "What is changing|CONTEXT",
      "Why|GOAL",
      "Backout plan|ROLLBACK",
      "Rollout|PHASES",
      "3. Expand/Contract Phases|PHASES",
      "Phase 2 — Backfill + validation|PHASE",
      "4. Data Validation Plan|PARITY",
      "5. Performance Impact Assessment|LOCKS",
      "6. Deployment Runbook|RUNBOOK",
      "Rollback (Phase 1 only)|ROLLBACK",
      "Acceptance criteria|ACCEPTANCE",
      "Status rules|OTHER",
      "Reviewer walkthrough|OTHER",
  })
  void headingsAndSynonyms(String heading, SectionKind expected) {
    assertEquals(expected, SectionKind.of(heading));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1. Expand|EXPAND",
      "Phase 2 — Backfill|BACKFILL",
      "Phase 3 (switch)|SWITCH",
      "Flip reads|SWITCH",
      "Cut-over|SWITCH",
      "**Contract phase:** drop the old column|CLEANUP",
      "Clean up|CLEANUP",
      "Dual-write old and new|BACKFILL",
      "Phase 4 — Enforce constraints|OTHER",
  })
  void phaseNames(String text, PhaseName expected) {
    assertEquals(expected, PhaseName.startOf(text).orElseThrow());
  }
}
