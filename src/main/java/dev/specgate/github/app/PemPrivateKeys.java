package dev.specgate.github.app;

import java.util.regex.Pattern;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads a GitHub App private key from PEM. GitHub downloads keys as PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}), which the JDK cannot read directly; such a key is wrapped in a
 * PKCS#8 {@code PrivateKeyInfo} here (no BouncyCastle). PKCS#8 ({@code BEGIN PRIVATE KEY}) is read
 * as is.
 */
public final class PemPrivateKeys {
  private static final Pattern LINE_BREAK = Pattern.compile("\\R");
  private static final String PKCS1 = "RSA PRIVATE KEY";
  private static final String PKCS8 = "PRIVATE KEY";
  /** DER of AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
  private static final byte[] RSA_ALGORITHM_ID = {
    0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
    0x01, 0x05, 0x00
  };

  private PemPrivateKeys() {}

  /** Reads the key file; the exception message names the file and what is wrong. */
  public static RSAPrivateKey load(Path file) throws InvalidPrivateKeyException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new InvalidPrivateKeyException(file + ": cannot read the private key file (" + e.getMessage() + ")");
    }
    try {
      return parse(text);
    } catch (InvalidPrivateKeyException e) {
      throw new InvalidPrivateKeyException(file + ": " + e.getMessage());
    }
  }

  public static RSAPrivateKey parse(String pem) throws InvalidPrivateKeyException {
    String type = null;
    StringBuilder base64 = new StringBuilder();
    boolean inside = false;
    for (String raw : LINE_BREAK.split(pem)) {
      String line = raw.trim();
      if (!inside && line.startsWith("-----BEGIN ") && line.endsWith("-----")) {
        type = line.substring("-----BEGIN ".length(), line.length() - 5);
        inside = true;
      } else if (inside && line.startsWith("-----END ")) {
        inside = false;
        break;
      } else if (inside && !line.isEmpty() && !line.contains(":")) {
        base64.append(line);
      } else if (inside && line.contains(":")) {
        throw new InvalidPrivateKeyException("encrypted PEM keys are not supported; expected an unencrypted RSA key");
      }
    }
    if (type == null) {
      throw new InvalidPrivateKeyException(
          "no PEM block found; expected '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----'");
    }
    if (inside) throw new InvalidPrivateKeyException("the PEM block '" + type + "' has no END line");
    byte[] der;
    try {
      der = Base64.getDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidPrivateKeyException("the PEM block is not valid base64");
    }
    byte[] pkcs8;
    if (type.equals(PKCS1)) pkcs8 = wrapPkcs1(der);
    else if (type.equals(PKCS8)) pkcs8 = der;
    else {
      throw new InvalidPrivateKeyException(
          "unsupported PEM block '" + type + "'; expected 'RSA PRIVATE KEY' (PKCS#1) or 'PRIVATE KEY' (PKCS#8)");
    }
    try {
      return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new InvalidPrivateKeyException("not a valid RSA private key (" + e.getMessage() + ")");
    }
  }

  /** PrivateKeyInfo ::= SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING pkcs1 }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM_ID);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    byte[] content = body.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(content.length));
    out.writeBytes(content);
    return out.toByteArray();
  }

  static byte[] derLength(int length) {
    if (length < 0x80) return new byte[] {(byte) length};
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) out[bytes - i] = (byte) (length >>> (8 * i));
    return out;
  }

  /** A key that cannot be used, with a message fit for the operator. */
  public static final class InvalidPrivateKeyException extends Exception {
    public InvalidPrivateKeyException(String message) {
      super(message);
    }
  }
}
