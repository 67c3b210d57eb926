package dev.specgate.rules;

import dev.specgate.engine.Analysis;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule over its own fixtures, two-sidedly: each {@code expect:} marker is matched by a
 * finding of that rule at the marked line, and the rule reports nothing unmarked. Only the rule
 * under test runs, so a fixture can show another rule's problem without marking it.
 */
class RuleFixturesTest {
  @TestFactory
  Stream<DynamicNode> everyRuleOnItsFixtures() {
    // The dryrun family needs a real PostgreSQL: DryRunRuleFixturesTest runs its fixtures there.
    return FixtureRuns.perFixture(rule -> rule.info().family() != Family.DRYRUN, (rule, fixture) ->
        new FixtureRuns.Outcome(
            Analysis.run(fixture.changes(), fixture.config(), List.of(rule)).findings(), ""));
  }
}
