package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  @Test
  void concurrentCallersShareWritesAndEachGetsItsOwnResult() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    GroupCommit<Integer, String> group = new GroupCommit<>(batch -> {
      batchSizes.add(batch.size());
      java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // a commit
      List<String> out = new ArrayList<>();
      for (int i : batch) out.add("r" + i);
      return out;
    });
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        go.await();
        return group.submit(n);
      }));
    }
    go.countDown();
    for (int i = 0; i < 500; i++) assertThat(results.get(i).get()).isEqualTo("r" + i);
    pool.shutdown();
    assertThat(batchSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
    assertThat(batchSizes.size()).as("fewer writes than callers").isLessThan(500);
  }

  @Test
  void aFailingInputFailsOnlyItsOwnCaller() throws Exception {
    GroupCommit<Integer, Integer> group = new GroupCommit<>(batch -> {
      if (batch.contains(13)) throw new SQLException("bad input 13");
      return batch;
    });
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        go.await();
        return group.submit(n);
      }));
    }
    go.countDown();
    for (int i = 0; i < 40; i++) {
      if (i == 13) {
        int k = i;
        assertThatThrownBy(() -> results.get(k).get()).hasRootCauseMessage("bad input 13");
      } else {
        assertThat(results.get(i).get()).isEqualTo(i);
      }
    }
    pool.shutdown();
  }
}
