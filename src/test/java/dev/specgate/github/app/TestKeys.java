package dev.specgate.github.app;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/** RSA keys for tests, written as PEM the way GitHub downloads them (PKCS#1) or as PKCS#8. */
public final class TestKeys {
  private static KeyPair shared;

  private TestKeys() {}

  /** One 2048-bit key pair per test run (generation is slow). */
  public static synchronized KeyPair keyPair() {
    if (shared == null) {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        shared = g.generateKeyPair();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return shared;
  }

  /** The PKCS#1 RSAPrivateKey inside the JDK's PKCS#8 encoding (the OCTET STRING's content). */
  public static byte[] pkcs1(KeyPair kp) {
    byte[] der = kp.getPrivate().getEncoded();
    int[] pos = {0};
    readHeader(der, pos, 0x30); // PrivateKeyInfo
    int versionLen = readHeader(der, pos, 0x02);
    pos[0] += versionLen;
    int algLen = readHeader(der, pos, 0x30);
    pos[0] += algLen;
    int keyLen = readHeader(der, pos, 0x04);
    return Arrays.copyOfRange(der, pos[0], pos[0] + keyLen);
  }

  private static int readHeader(byte[] der, int[] pos, int tag) {
    if ((der[pos[0]++] & 0xff) != tag) throw new IllegalStateException("unexpected DER tag");
    int len = der[pos[0]++] & 0xff;
    if (len >= 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) len = (len << 8) | (der[pos[0]++] & 0xff);
    }
    return len;
  }

  public static String pem(String type, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
  }

  public static Path writePkcs1(Path dir, KeyPair kp) throws java.io.IOException {
    Path p = dir.resolve("app-key-pkcs1.pem");
    Files.writeString(p, pem("RSA PRIVATE KEY", pkcs1(kp)), StandardCharsets.US_ASCII);
    return p;
  }
}
