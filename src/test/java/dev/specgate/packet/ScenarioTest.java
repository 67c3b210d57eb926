package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTest {
  @Test
  void bulletsWithContinuationLines() {
    String text = """
        # Acceptance criteria

        - Given an account with closed_at
          When backfill runs
          Then account_status is closed.

        - Given parity mismatch > 0.1%
          And the flag is on
          When release review runs
          Then switch is blocked.
        """;
    List<Scenario> c = Scenario.criteria(MarkdownDoc.parse("a.md", text));
    assertEquals(2, c.size());
    assertEquals(3, c.get(0).line());
    assertEquals(5, c.get(0).endLine());
    assertEquals("an account with closed_at", c.get(0).given());
    assertEquals("backfill runs", c.get(0).when());
    assertEquals("account_status is closed", c.get(0).then());
    assertEquals("parity mismatch > 0.1% the flag is on", c.get(1).given());
    assertTrue(c.get(1).isComplete());
  }

  @Test
  void inlineAndParagraphForms() {
    String text = """
        Each criterion is checked in CI.

        - Given parity mismatch > 0.1%, when release review runs, then switch is blocked.

        Given the phase 1 migration has run on staging

        When the existing application code is deployed

        Then all existing read and write paths succeed
        """;
    List<Scenario> c = Scenario.criteria(MarkdownDoc.parse("a.md", text));
    assertEquals(2, c.size());
    assertTrue(c.get(0).isComplete());
    assertEquals(5, c.get(1).line());
    assertEquals(9, c.get(1).endLine());
    assertTrue(c.get(1).isComplete());
  }

  @Test
  void missingAndEmptyPartsAreNamed() {
    assertEquals(List.of("Given", "When", "Then"),
        Scenario.parse(1, 1, "Reports still work after the migration.").missingParts());
    assertEquals(List.of("When"),
        Scenario.parse(1, 2, "Given the flag is off\nThen it uses existing inference.").missingParts());
    assertEquals(List.of("Then"),
        Scenario.parse(1, 3, "Given the flag is off\nWhen the API reads\nThen").missingParts());
    // out of order: a "given" after "then" does not count
    assertEquals(List.of("Given", "When"),
        Scenario.parse(1, 1, "Then it works, given time").missingParts());
  }

  @Test
  void scenarioTitleParagraphJoinsItsSteps() {
    String text = """
        Scenario: closed accounts

        Given an account with closed_at

        When backfill runs

        Then account_status is closed.
        """;
    List<Scenario> c = Scenario.criteria(MarkdownDoc.parse("a.md", text));
    assertEquals(1, c.size());
    assertEquals(3, c.get(0).line());
    assertTrue(c.get(0).isComplete());
  }
}
