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
        new MysqlOnlineDdl.Facts(typeChanged, fkChecksOff, sql.toUpperCase().contains("AUTO_INCREMENT"),
            sql.toUpperCase().matches(".*\\b(FIRST|AFTER)\\b.*")),
        MysqlServer.DEFAULT);
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
    MysqlOnlineDdl.Plan notNull = MysqlOnlineDdl.of(new AlterAction.SetNotNull("c"), new MysqlOnlineDdl.Facts(false, false, false, false), MysqlServer.DEFAULT);
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

  private static MysqlOnlineDdl.Plan on(String server, String sql) {
    Statement s = MigrationParser.parse("x.sql", sql + ";", Dialect.MYSQL).statements().get(0);
    AlterAction first = ((Operation.AlterTable) s.op()).actions().get(0);
    boolean positioned = sql.toUpperCase().matches(".*\\b(FIRST|AFTER)\\b.*");
    return MysqlOnlineDdl.of(first, new MysqlOnlineDdl.Facts(false, false, false, positioned),
        MysqlServer.parse(server).orElseThrow());
  }

  @Test
  void addAndDropColumnDependOnTheServer() {
    String last = "ALTER TABLE t ADD COLUMN c int";
    String after = "ALTER TABLE t ADD COLUMN c int AFTER a";
    String drop = "ALTER TABLE t DROP COLUMN c";
    // MySQL 5.7: no INSTANT at all, adding or dropping a column rebuilds in place (writes continue)
    for (String sql : List.of(last, after, drop)) {
      MysqlOnlineDdl.Plan p = on("5.7", sql);
      assertThat(p.algorithm()).as(sql).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
      assertThat(p.rebuildsTable()).as(sql).isTrue();
      assertThat(p.blocksWrites()).as(sql).isFalse();
    }
    assertThat(on("5.7", last).note()).contains("MySQL 5.7");
    assertThat(on("8.0.11", last).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    // 8.0.12 to 8.0.28: INSTANT only as the last column; DROP still rebuilds
    assertThat(on("8.0.12", last).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    assertThat(on("8.0.28", after).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("8.0.28", after).note()).contains("only as the last column");
    assertThat(on("8.0.28", drop).rebuildsTable()).isTrue();
    // 8.0.29 and later (8.0 = the latest 8.0 release, 8.4): INSTANT anywhere, DROP INSTANT
    for (String v : List.of("8.0.29", "8.0", "8.4")) {
      assertThat(on(v, after).algorithm()).as(v).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
      assertThat(on(v, drop).algorithm()).as(v).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    }
    // MariaDB: 10.2 none, 10.3 last column only, 10.4+ anywhere and DROP
    assertThat(on("mariadb-10.2", last).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("mariadb-10.3", last).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    assertThat(on("mariadb-10.3", after).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("mariadb-10.3", drop).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("mariadb-10.11", after).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    assertThat(on("mariadb-10.11", drop).algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
  }

  @Test
  void metadataOnlyOperationsAreInPlaceBeforeInstantExists() {
    assertThat(on("5.7", "ALTER TABLE t ALTER COLUMN c SET DEFAULT 1").algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("8.0", "ALTER TABLE t ALTER COLUMN c SET DEFAULT 1").algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    assertThat(on("8.0.27", "ALTER TABLE t RENAME COLUMN a TO b").algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INPLACE);
    assertThat(on("8.0.28", "ALTER TABLE t RENAME COLUMN a TO b").algorithm()).isEqualTo(MysqlOnlineDdl.Algorithm.INSTANT);
    assertThat(on("5.7", "ALTER TABLE t RENAME COLUMN a TO b").blocksWrites()).isFalse();
  }

  @Test
  void serverVersionsParseAndPrintBack() {
    assertThat(MysqlServer.parse("8.0").orElseThrow().atLeast(8, 0, 29)).isTrue();
    assertThat(MysqlServer.parse("8.0.28").orElseThrow().atLeast(8, 0, 29)).isFalse();
    assertThat(MysqlServer.parse("MariaDB-10.11").orElseThrow().label()).isEqualTo("mariadb-10.11");
    assertThat(MysqlServer.parse("mariadb-10.11").orElseThrow().describe()).isEqualTo("MariaDB 10.11");
    assertThat(MysqlServer.parse("8.0.28").orElseThrow().describe()).isEqualTo("MySQL 8.0.28");
    assertThat(MysqlServer.parse("eight")).isEmpty();
    assertThat(MysqlServer.parse("8")).isEmpty();
    assertThat(MysqlServer.parse("mysql-8.0")).isEmpty();
  }
}
