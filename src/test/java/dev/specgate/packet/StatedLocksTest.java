package dev.specgate.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.SourceFile;
import dev.specgate.sql.LockLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatedLocksTest {
  private static List<StatedLock> locks(String md) {
    return StatedLocks.of(Packet.of("", Map.of("spec.md", SourceFile.added("spec.md", md))));
  }

  @Test
  void lockTableRowsWithTheirLines() {
    List<StatedLock> l = locks(String.join("\n",
        "# Plan", "",
        "| Step | Lock type | Lock duration |",
        "|---|---|---|",
        "| CREATE INDEX CONCURRENTLY | SHARE_UPDATE_EXCLUSIVE | Minutes |",
        "| Batch backfill | Row-level locks only | <5s |",
        "| Rename | n/a | - |",
        ""));
    assertThat(l).extracting(StatedLock::line, StatedLock::step).containsExactly(
        org.assertj.core.groups.Tuple.tuple(5, "CREATE INDEX CONCURRENTLY"),
        org.assertj.core.groups.Tuple.tuple(6, "Batch backfill"));
    assertThat(l.get(0).levels()).containsExactly(LockLevel.SHARE_UPDATE_EXCLUSIVE);
    assertThat(l.get(1).accepts(LockLevel.ROW_EXCLUSIVE)).isTrue();
    assertThat(l.get(1).accepts(LockLevel.SHARE)).isFalse();
  }

  @Test
  void aDurationColumnIsNotTheLockColumn() {
    List<StatedLock> l = locks(String.join("\n",
        "| Step | Lock duration | Lock |",
        "|---|---|---|",
        "| ADD COLUMN | ACCESS EXCLUSIVE for ms | ACCESS EXCLUSIVE |",
        ""));
    assertThat(l).singleElement().satisfies(s -> assertThat(s.claimed()).isEqualTo("ACCESS EXCLUSIVE"));
  }

  @Test
  void sentencesThatStateALockAndOnesThatDoNot() {
    List<StatedLock> l = locks(String.join("\n",
        "VALIDATE CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock.",
        "",
        "CONCURRENTLY does not take an ACCESS EXCLUSIVE lock.",
        "",
        "A plain CREATE INDEX takes a SHARE lock, so we use CONCURRENTLY.",
        "",
        "It takes a SHARE lock or an ACCESS EXCLUSIVE lock depending on the form.",
        ""));
    assertThat(l).extracting(StatedLock::line).containsExactly(1);
    assertThat(l.get(0).levels()).containsExactly(LockLevel.SHARE_UPDATE_EXCLUSIVE);
  }

  @Test
  void modeNamesAreReadLongestFirst() {
    assertThat(StatedLock.levelsIn("share row exclusive")).containsExactly(LockLevel.SHARE_ROW_EXCLUSIVE);
    assertThat(StatedLock.levelsIn("SHARE then ACCESS EXCLUSIVE")).containsExactlyInAnyOrder(
        LockLevel.SHARE, LockLevel.ACCESS_EXCLUSIVE);
  }
}
