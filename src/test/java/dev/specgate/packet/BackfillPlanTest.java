package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackfillPlanTest {
  private static BackfillPlan plan(String... lines) {
    List<TextLine> out = new java.util.ArrayList<>();
    for (int i = 0; i < lines.length; i++) out.add(new TextLine(i + 1, lines[i]));
    return BackfillPlan.from(out);
  }

  @Test
  void seed001OrdersBackfillStatesAllFive() {
    BackfillPlan p = plan(
        "the 50M-row orders backfill used id-cursor pagination with 5,000-row batches, a 100ms "
            + "sleep between batches, a checkpoint table recording the last processed id, and a "
            + "kill switch readable from Redis.",
        "Expected runtime was 14 hours.");
    assertEquals(List.of(), p.missing());
    assertEquals(2, p.expectedRuntime().get().line());
  }

  @Test
  void seed000BackfillStatesNoneOfThem() {
    BackfillPlan p = plan("Fill status in batches and record row counts, mismatch counts, and runtime.");
    assertEquals(5, p.missing().size());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "batches of 5,000 rows|batch size",
      "2,000 rows at a time|batch size",
      "batch_size INT := 1000;|batch size",
      "keyed by id, 2,000 rows at a time|cursor (pagination) key",
      "walks the customers in primary-key order|cursor (pagination) key",
      "WHERE id > :last_id ORDER BY id LIMIT 2000|cursor (pagination) key",
      "It sleeps 200 ms between batches.|throttle (sleep or rate between batches)",
      "PERFORM pg_sleep(0.1);|throttle (sleep or rate between batches)",
      "the job records its last id in backfill_progress|resumability after a crash (checkpoint)",
      "We expect it to take about 90 minutes.|expected runtime",
      "batch size: 5000|batch size",
      "5000 rows per batch|batch size",
      "in chunks of 10k|batch size",
      "SELECT … LIMIT 5000|batch size",
      "cursor on id|cursor (pagination) key",
      "cursor key: id|cursor (pagination) key",
      "keyset pagination by id|cursor (pagination) key",
      "rows ordered by id|cursor (pagination) key",
      "WHERE id > :last_id|cursor (pagination) key",
      "walk primary key ranges|cursor (pagination) key",
      "sleep 100 ms between batches|throttle (sleep or rate between batches)",
      "pause 0.5 s after each batch|throttle (sleep or rate between batches)",
      "PERFORM pg_sleep(0.1)|throttle (sleep or rate between batches)",
      "throttled to 2,000 rows/s|throttle (sleep or rate between batches)",
      "the job is resumable after a crash|resumability after a crash (checkpoint)",
      "it resumes from the last checkpoint|resumability after a crash (checkpoint)",
      "restartable from any batch|resumability after a crash (checkpoint)",
      "Expected runtime: 4 hours|expected runtime",
      "takes about 4 hours on production|expected runtime",
      "completes in 90 minutes|expected runtime",
  })
  void eachElementAccepted(String line, String element) {
    assertTrue(!plan(line).missing().contains(element), () -> line + " should state " + element);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Fill status in batches.|batch size",
      "paginated|cursor (pagination) key",
      "the job is throttled|throttle (sleep or rate between batches)",
      "write an idempotent batched backfill|resumability after a crash (checkpoint)",
      "it runs overnight|expected runtime",
      "record runtime in the ticket|expected runtime",
  })
  void knowinglyRejected(String line, String element) {
    assertTrue(plan(line).missing().contains(element), () -> line + " should not state " + element);
  }
}
