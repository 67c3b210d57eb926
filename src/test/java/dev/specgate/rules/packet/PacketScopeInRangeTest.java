package dev.specgate.rules.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.Finding;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In a change (not a snapshot), packet findings come from the packets the change concerns. */
class PacketScopeInRangeTest {
  static final String STATUS_SPEC = """
      # Account status

      ## Context
      - accounts has 18M rows.
      """;
  static final String ORDERS_SPEC = """
      # Order totals

      ## Context
      - orders has 50M rows.
      """;

  @Test
  void anUntouchedPacketNamingTheChangedMigrationsTableIsChecked() {
    SourceFile status = SourceFile.unchanged("packets/status/spec.md", STATUS_SPEC);
    SourceFile orders = SourceFile.unchanged("packets/orders/spec.md", ORDERS_SPEC);
    SourceFile migration = new SourceFile("db/migrations/V9__status.sql", FileStatus.ADDED,
        "ALTER TABLE accounts ADD COLUMN account_status text;\n", null, null,
        List.of(new LineRange(1, 1)), false, null);
    ChangeSet change = new ChangeSet(ChangeSet.Kind.RANGE, List.of(status, orders, migration), true);
    List<Finding> found = Analysis.run(change, Config.defaults(), List.of(new CompatWindowUnnamed()))
        .findings();
    assertThat(found).extracting(Finding::file).containsExactly("packets/status/spec.md");
  }

  @Test
  void anEditedPacketIsCheckedWithoutAnyMigration() {
    SourceFile orders = new SourceFile("packets/orders/spec.md", FileStatus.MODIFIED, ORDERS_SPEC,
        "# Order totals\n", null, List.of(new LineRange(2, 4)), false, null);
    ChangeSet change = new ChangeSet(ChangeSet.Kind.RANGE, List.of(orders), true);
    List<Finding> found = Analysis.run(change, Config.defaults(),
        List.of(new SpecMissingSection())).findings();
    assertThat(found).isNotEmpty().allMatch(f -> f.file().equals("packets/orders/spec.md")
        && f.line() == 1);
  }
}
