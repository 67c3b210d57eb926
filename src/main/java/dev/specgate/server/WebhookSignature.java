package dev.specgate.server;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies {@code X-Hub-Signature-256} (HMAC-SHA256 of the raw body) in constant time. */
public final class WebhookSignature {
  private static final String PREFIX = "sha256=";
  /**
   * Initialised once and cloned per signature: {@code Mac.getInstance} walks the security
   * providers under a lock, which a burst of concurrent deliveries queued on.
   */
  private final Mac prototype;

  public WebhookSignature(byte[] secret) {
    try {
      this.prototype = Mac.getInstance("HmacSHA256");
      prototype.init(new SecretKeySpec(secret, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
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
      return ((Mac) prototype.clone()).doFinal(body);
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
    }
  }

  /** The header value GitHub would send for this body. */
  public String header(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(sign(body));
  }
}
