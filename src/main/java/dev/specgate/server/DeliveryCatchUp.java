package dev.specgate.server;

import dev.specgate.github.app.HookDeliveries;
import dev.specgate.github.app.HookDeliveries.Delivery;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings back missed deliveries, since GitHub never redelivers by itself: lists the App's recent
 * deliveries, keeps those that can mean work (see {@link WebhookEvents#relevant}), that no attempt
 * delivered and that never reached our store, and asks GitHub to send each again once. A delivery
 * already tried {@value #MAX_ATTEMPTS} times is left alone (the service is failing it: redelivering
 * more would not help).
 */
public final class DeliveryCatchUp {
  private static final Logger LOG = LoggerFactory.getLogger(DeliveryCatchUp.class);
  static final int MAX_ATTEMPTS = 3;

  /** Whether a delivery guid reached our store. */
  @FunctionalInterface
  public interface KnownDeliveries {
    boolean contains(String guid) throws Exception;

    KnownDeliveries NONE = guid -> false;
  }

  /** What one pass found and did. */
  public record Outcome(List<Delivery> missed, int redelivered, List<String> errors) {}

  private final HookDeliveries github;
  private final KnownDeliveries known;
  private final ServiceMetrics metrics;
  private final Clock clock;

  public DeliveryCatchUp(HookDeliveries github, KnownDeliveries known, ServiceMetrics metrics, Clock clock) {
    this.github = github;
    this.known = known;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Lists the deliveries of the last {@code window} and, when asked, redelivers the missed ones. */
  public Outcome run(Duration window, boolean redeliver) throws IOException {
    List<Delivery> missed = missed(github.since(clock.instant().minus(window)));
    int redelivered = 0;
    List<String> errors = new ArrayList<>();
    if (redeliver) {
      for (Delivery d : missed) {
        try {
          github.redeliver(d.id());
          redelivered++;
        } catch (IOException e) {
          errors.add("delivery " + d.guid() + ": " + e.getMessage());
        }
      }
    }
    if (metrics != null) {
      metrics.catchUp("redelivered", redelivered);
      metrics.catchUp("redelivery_failed", errors.size());
    }
    if (!missed.isEmpty()) {
      LOG.info("catch-up: {} missed delivery(ies), {} redelivered{}", missed.size(), redelivered,
          errors.isEmpty() ? "" : ", failed: " + String.join("; ", errors));
    }
    return new Outcome(missed, redelivered, errors);
  }

  /** The newest attempt of each guid that was never delivered, matters, and is unknown to the store. */
  List<Delivery> missed(List<Delivery> attempts) {
    Map<String, List<Delivery>> byGuid = new LinkedHashMap<>();
    for (Delivery d : attempts) byGuid.computeIfAbsent(d.guid(), g -> new ArrayList<>()).add(d);
    List<Delivery> out = new ArrayList<>();
    for (List<Delivery> tries : byGuid.values()) {
      if (tries.stream().anyMatch(Delivery::ok)) continue;
      Delivery newest = tries.stream().max(java.util.Comparator.comparing(Delivery::deliveredAt)).orElseThrow();
      if (!WebhookEvents.relevant(newest.event(), newest.action())) continue;
      if (tries.size() >= MAX_ATTEMPTS) continue;
      try {
        if (known.contains(newest.guid())) continue;
      } catch (Exception e) {
        LOG.warn("catch-up: cannot look up delivery {}: {}", newest.guid(), Secrets.redact(e.getMessage()));
        continue;
      }
      out.add(newest);
    }
    return out;
  }
}
