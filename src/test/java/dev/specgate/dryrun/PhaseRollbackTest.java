package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.Finding;
import dev.specgate.engine.Config;
import dev.specgate.rules.dryrun.RollbackOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each phase's rollback SQL from the plan, verified on its own on the process's embedded
 * PostgreSQL: phase k's rollback is compared with the schema after phases 1..k-1, not with the one
 * before the whole change (seed 004: no phase assumes the next one has run).
 */
class PhaseRollbackTest {
  private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n";

  /** A two-phase plan; phase 2 adds a table and an index, its rollback is {@code rollback2}. */
  private static String twoPhases(String rollback1, String rollback2) {
    return """
        # Spec

        ## Context
        - accounts has 1,000 rows.

        ## Phases

        ### Phase 1 — Expand

        ```sql
        ALTER TABLE accounts ADD COLUMN status text;
        ```

        **Rollback (Phase 1):**

        ```sql
        %s
        ```

        ### Phase 2 — Notes and index

        ```sql
        CREATE TABLE account_notes (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), note text);
        CREATE INDEX CONCURRENTLY accounts_status_idx ON accounts (status);
        ```

        **Rollback (Phase 2):**

        ```sql
        %s
        ```
        """.formatted(rollback1, rollback2);
  }

  private static DryRunResult run(String spec) throws Exception {
    return DryRun.run(Changes.of().base("db/migrations/1_accounts.sql", ACCOUNTS).add("spec.md", spec).range(),
        Config.defaults());
  }

  private static List<Finding> rollbackFindings(DryRunResult r) {
    return r.report().findings().stream().filter(f -> f.rule().startsWith("rollback-")).toList();
  }

  @Test
  void eachCorrectPhaseRollbackIsVerifiedAgainstTheSchemaBeforeItsOwnPhase() throws Exception {
    // Phase 1's rollback leaves phase 2's table alone: right, since phase 2 has not run when phase 1
    // is rolled back. Against the schema before the whole change it would look incomplete.
    DryRunResult r = run(twoPhases("ALTER TABLE accounts DROP COLUMN status;",
        "DROP INDEX CONCURRENTLY IF EXISTS accounts_status_idx;\nDROP TABLE account_notes;"));
    assertThat(r.evidence().rollback()).extracting(RollbackOutcome::phase, RollbackOutcome::line, RollbackOutcome::ok)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Phase 1 — Expand", 16, true),
            org.assertj.core.groups.Tuple.tuple("Phase 2 — Notes and index", 29, true));
    assertThat(r.evidence().rollback()).allSatisfy(o -> assertThat(o.differences()).isEmpty());
    assertThat(r.evidence().rerun()).isEmpty();
    assertThat(rollbackFindings(r)).isEmpty();

    JsonNode json = new ObjectMapper().readTree(DryRunRenderer.json(r));
    JsonNode second = json.at("/dryRun/rollback/1");
    assertThat(second.get("phase").asText()).isEqualTo("Phase 2 — Notes and index");
    assertThat(second.get("ok").asBoolean()).isTrue();
    assertThat(DryRunRenderer.markdown(r)).contains("### Rollback tested")
        .contains("- `spec.md:16 rollback SQL` (Phase 1 — Expand): ok, the schema is as before this phase")
        .contains("- `spec.md:29 rollback SQL` (Phase 2 — Notes and index): ok, the schema is as before this phase")
        .contains("- each phase's SQL applied again after its rollback");
  }

  @Test
  void aPhaseRollbackThatForgetsAnIndexIsIncompleteAtThePlanLine() throws Exception {
    DryRunResult r = run(twoPhases("ALTER TABLE accounts DROP COLUMN status;", "DROP TABLE account_notes;"));
    List<Finding> found = rollbackFindings(r);
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("rollback-incomplete");
      assertThat(f.file()).isEqualTo("spec.md");
      assertThat(f.line()).isEqualTo(29);
      assertThat(f.message()).contains("before its phase (Phase 2 — Notes and index; the phases before it applied)")
          .contains("index accounts_status_idx").doesNotContain("account_notes");
    });
  }

  @Test
  void aPhaseRollbackPostgresRejectsFails() throws Exception {
    DryRunResult r = run(twoPhases("ALTER TABLE accounts DROP COLUMN state;",
        "DROP INDEX CONCURRENTLY IF EXISTS accounts_status_idx;\nDROP TABLE account_notes;"));
    assertThat(rollbackFindings(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("rollback-fails");
      assertThat(f.file()).isEqualTo("spec.md");
      assertThat(f.line()).as("the failing statement's line in the plan").isEqualTo(17);
      assertThat(f.message()).contains("column \"state\" of relation \"accounts\" does not exist");
    });
  }

  @Test
  void aSeed004PlanIsCheckedPhaseByPhaseAndWhatCannotBeVerifiedIsSaid() throws Exception {
    String plan = new String(PhaseRollbackTest.class.getResourceAsStream("/dryrun/migration-plan.md").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    var changes = Changes.of()
        .base("db/migrations/1_base.sql", """
            CREATE TABLE organisations (id uuid PRIMARY KEY);
            CREATE TABLE accounts (id bigint PRIMARY KEY, organisation_id uuid REFERENCES organisations (id));
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, account_id bigint REFERENCES accounts (id),
              created_at timestamptz NOT NULL DEFAULT now());
            """)
        .add("plans/migration-plan.md", plan)
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    // Phase 1's rollback, as the seed writes it, drops an index CONCURRENTLY inside BEGIN … COMMIT
    assertThat(rollbackFindings(r)).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("rollback-fails");
      assertThat(f.file()).isEqualTo("plans/migration-plan.md");
      assertThat(f.line()).isEqualTo(lineOf(plan, "DROP INDEX CONCURRENTLY IF EXISTS users_org_id_idx"));
      assertThat(f.message()).contains("cannot run inside a transaction block");
    });
    RollbackOutcome phase3 = r.evidence().rollback().stream().filter(o -> o.phase().startsWith("Phase 3")).findFirst()
        .orElseThrow(() -> new AssertionError("phase 3 not verified: " + r.evidence().notes()));
    assertThat(phase3.ok()).isTrue();
    assertThat(phase3.differences()).as("phase 3's rollback restores the schema after phases 1 and 2").isEmpty();
    assertThat(r.evidence().notes())
        .anyMatch(n -> n.startsWith("backfill plans/migration-plan.md:" + (lineOf(plan, "**Backfill script") + 1)
            + " failed on the scratch database"))
        .anyMatch(n -> n.startsWith("phase \"Phase 4 — Contract (Remove Old Column)\"") && n.contains("no rollback SQL"));
  }

  private static int lineOf(String text, String prefix) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) if (lines[i].startsWith(prefix)) return i + 1;
    throw new AssertionError("no line starts with " + prefix);
  }
}
