package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.specgate.github.app.TestKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate deliveries} through the CLI's main entry against a WireMock GitHub. */
class DeliveriesCommandTest {
  @TempDir Path dir;

  private int run(String[] args, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void listsFailedDeliveriesAndRedeliversThemWhenAsked() throws Exception {
    WireMockServer wm = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wm.start();
    try {
      Instant now = Instant.now();
      wm.stubFor(WireMock.get(WireMock.urlEqualTo("/app/hook/deliveries?per_page=100")).willReturn(WireMock.okJson("["
          + "{\"id\":7,\"guid\":\"g-7\",\"delivered_at\":\"" + now.minusSeconds(60) + "\",\"status\":\"Timed out\",\"status_code\":0,"
          + "\"event\":\"pull_request\",\"action\":\"synchronize\"},"
          + "{\"id\":8,\"guid\":\"g-8\",\"delivered_at\":\"" + now.minusSeconds(30) + "\",\"status\":\"OK\",\"status_code\":202,"
          + "\"event\":\"pull_request\",\"action\":\"opened\"}]")));
      wm.stubFor(WireMock.post(WireMock.urlEqualTo("/app/hook/deliveries/7/attempts")).willReturn(WireMock.aResponse().withStatus(202)));
      Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
      String[] common = {"deliveries", "--app-id", "123456", "--private-key", key.toString(), "--api-url", wm.baseUrl(), "--since", "2h"};

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      assertThat(run(common, out, err)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("g-7  pull_request.synchronize  Timed out (0)")
          .doesNotContain("g-8").contains("1 failed delivery(ies) in the last 2h (pass --redeliver to send them again)");
      wm.verify(0, WireMock.postRequestedFor(WireMock.anyUrl()));

      out.reset();
      String[] redeliver = java.util.Arrays.copyOf(common, common.length + 1);
      redeliver[common.length] = "--redeliver";
      assertThat(run(redeliver, out, err)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 failed delivery(ies) in the last 2h, 1 redelivered");
      wm.verify(1, WireMock.postRequestedFor(WireMock.urlEqualTo("/app/hook/deliveries/7/attempts")));
    } finally {
      wm.stop();
    }
  }

  @Test
  void aBadDurationIsAUsageError() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(new String[] {"deliveries", "--app-id", "1", "--private-key", "x.pem", "--since", "yesterday"}, out, err)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--since must be a number followed by s, m, h or d (such as 24h), got 'yesterday'");
  }
}
