package dev.specgate.rules.guardrail;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffParser;
import dev.specgate.diff.DiffSources;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import java.util.ArrayList;
import java.util.List;

/** Seed 000's packet spec with its "AI coding guardrail", and helpers to guard a diff against it. */
final class Seed000 {
  static final String SPEC = String.join("\n",
      "# Account status schema migration",
      "",
      "Owner: Platform Data",
      "",
      "## Context",
      "",
      "- accounts has 18M rows.",
      "- status is currently inferred from closed_at and billing_pause_until.",
      "- reporting reads accounts through nightly export.",
      "",
      "## Goal",
      "",
      "- Add account_status without blocking account writes.",
      "",
      "## Non-goals",
      "",
      "- No billing state redesign.",
      "- No report schema change in this release.",
      "",
      "## AI coding guardrail",
      "",
      "Implement only the account_status migration packet.",
      "",
      "Allowed:",
      "- migration file for nullable column",
      "- batched backfill script",
      "- status mapping tests",
      "- parity check",
      "- API read flag",
      "- documentation for rollback boundary",
      "",
      "Do not:",
      "- remove closed_at",
      "- remove billing_pause_until",
      "- redesign billing status",
      "- change reporting schema",
      "- add admin status editor",
      "- rewrite account model unrelated to status reads",
      "");

  /** Line of each "Do not" item in {@link #SPEC}. */
  static final int REMOVE_CLOSED_AT = 33;
  static final int REMOVE_BILLING_PAUSE_UNTIL = 34;
  static final int REDESIGN_BILLING_STATUS = 35;
  static final int CHANGE_REPORTING_SCHEMA = 36;
  static final int ADD_ADMIN_STATUS_EDITOR = 37;
  static final int REWRITE_ACCOUNT_MODEL = 38;

  /** A change that does only what "Allowed:" lists. */
  static final String ALLOWED_DIFF = String.join("\n",
      "diff --git a/db/migrations/V7__add_account_status.sql b/db/migrations/V7__add_account_status.sql",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/db/migrations/V7__add_account_status.sql",
      "@@ -0,0 +1,2 @@",
      "+SET lock_timeout = '5s';",
      "+ALTER TABLE accounts ADD COLUMN account_status text;",
      "diff --git a/scripts/backfill_account_status.py b/scripts/backfill_account_status.py",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/scripts/backfill_account_status.py",
      "@@ -0,0 +1,4 @@",
      "+# batches of 5000 by id; reads closed_at and billing_pause_until",
      "+SQL = \"UPDATE accounts SET account_status = CASE WHEN closed_at IS NOT NULL THEN 'closed'\"",
      "+       \" WHEN billing_pause_until > now() THEN 'paused' ELSE 'active' END\"",
      "+       \" WHERE id > %s AND id <= %s\"",
      "diff --git a/src/test/java/com/acme/status/AccountStatusMappingTest.java b/src/test/java/com/acme/status/AccountStatusMappingTest.java",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/src/test/java/com/acme/status/AccountStatusMappingTest.java",
      "@@ -0,0 +1,3 @@",
      "+class AccountStatusMappingTest {",
      "+  @Test void closedAtMeansClosed() { assertEquals(CLOSED, map(account().closedAt(now()))); }",
      "+}",
      "diff --git a/scripts/account_status_parity.py b/scripts/account_status_parity.py",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/scripts/account_status_parity.py",
      "@@ -0,0 +1,2 @@",
      "+# blocks the switch when mismatch > 0.1%",
      "+MISMATCH = \"SELECT count(*) FROM accounts WHERE account_status IS DISTINCT FROM inferred_status(accounts)\"",
      "diff --git a/src/main/java/com/acme/api/AccountController.java b/src/main/java/com/acme/api/AccountController.java",
      "index 1111111..2222222 100644",
      "--- a/src/main/java/com/acme/api/AccountController.java",
      "+++ b/src/main/java/com/acme/api/AccountController.java",
      "@@ -20,3 +20,6 @@ class AccountController {",
      "   AccountView view(Account a) {",
      "+    if (featureFlags.isEnabled(\"account_status_read\")) {",
      "+      return AccountView.of(a, a.getAccountStatus());",
      "+    }",
      "     return AccountView.of(a, inference.statusOf(a));",
      "   }",
      "diff --git a/docs/account-status-rollback.md b/docs/account-status-rollback.md",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/docs/account-status-rollback.md",
      "@@ -0,0 +1,2 @@",
      "+# Rollback boundary",
      "+Before the switch: disable the flag. After it: consumers may have read account_status.",
      "");

  private Seed000() {}

  /** Guards {@code diff} against {@code spec} the way {@code specgate guard} does. */
  static Report guard(String spec, String diff) throws Exception {
    return Analysis.run(changeSet(spec, diff), Config.defaults());
  }

  static ChangeSet changeSet(String spec, String diff) throws Exception {
    List<SourceFile> files = new ArrayList<>(DiffSources.toSourceFiles(DiffParser.parse(diff)));
    files.add(SourceFile.unchanged("packets/account-status/spec.md", spec));
    return new ChangeSet(ChangeSet.Kind.DIFF, files, false);
  }

  static final String SPEC_PATH = "packets/account-status/spec.md";
}
