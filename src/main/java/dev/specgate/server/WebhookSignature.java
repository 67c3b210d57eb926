package dev.specgate.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body) in constant time. */
public final class WebhookSignature {
  private static final String PREFIX = "sha256=";
  private final SecretKeySpec key;

  public WebhookSignature(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  public boolean valid(String header, byte[] body) {
    if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) return false;
    byte[] given;
    try {
      given = HexFormat.of().parseHex(header.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(sign(body), given);
  }

  public byte[] sign(byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  /** The header value GitHub would send for this body. */
  public String header(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(sign(body));
  }
}
