package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The job store on a real PostgreSQL: replicas share one queue through FOR UPDATE SKIP LOCKED. */
class PostgresJobStoreTest {
  private static EmbeddedPostgres pg;

  @BeforeAll
  static void startPostgres() throws Exception {
    pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pg != null) pg.close();
  }

  /** A database of its own for each test, so their queues do not mix. */
  private static String freshDatabase(String name) throws Exception {
    try (java.sql.Connection c = pg.getPostgresDatabase().getConnection();
        java.sql.Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    return pg.getJdbcUrl("postgres", name);
  }

  @Test
  void twoReplicasCompetingForJobsNeverClaimTheSameOne() throws Exception {
    String url = freshDatabase("competing");
    try (JobStore a = JobStore.open(url, null, null, 6, Clock.systemUTC());
        JobStore b = JobStore.open(url, null, null, 6, Clock.systemUTC())) {
      int jobs = 200;
      for (int i = 1; i <= jobs; i++) {
        assertThat(a.accept("d-" + i, "pull_request",
            List.of(new WorkItem("acme/r" + (i % 7), 5_000_000_001L, i, String.format("%040x", i), false))))
            .isEqualTo(JobStore.Accepted.QUEUED);
      }
      Map<Long, String> claimedBy = new ConcurrentHashMap<>();
      AtomicInteger doubles = new AtomicInteger();
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        JobStore store = w % 2 == 0 ? a : b;
        String id = (w % 2 == 0 ? "replica-a-" : "replica-b-") + w;
        Thread t = new Thread(() -> {
          try {
            go.await();
            while (true) {
              Optional<Job> job = store.claim(id, Duration.ofMinutes(5));
              if (job.isEmpty()) return;
              if (claimedBy.putIfAbsent(job.get().id(), id) != null) doubles.incrementAndGet();
              assertThat(store.finish(job.get().id(), id, JobState.DONE, null)).isTrue();
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        workers.add(t);
        t.start();
      }
      go.countDown();
      for (Thread t : workers) t.join(60_000);
      assertThat(doubles.get()).isZero();
      assertThat(claimedBy).hasSize(jobs);
      assertThat(Set.copyOf(claimedBy.values()).stream().anyMatch(s -> s.startsWith("replica-a"))).isTrue();
      assertThat(Set.copyOf(claimedBy.values()).stream().anyMatch(s -> s.startsWith("replica-b"))).isTrue();
      assertThat(a.countsByState().get(JobState.DONE)).isEqualTo(jobs);
    }
  }

  @Test
  void twoServiceReplicasOnOnePostgresPostOneCheckRun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    String url = freshDatabase("replicas");
    try (FakeGitHub gh = new FakeGitHub(dev.specgate.github.app.TestKeys.keyPair()).pullRequest(List.of(
            new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", ServiceTest.V1, null, null),
            new FakeGitHub.RepoFile("db/migrations/V2__idx.sql", ServiceTest.V2, "added", FakeGitHub.addedPatch(ServiceTest.V2))));
        ServiceApp one = ServiceApp.start(ServiceHarness.settings(dir, gh.url(), url, 2),
            dev.specgate.engine.Analysis::run, ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY);
        ServiceApp two = ServiceApp.start(ServiceHarness.settings(dir, gh.url(), url, 2),
            dev.specgate.engine.Analysis::run, ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY)) {
      String payload = ServiceHarness.pullRequestEvent("synchronize", FakeGitHub.HEAD);
      String delivery = ServiceHarness.delivery();
      assertThat(ServiceHarness.send(one.port(), "pull_request", delivery, payload).statusCode()).isEqualTo(202);
      assertThat(ServiceHarness.send(two.port(), "pull_request", delivery, payload).statusCode()).isEqualTo(200);
      ServiceHarness.await("done", Duration.ofSeconds(20), () -> {
        try {
          return one.store().countsByState().get(JobState.DONE) == 1;
        } catch (java.sql.SQLException e) {
          return false;
        }
      });
      Thread.sleep(300);
      assertThat(gh.requests("POST", "/repos/acme/payments/check-runs")).hasSize(1);
      assertThat(gh.requests("POST", "/repos/acme/payments/pulls/42/reviews")).hasSize(1);
    }
  }

  @Test
  void deliveriesAndWorkAreDeduplicatedAcrossReplicas() throws Exception {
    String url = freshDatabase("dedupe");
    try (JobStore a = JobStore.open(url, null, null, 2, Clock.systemUTC());
        JobStore b = JobStore.open(url, null, null, 2, Clock.systemUTC())) {
      WorkItem w = new WorkItem("acme/dedupe", 1, 7, "abcdef1234567", false);
      assertThat(a.accept("same-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(b.accept("same-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.DUPLICATE);
      assertThat(b.accept("other-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.DEDUPLICATED);
      assertThat(a.all().stream().filter(j -> j.item().repo().equals("acme/dedupe")).count()).isEqualTo(1);
    }
  }
}
