package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.specgate.server.ServiceHarness.await;
import static dev.specgate.server.ServiceHarness.delivery;
import static dev.specgate.server.ServiceHarness.pullRequestEvent;
import static dev.specgate.server.ServiceHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specgate.engine.Analysis;
import dev.specgate.github.app.TestKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service fetches, besides the changed files and migrations, the files that decide how a
 * migration runs or what existed before it: the diesel metadata.toml beside a migration folder and
 * the schema dump that says what existed before it. Over HTTP against the strict WireMock GitHub.
 */
class ServiceMigrationContextTest {
  private static final String DIESEL = "migrations/2024-05-02-101500_accounts_email_idx/";
  private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n";
  private static final String INDEX =
      "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n";

  @TempDir Path dir;
  private final List<AutoCloseable> open = new ArrayList<>();
  private final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
  }

  private FakeGitHub github(List<FakeGitHub.RepoFile> files) throws Exception {
    FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(files);
    open.add(gh);
    return gh;
  }

  /** The annotations of the completed Check Run, as "path:line rule". */
  private List<String> annotations(List<FakeGitHub.RepoFile> files, FakeGitHub gh) throws Exception {
    ServiceApp app = ServiceApp.start(ServiceHarness.settings(dir, gh.url(), ServiceHarness.h2(dir), 2), Analysis::run,
        ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY);
    open.add(app);
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("job done", Duration.ofSeconds(30), () -> {
      try {
        return app.store().all().stream().anyMatch(j -> j.state() == JobState.DONE);
      } catch (SQLException e) {
        return false;
      }
    });
    JsonNode completed = null;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/" + FakeGitHub.RUN_ID)) {
      JsonNode b = json.readTree(p.getBodyAsString());
      if ("completed".equals(b.path("status").asText())) completed = b;
    }
    assertThat(completed).as("a PATCH completing the run").isNotNull();
    List<String> out = new ArrayList<>();
    for (JsonNode a : completed.path("output").path("annotations")) {
      out.add(a.path("path").asText() + ":" + a.path("start_line").asInt() + " " + a.path("title").asText());
    }
    return out;
  }

  private static List<FakeGitHub.RepoFile> dieselChange(boolean metadata) {
    List<FakeGitHub.RepoFile> files = new ArrayList<>(List.of(
        new FakeGitHub.RepoFile("migrations/2024-05-01-090000_accounts/up.sql", ACCOUNTS, null, null),
        new FakeGitHub.RepoFile(DIESEL + "up.sql", INDEX, "added", FakeGitHub.addedPatch(INDEX)),
        // a TOML file beside no migration is not fetched
        new FakeGitHub.RepoFile("config/metadata.toml", "run_in_transaction = true\n", null, null)));
    if (metadata) {
      files.add(new FakeGitHub.RepoFile(DIESEL + "metadata.toml", "run_in_transaction = false\n", null, null));
    }
    return files;
  }

  @Test
  void withoutMetadataTomlTheDieselMigrationRunsInATransaction() throws Exception {
    List<FakeGitHub.RepoFile> files = dieselChange(false);
    FakeGitHub gh = github(files);
    assertThat(annotations(files, gh)).anyMatch(a -> a.startsWith(DIESEL + "up.sql:2 ") && a.contains("concurrently-in-transaction"));
  }

  @Test
  void theMetadataTomlBesideTheMigrationIsFetchedAndRead() throws Exception {
    List<FakeGitHub.RepoFile> files = dieselChange(true);
    FakeGitHub gh = github(files);
    assertThat(annotations(files, gh)).noneMatch(a -> a.contains("concurrently-in-transaction"));
    FakeGitHub.RepoFile toml = files.get(3);
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/" + toml.sha())).hasSize(1);
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/" + files.get(2).sha())).isEmpty();
  }
  private static final String BASE_SCHEMA = String.join("\n",
      "SET statement_timeout = 0;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "CREATE TABLE public.accounts (id bigint NOT NULL, email character varying(255) NOT NULL, external_uuid uuid);",
      "CREATE UNIQUE INDEX index_accounts_on_external_uuid ON public.accounts USING btree (external_uuid);",
      "INSERT INTO \"schema_migrations\" (version) VALUES ('20240101000000');",
      "");

  @Test
  void anUnchangedStructureDumpIsTheSchemaThePlanStartsFrom() throws Exception {
    String spec = String.join("\n", "# Accounts keyed by uuid", "", "## Phase 1", "", "```sql",
        "ALTER TABLE accounts ALTER COLUMN email TYPE text;",
        "ALTER TABLE accounts ADD CONSTRAINT accounts_uuid_key PRIMARY KEY USING INDEX index_accounts_on_external_uuid;",
        "```", "");
    List<FakeGitHub.RepoFile> files = List.of(
        new FakeGitHub.RepoFile("db/structure.sql", BASE_SCHEMA, null, null),
        new FakeGitHub.RepoFile("db/migrate/20240401000000_uuid_key.rb", "class UuidKey < ActiveRecord::Migration[7.1]\nend\n", null, null),
        new FakeGitHub.RepoFile("docs/plans/uuid/spec.md", spec, "added", FakeGitHub.addedPatch(spec)));
    FakeGitHub gh = github(files);
    List<String> a = annotations(files, gh);
    assertThat(a).anyMatch(x -> x.startsWith("docs/plans/uuid/spec.md:7 ") && x.contains("set-not-null-scan"));
    assertThat(a).noneMatch(x -> x.startsWith("docs/plans/uuid/spec.md:6 ") && x.contains("column-type-change"));
    assertThat(a).noneMatch(x -> x.startsWith("db/structure.sql"));
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/" + files.get(0).sha())).hasSize(1);
    // a Ruby migration is not read
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/" + files.get(1).sha())).isEmpty();
  }

  @Test
  void aDumpOverTheSizeBoundIsNamedNotFetched() throws Exception {
    String spec = String.join("\n", "# Accounts keyed by uuid", "", "## Phase 1", "", "```sql",
        "ALTER TABLE accounts ALTER COLUMN email TYPE text;", "```", "");
    String huge = BASE_SCHEMA + "-- padding padding padding padding padding padding\n".repeat(110_000);
    List<FakeGitHub.RepoFile> files = List.of(
        new FakeGitHub.RepoFile("db/structure.sql", huge, null, null),
        new FakeGitHub.RepoFile("docs/plans/uuid/spec.md", spec, "added", FakeGitHub.addedPatch(spec)));
    FakeGitHub gh = github(files);
    List<String> a = annotations(files, gh);
    assertThat(a).anyMatch(x -> x.startsWith("db/structure.sql:1 ") && x.contains("internal-error"));
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/" + files.get(0).sha())).isEmpty();
  }

  @Test
  void aChangedDumpIsReadAtBase() throws Exception {
    String head = BASE_SCHEMA.replace("email character varying(255) NOT NULL", "email text NOT NULL")
        .replace("external_uuid uuid)", "external_uuid uuid NOT NULL)");
    String migration = "-- migrate:up\nALTER TABLE accounts ALTER COLUMN email TYPE text;\n"
        + "ALTER TABLE accounts ALTER COLUMN external_uuid SET NOT NULL;\n";
    String path = "db/migrations/20240501000000_accounts_uuid.sql";
    List<FakeGitHub.RepoFile> files = List.of(
        new FakeGitHub.RepoFile("db/schema.sql", head, "modified", "@@ -3 +3 @@\n-x\n+y"),
        new FakeGitHub.RepoFile(path, migration, "added", FakeGitHub.addedPatch(migration)));
    FakeGitHub gh = github(files);
    String encoded = Base64.getMimeEncoder().encodeToString(BASE_SCHEMA.getBytes(StandardCharsets.UTF_8));
    gh.wm.stubFor(get(
            urlEqualTo("/repos/acme/payments/contents/db/schema.sql?ref=" + FakeGitHub.BASE))
        .withHeader("Authorization", matching("(Bearer|token) " + FakeGitHub.TOKEN))
        .willReturn(okJson(json.createObjectNode()
            .put("type", "file").put("encoding", "base64").put("size", BASE_SCHEMA.length()).put("name", "schema.sql")
            .put("path", "db/schema.sql").put("sha", "4444444444444444444444444444444444444444").put("content", encoded)
            .toString())));
    List<String> a = annotations(files, gh);
    // at base: varchar(255) → text is in place, external_uuid was nullable
    assertThat(a).anyMatch(x -> x.startsWith(path + ":3 ") && x.contains("set-not-null-scan"));
    assertThat(a).noneMatch(x -> x.startsWith(path + ":2 ") && x.contains("column-type-change"));
    assertThat(gh.requests("GET", "/repos/acme/payments/contents/db/schema.sql")).hasSize(1);
  }
}
