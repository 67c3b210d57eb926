package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollbackNotesTest {
  @Test
  void seed001RollbackNoteNamesPhases() {
    String spec = """
        # x

        ## Phases
        1. Expand: add the column.
        2. Backfill: fill it.
        3. Contract: drop the old one.
        4. Switch: flip reads.

        ## Migration rollback note
        - Expand phase: reversible by dropping nullable column.
        - Backfill phase: not fully reversible after rows are transformed.
        - Contract phase: old code remains compatible for 7 days.
        """;
    Packet p = PacketTest.packet(spec);
    List<Section> rollback = p.specSections(SectionKind.ROLLBACK);
    List<Phase> phases = p.phases();
    assertTrue(RollbackNotes.noteFor(phases.get(0), rollback).isPresent());
    assertTrue(RollbackNotes.noteFor(phases.get(1), rollback).isPresent());
    assertTrue(RollbackNotes.noteFor(phases.get(2), rollback).isPresent());
    assertFalse(RollbackNotes.noteFor(phases.get(3), rollback).isPresent());
  }

  @Test
  void irreversiblePointOfNoReturnSnapshotOneLiner() {
    assertTrue(RollbackNotes.isIrreversible("Backfill phase: not fully reversible after rows are transformed."));
    assertTrue(RollbackNotes.isIrreversible("Some migrations are genuinely irreversible once data is written"));
    assertFalse(RollbackNotes.isIrreversible("Expand phase: reversible by dropping nullable column."));
    assertFalse(RollbackNotes.isIrreversible("This step is not irreversible."));
    assertTrue(RollbackNotes.isPointOfNoReturn("Point of no return: the first backfill batch"));
    assertTrue(RollbackNotes.isPointOfNoReturn("State exactly when rollback stops being realistic."));
    assertTrue(RollbackNotes.mentionsSnapshot("a snapshot captured immediately before the step"));
    assertTrue(RollbackNotes.isOneLiner("Revert the migration."));
    assertTrue(RollbackNotes.isOneLiner("just roll back the deploy"));
    assertFalse(RollbackNotes.isOneLiner("Revert the migration, then disable the flag and rerun the backfill."));
  }
}
