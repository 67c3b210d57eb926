package dev.specgate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The lock table of docs/lock-model.md, row by row: each statement is parsed and its locks must be
 * exactly the row's (relation: mode; …). The page is the test's input, so it cannot drift.
 */
class LockModelTest {
  private static final Path PAGE = Path.of("docs/lock-model.md");
  private static final Pattern ROW = Pattern.compile("^\\| `(.+)` \\| (.+) \\|$");

  /** The schema the page describes: index i on t, constraint f of t references u, t has an FK to u. */
  static final LockModel.Schema SCHEMA = new LockModel.Schema() {
    @Override
    public Optional<String> tableOfIndex(String index) {
      return index.equals("i") ? Optional.of("t") : Optional.empty();
    }

    @Override
    public Optional<String> referencedTable(String table, String constraint) {
      return table.equals("t") && constraint.equals("f") ? Optional.of("u") : Optional.empty();
    }

    @Override
    public List<String> foreignKeyTargets(String table) {
      return table.equals("t") ? List.of("u") : List.of();
    }

    @Override
    public List<String> indexesOf(String table) {
      return table.equals("t") ? List.of("i") : List.of();
    }
  };

  static String describe(List<LockModel.RelationLock> locks) {
    if (locks.isEmpty()) return "none";
    List<String> parts = new ArrayList<>();
    for (LockModel.RelationLock l : locks) parts.add(l.relation() + ": " + l.level().label());
    return String.join("; ", parts);
  }

  static List<LockModel.RelationLock> locksOf(String sql) {
    Statement s = MigrationParser.parse("x.sql", sql + ";", Dialect.POSTGRES).statements().get(0);
    assertThat(s.isUnparsed()).as("%s parses (%s)", sql, s.op()).isFalse();
    return LockModel.locks(s.op(), SCHEMA);
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheLockTable() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String line : Files.readAllLines(PAGE, StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (!m.matches()) continue;
      String sql = m.group(1);
      String expected = m.group(2).trim();
      tests.add(DynamicTest.dynamicTest(sql, () -> assertThat(describe(locksOf(sql))).isEqualTo(expected)));
    }
    assertThat(tests).hasSizeGreaterThan(80);
    return tests.stream();
  }

  @Test
  void withoutSchemaKnowledgeADroppedIndexLocksOnlyItself() {
    Statement s = MigrationParser.parse("x.sql", "DROP INDEX other_idx;", Dialect.POSTGRES).statements().get(0);
    assertThat(describe(LockModel.locks(s.op(), LockModel.Schema.NONE))).isEqualTo("other_idx: ACCESS EXCLUSIVE");
  }

  @Test
  void theStrongestLockPerRelationWins() {
    assertThat(describe(locksOf("ALTER TABLE t SET STATISTICS 10, ADD COLUMN c int"))).isEqualTo("t: ACCESS EXCLUSIVE");
    assertThat(describe(locksOf("ALTER TABLE t ALTER COLUMN c SET STATISTICS 10")))
        .isEqualTo("t: SHARE UPDATE EXCLUSIVE");
  }

  @Test
  void causesNameWhatTakesTheLock() {
    LockModel.RelationLock parent = locksOf("CREATE TABLE c (id bigint, u_id bigint REFERENCES u (id))").get(0);
    assertThat(parent.cause()).contains("REFERENCES u");
    assertThat(parent.blocksTraffic()).isTrue();
    assertThat(locksOf("ALTER TYPE mood ADD VALUE 'meh'").get(0).blocksTraffic()).isFalse();
  }
}
