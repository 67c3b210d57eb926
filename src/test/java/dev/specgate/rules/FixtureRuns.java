package dev.specgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

/**
 * What the fixture tests share ({@link RuleFixturesTest}, {@link DryRunRuleFixturesTest}): a
 * dynamic test per fixture of {@code rules/<family>/<id>/}, and the two-sided comparison of the
 * rule's findings with the fixture's {@code expect:} markers.
 */
final class FixtureRuns {
  static final Path RULES = Path.of("rules");

  private FixtureRuns() {}

  /** How a fixture test runs a rule: every finding of the run, and notes for a failure message. */
  interface Run {
    Outcome run(Rule rule, Fixture fixture) throws Exception;
  }

  /** The findings of one run, and what else a failure message should show ("" for nothing). */
  record Outcome(List<Finding> findings, String notes) {}

  /** One container per rule that {@code rules} selects, one test per bad/good fixture of it. */
  static Stream<DynamicNode> perFixture(Predicate<Rule> rules, Run run) {
    return RuleRegistry.all().stream().filter(rules).map(rule -> {
      Path folder = RULES.resolve(rule.info().family().folder()).resolve(rule.id());
      List<DynamicNode> tests = new ArrayList<>();
      for (Path fixture : fixtures(folder)) {
        // No URI test source: Surefire's -Dtest filter would drop such tests.
        tests.add(DynamicTest.dynamicTest(fixture.getFileName().toString(), () -> check(rule, fixture, run)));
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

  /**
   * Each {@code expect:} marker of the rule is matched by a finding of it at the marked line, and
   * the rule reports nothing unmarked; a bad fixture marks at least one, a good one none.
   */
  static void check(Rule rule, Path fixturePath, Run run) throws Exception {
    Fixture fixture = Fixture.load(fixturePath);
    Outcome outcome = run.run(rule, fixture);
    List<Fixture.Expected> actual = outcome.findings().stream()
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
        .as("%s: findings of %s (file, line) vs the expect: markers; all findings:%n%s%s",
            fixturePath, rule.id(), describe(outcome.findings()),
            outcome.notes().isEmpty() ? "" : "notes: " + outcome.notes())
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
