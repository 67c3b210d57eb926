package dev.specgate.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.SourceFile;
import dev.specgate.sql.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanSqlTest {
  private static final String PLAN = String.join("\n",
      "# Plan: invoices.currency",                                  // 1
      "",                                                           // 2
      "### Phase 1 — Expand",                                       // 3
      "",                                                           // 4
      "```sql",                                                     // 5
      "ALTER TABLE invoices ADD COLUMN currency text;",             // 6
      "",                                                           // 7
      "CREATE INDEX CONCURRENTLY invoices_currency_idx",            // 8
      "  ON invoices (currency);",                                  // 9
      "```",                                                        // 10
      "",                                                           // 11
      "**Rollback (Phase 1 only):**",                               // 12
      "",                                                           // 13
      "```",                                                        // 14
      "DROP INDEX CONCURRENTLY invoices_currency_idx;",             // 15
      "```",                                                        // 16
      "",                                                           // 17
      "```",                                                        // 18
      "Phase 1 — EXPAND",                                           // 19
      "Deploy migration: add new column",                           // 20
      "```",                                                        // 21
      "",                                                           // 22
      "```python",                                                  // 23
      "UPDATE = 1",                                                 // 24
      "```",                                                        // 25
      "",                                                           // 26
      "### Phase 2 — Backfill",                                     // 27
      "",                                                           // 28
      "```sql",                                                     // 29
      "UPDATE invoices SET currency = 'EUR' WHERE id BETWEEN 1 AND 1000;", // 30
      "```",                                                        // 31
      "",                                                           // 32
      "**Monitoring during backfill:**",                            // 33
      "",                                                           // 34
      "```sql",                                                     // 35
      "SELECT count(*) FROM invoices i JOIN ledgers l ON l.id = i.ledger_id",  // 36
      "WHERE extract(epoch FROM i.created_at) > 0;",                // 37
      "```",                                                        // 38
      "",                                                           // 39
      "## Data Validation Plan",                                    // 40
      "",                                                           // 41
      "```sql",                                                     // 42
      "-- Expected: 0",                                             // 43
      "SELECT count(*) FROM invoices WHERE currency IS NULL;",      // 44
      "```",                                                        // 45
      "");

  private static Packet packet() {
    return Packet.of("billing", Map.of("migration-plan.md", SourceFile.added("billing/migration-plan.md", PLAN)));
  }

  @Test
  void sqlFencesGetTheirRoleAndPhaseFromWhereTheySit() {
    List<PlanSqlBlock> blocks = PlanSql.blocks(packet());
    assertThat(blocks).extracting(PlanSqlBlock::line, PlanSqlBlock::role).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5, SqlBlockRole.PHASE),
        org.assertj.core.groups.Tuple.tuple(14, SqlBlockRole.ROLLBACK),
        org.assertj.core.groups.Tuple.tuple(29, SqlBlockRole.BACKFILL),
        org.assertj.core.groups.Tuple.tuple(35, SqlBlockRole.VALIDATION),
        org.assertj.core.groups.Tuple.tuple(42, SqlBlockRole.VALIDATION));
    assertThat(blocks.get(0).phase()).isEqualTo(PhaseName.EXPAND);
    assertThat(blocks.get(1).phase()).isEqualTo(PhaseName.EXPAND);
    assertThat(blocks.get(2).phase()).isEqualTo(PhaseName.BACKFILL);
    assertThat(blocks.get(4).phase()).isNull();
  }

  @Test
  void statementLinesAreTheMarkdownFilesLinesEvenAcrossBlankLines() {
    PlanSqlBlock expand = PlanSql.blocks(packet()).get(0);
    assertThat(expand.migration().statements()).extracting(s -> s.span().startLine())
        .containsExactly(6, 8);
    assertThat(expand.migration().statements().get(1).op()).isInstanceOf(Operation.CreateIndex.class);
    assertThat(expand.paddedSql().split("\n", -1)[7]).startsWith("CREATE INDEX CONCURRENTLY");
  }

  @Test
  void rollbackBlocksPerPhaseForTheDryRun() {
    List<PlanSqlBlock> rollback = PlanSql.rollbackBlocks(packet());
    assertThat(rollback).hasSize(1);
    PlanSqlBlock r = rollback.get(0);
    assertThat(r.file()).isEqualTo("billing/migration-plan.md");
    assertThat(r.phase()).isEqualTo(PhaseName.EXPAND);
    assertThat(r.phaseTitle()).isEqualTo("Phase 1 — Expand");
    assertThat(r.sql().strip()).isEqualTo("DROP INDEX CONCURRENTLY invoices_currency_idx;");
  }

  @Test
  void namedTablesComeFromTheParsedStatementsNotFromFunctionArguments() {
    assertThat(packet().namedTables()).contains("invoices", "ledgers").doesNotContain("i", "created_at");
  }

  @Test
  void gateExpectationsOfValidationQueries() {
    assertThat(PlanSql.gateExpectations(packet()))
        .extracting(PlanSql.GateExpectation::line, PlanSql.GateExpectation::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(43, "Expected: 0"));
  }

  @Test
  void aBlockWithoutAQueryIsNoValidationQueryWhateverItsLabel() {
    String md = String.join("\n",
        "## Phase 1 — Expand", "",
        "Run it, then check the logs:", "",
        "```sql",
        "ALTER TABLE invoices ADD COLUMN currency text;",
        "```", "");
    Packet p = Packet.of("", Map.of("spec.md", SourceFile.added("spec.md", md)));
    assertThat(PlanSql.blocks(p)).singleElement()
        .satisfies(b -> assertThat(b.role()).isEqualTo(SqlBlockRole.PHASE));
  }

  @Test
  void rolesFromLabels() {
    assertThat(PlanSql.roleOf("Rollback (Phase 3):")).isEqualTo(SqlBlockRole.ROLLBACK);
    assertThat(PlanSql.roleOf("Backfill completion validation:")).isEqualTo(SqlBlockRole.VALIDATION);
    assertThat(PlanSql.roleOf("Backfill script — batch processing:")).isEqualTo(SqlBlockRole.BACKFILL);
    assertThat(PlanSql.roleOf("PostgreSQL — use NOT VALID + VALIDATE for large tables:")).isNull();
    assertThat(PlanSql.roleOf("Add the check constraint:")).isNull();
  }
}
