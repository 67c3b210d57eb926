package dev.specgate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<SplitStatement> pg(String sql) {
    return StatementSplitter.split(sql, Dialect.POSTGRES);
  }

  private static List<SplitStatement> my(String sql) {
    return StatementSplitter.split(sql, Dialect.MYSQL);
  }

  private static List<String> texts(List<SplitStatement> l) {
    return l.stream().map(SplitStatement::text).toList();
  }

  @Test
  void splitsOnSemicolonsAndRecordsExactSpans() {
    List<SplitStatement> s = pg("SELECT 1;\n  CREATE TABLE t (\n    id int\n  );\n");
    assertThat(texts(s)).containsExactly("SELECT 1", "CREATE TABLE t (\n    id int\n  )");
    assertThat(s.get(0).span()).isEqualTo(new Span(1, 1, 1, 8, 0, 8));
    assertThat(s.get(1).span()).isEqualTo(new Span(2, 3, 4, 3, 12, 43));
    assertThat(s.get(1).problem()).isNull();
  }

  @Test
  void leadingAndTrailingCommentsAreNotPartOfTheStatement() {
    List<SplitStatement> s = pg("-- first\n/* block */ SELECT 1 -- tail\n;\n-- only a comment\n");
    assertThat(texts(s)).containsExactly("SELECT 1");
    assertThat(s.get(0).span().startLine()).isEqualTo(2);
    assertThat(s.get(0).span().startColumn()).isEqualTo(13);
  }

  @Test
  void skipsStatementsThatAreOnlyCommentsOrWhitespace() {
    assertThat(pg("  \n-- nothing\n/* at all */\n;;\n")).isEmpty();
    assertThat(pg("")).isEmpty();
  }

  @Test
  void trailingTextWithoutSemicolonIsAStatement() {
    List<SplitStatement> s = pg("SELECT 1;\nDROP TABLE x");
    assertThat(texts(s)).containsExactly("SELECT 1", "DROP TABLE x");
    assertThat(s.get(1).span()).isEqualTo(new Span(2, 1, 2, 12, 10, 22));
  }

  @Test
  void semicolonsInsideStringsIdentifiersAndCommentsDoNotSplit() {
    List<SplitStatement> s = pg("INSERT INTO t VALUES ('a;b', 'it''s;');"
        + "SELECT \"we;ird\" FROM x; -- c;omment\n/* a; /* nested; */ still; */ SELECT 2;");
    assertThat(texts(s)).containsExactly(
        "INSERT INTO t VALUES ('a;b', 'it''s;')", "SELECT \"we;ird\" FROM x", "SELECT 2");
  }

  @Test
  void escapeStringsUseBackslashes() {
    List<SplitStatement> s = pg("SELECT E'a\\';b';SELECT 'c\\';SELECT 3;");
    // E'a\';b' is one string; in a standard string the backslash is a plain character
    assertThat(texts(s)).containsExactly("SELECT E'a\\';b'", "SELECT 'c\\'", "SELECT 3");
  }

  @Test
  void dollarQuotedBodiesWithAndWithoutTags() {
    String sql = "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n"
        + "DO $fn$ BEGIN PERFORM 1; RAISE NOTICE '$$'; END $fn$;\n"
        + "SELECT $1;";
    assertThat(texts(pg(sql))).containsExactly(
        "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
        "DO $fn$ BEGIN PERFORM 1; RAISE NOTICE '$$'; END $fn$",
        "SELECT $1");
  }

  @Test
  void beginAtomicBodyIsKeptWhole() {
    String sql = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 1 END; END;\nSELECT 2;";
    assertThat(texts(pg(sql))).hasSize(2);
  }

  @Test
  void crlfLinesAreCountedOnce() {
    List<SplitStatement> s = pg("SELECT 1;\r\n\r\nSELECT\r\n  2;\r\n");
    assertThat(texts(s)).containsExactly("SELECT 1", "SELECT\r\n  2");
    assertThat(s.get(1).span()).isEqualTo(new Span(3, 1, 4, 3, 13, 24));
  }

  @Test
  void unterminatedConstructsRunToTheEndAndSayWhy() {
    List<SplitStatement> s = pg("SELECT 1;\nCREATE FUNCTION f() AS $$ SELECT 1;\nSELECT 2;");
    assertThat(s).hasSize(2);
    assertThat(s.get(1).problem()).isEqualTo("unterminated dollar-quoted string starting at line 2");
    assertThat(s.get(1).span().endLine()).isEqualTo(3);

    assertThat(pg("SELECT 'abc;").get(0).problem()).isEqualTo("unterminated quoted string starting at line 1");
    assertThat(pg("SELECT \"abc;").get(0).problem()).isEqualTo("unterminated quoted identifier starting at line 1");
    List<SplitStatement> c = pg("SELECT 1;\n/* never closed; SELECT 2;");
    assertThat(c).hasSize(2);
    assertThat(c.get(1).problem()).isEqualTo("unterminated /* comment starting at line 2");
  }

  @Test
  void semicolonsInsideParenthesesDoNotSplitButAnUnclosedParenthesisIsReported() {
    assertThat(texts(pg("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY a);\nSELECT 1;")))
        .containsExactly("CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); NOTIFY a)", "SELECT 1");
    List<SplitStatement> s = pg("SELECT 1;\nSELECT (1;\nSELECT 2;");
    assertThat(s).hasSize(2);
    assertThat(s.get(1).problem()).startsWith("unclosed '('");
  }

  @Test
  void loneDollarsAndGarbageNeverThrow() {
    assertThat(pg("$$")).hasSize(1);
    assertThat(pg("$$").get(0).problem()).startsWith("unterminated dollar-quoted string");
    assertThat(pg("/*")).hasSize(1);
    Random r = new Random(42);
    for (int k = 0; k < 300; k++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(200);
      for (int j = 0; j < len; j++) b.append((char) r.nextInt(k % 2 == 0 ? 128 : 0xFFFF));
      pg(b.toString());
      my(b.toString());
    }
  }

  @Test
  void mysqlBackticksHashCommentsAndBackslashEscapes() {
    List<SplitStatement> s = my("# comment; here\nCREATE TABLE `a;b` (x int);\nINSERT INTO t VALUES ('it\\'s;', \"q;\");");
    assertThat(texts(s)).containsExactly("CREATE TABLE `a;b` (x int)", "INSERT INTO t VALUES ('it\\'s;', \"q;\")");
    assertThat(s.get(0).span().startLine()).isEqualTo(2);
  }

  @Test
  void mysqlDelimiterLinesChangeTheTerminator() {
    String sql = "DELIMITER $$\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND$$\nDELIMITER ;\nCALL p();\n";
    List<SplitStatement> s = my(sql);
    assertThat(texts(s)).containsExactly("CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", "CALL p()");
    assertThat(s.get(0).span().startLine()).isEqualTo(2);
    assertThat(s.get(1).span().startLine()).isEqualTo(8);
  }

  @Test
  void mysqlRoutineBodiesWithoutDelimiterStayWhole() {
    String sql = "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN\n"
        + "  IF NEW.a IS NULL THEN SET NEW.a = 1; END IF;\n"
        + "  SET NEW.b = CASE WHEN NEW.c THEN 1 ELSE 2 END;\nEND;\nSELECT 1;";
    List<SplitStatement> s = my(sql);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).text()).endsWith("END");
    assertThat(s.get(1).text()).isEqualTo("SELECT 1");
  }

  @Test
  void mysqldumpExecutableCommentsAreStatements() {
    List<SplitStatement> s = my("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/* plain */;\n");
    assertThat(texts(s)).containsExactly("/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */");
  }

  @Test
  void psqlMetaCommandsAndCopyDataAreSkipped() {
    String sql = "\\connect db\nCOPY t (a) FROM stdin;\n1\t'x;\n2\ty\n\\.\nSELECT 1;";
    assertThat(texts(pg(sql))).containsExactly("COPY t (a) FROM stdin", "SELECT 1");
  }

  @Test
  void gooseStatementBeginEndMakesTheEnclosedTextOneStatement() {
    String sql = "-- +goose Up\nCREATE TABLE t (a int);\n-- +goose StatementBegin\n"
        + "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS '\n"
        + "BEGIN\n  UPDATE t SET a = 1;\n  RETURN NEW;\nEND';\n"
        + "-- +goose StatementEnd\nSELECT 2;\n";
    List<SplitStatement> s = pg(sql);
    String fn = "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS '\n"
        + "BEGIN\n  UPDATE t SET a = 1;\n  RETURN NEW;\nEND'";
    assertThat(texts(s)).containsExactly("CREATE TABLE t (a int)", fn, "SELECT 2");
    int from = sql.indexOf("CREATE FUNCTION");
    assertThat(s.get(1).span()).isEqualTo(new Span(4, 1, 8, 4, from, from + fn.length()));
    assertThat(s.get(1).problem()).isNull();
  }

  @Test
  void gooseBlockSemicolonsWithoutQuotesDoNotSplitEvenForMysql() {
    String body = "CREATE PROCEDURE p()\nBEGIN\n  DELETE FROM t;\n  DELETE FROM u;\nEND";
    String sql = "  -- +goose statementbegin\n" + body + ";\n-- +goose StatementEnd\nDROP TABLE v;";
    assertThat(texts(my(sql))).containsExactly(body, "DROP TABLE v");
    String unquoted = "-- +goose StatementBegin\nINSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2);\n"
        + "-- +goose StatementEnd\n";
    assertThat(texts(pg(unquoted))).containsExactly("INSERT INTO a VALUES (1);\nINSERT INTO b VALUES (2)");
  }

  @Test
  void gooseLookalikesAreOrdinaryComments() {
    // Not alone on the line, trailing words, or no +goose: the ';' splits as usual.
    assertThat(texts(pg("SELECT 1; -- +goose StatementBegin\nSELECT 2; SELECT 3;"))).hasSize(3);
    assertThat(texts(pg("-- +goose StatementBegin now\nSELECT 2; SELECT 3;"))).hasSize(2);
    assertThat(texts(pg("-- goose StatementBegin\nSELECT 2; SELECT 3;"))).hasSize(2);
    // A StatementEnd without a Begin changes nothing.
    assertThat(texts(pg("SELECT 1;\n-- +goose StatementEnd\nSELECT 2;"))).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void gooseStatementBeginWithoutEndRunsToTheEndAndSaysWhy() {
    List<SplitStatement> s = pg("SELECT 1;\n-- +goose StatementBegin\nSELECT 2; SELECT 3;\n");
    assertThat(texts(s)).containsExactly("SELECT 1", "SELECT 2; SELECT 3");
    assertThat(s.get(1).problem()).contains("StatementBegin at line 2").contains("StatementEnd");
  }
}
