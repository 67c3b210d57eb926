package dev.specgate.github.app;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * The GitHub App's JSON Web Token (RS256, {@code java.security} only): {@code iat} 60 s in the
 * past against clock drift, {@code exp} 9 minutes ahead (GitHub allows at most 10), {@code iss} the
 * app id. A token is reused until a minute before it expires.
 */
public final class AppJwt {
  static final long BACKDATE_SECONDS = 60;
  static final long LIFETIME_SECONDS = 540;

  private final String appId;
  private final PrivateKey key;
  private final Clock clock;
  private String cached;
  private long cachedExp;

  public AppJwt(String appId, PrivateKey key, Clock clock) {
    this.appId = appId;
    this.key = key;
    this.clock = clock;
  }

  public String appId() {
    return appId;
  }

  public synchronized String token() {
    long now = clock.instant().getEpochSecond();
    if (cached == null || now >= cachedExp - 60) {
      cachedExp = now + LIFETIME_SECONDS;
      cached = sign(now - BACKDATE_SECONDS, cachedExp);
    }
    return cached;
  }

  /** Mints a fresh token, ignoring the cache. */
  public String mint(Instant now) {
    return sign(now.getEpochSecond() - BACKDATE_SECONDS, now.getEpochSecond() + LIFETIME_SECONDS);
  }

  private String sign(long iat, long exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String iss = appId.chars().allMatch(Character::isDigit) ? appId : "\"" + appId.replace("\"", "") + "\"";
    String claims = "{\"iat\":" + iat + ",\"exp\":" + exp + ",\"iss\":" + iss + "}";
    String payload = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    String signingInput = header + "." + payload;
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + b64.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign the GitHub App JWT: " + e.getMessage(), e);
    }
  }
}
