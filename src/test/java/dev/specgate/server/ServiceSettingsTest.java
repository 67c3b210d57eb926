package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceSettingsTest {
  @TempDir Path dir;

  private Map<String, String> minimal() throws Exception {
    Path key = dir.resolve("key.pem");
    Files.writeString(key, "-----BEGIN RSA PRIVATE KEY-----\n-----END RSA PRIVATE KEY-----\n");
    Map<String, String> env = new HashMap<>();
    env.put("SPECGATE_APP_ID", "123456");
    env.put("SPECGATE_PRIVATE_KEY_FILE", key.toString());
    env.put("SPECGATE_WEBHOOK_SECRET", "s3cret");
    env.put("SPECGATE_DATA_DIR", dir.resolve("data").toString());
    return env;
  }

  @Test
  void threeGitHubSettingsAreEnoughDefaultsForTheRest() throws Exception {
    ServiceSettings s = ServiceSettings.fromEnvironment(minimal());
    assertThat(s.githubApiUrl().toString()).isEqualTo("https://api.github.com");
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.databaseUrl()).startsWith("jdbc:h2:").contains("data");
    assertThat(s.postgres()).isFalse();
    assertThat(s.workers()).isGreaterThanOrEqualTo(2);
    assertThat(new String(s.webhookSecret(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
  }

  @Test
  void missingOrBadSettingsAreNamed() throws Exception {
    for (String name : new String[] {"SPECGATE_APP_ID", "SPECGATE_PRIVATE_KEY_FILE", "SPECGATE_WEBHOOK_SECRET"}) {
      Map<String, String> env = minimal();
      env.remove(name);
      assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageStartingWith(name + " is not set");
    }
    Map<String, String> env = minimal();
    env.put("SPECGATE_PORT", "eighty");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageContaining("SPECGATE_PORT").hasMessageContaining("eighty");
    env.put("SPECGATE_PORT", "8081");
    env.put("SPECGATE_WORKERS", "0");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageContaining("SPECGATE_WORKERS");
    env.remove("SPECGATE_WORKERS");
    env.put("SPECGATE_GITHUB_API_URL", "ftp://ghe");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageContaining("SPECGATE_GITHUB_API_URL");
    env.put("SPECGATE_GITHUB_API_URL", "https://ghe.example.com/api/v3");
    env.put("SPECGATE_DATABASE_URL", "jdbc:mysql://db/x");
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageContaining("SPECGATE_DATABASE_URL");
    env.put("SPECGATE_DATABASE_URL", "jdbc:postgresql://db:5432/specgate");
    assertThat(ServiceSettings.fromEnvironment(env).postgres()).isTrue();
    env.put("SPECGATE_PRIVATE_KEY_FILE", dir.resolve("nope.pem").toString());
    assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).hasMessageContaining("SPECGATE_PRIVATE_KEY_FILE").hasMessageContaining("nope.pem");
  }

  @Test
  void signatureMatchesGitHubsDocumentedTestVector() {
    WebhookSignature sig = new WebhookSignature("It's a Secret to Everybody".getBytes(StandardCharsets.UTF_8));
    byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    String expected = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    assertThat(sig.header(body)).isEqualTo(expected);
    assertThat(sig.valid(expected, body)).isTrue();
    assertThat(sig.valid(expected.replace("e17", "e18"), body)).isFalse();
    assertThat(sig.valid("sha1=" + expected.substring(7), body)).isFalse();
    assertThat(sig.valid(null, body)).isFalse();
  }
}
