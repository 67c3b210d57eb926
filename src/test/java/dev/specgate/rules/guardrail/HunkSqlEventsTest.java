package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.engine.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A modified migration known only by its hunks is read through the SQL layer: a statement the
 * hunk adds whole is one statement, however it is split over lines.
 */
class HunkSqlEventsTest {
  private static List<Finding> forbiddenBy(Report r, int itemLine) {
    return r.findings().stream()
        .filter(f -> f.rule().equals("guardrail-forbidden") && f.message().contains("(line " + itemLine + ")"))
        .toList();
  }

  @Test
  void aRenameSplitOverLinesIsSeenOnItsFirstLine() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/db/migrations/V7__add_account_status.sql",
        "+++ b/db/migrations/V7__add_account_status.sql",
        "@@ -1,2 +1,5 @@",
        " ALTER TABLE accounts ADD COLUMN account_status text;",
        "+ALTER TABLE accounts",
        "+  RENAME COLUMN closed_at",
        "+  TO closed_on;",
        " CREATE INDEX CONCURRENTLY accounts_status_idx ON accounts (account_status);",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.message()).contains("renames column `accounts.closed_at` to `closed_on`");
    });
  }

  @Test
  void aDropConstraintLineInsideAnAlterIsNotAColumnDrop() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/db/migrations/V7__add_account_status.sql",
        "+++ b/db/migrations/V7__add_account_status.sql",
        "@@ -1,2 +1,3 @@",
        " ALTER TABLE accounts",
        "+  DROP CONSTRAINT closed_at_check,",
        "   ADD COLUMN account_status text;",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).isEmpty();
  }
}
