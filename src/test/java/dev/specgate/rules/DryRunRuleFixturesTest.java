package dev.specgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.dryrun.DryRun;
import dev.specgate.dryrun.DryRunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The dryrun family over its fixtures, on a real embedded PostgreSQL (the process's one cluster):
 * each fixture is dry-run whole (files under {@code base/} are the history before the change), and
 * the rule's findings must match the {@code expect:} markers exactly, as in {@link RuleFixturesTest}.
 */
class DryRunRuleFixturesTest {
  @TestFactory
  Stream<DynamicNode> everyDryRunRuleOnItsFixtures() {
    return RuleRegistry.all().stream().filter(rule -> rule.info().family() == Family.DRYRUN).map(rule -> {
      Path folder = RuleFixturesTest.RULES.resolve(rule.info().family().folder()).resolve(rule.id());
      List<DynamicNode> tests = new ArrayList<>();
      for (Path fixture : RuleFixturesTest.fixtures(folder)) {
        tests.add(DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> check(rule, fixture)));
      }
      return DynamicContainer.dynamicContainer(rule.id(), tests.stream());
    });
  }

  private static void check(Rule rule, Path fixturePath) throws Exception {
    Fixture fixture = Fixture.load(fixturePath);
    DryRunResult result = DryRun.run(fixture.changes(), fixture.config());
    List<Fixture.Expected> actual = result.report().findings().stream()
        .filter(f -> f.rule().equals(rule.id()))
        .map(f -> new Fixture.Expected(f.rule(), f.file(), f.line()))
        .toList();
    List<Fixture.Expected> expected = fixture.expected().stream().filter(e -> e.rule().equals(rule.id())).toList();
    assertThat(expected).as("%s: bad fixtures mark `expect: %s`, good ones do not", fixturePath, rule.id())
        .hasSize(fixture.bad() ? expected.size() : 0);
    if (fixture.bad()) assertThat(expected).isNotEmpty();
    assertThat(actual)
        .as("%s: findings of %s vs the expect: markers; all findings:%n%s%nnotes: %s",
            fixturePath, rule.id(), describe(result.report().findings()), result.evidence().notes())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("  ").append(f.file()).append(':').append(f.line()).append(' ').append(f.rule())
          .append(": ").append(f.message()).append('\n');
    }
    return b.length() == 0 ? "  (none)" : b.toString();
  }
}
