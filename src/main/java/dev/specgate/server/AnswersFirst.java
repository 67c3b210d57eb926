package dev.specgate.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets webhook answers go before job work. GitHub waits for the answer (and gives up after 10 s);
 * a job does not wait for anyone. On a small machine the workers' CPU (their GitHub calls, the
 * analysis) competed with a burst of deliveries for the cores, so a worker about to start a step
 * first waits, up to {@value #MAX_WAIT_MS} ms, while answers are being computed.
 */
final class AnswersFirst {
  static final long MAX_WAIT_MS = 50;
  private final AtomicInteger answering = new AtomicInteger();

  void answering() {
    answering.incrementAndGet();
  }

  void answered() {
    answering.decrementAndGet();
  }

  /** Called by a worker between steps: returns once no answer is being computed, or after the longest wait. */
  void yieldToAnswers() {
    if (answering.get() == 0) return;
    long deadline = System.nanoTime() + MAX_WAIT_MS * 1_000_000;
    while (answering.get() > 0 && System.nanoTime() < deadline) LockSupport.parkNanos(500_000);
  }
}
