package dev.specgate.github.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AppJwtTest {
  @Test
  void rs256TokenWithBackdatedIatAndExpWithinTenMinutes() throws Exception {
    KeyPair kp = TestKeys.keyPair();
    Instant now = Instant.parse("2026-01-01T12:00:00Z");
    AppJwt jwt = new AppJwt("123456", kp.getPrivate(), Clock.fixed(now, ZoneOffset.UTC));
    String[] parts = jwt.token().split("\\.");
    assertThat(parts).hasSize(3);
    Base64.Decoder d = Base64.getUrlDecoder();
    JsonNode header = new ObjectMapper().readTree(d.decode(parts[0]));
    JsonNode claims = new ObjectMapper().readTree(d.decode(parts[1]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iat").asLong()).isEqualTo(now.getEpochSecond() - 60);
    assertThat(claims.path("exp").asLong()).isGreaterThan(now.getEpochSecond())
        .isLessThanOrEqualTo(now.getEpochSecond() + 600);
    assertThat(claims.path("iss").asLong()).isEqualTo(123456L);
    Signature v = Signature.getInstance("SHA256withRSA");
    v.initVerify(kp.getPublic());
    v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(v.verify(d.decode(parts[2]))).isTrue();
  }

  @Test
  void clientIdIssuerIsAString() throws Exception {
    AppJwt jwt = new AppJwt("Iv23liABC", TestKeys.keyPair().getPrivate(), Clock.systemUTC());
    JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.token().split("\\.")[1]));
    assertThat(claims.path("iss").isTextual()).isTrue();
    assertThat(claims.path("iss").asText()).isEqualTo("Iv23liABC");
  }
}
