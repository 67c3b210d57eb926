package dev.specgate.github.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Installation access tokens, minted with the App JWT via
 * {@code POST /app/installations/{id}/access_tokens} and cached until five minutes before the
 * {@code expires_at} GitHub states (tokens live one hour).
 */
public final class InstallationTokens {
  static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

  /** A token and when GitHub says it expires. */
  public record Token(String value, Instant expiresAt) {}

  private final AppJwt jwt;
  private final AppHttp http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final ConcurrentHashMap<Long, Token> cache = new ConcurrentHashMap<>();

  public InstallationTokens(AppJwt jwt, AppHttp http, Clock clock) {
    this.jwt = jwt;
    this.http = http;
    this.clock = clock;
  }

  public AppJwt jwt() {
    return jwt;
  }

  /** A token for the installation, minted when none is cached or the cached one nears expiry. */
  public String token(long installationId) throws GitHubCallException, InterruptedException {
    Token t = cache.get(installationId);
    if (t != null && clock.instant().isBefore(t.expiresAt().minus(REFRESH_MARGIN))) return t.value();
    Token fresh = mint(installationId);
    cache.put(installationId, fresh);
    return fresh.value();
  }

  /** Drops a cached token GitHub rejected (401), so the next call mints a new one. */
  public void invalidate(long installationId) {
    cache.remove(installationId);
  }

  private Token mint(long installationId) throws GitHubCallException, InterruptedException {
    AppHttp.Response r = http.send(
        "POST", "/app/installations/" + installationId + "/access_tokens", "Bearer " + jwt.token(), "{}", null);
    AppHttp.expectOk("minting an installation token for installation " + installationId, r);
    try {
      JsonNode body = json.readTree(r.body());
      String token = body.path("token").asText("");
      if (token.isEmpty()) {
        throw new GitHubCallException("GitHub returned no token for installation " + installationId, r.status(), false, null);
      }
      Instant expires = body.hasNonNull("expires_at")
          ? Instant.parse(body.get("expires_at").asText())
          : clock.instant().plus(Duration.ofHours(1));
      return new Token(token, expires);
    } catch (IOException | java.time.format.DateTimeParseException e) {
      throw new GitHubCallException("unreadable installation token response: " + e.getMessage(), r.status(), false, null);
    }
  }
}
