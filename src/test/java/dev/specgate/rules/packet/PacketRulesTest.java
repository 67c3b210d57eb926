package dev.specgate.rules.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.rules.Family;
import dev.specgate.rules.Rule;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour the fixtures cannot show: configuration, scope between packets, metadata. */
class PacketRulesTest {
  static List<Finding> run(Rule rule, Config config, SourceFile... files) {
    return Analysis.run(ChangeSet.ofPaths(List.of(files)), config, List.of(rule)).findings()
        .stream().filter(f -> f.rule().equals(rule.id())).toList();
  }

  @Test
  void eighteenRulesOfThePacketFamilyInCatalogueOrder() {
    List<Rule> all = PacketRules.all();
    assertThat(all).hasSize(18);
    assertThat(all).allMatch(r -> r.info().family() == Family.PACKET);
    assertThat(all.get(0).id()).isEqualTo("packet-incomplete");
    assertThat(all.get(15).id()).isEqualTo("migration-without-packet");
    assertThat(all.get(17).id()).isEqualTo("plan-migration-mismatch");
  }

  @Test
  void largeTableThresholdComesFromConfig() {
    SourceFile spec = SourceFile.added("p/spec.md", """
        # Backfill plans

        ## Context
        - plans has 40,000 rows.

        ## Phases
        ### 2. Backfill
        One statement.
        """);
    Config defaults = Config.defaults();
    assertThat(run(new BackfillPlanIncomplete(), defaults, spec)).isEmpty();
    Config strict = defaults.withLargeTableRows(10_000L);
    assertThat(run(new BackfillPlanIncomplete(), strict, spec))
        .extracting(Finding::file, Finding::line).containsExactly(
            org.assertj.core.groups.Tuple.tuple("p/spec.md", 7));
  }

  @Test
  void aMigrationUnderOnePacketIsNotCheckedAgainstAnothersNonGoals() {
    SourceFile keeper = SourceFile.added("keeper/spec.md", """
        # Keep closed_at

        ## Non-goals
        - No removal of closed_at on accounts.
        """);
    SourceFile other = SourceFile.added("cleanup/spec.md", "# Cleanup of accounts\n");
    SourceFile migration = SourceFile.added("cleanup/db/migrations/V9__drop.sql",
        "ALTER TABLE accounts DROP COLUMN closed_at;\n");
    assertThat(run(new NonGoalViolated(), Config.defaults(), keeper, other, migration)).isEmpty();
    // without its own packet the migration is covered by the packet naming its table
    assertThat(run(new NonGoalViolated(), Config.defaults(), keeper, migration))
        .extracting(Finding::line).containsExactly(1);
  }

  @Test
  void aPacketNamingTheFileCoversTheMigration() {
    SourceFile spec = SourceFile.added("docs/retire/spec.md",
        "# Retire\n\nMigration: `V3__drop_legacy.sql`\n");
    SourceFile migration = SourceFile.added("db/migrations/V3__drop_legacy.sql",
        "DROP TABLE legacy_things;\n");
    assertThat(run(new MigrationWithoutPacket(), Config.defaults(), migration))
        .extracting(Finding::line).containsExactly(1);
    assertThat(run(new MigrationWithoutPacket(), Config.defaults(), spec, migration)).isEmpty();
  }

  @Test
  void sameReleaseCleanupPairsAcrossFilesOnlyInAChange() {
    String add = "ALTER TABLE accounts ADD COLUMN account_status text;\n";
    String drop = "ALTER TABLE accounts DROP COLUMN legacy_state;\n";
    // a snapshot (check PATH) is the whole history: only one file is known to ship together
    assertThat(run(new SameReleaseCleanup(), Config.defaults(),
        SourceFile.added("db/migrations/V1__add.sql", add),
        SourceFile.added("db/migrations/V2__drop.sql", drop))).isEmpty();
    // a change (git range, PR) ships all its files together
    ChangeSet change = new ChangeSet(ChangeSet.Kind.RANGE, List.of(
        SourceFile.added("db/migrations/V1__add.sql", add),
        SourceFile.added("db/migrations/V2__drop.sql", drop)), true);
    assertThat(Analysis.run(change, Config.defaults(), List.of(new SameReleaseCleanup()))
        .findings()).extracting(Finding::file, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("db/migrations/V2__drop.sql", 1));
  }
}
