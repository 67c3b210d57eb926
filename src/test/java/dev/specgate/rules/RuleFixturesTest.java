package dev.specgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule over its own fixtures, two-sidedly: each {@code expect:} marker is matched by a
 * finding of that rule at the marked line, and the rule reports nothing unmarked. Only the rule
 * under test runs, so a fixture can show another rule's problem without marking it.
 */
class RuleFixturesTest {
  static final Path RULES = Path.of("rules");

  @TestFactory
  Stream<DynamicNode> everyRuleOnItsFixtures() {
    // The dryrun family needs a real PostgreSQL: DryRunRuleFixturesTest runs its fixtures there.
    return RuleRegistry.all().stream().filter(rule -> rule.info().family() != Family.DRYRUN).map(rule -> {
      Path folder = RULES.resolve(rule.info().family().folder()).resolve(rule.id());
      List<DynamicNode> tests = new ArrayList<>();
      for (Path fixture : fixtures(folder)) {
        // No URI test source: Surefire's -Dtest filter would drop such tests.
        tests.add(DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> check(rule, fixture)));
      }
      return DynamicContainer.dynamicContainer(rule.id(), tests.stream());
    });
  }

  static List<Path> fixtures(Path folder) {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> {
        String n = p.getFileName().toString();
        return n.startsWith("bad") || n.startsWith("good");
      }).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void check(Rule rule, Path fixturePath) throws Exception {
    Fixture fixture = Fixture.load(fixturePath);
    Report report = Analysis.run(fixture.changes(), fixture.config(), List.of(rule));
    List<Fixture.Expected> actual = report.findings().stream()
        .filter(f -> f.rule().equals(rule.id()))
        .map(f -> new Fixture.Expected(f.rule(), f.file(), f.line()))
        .toList();
    List<Fixture.Expected> expected = fixture.expected().stream()
        .filter(e -> e.rule().equals(rule.id()))
        .toList();
    if (fixture.bad()) {
      assertThat(expected).as("%s: a bad fixture marks at least one `expect: %s`", fixturePath, rule.id())
          .isNotEmpty();
    } else {
      assertThat(expected).as("%s: a good fixture carries no `expect: %s` marker", fixturePath, rule.id())
          .isEmpty();
    }
    assertThat(actual)
        .as("%s: findings of %s (file, line) vs the expect: markers; all findings:%n%s",
            fixturePath, rule.id(), describe(report.findings()))
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
