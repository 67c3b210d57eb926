package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.engine.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The issue's "done when": every item of seed 000's guardrail maps to a check, each "Do not" item
 * has a diff that violates it and is caught, and a diff inside "Allowed" passes.
 */
class SeedGuardrailTest {

  private static List<Finding> of(Report r, String rule) {
    return r.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  /** The findings of guardrail-forbidden that quote the item at {@code itemLine}. */
  private static List<Finding> forbiddenBy(Report r, int itemLine) {
    return of(r, "guardrail-forbidden").stream()
        .filter(f -> f.message().contains("(line " + itemLine + ")"))
        .toList();
  }

  @Test
  void everyItemOfTheSeedMapsToACheck() throws Exception {
    Guardrail g = GuardrailParser.parse(Seed000.SPEC_PATH, "packets/account-status", Seed000.SPEC);
    assertThat(g.allowed()).hasSize(6);
    assertThat(g.forbidden()).extracting(GuardrailItem::line).containsExactly(
        Seed000.REMOVE_CLOSED_AT, Seed000.REMOVE_BILLING_PAUSE_UNTIL,
        Seed000.REDESIGN_BILLING_STATUS, Seed000.CHANGE_REPORTING_SCHEMA,
        Seed000.ADD_ADMIN_STATUS_EDITOR, Seed000.REWRITE_ACCOUNT_MODEL);
    for (GuardrailItem item : g.forbidden()) {
      assertThat(ItemMapper.forbidden(item, java.util.Set.of()).check()).as(item.text()).isNotNull();
    }
    for (GuardrailItem item : g.allowed()) {
      assertThat(AllowedScope.of(item, dev.specgate.engine.Analysis.settingsOf(dev.specgate.engine.Config.defaults()))).as(item.text()).isNotNull();
    }
    Report r = Seed000.guard(Seed000.SPEC, Seed000.ALLOWED_DIFF);
    assertThat(of(r, "guardrail-unmapped")).isEmpty();
  }

  @Test
  void aDiffInsideAllowedPasses() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, Seed000.ALLOWED_DIFF);
    assertThat(r.findings().stream().filter(f -> f.rule().startsWith("guardrail-")).toList())
        .as("guardrail findings on the allowed diff").isEmpty();
  }

  @Test
  void removeClosedAtCatchesDropColumn() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "diff --git a/db/migrations/V8__cleanup.sql b/db/migrations/V8__cleanup.sql",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/db/migrations/V8__cleanup.sql",
        "@@ -0,0 +1,2 @@",
        "+SET lock_timeout = '5s';",
        "+ALTER TABLE accounts DROP COLUMN closed_at;",
        ""));
    List<Finding> hits = forbiddenBy(r, Seed000.REMOVE_CLOSED_AT);
    assertThat(hits).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo("db/migrations/V8__cleanup.sql");
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.message()).contains("drops column `accounts.closed_at`").contains("Do not: remove closed_at");
    });
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void removeClosedAtCatchesRemovedCodeWithoutReplacement() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "diff --git a/src/main/java/com/acme/status/StatusInference.java b/src/main/java/com/acme/status/StatusInference.java",
        "--- a/src/main/java/com/acme/status/StatusInference.java",
        "+++ b/src/main/java/com/acme/status/StatusInference.java",
        "@@ -10,4 +10,3 @@ class StatusInference {",
        "   Status statusOf(Account a) {",
        "-    if (a.getClosedAt() != null) return Status.CLOSED;",
        "     if (paused(a)) return Status.PAUSED;",
        "     return Status.ACTIVE;",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(11);
      assertThat(f.message()).contains("removed line 11 of the old version");
    });
  }

  @Test
  void aMovedReferenceIsNotARemoval() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/src/main/java/com/acme/status/StatusInference.java",
        "+++ b/src/main/java/com/acme/status/StatusInference.java",
        "@@ -10,2 +10,2 @@",
        "-    if (a.getClosedAt() != null) return Status.CLOSED;",
        "+    if (a.closed_at() != null) { return Status.CLOSED; }",
        "     return Status.ACTIVE;",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).isEmpty();
  }

  @Test
  void removeBillingPauseUntilMatchesCamelCase() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/web/src/account.ts",
        "+++ b/web/src/account.ts",
        "@@ -3,3 +3,2 @@",
        "   id: string;",
        "-  billingPauseUntil?: Date;",
        "   closedAt?: Date;",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_BILLING_PAUSE_UNTIL)).singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(4));
  }

  @Test
  void redesignBillingStatusCatchesARewrittenEnum() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/src/main/java/com/acme/billing/BillingStatus.java",
        "+++ b/src/main/java/com/acme/billing/BillingStatus.java",
        "@@ -1,5 +1,3 @@",
        " enum BillingStatus {",
        "-  TRIAL,",
        "-  PAST_DUE,",
        "-  PAUSED,",
        "+  BILLABLE,",
        " }",
        ""));
    assertThat(forbiddenBy(r, Seed000.REDESIGN_BILLING_STATUS)).singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(2));
  }

  @Test
  void changeReportingSchemaCatchesReportPathsAndReportTables() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/src/reporting/NightlyExport.java",
        "+++ b/src/reporting/NightlyExport.java",
        "@@ -7,1 +7,2 @@",
        "   columns.add(\"closed_at\");",
        "+  columns.add(\"account_status\");",
        "diff --git a/db/migrations/V9__report.sql b/db/migrations/V9__report.sql",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/db/migrations/V9__report.sql",
        "@@ -0,0 +1 @@",
        "+ALTER TABLE account_reports ADD COLUMN account_status text;",
        ""));
    assertThat(forbiddenBy(r, Seed000.CHANGE_REPORTING_SCHEMA))
        .extracting(Finding::file, Finding::line)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("src/reporting/NightlyExport.java", 8),
            org.assertj.core.groups.Tuple.tuple("db/migrations/V9__report.sql", 1));
  }

  @Test
  void addAdminStatusEditorCatchesANewFile() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "diff --git a/web/src/admin/AccountStatusForm.tsx b/web/src/admin/AccountStatusForm.tsx",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/web/src/admin/AccountStatusForm.tsx",
        "@@ -0,0 +1,2 @@",
        "+export function AccountStatusForm() {",
        "+}",
        ""));
    assertThat(forbiddenBy(r, Seed000.ADD_ADMIN_STATUS_EDITOR)).singleElement()
        .satisfies(f -> assertThat(f.file()).isEqualTo("web/src/admin/AccountStatusForm.tsx"));
  }

  @Test
  void addAdminStatusEditorCatchesADeclarationInAnExistingFile() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/web/src/pages.tsx",
        "+++ b/web/src/pages.tsx",
        "@@ -1,1 +1,2 @@",
        " import React from 'react';",
        "+export const AdminStatusEditor = () => null;",
        ""));
    assertThat(forbiddenBy(r, Seed000.ADD_ADMIN_STATUS_EDITOR)).singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(2));
  }

  @Test
  void rewriteAccountModelCatchesUnrelatedRewritesButNotStatusReads() throws Exception {
    String rewrite = String.join("\n",
        "--- a/src/main/java/com/acme/model/Account.java",
        "+++ b/src/main/java/com/acme/model/Account.java",
        "@@ -3,5 +3,3 @@",
        " class Account {",
        "-  String email;",
        "-  String name;",
        "-  Instant createdAt;",
        "+  Profile profile;",
        "   Instant closedAt;",
        "");
    assertThat(forbiddenBy(Seed000.guard(Seed000.SPEC, rewrite), Seed000.REWRITE_ACCOUNT_MODEL))
        .singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(4));

    String statusReads = String.join("\n",
        "--- a/src/main/java/com/acme/model/Account.java",
        "+++ b/src/main/java/com/acme/model/Account.java",
        "@@ -3,5 +3,5 @@",
        " class Account {",
        "-  Status status() { return inferStatus(); }",
        "-  Status inferStatus() { return legacyStatus; }",
        "-  Status legacyStatus;",
        "+  Status status() { return accountStatus != null ? accountStatus : inferStatus(); }",
        "+  Status inferStatus() { return legacyStatus; }",
        "+  Status legacyStatus, accountStatus;",
        "   Instant closedAt;",
        "");
    assertThat(forbiddenBy(Seed000.guard(Seed000.SPEC, statusReads), Seed000.REWRITE_ACCOUNT_MODEL))
        .isEmpty();
  }

  @Test
  void aFileNoAllowedItemCoversIsOutOfScope() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/src/main/java/com/acme/search/SearchIndexer.java",
        "+++ b/src/main/java/com/acme/search/SearchIndexer.java",
        "@@ -1,2 +1,1 @@",
        "-  index(a.id());",
        "   flush();",
        ""));
    assertThat(of(r, "guardrail-out-of-scope")).singleElement().satisfies(f -> {
      assertThat(f.file()).isEqualTo("src/main/java/com/acme/search/SearchIndexer.java");
      assertThat(f.line()).isEqualTo(1);
      assertThat(f.message()).contains("removed line 1 of the old version");
    });
    assertThat(r.exitCode()).as("out of scope is a warning").isZero();
  }

  @Test
  void theSameRulesRunOnAGitRangeWhosePatchesTheSourceFilled() throws Exception {
    // check --base / the service: RANGE files with content and patch; the spec edited, so in scope
    String patch = "@@ -10,3 +10,2 @@ class StatusInference {\n"
        + "   Status statusOf(Account a) {\n"
        + "-    if (a.getClosedAt() != null) return Status.CLOSED;\n"
        + "     return Status.ACTIVE;\n";
    dev.specgate.core.SourceFile code = new dev.specgate.core.SourceFile(
        "src/main/java/com/acme/status/StatusInference.java", dev.specgate.core.FileStatus.MODIFIED,
        "x\n".repeat(11), null, null, List.of(), false, patch);
    dev.specgate.core.SourceFile spec = new dev.specgate.core.SourceFile(Seed000.SPEC_PATH,
        dev.specgate.core.FileStatus.MODIFIED, Seed000.SPEC, Seed000.SPEC, null,
        List.of(new dev.specgate.core.LineRange(3, 3)), false, null);
    dev.specgate.core.ChangeSet range = new dev.specgate.core.ChangeSet(
        dev.specgate.core.ChangeSet.Kind.RANGE, List.of(code, spec), false);
    Report r = dev.specgate.engine.Analysis.run(range, dev.specgate.engine.Config.defaults());
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(11));
    assertThat(of(r, "guardrail-out-of-scope")).singleElement()
        .satisfies(f -> assertThat(f.file()).endsWith("StatusInference.java"));
  }

  @Test
  void aModifiedMigrationKnownOnlyByItsHunkIsReadLineByLine() throws Exception {
    Report r = Seed000.guard(Seed000.SPEC, String.join("\n",
        "--- a/db/migrations/V7__add_account_status.sql",
        "+++ b/db/migrations/V7__add_account_status.sql",
        "@@ -1,2 +1,3 @@",
        " ALTER TABLE accounts",
        "+  DROP COLUMN billing_pause_until,",
        "   ADD COLUMN account_status text;",
        ""));
    assertThat(forbiddenBy(r, Seed000.REMOVE_BILLING_PAUSE_UNTIL)).singleElement().satisfies(f -> {
      assertThat(f.line()).isEqualTo(2);
      assertThat(f.message()).contains("drops column `accounts.billing_pause_until`");
    });
    assertThat(forbiddenBy(r, Seed000.REMOVE_CLOSED_AT)).isEmpty();
  }

  @Test
  void sqlLineEventsReadOneLineAtATime() {
    assertThat(SqlLineEvents.of("ALTER TABLE public.accounts RENAME COLUMN closed_at TO closed_on;", null))
        .extracting(SqlEvent::verb, SqlEvent::table, SqlEvent::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Verb.RENAME, "accounts", "closed_at"));
    assertThat(SqlLineEvents.of("  DROP CONSTRAINT accounts_status_check;", "accounts"))
        .isEmpty();
    assertThat(SqlLineEvents.of("  ALTER COLUMN status DROP DEFAULT;", "accounts"))
        .extracting(SqlEvent::verb).containsExactly(Verb.CHANGE);
    assertThat(SqlLineEvents.of("DROP TABLE IF EXISTS account_reports;", null))
        .extracting(SqlEvent::name).containsExactly("account_reports");
  }

  @Test
  void aSnapshotCountsOnlyItsMigrationsAsTheChange() {
    // check PATH: every file is "added"; the tree around the migrations is not something the change did
    dev.specgate.core.ChangeSet snapshot = dev.specgate.core.ChangeSet.ofPaths(List.of(
        dev.specgate.core.SourceFile.added(Seed000.SPEC_PATH, Seed000.SPEC),
        dev.specgate.core.SourceFile.added("src/reporting/NightlyExport.java", "class NightlyExport {}\n"),
        dev.specgate.core.SourceFile.added("db/migrations/V9__report.sql",
            "ALTER TABLE account_reports ADD COLUMN account_status text;\n")));
    Report r = dev.specgate.engine.Analysis.run(snapshot, dev.specgate.engine.Config.defaults());
    assertThat(forbiddenBy(r, Seed000.CHANGE_REPORTING_SCHEMA)).extracting(Finding::file)
        .containsExactly("db/migrations/V9__report.sql");
    assertThat(of(r, "guardrail-out-of-scope")).isEmpty();
  }
}
