package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.engine.Report;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path-glob items: each verb on the files a glob names, whatever kind of file. */
class GlobItemsTest {
  private static final String SPEC = String.join("\n",
      "# Spec", "",
      "Do not:",
      "- change `src/reporting/**`",
      "- remove `docs/runbook.md`",
      "- rename files under `src/api/**`",
      "- add anything under `src/admin/**`",
      "");

  private static List<Finding> forbidden(String diff) throws Exception {
    Report r = Seed000.guard(SPEC, diff);
    return r.findings().stream().filter(f -> f.rule().equals("guardrail-forbidden")).toList();
  }

  @Test
  void eachVerbOnTheFilesItsGlobNames() throws Exception {
    List<Finding> found = forbidden(String.join("\n",
        "diff --git a/src/reporting/Export.java b/src/main/Export.java",
        "similarity index 100%",
        "rename from src/reporting/Export.java",
        "rename to src/main/Export.java",
        "diff --git a/docs/runbook.md b/docs/runbook.md",
        "deleted file mode 100644",
        "--- a/docs/runbook.md",
        "+++ /dev/null",
        "@@ -1 +0,0 @@",
        "-# Runbook",
        "diff --git a/src/api/Accounts.java b/src/api/AccountsV2.java",
        "similarity index 100%",
        "rename from src/api/Accounts.java",
        "rename to src/api/AccountsV2.java",
        "diff --git a/src/admin/Panel.java b/src/admin/Panel.java",
        "new file mode 100644",
        "--- /dev/null",
        "+++ b/src/admin/Panel.java",
        "@@ -0,0 +1 @@",
        "+class Panel {}",
        ""));
    assertThat(found).extracting(f -> f.file() + ":" + f.line()).containsExactlyInAnyOrder(
        "src/main/Export.java:1", "docs/runbook.md:1", "src/api/AccountsV2.java:1", "src/admin/Panel.java:1");
    assertThat(found).filteredOn(f -> f.file().equals("src/api/AccountsV2.java")).singleElement()
        .satisfies(f -> assertThat(f.message()).contains("renames it from `src/api/Accounts.java`"));
  }

  @Test
  void otherFilesAndOtherVerbsPass() throws Exception {
    assertThat(forbidden(String.join("\n",
        "--- a/src/api/Accounts.java",
        "+++ b/src/api/Accounts.java",
        "@@ -1 +1 @@",
        "-class Accounts {}",
        "+class Accounts { }",
        "--- a/docs/runbook.md",
        "+++ b/docs/runbook.md",
        "@@ -1 +1 @@",
        "-# Runbook",
        "+# Runbook (v2)",
        "--- a/src/admin/Panel.java",
        "+++ b/src/admin/Panel.java",
        "@@ -1 +1 @@",
        "-class Panel {}",
        "+class Panel { }",
        ""))).isEmpty();
  }
}
