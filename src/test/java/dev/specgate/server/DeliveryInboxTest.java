package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded store's intake: acknowledge after one journal write, store behind, read back what a dead process left. */
class DeliveryInboxTest {
  @TempDir Path dir;

  private JobStore openStore() throws Exception {
    return JobStore.open(ServiceHarness.h2(dir), null, null, 4, Clock.systemUTC());
  }

  private static WorkItem item(int pr, String sha) {
    return new WorkItem("acme/payments", 5_000_000_001L, pr, sha, false);
  }

  private Path inboxDir() {
    return dir.resolve("inbox");
  }

  private static void awaitStored(DeliveryInbox inbox) throws InterruptedException {
    ServiceHarness.await("the inbox is stored", Duration.ofSeconds(10), () -> inbox.pending() == 0);
  }

  private List<Path> journalFiles() throws IOException {
    try (Stream<Path> s = Files.list(inboxDir())) {
      return s.filter(p -> p.getFileName().toString().startsWith("deliveries-")).sorted().toList();
    }
  }

  @Test
  void acknowledgedDeliveriesReachTheStoreAndRepeatsAreDuplicates() throws Exception {
    try (JobStore store = openStore(); DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst())) {
      assertThat(inbox.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")))).isEqualTo(JobStore.Accepted.QUEUED);
      assertThat(inbox.knows("d1")).as("known while pending").isTrue();
      assertThat(inbox.receive("d2", "pull_request", List.of(item(1, "aaaaaaa")))).isEqualTo(JobStore.Accepted.QUEUED);
      awaitStored(inbox);
      assertThat(store.knows("d1")).isTrue();
      assertThat(store.knows("d2")).isTrue();
      assertThat(store.all()).as("the same head is one job").hasSize(1);
      assertThat(inbox.receive("d1", "pull_request", List.of(item(1, "aaaaaaa")))).isEqualTo(JobStore.Accepted.DUPLICATE);
      assertThat(inbox.knows("d3")).isFalse();
    }
    assertThat(journalFiles()).as("all it held is stored: nothing for the next start").isEmpty();
  }

  @Test
  void aRepeatOfAnIdStoredBeforeThisProcessIsDroppedByTheStore() throws Exception {
    try (JobStore store = openStore()) {
      store.receive("d0", "pull_request", List.of(item(1, "aaaaaaa")));
      ServiceMetrics metrics = new ServiceMetrics();
      try (DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, metrics, new AnswersFirst())) {
        assertThat(inbox.knows("d0")).as("the catch-up asks the store").isTrue();
        // not among the ids this process took in: written, then dropped by the store
        assertThat(inbox.receive("d0", "pull_request", List.of(item(2, "bbbbbbb")))).isEqualTo(JobStore.Accepted.QUEUED);
        awaitStored(inbox);
        assertThat(store.all()).extracting(j -> j.item().prNumber()).containsExactly(1);
        assertThat(metrics.scrape()).contains("specgate_inbox_stored_total{outcome=\"duplicate\"} 1.0");
      }
    }
  }

  @Test
  void theJournalIsEmptiedOnceAllItHoldsIsStored() throws Exception {
    try (JobStore store = openStore(); DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst())) {
      int pr = 0;
      while (Files.size(journalFiles().get(0)) < 64 * 1024) {
        pr++;
        inbox.receive("d" + pr, "pull_request", List.of(item(pr, "aaaaaaa")));
      }
      awaitStored(inbox);
      inbox.receive("last", "pull_request", List.of(item(pr + 1, "aaaaaaa")));
      assertThat(journalFiles()).hasSize(1);
      assertThat(Files.size(journalFiles().get(0))).as("emptied before the write").isLessThan(1024);
      awaitStored(inbox);
      assertThat(store.all()).hasSize(pr + 1);
    }
  }

  @Test
  void whatADeadProcessLeftInTheJournalIsStoredAtOpenAndNotTwice() throws Exception {
    Files.createDirectories(inboxDir());
    ByteArrayOutputStream journal = new ByteArrayOutputStream();
    journal.write(InboxJournal.line(new JobStore.Delivery("d1", "pull_request", List.of(item(1, "aaaaaaa")))));
    journal.write(InboxJournal.line(new JobStore.Delivery("d2", "check_suite", List.of(item(2, "bbbbbbb"), item(3, "ccccccc")))));
    Files.write(inboxDir().resolve("deliveries-7.jsonl"), journal.toByteArray());
    try (JobStore store = openStore()) {
      store.receive("d1", "pull_request", List.of(item(1, "aaaaaaa"))); // stored before the process died
      try (DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst())) {
        assertThat(store.all()).extracting(j -> j.item().prNumber()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(store.deliveryCount()).isEqualTo(2);
        assertThat(store.scheduledExecutions()).hasSize(3);
        assertThat(journalFiles()).as("read back, then deleted; the next file follows on")
            .extracting(p -> p.getFileName().toString()).containsExactly("deliveries-8.jsonl");
        assertThat(inbox.receive("d2", "check_suite", List.of(item(2, "bbbbbbb"))))
            .as("an id read back is among the recent ones").isEqualTo(JobStore.Accepted.DUPLICATE);
      }
    }
  }

  @Test
  void aTornLastLineIsLeftOutAndAnUnreadableLineKeepsItsFile() throws Exception {
    Files.createDirectories(inboxDir());
    byte[] good = InboxJournal.line(new JobStore.Delivery("d1", "pull_request", List.of(item(1, "aaaaaaa"))));
    byte[] torn = "{\"id\":\"d9\",\"event\":\"pull_re".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    first.write(good);
    first.write(torn);
    Files.write(inboxDir().resolve("deliveries-0.jsonl"), first.toByteArray());
    String bad = "{\"id\":\"d5\",\"event\":\"pull_request\",\"items\":[{\"repo\":\"acme/payments\",\"installationId\":1,"
        + "\"headSha\":\"aaaaaaa\",\"rerun\":false}]}\n"; // no prNumber
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    second.write(bad.getBytes(StandardCharsets.UTF_8));
    second.write(InboxJournal.line(new JobStore.Delivery("d6", "pull_request", List.of(item(6, "fffffff")))));
    Files.write(inboxDir().resolve("deliveries-1.jsonl"), second.toByteArray());
    try (JobStore store = openStore(); DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst())) {
      assertThat(store.all()).extracting(j -> j.item().prNumber()).containsExactlyInAnyOrder(1, 6);
      assertThat(inboxDir().resolve("deliveries-1.jsonl.unreadable")).as("kept for the operator").exists();
      assertThat(Files.readString(inboxDir().resolve("deliveries-1.jsonl.unreadable"))).startsWith(bad);
      assertThat(inboxDir().resolve("deliveries-0.jsonl")).doesNotExist();
    }
  }

  @Test
  void zerosOfALineNeverWrittenAndAFragmentOfAFailedWriteAreLeftOut() throws Exception {
    Files.createDirectories(inboxDir());
    ByteArrayOutputStream journal = new ByteArrayOutputStream();
    journal.write(new byte[40]); // a line reserved, never written: the process died first
    journal.write(InboxJournal.line(new JobStore.Delivery("d1", "pull_request", List.of(item(1, "aaaaaaa")))));
    byte[] second = InboxJournal.line(new JobStore.Delivery("d2", "pull_request", List.of(item(2, "bbbbbbb"))));
    journal.write(second, 0, 25); // a write that failed part way
    journal.write(new byte[second.length - 25]);
    journal.write(InboxJournal.line(new JobStore.Delivery("d3", "pull_request", List.of(item(3, "ccccccc")))));
    Files.write(inboxDir().resolve("deliveries-0.jsonl"), journal.toByteArray());
    try (JobStore store = openStore(); DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst())) {
      assertThat(store.all()).extracting(j -> j.item().prNumber()).containsExactlyInAnyOrder(1, 3);
      assertThat(inboxDir().resolve("deliveries-0.jsonl.unreadable")).doesNotExist();
    }
  }

  @Test
  void concurrentAnswersEachWriteAWholeLine() throws Exception {
    try (JobStore store = openStore()) {
      DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst());
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
      List<java.util.concurrent.Future<JobStore.Accepted>> answers = new java.util.ArrayList<>();
      for (int pr = 1; pr <= 2_000; pr++) {
        int n = pr;
        answers.add(pool.submit(() -> inbox.receive("d" + n, "pull_request", List.of(item(n, "aaaaaaa")))));
      }
      for (java.util.concurrent.Future<JobStore.Accepted> a : answers) assertThat(a.get()).isEqualTo(JobStore.Accepted.QUEUED);
      pool.shutdown();
      // what the journal holds now (some of it may have been emptied once stored) is whole lines only
      com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
      for (Path f : journalFiles()) {
        for (String line : Files.readAllLines(f)) {
          assertThat(json.readValue(line, JobStore.Delivery.class).items()).hasSize(1);
        }
      }
      inbox.close();
      assertThat(store.all()).hasSize(2_000);
    }
  }

  @Test
  void closeStoresWhatIsPendingAndASecondProcessCannotShareTheFolder() throws Exception {
    try (JobStore store = openStore()) {
      DeliveryInbox inbox = DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst());
      for (int pr = 1; pr <= 300; pr++) {
        assertThat(inbox.receive("d" + pr, "pull_request", List.of(item(pr, "aaaaaaa")))).isEqualTo(JobStore.Accepted.QUEUED);
      }
      assertThatThrownBy(() -> DeliveryInbox.open(inboxDir(), store, new ServiceMetrics(), new AnswersFirst()))
          .isInstanceOf(IOException.class).hasMessageContaining("in use by another specgate process");
      inbox.close();
      assertThat(store.all()).hasSize(300);
      assertThat(inbox.pending()).isZero();
      assertThatThrownBy(() -> inbox.receive("d301", "pull_request", List.of(item(301, "aaaaaaa"))))
          .isInstanceOf(IOException.class).hasMessageContaining("stopping");
    }
  }
}
