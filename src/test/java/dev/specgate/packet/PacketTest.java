package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.specgate.core.SourceFile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PacketTest {
  static final String SPEC = """
      # Feature: Account status schema migration

      Owner: Platform Data

      ## Context
      - accounts has 18M rows.
      - status is currently inferred from closed_at and billing_pause_until.

      ## Goal
      - Add account_status without blocking account writes.

      ## Non-goals
      - No removal of closed_at or billing_pause_until yet.

      ## Phases

      1. Expand

      Add nullable account_status and supporting index. Rollback: drop the column.

      2. Backfill

      Fill status in batches of 5,000 rows.

      3. Cleanup

      Drop closed_at from accounts after the window closes.

      ## Compatibility
      - Old code remains compatible for 7 days after switch.
      - Rollback is possible for two releases.

      Migration files: `db/migrations/V2__account_status.sql`, described in spec.md.
      Backfill reads users.email and the `orders` table.
      """;

  static Packet packet(String spec) {
    return new Packet("p", Map.of("spec.md", SourceFile.added("p/spec.md", spec)));
  }

  @Test
  void rowCountTiedToTableNormalisedName() {
    Packet p = packet(SPEC);
    assertEquals(OptionalLong.of(18_000_000L), p.rowCount("accounts"));
    assertEquals(OptionalLong.of(18_000_000L), p.rowCount("public.ACCOUNTS"));
    assertEquals(OptionalLong.empty(), p.rowCount("orders"));
  }

  @Test
  void phasesFromNumberedItemsInPhasesSection() {
    List<Phase> phases = packet(SPEC).phases();
    assertEquals(List.of(PhaseName.EXPAND, PhaseName.BACKFILL, PhaseName.CLEANUP),
        phases.stream().map(Phase::name).toList());
    assertEquals(17, phases.get(0).line());
    assertEquals(19, phases.get(0).endLine());
  }

  @Test
  void compatibilityWindowIsADuration() {
    assertEquals(Optional.of(Duration.ofDays(7)), packet(SPEC).compatibilityWindow());
    assertEquals(Optional.empty(),
        packet("# x\n\n## Compatibility\n- Rollback possible for two releases.\n")
            .compatibilityWindow());
  }

  @Test
  void declaresCleanupOfNamedColumnOnly() {
    Packet p = packet(SPEC);
    assertTrue(p.declaresCleanupOf("accounts", "closed_at"));
    assertFalse(p.declaresCleanupOf("accounts", "billing_pause_until"));
    assertFalse(p.declaresCleanupOf("accounts", null));
    assertTrue(packet("# x\n\n## Phases\n\n- Contract: drop the accounts_old table.\n")
        .declaresCleanupOf("accounts_old", null));
  }

  @Test
  void namesTablesAndFiles() {
    Packet p = packet(SPEC);
    assertTrue(p.namedTables().contains("accounts"));
    assertFalse(p.namedTables().contains("spec"), () -> p.namedTables().toString());
    assertFalse(p.namedTables().contains("v2__account_status"), () -> p.namedTables().toString());
    assertTrue(p.namesTable("ACCOUNTS"));
    assertFalse(p.namesTable("invoices"));
    assertTrue(p.namesFile("db/migrations/V2__account_status.sql"));
    assertTrue(p.namesFile("other/dir/V2__account_status.sql"));
    assertFalse(p.namesFile("db/migrations/V3__other.sql"));
  }

  @Test
  void namedTablesFromBackticksDottedNamesAndTableWords() {
    Packet p = packet(SPEC);
    assertTrue(p.namedTables().containsAll(java.util.Set.of("accounts", "users", "orders")),
        () -> p.namedTables().toString());
  }

  @Test
  void weakTicketNamesItsTable() {
    Packet p = packet("Add account_status to accounts.\n\nWe need active, paused, and closed.\n");
    assertTrue(p.namedTables().contains("accounts"));
    assertEquals(1, p.specTitleLine());
  }
}
