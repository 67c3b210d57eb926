package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.engine.Report;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Items that name a column with its table ({@code accounts.email}) hold for that table only. */
class QualifiedItemsTest {
  private static final String SPEC = String.join("\n",
      "# Spec", "",
      "Do not:",
      "- drop `accounts.email`",
      "- rename invoices.status",
      "- change `config.yml`",
      "");

  private static List<Finding> forbidden(String diff) throws Exception {
    Report r = Seed000.guard(SPEC, diff);
    return r.findings().stream().filter(f -> f.rule().equals("guardrail-forbidden")).toList();
  }

  private static String migration(String path, String... sql) {
    StringBuilder b = new StringBuilder("diff --git a/" + path + " b/" + path + "\nnew file mode 100644\n--- /dev/null\n+++ b/"
        + path + "\n@@ -0,0 +1," + sql.length + " @@\n");
    for (String s : sql) b.append('+').append(s).append('\n');
    return b.toString();
  }

  @Test
  void theNamedTablesColumnIsHeld() throws Exception {
    List<Finding> found = forbidden(migration("db/migrations/V9__cleanup.sql",
        "ALTER TABLE accounts DROP COLUMN email;",
        "ALTER TABLE public.invoices RENAME COLUMN status TO state;"));
    assertThat(found).extracting(Finding::line).containsExactly(1, 2);
    assertThat(found.get(0).message()).contains("accounts.email");
  }

  @Test
  void theSameColumnOfAnotherTablePasses() throws Exception {
    assertThat(forbidden(migration("db/migrations/V9__cleanup.sql",
        "ALTER TABLE leads DROP COLUMN email;",
        "ALTER TABLE payments RENAME COLUMN status TO state;"))).isEmpty();
  }

  @Test
  void aDottedNameWithAFileExtensionStaysAFile() {
    assertThat(ItemMapper.qualified("config.yml", Set.of())).isEmpty();
    assertThat(ItemMapper.qualified("accounts.rb", Set.of("accounts"))).isEmpty();
    assertThat(ItemMapper.qualified("events.json", Set.of("json"))).isPresent(); // a column the migrations know
    assertThat(ItemMapper.qualified("accounts.email", Set.of())).get()
        .satisfies(id -> {
          assertThat(id.words()).containsExactly("email");
          assertThat(id.qualifier()).containsExactly("accounts");
        });
    assertThat(ItemMapper.qualified("a.b.c", Set.of())).isEmpty();
    assertThat(ItemMapper.qualified("e.g", Set.of())).isEmpty();
    assertThat(ItemMapper.qualified("src/x.email", Set.of())).isEmpty();
  }
}
