package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentIdsTest {
  @Test
  void keepsTheLastIdsAndForgetsTheOldest() {
    RecentIds ids = new RecentIds(3);
    assertThat(ids.add("a")).isTrue();
    assertThat(ids.add("a")).isFalse();
    ids.add("b");
    ids.add("c");
    ids.add("d");
    assertThat(ids.contains("a")).as("the oldest left").isFalse();
    assertThat(ids.contains("b")).isTrue();
    assertThat(ids.contains("d")).isTrue();
    ids.remove("d");
    assertThat(ids.add("d")).as("taken back, so new again").isTrue();
    assertThat(ids.contains("b")).as("a take-back frees its place").isTrue();
  }

  @Test
  void concurrentAddsOfOneIdAdmitOnlyOne() throws Exception {
    RecentIds ids = new RecentIds(1_000);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger admitted = new AtomicInteger();
    List<Future<?>> all = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      all.add(pool.submit(() -> {
        for (int i = 0; i < 500; i++) if (ids.add("id-" + i)) admitted.incrementAndGet();
      }));
    }
    for (Future<?> f : all) f.get();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(admitted.get()).isEqualTo(500);
  }
}
