package dev.specgate.server;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Group commit without a thread of its own: callers that arrive while a batch is being written
 * wait; the first of them then writes everything that waited in one transaction and hands the
 * lead on. A burst of deliveries thus costs a few commits instead of one each, which is what
 * keeps the acknowledgement fast on a small machine.
 *
 * @param <I> one caller's input
 * @param <R> its result
 */
final class GroupCommit<I, R> {
  /** Writes a batch in one transaction; returns one result per input, in order. */
  interface Writer<I, R> {
    List<R> write(List<I> batch) throws SQLException;
  }

  private static final int MAX_BATCH = 256;
  private static final Object LEAD = new Object();
  private static final Object WRITTEN = new Object();

  private static final class Waiting<I> {
    final I input;
    /** Completed with {@link #WRITTEN} once the input is written, or {@link #LEAD} to make its caller write. */
    final CompletableFuture<Object> signal = new CompletableFuture<>();
    volatile boolean written;
    Object result;
    Exception error;

    Waiting(I input) {
      this.input = input;
    }
  }

  private final Writer<I, R> writer;
  private final ArrayDeque<Waiting<I>> queue = new ArrayDeque<>();
  private boolean leading;

  GroupCommit(Writer<I, R> writer) {
    this.writer = writer;
  }

  @SuppressWarnings("unchecked")
  R submit(I input) throws SQLException {
    Waiting<I> me = new Waiting<>(input);
    boolean lead;
    synchronized (this) {
      queue.add(me);
      lead = !leading;
      leading = true;
    }
    if (!lead && await(me) == LEAD) lead = true;
    if (lead) {
      // write what waits, this caller's input among it, then pass the lead to the next in line
      while (!me.written) {
        List<Waiting<I>> batch = new ArrayList<>();
        synchronized (this) {
          while (!queue.isEmpty() && batch.size() < MAX_BATCH) batch.add(queue.poll());
        }
        writeBatch(batch);
      }
      synchronized (this) {
        Waiting<I> next = queue.peek();
        if (next == null) leading = false;
        else next.signal.complete(LEAD);
      }
    }
    if (me.error instanceof SQLException e) throw e;
    if (me.error instanceof RuntimeException e) throw e;
    return (R) me.result;
  }

  private void writeBatch(List<Waiting<I>> batch) {
    if (batch.isEmpty()) return;
    List<I> inputs = new ArrayList<>();
    for (Waiting<I> w : batch) inputs.add(w.input);
    try {
      List<R> results = writer.write(inputs);
      for (int i = 0; i < batch.size(); i++) done(batch.get(i), results.get(i), null);
    } catch (SQLException | RuntimeException e) {
      if (batch.size() == 1) {
        done(batch.get(0), null, e);
        return;
      }
      // one bad input must not fail the others: write them one by one
      for (Waiting<I> w : batch) writeBatch(List.of(w));
    }
  }

  private static void done(Waiting<?> w, Object result, Exception error) {
    w.result = result;
    w.error = error;
    w.written = true;
    w.signal.complete(WRITTEN);
  }

  private static Object await(Waiting<?> w) throws SQLException {
    try {
      return w.signal.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while the delivery was stored", e);
    } catch (ExecutionException e) {
      throw new SQLException(String.valueOf(e.getCause()), e.getCause());
    }
  }
}
