package dev.specgate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The table of docs/mysql-online-ddl.md, row by row. */
class MysqlOnlineDdlTest {
  private static final Pattern ROW = Pattern.compile("^\\| `(.+)` \\| (INSTANT|INPLACE|COPY) \\| (yes|no) \\| (yes|no) \\|$");

  static MysqlOnlineDdl.Plan planOf(String sql, boolean typeChanged, boolean fkChecksOff) {
    Statement s = MigrationParser.parse("x.sql", sql + ";", Dialect.MYSQL).statements().get(0);
    Operation.AlterTable at = (Operation.AlterTable) s.op();
    AlterAction first = at.actions().get(0);
    return MysqlOnlineDdl.of(first,
        new MysqlOnlineDdl.Facts(typeChanged, fkChecksOff, sql.toUpperCase().contains("AUTO_INCREMENT")));
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTable() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("docs/mysql-online-ddl.md"), StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) continue;
      tests.add(DynamicTest.dynamicTest(m.group(1), () -> {
        MysqlOnlineDdl.Plan p = planOf(m.group(1), true, false);
        assertThat(p).as("a plan for %s", m.group(1)).isNotNull();
        assertThat(p.algorithm().name()).isEqualTo(m.group(2));
        assertThat(p.rebuildsTable()).isEqualTo(m.group(3).equals("yes"));
        assertThat(p.concurrentDml()).isEqualTo(m.group(4).equals("yes"));
      }));
    }
    assertThat(tests).hasSizeGreaterThan(15);
    return tests.stream();
  }

  @Test
  void nullabilityOnlyAndForeignKeyChecksOffAreOnline() {
    MysqlOnlineDdl.Plan notNull = MysqlOnlineDdl.of(new AlterAction.SetNotNull("c"), new MysqlOnlineDdl.Facts(false, false, false));
    assertThat(notNull.algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(notNull.rebuildsTable()).isTrue();
    assertThat(notNull.blocksWrites()).isFalse();
    MysqlOnlineDdl.Plan fk = planOf("ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)", false, true);
    assertThat(fk.algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(fk.blocksWrites()).isFalse();
  }

  @Test
  void writtenAlgorithmAndLockAreRead() {
    Statement s = MigrationParser.parse("x.sql", "ALTER TABLE t ADD COLUMN c int, ALGORITHM=COPY, LOCK = SHARED;", Dialect.MYSQL)
        .statements().get(0);
    assertThat(MysqlOnlineDdl.writtenAlgorithm((Operation.AlterTable) s.op())).isEqualTo("COPY");
    assertThat(MysqlOnlineDdl.writtenLock((Operation.AlterTable) s.op())).isEqualTo("SHARED");
  }
}
