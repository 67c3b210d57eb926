package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void databaseUrlPasswordsAreMasked() {
    assertThat(Secrets.redact("jdbc:postgresql://db:5432/specgate?user=svc&password=hunter2&ssl=true"))
        .isEqualTo("jdbc:postgresql://db:5432/specgate?user=svc&password=****&ssl=true");
    assertThat(Secrets.redact("postgresql://svc:hunter2@db/specgate")).isEqualTo("postgresql://svc:****@db/specgate");
    assertThat(Secrets.redact("jdbc:h2:file:/data/x;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:file:/data/x;USER=sa;PASSWORD=****");
  }

  @Test
  void tokensJwtsAndKeysAreMasked() {
    assertThat(Secrets.redact("token ghs_abcdefghijklmnopqrstuvwxyz0123 expired")).doesNotContain("ghs_abcdef");
    assertThat(Secrets.redact("Authorization: Bearer abc.def-ghi_jkl")).isEqualTo("Authorization: Bearer ****");
    assertThat(Secrets.redact("jwt eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2lnbmF0dXJl")).isEqualTo("jwt ****");
    assertThat(Secrets.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----"))
        .doesNotContain("MIIEow");
  }

  @Test
  void registeredValuesAreMaskedAnywhere() {
    Secrets.register("a-webhook-secret-value");
    assertThat(Secrets.redact("secret a-webhook-secret-value in text")).isEqualTo("secret **** in text");
  }

  @Test
  void theLogStreamRedactsEachLine() {
    java.io.ByteArrayOutputStream sink = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = Secrets.redacting(new java.io.PrintStream(sink, true, java.nio.charset.StandardCharsets.UTF_8));
    err.println("[pool] connecting to jdbc:postgresql://db/x?user=a&password=hunter2");
    err.print("no newline yet, token ghp_0123456789abcdefghij");
    err.flush();
    assertThat(sink.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("[pool] connecting to jdbc:postgresql://db/x?user=a&password=****" + System.lineSeparator()
            + "no newline yet, token ****");
  }

  @Test
  void linearOnLongInput() {
    String s = "//" + "a".repeat(200_000) + ":" + "b".repeat(200_000);
    long t = System.nanoTime();
    Secrets.redact(s);
    assertThat(System.nanoTime() - t).isLessThan(5_000_000_000L);
  }
}
