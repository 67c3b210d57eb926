package dev.specgate.github.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubException;
import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The App's webhook deliveries ({@code GET /app/hook/deliveries}) and redelivery ({@code POST
 * /app/hook/deliveries/{id}/attempts}). GitHub API for Java has no call for these, so they go
 * through {@link GitHubApi}'s raw requests as the App ({@link GitHubApps#app()}: our {@link
 * AppJwt}, the host guard, the rate-limit handling and the metrics of every other call). Pages are
 * followed only while they stay on the API host and within the time asked for.
 */
public final class HookDeliveries {
  private static final String LIST = "/app/hook/deliveries?per_page=100";

  /** One delivery attempt as GitHub lists it. */
  public record Delivery(long id, String guid, Instant deliveredAt, boolean redelivery, String status, int statusCode,
      String event, String action, long installationId) {
    /** True when our service answered it with a 2xx. */
    public boolean ok() {
      return statusCode >= 200 && statusCode < 300;
    }
  }

  private final GitHubApi app;

  /** Through the App's client ({@link GitHubApps#app()}). */
  public HookDeliveries(GitHubApi app) {
    this.app = app;
  }

  /**
   * For the App {@code appId} with its private key (read by {@link PemPrivateKeys}: PKCS#1 or
   * PKCS#8), without metrics: for {@code specgate deliveries}.
   */
  public static HookDeliveries forApp(URI apiBase, String appId, PrivateKey key) {
    return new HookDeliveries(new GitHubApps(apiBase, new AppJwt(appId, key, Clock.systemUTC()), CallPolicy.action(),
        GitHubApi.Observer.NONE).app());
  }

  /** Every delivery attempt since {@code since}, newest first. */
  public List<Delivery> since(Instant since) throws IOException {
    List<Delivery> out = new ArrayList<>();
    try {
      // GitHub lists newest first: a page reaching before `since` is the last one needed
      for (JsonNode page : app.getPages(LIST, page -> !reachesBefore(page, since))) {
        if (!page.isArray()) throw new IOException("GET /app/hook/deliveries: expected a JSON array");
        for (JsonNode d : page) {
          Delivery delivery = delivery(d);
          if (!delivery.deliveredAt().isBefore(since)) out.add(delivery);
        }
      }
    } catch (GitHubException e) {
      throw new IOException(e.getMessage(), e);
    }
    return out;
  }

  /** Asks GitHub to send delivery {@code id} again (it keeps its {@code X-GitHub-Delivery} guid). */
  public void redeliver(long id) throws IOException {
    try {
      app.send("POST", "/app/hook/deliveries/" + id + "/attempts", null);
    } catch (GitHubException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static boolean reachesBefore(JsonNode page, Instant since) {
    for (JsonNode d : page) {
      try {
        if (Instant.parse(d.path("delivered_at").asText()).isBefore(since)) return true;
      } catch (DateTimeParseException e) {
        return false; // reported when the page is read
      }
    }
    return false;
  }

  private static Delivery delivery(JsonNode d) throws IOException {
    try {
      return new Delivery(d.path("id").asLong(), d.path("guid").asText(""), Instant.parse(d.path("delivered_at").asText()),
          d.path("redelivery").asBoolean(false), d.path("status").asText(""), d.path("status_code").asInt(0),
          d.path("event").asText(""), d.path("action").asText(null), d.path("installation_id").asLong(0));
    } catch (DateTimeParseException e) {
      throw new IOException("GET /app/hook/deliveries: a delivery has no valid delivered_at: " + e.getParsedString());
    }
  }
}
