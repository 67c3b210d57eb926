package dev.specgate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import dev.specgate.rules.RuleRegistry;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SARIF output checked against the official SARIF 2.1.0 JSON schema (a test resource, offline). */
class SarifRendererTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    try (InputStream in = SarifRendererTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      assertThat(in).as("the SARIF schema test resource").isNotNull();
      SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
    }
  }

  private static Set<ValidationMessage> validate(JsonNode sarif) {
    return schema.validate(sarif);
  }

  private static JsonNode render(Report report, Optional<URI> docs) throws Exception {
    return JSON.readTree(SarifRenderer.render(report, SampleReports.changes(), SampleReports.rules(), docs, "1.2.3"));
  }

  @Test
  void outputIsValidSarif210() throws Exception {
    JsonNode sarif = render(SampleReports.report(), Optional.of(URI.create("https://github.com/acme/specgate/blob/v1/")));
    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).isEqualTo(SarifRenderer.SCHEMA);
  }

  @Test
  void theValidatorDoesRejectBrokenSarif() throws Exception {
    ObjectNode sarif = (ObjectNode) render(SampleReports.report(), Optional.empty());
    sarif.put("version", "2.0.0");
    ((ObjectNode) sarif.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    ((ObjectNode) sarif.path("runs").get(0).path("results").get(0).path("locations").get(0)
        .path("physicalLocation").path("region")).put("startLine", 0);
    assertThat(validate(sarif)).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void rulesCarryDescriptionsHelpAndHelpUri() throws Exception {
    JsonNode rules = render(SampleReports.report(), Optional.of(URI.create("https://github.com/acme/specgate/blob/v1/")))
        .path("runs").get(0).path("tool").path("driver").path("rules");
    JsonNode nf = rules.get(0);
    assertThat(nf.path("id").asText()).isEqualTo("nullable-first");
    assertThat(nf.path("name").asText()).isEqualTo("NullableFirst");
    assertThat(nf.path("shortDescription").path("text").asText()).isEqualTo("ADD COLUMN NOT NULL without DEFAULT on an existing table");
    assertThat(nf.path("fullDescription").path("text").asText()).isNotBlank();
    assertThat(nf.path("help").path("text").asText()).contains("nullable-first");
    assertThat(nf.path("help").path("markdown").asText()).contains("nullable-first");
    assertThat(nf.path("helpUri").asText()).isEqualTo("https://github.com/acme/specgate/blob/v1/docs/rules/nullable-first.md");
    assertThat(nf.path("defaultConfiguration").path("level").asText()).isEqualTo("error");
    // a finding of an id that is not a registered rule still gets a descriptor
    assertThat(rules).extracting(r -> r.path("id").asText())
        .containsExactly("nullable-first", "index-not-concurrent", "spec-missing-rollback");
  }

  @Test
  void withoutADocsUrlNoHelpUriIsInvented() throws Exception {
    JsonNode rules = render(SampleReports.report(), Optional.empty()).path("runs").get(0).path("tool").path("driver").path("rules");
    assertThat(rules.get(0).has("helpUri")).isFalse();
  }

  @Test
  void resultsHaveRuleLevelMessageRelativeLocationRegionAndFingerprint() throws Exception {
    JsonNode results = render(SampleReports.report(), Optional.empty()).path("runs").get(0).path("results");
    assertThat(results).hasSize(3);
    JsonNode r = results.get(0);
    assertThat(r.path("ruleId").asText()).isEqualTo("nullable-first");
    assertThat(r.path("ruleIndex").asInt()).isEqualTo(0);
    assertThat(r.path("level").asText()).isEqualTo("error");
    assertThat(r.path("message").path("text").asText()).startsWith("column `status` is added NOT NULL");
    JsonNode loc = r.path("locations").get(0).path("physicalLocation");
    assertThat(loc.path("artifactLocation").path("uri").asText()).isEqualTo("db/migrations/V7__add%20status.sql");
    assertThat(loc.path("region").path("startLine").asInt()).isEqualTo(2);
    assertThat(loc.path("region").path("endLine").asInt()).isEqualTo(3);
    assertThat(r.path("partialFingerprints").path(SarifRenderer.FINGERPRINT_KEY).asText()).hasSize(32);
    assertThat(results.get(2).path("level").asText()).isEqualTo("warning");
    assertThat(results.get(2).path("ruleIndex").asInt()).isEqualTo(2);
  }

  @Test
  void fingerprintsSurviveLinesInsertedAbove() throws Exception {
    JsonNode before = render(SampleReports.report(), Optional.empty());
    dev.specgate.core.ChangeSet shifted = dev.specgate.core.ChangeSet.ofPaths(List.of(
        dev.specgate.core.SourceFile.added(SampleReports.MIGRATION, "-- a comment\n\n" + SampleReports.MIGRATION_SQL)));
    Report moved = new Report(List.of(
            new dev.specgate.core.Finding("nullable-first", Severity.ERROR,
                dev.specgate.core.Location.lines(SampleReports.MIGRATION, 4, 5),
                SampleReports.nullableFirst().message(), "", "")),
        List.of(), List.of(), 1, 1, Severity.ERROR);
    JsonNode after = JSON.readTree(SarifRenderer.render(moved, shifted, SampleReports.rules(), Optional.empty(), null));
    assertThat(after.path("runs").get(0).path("results").get(0).path("partialFingerprints"))
        .isEqualTo(before.path("runs").get(0).path("results").get(0).path("partialFingerprints"));
    assertThat(before.path("runs").get(0).path("results").get(0).path("partialFingerprints"))
        .isNotEqualTo(before.path("runs").get(0).path("results").get(1).path("partialFingerprints"));
  }

  @Test
  void everyRegisteredRuleRendersValidSarif() throws Exception {
    Report empty = new Report(List.of(), List.of(), List.of(), 0, 0, Severity.ERROR);
    JsonNode sarif = JSON.readTree(SarifRenderer.render(empty, SampleReports.changes(), RuleRegistry.all(),
        Optional.of(URI.create("https://github.com/acme/specgate/blob/main/")), null));
    assertThat(validate(sarif)).isEmpty();
    assertThat(sarif.path("runs").get(0).path("tool").path("driver").path("rules")).hasSize(RuleRegistry.all().size());
  }
}
