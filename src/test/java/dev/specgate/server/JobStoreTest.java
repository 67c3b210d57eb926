package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded (H2 file) job store: dedupe, supersede, leases, release, re-runs, durability. */
class JobStoreTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  private final ManualClock clock = new ManualClock();

  private JobStore open() throws Exception {
    return JobStore.open(ServiceHarness.h2(dir), null, null, 4, clock);
  }

  private static WorkItem item(int pr, String sha) {
    return new WorkItem("acme/payments", 5_000_000_001L, pr, sha, false);
  }

  @Test
  void newerHeadSupersedesQueuedWorkForTheSamePullRequest() throws Exception {
    try (JobStore s = open()) {
      s.accept("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      s.accept("d2", "pull_request", List.of(item(2, "bbbbbbb")));
      s.accept("d3", "pull_request", List.of(item(1, "ccccccc")));
      List<Job> all = s.all();
      assertThat(all).extracting(j -> j.item().headSha() + ":" + j.state())
          .containsExactly("aaaaaaa:SUPERSEDED", "bbbbbbb:QUEUED", "ccccccc:QUEUED");
      Job first = s.claim("w", Duration.ofMinutes(1)).orElseThrow();
      assertThat(first.item().headSha()).isEqualTo("bbbbbbb");
      assertThat(s.superseded(all.get(0))).isTrue();
      assertThat(s.superseded(all.get(2))).isFalse();
    }
  }

  @Test
  void expiredLeaseIsClaimedAgainAfterRestart() throws Exception {
    try (JobStore s = open()) {
      s.accept("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      Job j = s.claim("dead-worker", Duration.ofSeconds(30)).orElseThrow();
      s.recordCheckRun(j.id(), 8_589_934_593L);
    }
    try (JobStore s = open()) {
      assertThat(s.claim("new-worker", Duration.ofSeconds(30))).isEmpty(); // lease still valid
      clock.now = clock.now.plusSeconds(31);
      Job again = s.claim("new-worker", Duration.ofSeconds(30)).orElseThrow();
      assertThat(again.attempts()).isEqualTo(2);
      assertThat(again.checkRunId()).isEqualTo(8_589_934_593L);
      assertThat(s.finish(again.id(), "dead-worker", JobState.DONE, null)).as("the old owner lost it").isFalse();
      assertThat(s.finish(again.id(), "new-worker", JobState.DONE, null)).isTrue();
    }
  }

  @Test
  void releasedJobIsQueuedAgainWithoutCountingTheAttempt() throws Exception {
    try (JobStore s = open()) {
      s.accept("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      Job j = s.claim("w1", Duration.ofMinutes(5)).orElseThrow();
      s.release(j.id(), "w1");
      Job again = s.claim("w2", Duration.ofMinutes(5)).orElseThrow();
      assertThat(again.id()).isEqualTo(j.id());
      assertThat(again.attempts()).isEqualTo(1);
    }
  }

  @Test
  void retryWaitsUntilItsTime() throws Exception {
    try (JobStore s = open()) {
      s.accept("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      Job j = s.claim("w", Duration.ofMinutes(5)).orElseThrow();
      s.retryLater(j.id(), "w", clock.now.plusSeconds(60), "GitHub 502");
      assertThat(s.claim("w", Duration.ofMinutes(5))).isEmpty();
      clock.now = clock.now.plusSeconds(61);
      Optional<Job> again = s.claim("w", Duration.ofMinutes(5));
      assertThat(again).isPresent();
      assertThat(again.get().lastError()).isEqualTo("GitHub 502");
    }
  }

  @Test
  void rerunQueuesFinishedWorkOnceMoreAndMarksRunningWork() throws Exception {
    try (JobStore s = open()) {
      s.accept("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      Job j = s.claim("w", Duration.ofMinutes(5)).orElseThrow();
      WorkItem rerun = new WorkItem("acme/payments", 5_000_000_001L, 1, "aaaaaaa", true);
      assertThat(s.accept("d2", "check_run", List.of(rerun))).isEqualTo(JobStore.Accepted.QUEUED);
      s.finish(j.id(), "w", JobState.DONE, null);
      assertThat(s.all().get(0).state()).as("a re-run asked for while running").isEqualTo(JobState.QUEUED);
      Job k = s.claim("w", Duration.ofMinutes(5)).orElseThrow();
      s.finish(k.id(), "w", JobState.DONE, null);
      assertThat(s.all().get(0).state()).isEqualTo(JobState.DONE);
      assertThat(s.accept("d3", "check_suite", List.of(rerun))).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(s.all().get(0).state()).isEqualTo(JobState.QUEUED);
      assertThat(s.accept("d3", "check_suite", List.of(rerun))).isEqualTo(JobStore.Accepted.DUPLICATE);
      assertThat(s.deliveryCount()).isEqualTo(3);
    }
  }

  @Test
  void newestDeliveryWinsAndTheCurrentHeadCanBeRevived() throws Exception {
    try (JobStore s = open()) {
      // delivery ids sort the other way round: arrival order, not the id, decides which head wins
      for (int i = 0; i < 20; i++) s.accept("z-" + (100 - i), "pull_request", List.of(item(1, String.format("%07x", i + 1))));
      List<Job> all = s.all();
      assertThat(all).hasSize(20);
      assertThat(all.stream().filter(j -> j.state() == JobState.QUEUED)).singleElement()
          .extracting(j -> j.item().headSha()).isEqualTo(String.format("%07x", 20));
      // a worker found that GitHub's head is an earlier one (a late delivery superseded it)
      s.enqueue(item(1, String.format("%07x", 3)));
      assertThat(s.all().stream().filter(j -> j.state() == JobState.QUEUED).map(j -> j.item().headSha()))
          .contains(String.format("%07x", 3));
    }
  }
}
