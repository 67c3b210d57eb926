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
  /** Deliveries come in bursts with short gaps: the quiet that counts as the burst's end. */
  static final long QUIET_NANOS = 5_000_000;
  private final AtomicInteger answering = new AtomicInteger();
  private volatile long lastAnswered = System.nanoTime() - QUIET_NANOS;

  void answering() {
    answering.incrementAndGet();
  }

  void answered() {
    lastAnswered = System.nanoTime();
    answering.decrementAndGet();
  }

  private boolean busy(long now) {
    return answering.get() > 0 || now - lastAnswered < QUIET_NANOS;
  }

  /**
   * Called by a worker between steps: returns once no answer has been computed for
   * {@value #QUIET_NANOS} ns (the burst is over), or after the longest wait.
   */
  void yieldToAnswers() {
    long now = System.nanoTime();
    if (!busy(now)) return;
    long deadline = now + MAX_WAIT_MS * 1_000_000;
    while (busy(now) && now < deadline) {
      LockSupport.parkNanos(500_000);
      now = System.nanoTime();
    }
  }
}
