package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Packets;
import dev.specgate.engine.Report;
import dev.specgate.packet.Packet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 004's single plan document is saved as migration-plan.md: its "Allowed:" / "Do not:" lists
 * are the packet's guardrail just as spec.md's are.
 */
class PlanDocumentGuardrailTest {
  private static final Path EXAMPLE = Path.of("examples", "org-id-migration-plan");
  private static final String GUARDRAIL = String.join("\n", "", "## AI coding guardrail", "",
      "Allowed:", "- migration files for users.org_id", "", "Do not:", "- remove the email column", "");

  private static List<SourceFile> example(String extraPlan, String extraFile, String extraSql)
      throws Exception {
    List<SourceFile> files = new ArrayList<>();
    String plan = Files.readString(EXAMPLE.resolve("migration-plan.md"), StandardCharsets.UTF_8);
    files.add(SourceFile.added("migration-plan.md", plan + extraPlan));
    for (String m : List.of("V1__add_org_id_to_users.sql", "V2__index_users_org_id.sql")) {
      files.add(SourceFile.added("db/migrations/" + m,
          Files.readString(EXAMPLE.resolve("db/migrations/" + m), StandardCharsets.UTF_8)));
    }
    if (extraFile != null) files.add(SourceFile.added(extraFile, extraSql));
    return files;
  }

  private static List<Finding> guardrail(Report r) {
    return r.findings().stream().filter(f -> f.rule().startsWith("guardrail-")).toList();
  }

  @Test
  void doNotListOfAMigrationPlanIsEnforced() throws Exception {
    Report r = Analysis.run(ChangeSet.ofPaths(example(GUARDRAIL, "db/migrations/V3__drop_email.sql",
        "SET lock_timeout = '5s';\nALTER TABLE users DROP COLUMN email;\n")), Config.defaults());
    assertThat(guardrail(r)).filteredOn(f -> f.rule().equals("guardrail-forbidden"))
        .singleElement().satisfies(f -> {
          assertThat(f.file()).isEqualTo("db/migrations/V3__drop_email.sql");
          assertThat(f.line()).isEqualTo(2);
          assertThat(f.message()).contains("Do not: remove the email column");
        });
  }

  @Test
  void aMigrationPlanWithGuardrailAndNoViolationHasNoGuardrailFinding() throws Exception {
    Report r = Analysis.run(ChangeSet.ofPaths(example(GUARDRAIL, null, null)), Config.defaults());
    assertThat(guardrail(r)).isEmpty();
    assertThat(r.findings()).as("the seed 004 example stays clean with a guardrail").isEmpty();
  }

  @Test
  void packetSummaryListsTheMigrationPlansGuardrail() throws Exception {
    Packet p = Packets.discover(ChangeSet.ofPaths(example(GUARDRAIL, null, null)), Config.defaults())
        .get(0);
    Map<String, List<String>> lists = GuardrailLists.of(p);
    assertThat(lists.get("doNot")).singleElement().satisfies(s -> assertThat(s).endsWith("remove the email column"));
    assertThat(lists.get("allowed")).hasSize(1);
  }
}
