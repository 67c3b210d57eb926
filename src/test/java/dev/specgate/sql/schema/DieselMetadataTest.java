package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** metadata.toml read as diesel 2.x reads it (migrations_internals' TomlMetadata). */
class DieselMetadataTest {
  @Test
  void falseAndTrueAsWrittenWithCommentsWhitespaceAndQuotedKeys() {
    assertThat(DieselMetadata.read("run_in_transaction = false\n").runInTransaction()).isFalse();
    assertThat(DieselMetadata.read("# CONCURRENTLY needs it\n\n   run_in_transaction=false   # no tx\r\n")
        .runInTransaction()).isFalse();
    assertThat(DieselMetadata.read("\"run_in_transaction\" = false").runInTransaction()).isFalse();
    assertThat(DieselMetadata.read("run_in_transaction = true\n").runInTransaction()).isTrue();
    DieselMetadata ok = DieselMetadata.read("run_in_transaction = false\n");
    assertThat(ok.readable()).isTrue();
    assertThat(ok.problem()).isNull();
  }

  @Test
  void aReadableFileWithoutTheKeyMeansNoTransactionAsSerdesBoolDefault() {
    // #[serde(default)] on the bool field: false when the key is missing from a file TOML can read
    assertThat(DieselMetadata.read("").runInTransaction()).isFalse();
    assertThat(DieselMetadata.read("# just a comment\nauthor = \"ops\"\n").runInTransaction()).isFalse();
    // a key under a table is another key
    assertThat(DieselMetadata.read("[foo]\nrun_in_transaction = true\n").runInTransaction()).isFalse();
    // multi-line values are TOML, not malformed lines
    DieselMetadata multi = DieselMetadata.read(
        "tags = [\n  \"a\",\n  \"b = c\",\n]\nnote = \"\"\"\nrun_in_transaction = true\n\"\"\"\nrun_in_transaction = false\n");
    assertThat(multi.readable()).isTrue();
    assertThat(multi.runInTransaction()).isFalse();
  }

  @Test
  void noFileMeansATransaction() {
    assertThat(DieselMetadata.ABSENT.runInTransaction()).isTrue();
    assertThat(DieselMetadata.pathBeside("migrations/2024-01-31-120000_x/up.sql"))
        .isEqualTo("migrations/2024-01-31-120000_x/metadata.toml");
    assertThat(DieselMetadata.pathBeside("up.sql")).isEqualTo("metadata.toml");
  }

  @Test
  void aFileDieselCannotReadFallsBackToATransactionAndSaysLineAndWhatWasExpected() {
    DieselMetadata maybe = DieselMetadata.read("# comment\nrun_in_transaction = maybe\n");
    assertThat(maybe.runInTransaction()).isTrue();
    assertThat(maybe.problemLine()).isEqualTo(2);
    assertThat(maybe.problem()).contains("run_in_transaction = maybe").contains("expected true or false");
    assertThat(DieselMetadata.read("run_in_transaction = \"false\"").readable()).isFalse();
    assertThat(DieselMetadata.read("run_in_transaction = False").readable()).isFalse();
    DieselMetadata twice = DieselMetadata.read("run_in_transaction = false\nrun_in_transaction = false\n");
    assertThat(twice.runInTransaction()).isTrue();
    assertThat(twice.problemLine()).isEqualTo(2);
    assertThat(twice.problem()).contains("twice");
    DieselMetadata garbage = DieselMetadata.read("run_in_transaction = false\nthis is not toml\n");
    assertThat(garbage.runInTransaction()).isTrue();
    assertThat(garbage.problemLine()).isEqualTo(2);
    assertThat(DieselMetadata.read("tags = [\"a\",\n").problem()).contains("not closed");
    assertThat(DieselMetadata.read("name = \"open\n").readable()).isFalse();
  }
  @Test
  void hostileLinesAreReadWithoutBacktracking() {
    String spaces = " ".repeat(200_000);
    // a header that never closes, a key followed by a long run of blanks, deep brackets
    assertThat(DieselMetadata.read("[" + spaces + "x" + spaces).readable()).isFalse();
    assertThat(DieselMetadata.read("run_in_transaction" + spaces + "=" + spaces + "false").runInTransaction()).isFalse();
    DieselMetadata deep = DieselMetadata.read("a = " + "[".repeat(100_000));
    assertThat(deep.readable()).isFalse();
    assertThat(deep.problem()).contains("not closed");
  }
}
