package dev.specgate.rules;

import dev.specgate.dryrun.DryRun;
import dev.specgate.dryrun.DryRunResult;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The dryrun family over its fixtures, on a real embedded PostgreSQL (the process's one cluster):
 * each fixture is dry-run whole (files under {@code base/} are the history before the change), and
 * the rule's findings must match the {@code expect:} markers exactly, as in {@link RuleFixturesTest}.
 */
class DryRunRuleFixturesTest {
  @TestFactory
  Stream<DynamicNode> everyDryRunRuleOnItsFixtures() {
    return FixtureRuns.perFixture(rule -> rule.info().family() == Family.DRYRUN, (rule, fixture) -> {
      DryRunResult result = DryRun.run(fixture.changes(), fixture.config());
      return new FixtureRuns.Outcome(result.report().findings(), String.valueOf(result.evidence().notes()));
    });
  }
}
