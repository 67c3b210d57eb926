package dev.specgate.github.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * The App's webhook deliveries ({@code GET /app/hook/deliveries}) and redelivery
 * ({@code POST /app/hook/deliveries/{id}/attempts}), authenticated with the App JWT. GitHub API for
 * Java has no call for these, so they go through its connector (its raw HTTP layer) with its JWT
 * provider. Pages are followed only while their link stays on the configured API host.
 */
public final class HookDeliveries {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^<>]{1,2000}+)>;\\s*+rel=\"next\""); // no < inside: linear on runs of <
  private static final int MAX_PAGES = 100;

  /** One delivery attempt as GitHub lists it. */
  public record Delivery(long id, String guid, Instant deliveredAt, boolean redelivery, String status, int statusCode,
      String event, String action, long installationId) {
    /** True when our service answered it with a 2xx. */
    public boolean ok() {
      return statusCode >= 200 && statusCode < 300;
    }
  }

  private final URI apiBase;
  private final AuthorizationProvider jwt;
  private final GitHubConnector connector;

  public HookDeliveries(URI apiBase, AuthorizationProvider jwt, GitHubConnector connector) {
    String base = apiBase.toString();
    this.apiBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.jwt = jwt;
    this.connector = connector;
  }

  /** For the App {@code appId} with its private key (read by {@link PemPrivateKeys}: PKCS#1 or PKCS#8). */
  public static HookDeliveries forApp(URI apiBase, String appId, PrivateKey key) {
    return new HookDeliveries(apiBase, new JWTTokenProvider(appId, key), GitHubConnector.DEFAULT);
  }

  /** Every delivery attempt since {@code since}, newest first. */
  public List<Delivery> since(Instant since) throws IOException {
    List<Delivery> out = new ArrayList<>();
    String url = apiBase + "/app/hook/deliveries?per_page=100";
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      try (GitHubConnectorResponse r = send("GET", url)) {
        JsonNode list = JSON.readTree(r.bodyStream());
        if (list == null || !list.isArray()) throw new IOException("GET /app/hook/deliveries: expected a JSON array");
        boolean older = false;
        for (JsonNode d : list) {
          Delivery delivery = delivery(d);
          if (delivery.deliveredAt().isBefore(since)) {
            older = true;
            continue;
          }
          out.add(delivery);
        }
        url = older ? null : next(r.header("Link"));
      }
    }
    return out;
  }

  /** Asks GitHub to send delivery {@code id} again (it keeps its {@code X-GitHub-Delivery} guid). */
  public void redeliver(long id) throws IOException {
    send("POST", apiBase + "/app/hook/deliveries/" + id + "/attempts").close();
  }

  private static Delivery delivery(JsonNode d) throws IOException {
    try {
      return new Delivery(d.path("id").asLong(), d.path("guid").asText(""), Instant.parse(d.path("delivered_at").asText()),
          d.path("redelivery").asBoolean(false), d.path("status").asText(""), d.path("status_code").asInt(0),
          d.path("event").asText(""), d.path("action").asText(null), d.path("installation_id").asLong(0));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IOException("GET /app/hook/deliveries: a delivery has no valid delivered_at: " + e.getParsedString());
    }
  }

  /** The next page, only when it stays on our API host (a link elsewhere would receive our JWT). */
  private String next(String link) {
    if (link == null) return null;
    Matcher m = NEXT.matcher(link);
    if (!m.find()) return null;
    URI u = URI.create(m.group(1));
    boolean sameHost = apiBase.getScheme().equalsIgnoreCase(u.getScheme()) && apiBase.getHost().equalsIgnoreCase(u.getHost())
        && apiBase.getPort() == u.getPort();
    return sameHost ? u.toString() : null;
  }

  private GitHubConnectorResponse send(String method, String url) throws IOException {
    Request request = new Request(method, new URL(url), jwt.getEncodedAuthorization());
    GitHubConnectorResponse r;
    try {
      r = connector.send(request);
    } catch (IOException e) {
      throw new IOException(method + " " + URI.create(url).getPath() + ": GitHub at " + apiBase.getHost()
          + " is unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
    if (r.statusCode() / 100 != 2) {
      String body;
      try (InputStream in = r.bodyStream()) {
        body = in == null ? "" : new String(in.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
      } finally {
        r.close();
      }
      throw new IOException(method + " " + URI.create(url).getPath() + ": GitHub answered " + r.statusCode() + " " + message(body));
    }
    return r;
  }

  private static String message(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.hasNonNull("message")) return n.get("message").asText();
    } catch (IOException notJson) {
      // fall through
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /** A request as the library's connector takes it. */
  private record Request(String method, URL url, String authorization) implements GitHubConnectorRequest {
    @Override
    public Map<String, List<String>> allHeaders() {
      Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      h.put("Accept", List.of("application/vnd.github+json"));
      h.put("X-GitHub-Api-Version", List.of("2022-11-28"));
      if (authorization != null) h.put("Authorization", List.of(authorization));
      return h;
    }

    @Override
    public String header(String name) {
      List<String> v = allHeaders().get(name);
      return v == null ? null : v.get(0);
    }

    @Override
    public InputStream body() {
      return hasBody() ? new ByteArrayInputStream(new byte[0]) : null;
    }

    @Override
    public String contentType() {
      return hasBody() ? "application/json" : null;
    }

    @Override
    public boolean hasBody() {
      return "POST".equals(method);
    }
  }
}
