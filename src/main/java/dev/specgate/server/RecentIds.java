package dev.specgate.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The last {@code capacity} ids added, for a duplicate check that needs no database: safe for
 * concurrent use, the oldest id leaves when a new one would exceed the capacity.
 */
final class RecentIds {
  private final int capacity;
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<String> order = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();

  RecentIds(int capacity) {
    if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
    this.capacity = capacity;
  }

  /** Adds {@code id}; false when it is among the recent ones already. */
  boolean add(String id) {
    if (!ids.add(id)) return false;
    order.add(id);
    if (size.incrementAndGet() > capacity) {
      String oldest = order.poll();
      if (oldest != null) {
        ids.remove(oldest);
        size.decrementAndGet();
      }
    }
    return true;
  }

  boolean contains(String id) {
    return ids.contains(id);
  }

  /** Takes back an {@link #add} whose delivery could not be written. */
  void remove(String id) {
    if (ids.remove(id) && order.remove(id)) size.decrementAndGet();
  }
}
