package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswersFirstTest {
  @Test
  void aWorkerWaitsWhileAnAnswerIsComputedAndGoesOnAfterIt() throws Exception {
    AnswersFirst answers = new AnswersFirst();
    CompletableFuture.runAsync(answers::yieldToAnswers).get(1, TimeUnit.SECONDS); // nobody answering: no wait
    answers.answering();
    CompletableFuture<Void> worker = CompletableFuture.runAsync(() -> {
      for (int i = 0; i < 1000; i++) answers.yieldToAnswers(); // a long burst: the worker keeps waiting
    });
    Thread.sleep(200);
    assertThat(worker).as("held back while the answer is computed").isNotDone();
    answers.answered();
    worker.get(5, TimeUnit.SECONDS);
  }

  @Test
  void aWorkerIsNeverHeldLongerThanTheLongestWait() throws Exception {
    AnswersFirst answers = new AnswersFirst();
    answers.answering(); // never answered
    long start = System.nanoTime();
    CompletableFuture.runAsync(answers::yieldToAnswers).get(5, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(AnswersFirst.MAX_WAIT_MS);
  }
}
