package dev.specgate.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {
  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "**/migrations/**/*.sql, migrations/1.sql, true",
    "**/migrations/**/*.sql, db/migrations/1.sql, true",
    "**/migrations/**/*.sql, db/migrations/2024/1.sql, true",
    "**/migrations/**/*.sql, db/migration/1.sql, false",
    "**/migrations/**/*.sql, migrations/1.sql.bak, false",
    "**/V*__*.sql, V1__init.sql, true",
    "**/V*__*.sql, src/main/resources/db/V2_1__x.sql, true",
    "**/V*__*.sql, src/main/resources/db/V2_1__x.sql.txt, false",
    "**/*.up.sql, a/b/20240101_x.up.sql, true",
    "spec.md, docs/changes/spec.md, true",
    "/spec.md, docs/changes/spec.md, false",
    "/spec.md, spec.md, true",
    "src/reporting/**, src/reporting/a/b.java, true",
    "src/reporting/**, src/reportingx/b.java, false",
    "docs/, docs/a.md, true",
    "*.md, README.md, true",
    "*.md, docs/a.md, true",
    "db/*.sql, db/a.sql, true",
    "db/*.sql, db/x/a.sql, false",
    "**/*Test.java, src/test/java/FooTest.java, true",
    "a?c.sql, abc.sql, true",
    "[ab]x.sql, bx.sql, true",
    "file(1).sql, file(1).sql, true",
  })
  void matchesLikeGitignore(String pattern, String path, boolean expected) {
    assertThat(Glob.of(pattern).matches(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"db/weird[1]*.sql", "a/b?.sql", "plain/file.sql"})
  void literalMatchesOnlyItself(String path) {
    Glob g = Glob.of(Glob.literal(path));
    assertThat(g.matches(path)).isTrue();
    assertThat(g.matches("x/" + path)).isFalse();
    assertThat(g.matches(path + "x")).isFalse();
  }

  /**
   * A pull request writes the globs (.specgate.yml) and the paths: several ** on a deep path made
   * the regex this replaced backtrack for minutes (four on 200 directories: 38 s; six: hours).
   */
  @org.junit.jupiter.api.Test
  void manyDoubleStarsOnADeepPathStayFast() {
    String glob = "**/a/".repeat(8) + "**/b.sql";
    String miss = "a/".repeat(400) + "c.sql";
    String hit = "a/".repeat(400) + "b.sql";
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
      assertThat(Glob.of(glob).matches(miss)).isFalse();
      assertThat(Glob.of(glob).matches(hit)).isTrue();
      assertThat(Glob.of("*a*a*a*a*a*a*a*b").matches("a".repeat(5_000))).isFalse();
    });
  }
}
