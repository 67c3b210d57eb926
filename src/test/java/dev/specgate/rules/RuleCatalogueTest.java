package dev.specgate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is a contract: ids as DESIGN section 3 writes them, one folder per rule, and back. */
class RuleCatalogueTest {
  /** DESIGN section 3, in its order. Changing an id breaks users' config and suppressions. */
  static final List<String> CONTRACT_IDS = List.of(
      "nullable-first", "volatile-default-rewrite", "index-not-concurrent", "concurrently-in-transaction",
      "constraint-not-valid", "validate-same-transaction", "set-not-null-scan", "unique-without-index",
      "column-type-change", "rename-breaks-old-code", "destructive-drop", "unbatched-backfill",
      "ddl-and-dml-mixed", "missing-lock-timeout", "table-lock-maintenance", "unparsed-statement",
      "lock-held-across-statements", "exclusion-constraint", "json-column", "detach-partition-not-concurrent",
      "domain-constraint", "truncate-cascade", "drop-database", "duplicate-column-assignment",
      "unbalanced-transaction", "pg14-concurrent-index-corruption", "identifier-too-long",
      "foreign-key-without-index", "alter-table-combinable", "column-default-change", "drop-not-null",
      "index-too-many-columns", "discouraged-column-type", "statement-not-rerunnable", "enum-value-ordering",
      "enum-value-in-transaction",
      "missing-statement-timeout", "mysql-table-copy", "mysql-table-rebuild",
      "packet-incomplete", "spec-missing-section", "table-size-unstated", "backfill-plan-incomplete",
      "parity-threshold-unnamed", "compat-window-unnamed", "rollback-per-phase", "stop-signals-unnamed",
      "deploy-order-unstated", "acceptance-not-testable", "vague-language", "evidence-blank", "tasks-open",
      "same-release-cleanup", "non-goal-violated", "migration-without-packet", "lock-claim-wrong",
      "plan-migration-mismatch",
      "guardrail-forbidden", "guardrail-out-of-scope", "guardrail-unmapped",
      "migration-fails", "rollback-fails", "rollback-incomplete", "rollback-not-rerunnable");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  @Test
  void registeredIdsAreExactlyTheContract() {
    assertThat(RuleRegistry.all().stream().map(Rule::id).toList())
        .containsExactlyInAnyOrderElementsOf(CONTRACT_IDS);
  }

  @Test
  void everyRuleHasAFolderWithProseAndBothKindsOfFixture() {
    for (Rule rule : RuleRegistry.all()) {
      RuleInfo info = rule.info();
      assertThat(KEBAB.matcher(info.id()).matches()).as("kebab-case id %s", info.id()).isTrue();
      assertThat(info.summary()).as("summary of %s", info.id()).isNotBlank().doesNotEndWith(".");
      Path folder = FixtureRuns.RULES.resolve(info.family().folder()).resolve(info.id());
      assertThat(folder.resolve("README.md")).as("README of %s", info.id()).isRegularFile();
      List<String> names = FixtureRuns.fixtures(folder).stream().map(p -> p.getFileName().toString()).toList();
      assertThat(names).as("bad fixture of %s", info.id()).anyMatch(n -> n.startsWith("bad"));
      assertThat(names).as("good fixture of %s", info.id()).anyMatch(n -> n.startsWith("good"));
    }
  }

  @Test
  void readmesHaveTheFourSections() throws IOException {
    for (Rule rule : RuleRegistry.all()) {
      Path readme = FixtureRuns.RULES.resolve(rule.info().family().folder()).resolve(rule.id()).resolve("README.md");
      if (!Files.exists(readme)) continue; // reported by the test above
      String text = Files.readString(readme);
      for (String section : List.of("## Problem", "## Why", "## Fix", "## When to suppress")) {
        assertThat(text).as("%s has %s", readme, section).contains(section);
      }
    }
  }

  @Test
  void everyFolderBelongsToARegisteredRuleOfThatFamily() throws IOException {
    List<String> orphans = new ArrayList<>();
    for (Family family : Family.values()) {
      Path dir = FixtureRuns.RULES.resolve(family.folder());
      if (!Files.isDirectory(dir)) continue;
      try (Stream<Path> list = Files.list(dir)) {
        for (Path p : list.filter(Files::isDirectory).toList()) {
          String id = p.getFileName().toString();
          boolean known = RuleRegistry.byId(id).map(r -> r.info().family() == family).orElse(false);
          if (!known) orphans.add(family.folder() + "/" + id);
        }
      }
    }
    assertThat(orphans).as("folders under rules/ without a registered rule of that family").isEmpty();
    try (Stream<Path> top = Files.list(FixtureRuns.RULES)) {
      List<String> families = top.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
      assertThat(families).allMatch(f -> Stream.of(Family.values()).anyMatch(x -> x.folder().equals(f)));
    }
  }
}
