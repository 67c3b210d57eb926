package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded (H2 file) job store: dedupe, supersede, runs, stalls, re-runs, durability, any number of PRs. */
class JobStoreTest {
  @TempDir Path dir;

  private JobStore open() throws Exception {
    return JobStore.open(ServiceHarness.h2(dir), null, null, 4, Clock.systemUTC());
  }

  private static WorkItem item(int pr, String sha) {
    return new WorkItem("acme/payments", 5_000_000_001L, pr, sha, false);
  }

  @Test
  void newerHeadSupersedesQueuedWorkForTheSamePullRequest() throws Exception {
    try (JobStore s = open()) {
      s.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      s.receive("d2", "pull_request", List.of(item(2, "bbbbbbb")));
      s.receive("d3", "pull_request", List.of(item(1, "ccccccc")));
      List<Job> all = s.all();
      assertThat(all).extracting(j -> j.item().headSha() + ":" + j.state())
          .containsExactly("aaaaaaa:SUPERSEDED", "bbbbbbb:QUEUED", "ccccccc:QUEUED");
      assertThat(s.scheduledExecutions()).containsExactlyInAnyOrder(
          JobStore.instanceId(all.get(0).id(), 0), JobStore.instanceId(all.get(1).id(), 0), JobStore.instanceId(all.get(2).id(), 0));
      assertThat(s.begin(JobStore.instanceId(all.get(0).id(), 0))).as("superseded work is not run").isEmpty();
      assertThat(s.superseded(all.get(0))).isTrue();
      assertThat(s.superseded(all.get(2))).isFalse();
    }
  }

  @Test
  void aRunThatNeverEndedCountsAsAStallAfterRestart() throws Exception {
    String run;
    try (JobStore s = open()) {
      s.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      run = s.scheduledExecutions().get(0);
      Job j = s.begin(run).orElseThrow();
      assertThat(j.attempts()).isEqualTo(1);
      assertThat(j.stalls()).isZero();
      s.recordCheckRun(j.id(), 8_589_934_593L);
    } // the process "died" with the job RUNNING
    try (JobStore s = open()) {
      Job again = s.begin(run).orElseThrow();
      assertThat(again.attempts()).isEqualTo(2);
      assertThat(again.stalls()).isEqualTo(1);
      assertThat(again.checkRunId()).isEqualTo(8_589_934_593L);
      s.finish(again.id(), JobState.DONE, null);
      assertThat(s.all().get(0).state()).isEqualTo(JobState.DONE);
    }
  }

  @Test
  void releasedJobIsQueuedAgainWithoutCountingTheAttempt() throws Exception {
    try (JobStore s = open()) {
      s.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      String run = s.scheduledExecutions().get(0);
      Job j = s.begin(run).orElseThrow();
      s.release(j.id());
      Job again = s.begin(run).orElseThrow();
      assertThat(again.attempts()).isEqualTo(1);
      assertThat(again.stalls()).isZero();
    }
  }

  @Test
  void rerunQueuesFinishedWorkOnceMoreAndMarksRunningWork() throws Exception {
    try (JobStore s = open()) {
      s.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")));
      String first = s.scheduledExecutions().get(0);
      Job j = s.begin(first).orElseThrow();
      WorkItem rerun = new WorkItem("acme/payments", 5_000_000_001L, 1, "aaaaaaa", true);
      assertThat(s.receive("d2", "check_run", List.of(rerun))).as("marked while running").isEqualTo(JobStore.Accepted.DEDUPLICATED);
      s.finish(j.id(), JobState.DONE, null);
      assertThat(s.all().get(0).state()).as("a re-run asked for while running").isEqualTo(JobState.QUEUED);
      String second = JobStore.instanceId(j.id(), 1);
      assertThat(s.scheduledExecutions()).contains(second);
      assertThat(s.begin(first)).as("the old execution is not the current run").isEmpty();
      Job k = s.begin(second).orElseThrow();
      assertThat(k.checkRunId()).as("a fresh Check Run").isZero();
      s.finish(k.id(), JobState.DONE, null);
      assertThat(s.all().get(0).state()).isEqualTo(JobState.DONE);
      assertThat(s.receive("d3", "check_suite", List.of(rerun))).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(s.all().get(0).state()).isEqualTo(JobState.QUEUED);
      assertThat(s.receive("d3", "check_suite", List.of(rerun))).isEqualTo(JobStore.Accepted.DUPLICATE);
      assertThat(s.deliveryCount()).isEqualTo(3);
      assertThat(s.knows("d3")).isTrue();
      assertThat(s.knows("d4")).isFalse();
    }
  }

  @Test
  void newestDeliveryWinsAndTheCurrentHeadCanBeRevived() throws Exception {
    try (JobStore s = open()) {
      // delivery ids sort the other way round: arrival order, not the id, decides which head wins
      for (int i = 0; i < 20; i++) s.receive("z-" + (100 - i), "pull_request", List.of(item(1, String.format("%07x", i + 1))));
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

  @Test
  void aCheckSuiteListingAnyNumberOfPullRequestsFits() throws Exception {
    try (JobStore s = open()) {
      List<WorkItem> items = new ArrayList<>();
      for (int pr = 1; pr <= 500; pr++) items.add(new WorkItem("acme/a-repository-with-a-long-name", 5_000_000_001L, 1_000_000 + pr,
          "0123456789abcdef0123456789abcdef01234567", true));
      assertThat(s.receive("suite", "check_suite", items)).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(s.all()).hasSize(500);
      assertThat(s.scheduledExecutions()).hasSize(500);
    }
  }
}
