package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
  void replicasAcceptingTheSameWorkAtOnceMakeOneJobAndOneExecution() throws Exception {
    String url = freshDatabase("competing");
    try (JobStore a = JobStore.open(url, null, null, 6, Clock.systemUTC());
        JobStore b = JobStore.open(url, null, null, 6, Clock.systemUTC())) {
      int prs = 40;
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger queued = new AtomicInteger();
      AtomicInteger errors = new AtomicInteger();
      List<Thread> senders = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        JobStore store = t % 2 == 0 ? a : b;
        int sender = t;
        Thread th = new Thread(() -> {
          try {
            go.await();
            for (int pr = 1; pr <= prs; pr++) {
              WorkItem w = new WorkItem("acme/r", 5_000_000_001L, pr, String.format("%040x", pr), false);
              if (store.receive("d-" + sender + "-" + pr, "pull_request", List.of(w)) == JobStore.Accepted.QUEUED) queued.incrementAndGet();
            }
          } catch (Exception e) {
            errors.incrementAndGet();
          }
        });
        senders.add(th);
        th.start();
      }
      go.countDown();
      for (Thread t : senders) t.join(60_000);
      assertThat(errors.get()).isZero();
      assertThat(queued.get()).isEqualTo(prs);
      assertThat(a.all()).hasSize(prs);
      assertThat(b.scheduledExecutions()).hasSize(prs);
      assertThat(a.deliveryCount()).isEqualTo(8L * prs);
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
      assertThat(a.receive("same-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(b.receive("same-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.DUPLICATE);
      assertThat(b.receive("other-delivery", "pull_request", List.of(w))).isEqualTo(JobStore.Accepted.DEDUPLICATED);
      assertThat(a.all().stream().filter(j -> j.item().repo().equals("acme/dedupe")).count()).isEqualTo(1);
    }
  }
}
