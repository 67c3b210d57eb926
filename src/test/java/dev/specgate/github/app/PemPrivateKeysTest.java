package dev.specgate.github.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemPrivateKeysTest {
  @TempDir Path dir;

  @Test
  void readsPkcs1AsGitHubDownloadsIt() throws Exception {
    KeyPair kp = TestKeys.keyPair();
    RSAPrivateKey key = PemPrivateKeys.load(TestKeys.writePkcs1(dir, kp));
    assertThat(key.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update("x".getBytes(StandardCharsets.UTF_8));
    byte[] sig = s.sign();
    Signature v = Signature.getInstance("SHA256withRSA");
    v.initVerify(kp.getPublic());
    v.update("x".getBytes(StandardCharsets.UTF_8));
    assertThat(v.verify(sig)).isTrue();
  }

  @Test
  void readsPkcs8AndCrlfPem() throws Exception {
    KeyPair kp = TestKeys.keyPair();
    String pem = TestKeys.pem("PRIVATE KEY", kp.getPrivate().getEncoded()).replace("\n", "\r\n");
    assertThat(PemPrivateKeys.parse(pem).getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
  }

  @Test
  void derLengthsUseLongFormAbove127() {
    assertThat(PemPrivateKeys.derLength(5)).containsExactly(5);
    assertThat(PemPrivateKeys.derLength(200)).containsExactly(0x81, 200);
    assertThat(PemPrivateKeys.derLength(1190)).containsExactly(0x82, 0x04, 0xa6);
  }

  @Test
  void badKeysNameTheFileAndTheProblem() throws Exception {
    Path notPem = dir.resolve("key.pem");
    Files.writeString(notPem, "hello");
    assertThatThrownBy(() -> PemPrivateKeys.load(notPem))
        .hasMessageContaining("key.pem").hasMessageContaining("BEGIN RSA PRIVATE KEY");
    assertThatThrownBy(() -> PemPrivateKeys.parse("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
        .hasMessageContaining("unsupported PEM block 'CERTIFICATE'");
    assertThatThrownBy(() -> PemPrivateKeys.parse("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"))
        .hasMessageContaining("not a valid RSA private key");
    assertThatThrownBy(() -> PemPrivateKeys.load(dir.resolve("missing.pem"))).hasMessageContaining("missing.pem");
  }
}
