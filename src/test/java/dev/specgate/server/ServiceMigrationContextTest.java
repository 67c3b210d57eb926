package dev.specgate.server;

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
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service fetches, besides the changed files and migrations, the files that decide how a
 * migration runs or what existed before it: the diesel metadata.toml beside a migration folder.
 * Over HTTP against the strict WireMock GitHub.
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
}
