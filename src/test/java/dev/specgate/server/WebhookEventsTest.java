package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.LineRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookEventsTest {
  private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
  private final ObjectMapper json = new ObjectMapper();

  private List<WorkItem> work(String event, String payload) throws Exception {
    return WebhookEvents.workFor(event, json.readTree(payload), "specgate");
  }

  private static String common() {
    return "\"repository\":{\"full_name\":\"acme/payments\"},\"installation\":{\"id\":5000000001}";
  }

  @Test
  void pullRequestActionsThatChangeWhatIsAnalysed() throws Exception {
    String pr = "\"pull_request\":{\"number\":7,\"state\":\"open\",\"head\":{\"sha\":\"" + SHA + "\"}}," + common();
    assertThat(work("pull_request", "{\"action\":\"synchronize\"," + pr + "}"))
        .containsExactly(new WorkItem("acme/payments", 5_000_000_001L, 7, SHA, false));
    assertThat(work("pull_request", "{\"action\":\"edited\",\"changes\":{\"title\":{\"from\":\"x\"}}," + pr + "}")).isEmpty();
    assertThat(work("pull_request", "{\"action\":\"edited\",\"changes\":{\"base\":{\"ref\":{\"from\":\"main\"}}}," + pr + "}"))
        .singleElement().extracting(WorkItem::rerun).isEqualTo(true);
    assertThat(work("pull_request", "{\"action\":\"closed\"," + pr + "}")).isEmpty();
    assertThat(work("pull_request", "{\"action\":\"reopened\"," + pr.replace("\"open\"", "\"closed\"") + "}")).isEmpty();
  }

  @Test
  void rerequestsFindTheirPullRequests() throws Exception {
    assertThat(work("check_run", "{\"action\":\"rerequested\",\"check_run\":{\"name\":\"specgate\",\"head_sha\":\"" + SHA
        + "\",\"external_id\":\"42\",\"pull_requests\":[{\"number\":9}]}," + common() + "}"))
        .containsExactly(new WorkItem("acme/payments", 5_000_000_001L, 42, SHA, true));
    assertThat(work("check_run", "{\"action\":\"rerequested\",\"check_run\":{\"name\":\"other-ci\",\"head_sha\":\"" + SHA
        + "\",\"external_id\":\"42\"}," + common() + "}")).isEmpty();
    assertThat(work("check_suite", "{\"action\":\"rerequested\",\"check_suite\":{\"head_sha\":\"" + SHA
        + "\",\"pull_requests\":[{\"number\":3},{\"number\":4}]}," + common() + "}")).extracting(WorkItem::prNumber).containsExactly(3, 4);
    assertThat(work("check_suite", "{\"action\":\"requested\",\"check_suite\":{\"head_sha\":\"" + SHA + "\"}," + common() + "}")).isEmpty();
  }

  @Test
  void relevantEventsWithoutTheirFieldsAreMalformed() {
    assertThatThrownBy(() -> work("pull_request", "{\"action\":\"opened\",\"pull_request\":{\"number\":7,\"head\":{\"sha\":\"" + SHA
        + "\"}},\"repository\":{\"full_name\":\"acme/payments\"}}")).hasMessageContaining("installation.id");
    assertThatThrownBy(() -> work("pull_request", "{\"action\":\"opened\",\"pull_request\":{\"number\":7,\"head\":{}}," + common() + "}"))
        .hasMessageContaining("head sha");
    assertThatThrownBy(() -> work("pull_request", "[1,2]")).hasMessageContaining("not a JSON object");
  }

  @Test
  void pullRequestNumbersOutside32BitsAreRejectedNotTruncated() {
    for (String n : new String[] {"99999999999", "0", "-3", "1.5", "\"42\"", "4294967338"}) {
      assertThatThrownBy(() -> work("pull_request", "{\"action\":\"opened\",\"pull_request\":{\"number\":" + n
          + ",\"head\":{\"sha\":\"" + SHA + "\"}}," + common() + "}"))
          .as(n).hasMessageContaining("pull_request.number must be a positive 32-bit integer");
    }
    assertThatThrownBy(() -> work("check_suite", "{\"action\":\"rerequested\",\"check_suite\":{\"head_sha\":\"" + SHA
        + "\",\"pull_requests\":[{\"number\":99999999999}]}," + common() + "}"))
        .hasMessageContaining("check_suite.pull_requests[].number must be a positive 32-bit integer, got 99999999999");
  }

  @Test
  void onlyDocumentedEventNamesBecomeLabels() {
    assertThat(WebhookEvents.label("pull_request")).isEqualTo("pull_request");
    assertThat(WebhookEvents.label("x".repeat(500))).isEqualTo("other");
    assertThat(WebhookEvents.label(null)).isEqualTo("other");
  }

  @Test
  void changedLinesComeFromTheAddedSideOfThePatch() {
    String patch = "@@ -1,3 +1,4 @@\n a\n-b\n+B\n+C\n c\n@@ -10,2 +11,3 @@\n x\n+y\n\\ No newline at end of file";
    assertThat(PullRequestSource.changedLines(patch)).containsExactly(new LineRange(2, 3), new LineRange(12, 12));
    assertThat(PullRequestSource.status("removed")).isEqualTo(dev.specgate.core.FileStatus.DELETED);
    assertThat(PullRequestSource.status("renamed")).isEqualTo(dev.specgate.core.FileStatus.RENAMED);
    assertThat(PullRequestSource.text(new byte[] {'a', 0, 'b'})).isEmpty();
    assertThat(PullRequestSource.text(new byte[] {(byte) 0xc3, (byte) 0x28})).isEmpty();
    assertThat(PullRequestSource.text("é".getBytes(java.nio.charset.StandardCharsets.UTF_8))).contains("é");
  }
}
