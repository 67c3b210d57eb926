package dev.specgate.github.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActionsEventTest {
  @TempDir Path tmp;

  private Path event(String json) throws Exception {
    Path p = tmp.resolve("event.json");
    Files.writeString(p, json);
    return p;
  }

  @Test
  void pullRequestGivesBaseHeadNumberAndFork() throws Exception {
    ActionsEvent e = ActionsEvent.read("pull_request", event(
        "{\"number\":5,\"pull_request\":{\"number\":5,\"base\":{\"sha\":\"b\",\"repo\":{\"full_name\":\"acme/shop\"}},"
            + "\"head\":{\"sha\":\"h\",\"repo\":{\"full_name\":\"fork/shop\"}}}}"), "merge");
    assertThat(e).isEqualTo(new ActionsEvent("pull_request", "b", "h", 5, true));
    assertThat(e.isPullRequest()).isTrue();
    assertThat(e.draft()).isFalse();
  }

  @Test
  void aDraftPullRequestIsKnownAsOne() throws Exception {
    ActionsEvent e = ActionsEvent.read("pull_request", event(
        "{\"pull_request\":{\"number\":7,\"draft\":true,\"base\":{\"sha\":\"b\"},\"head\":{\"sha\":\"h\"}}}"), null);
    assertThat(e.draft()).isTrue();
  }

  @Test
  void pushGivesBeforeAndAfterAndANewBranchHasNoBase() throws Exception {
    assertThat(ActionsEvent.read("push", event("{\"before\":\"b\",\"after\":\"a\"}"), null))
        .isEqualTo(new ActionsEvent("push", "b", "a", 0, false));
    assertThat(ActionsEvent.read("push", event("{\"before\":\"0000000000000000000000000000000000000000\",\"after\":\"a\"}"), null).baseSha())
        .isNull();
  }

  @Test
  void otherEventsUseGithubShaOrSayWhatIsMissing() throws Exception {
    assertThat(ActionsEvent.read("workflow_dispatch", event("{}"), "s").headSha()).isEqualTo("s");
    assertThatThrownBy(() -> ActionsEvent.read("workflow_dispatch", event("{}"), null))
        .hasMessageContaining("pass --base and --head");
    assertThatThrownBy(() -> ActionsEvent.read("pull_request", event("{\"pull_request\":{\"number\":1}}"), null))
        .hasMessageContaining("without base.sha and head.sha");
    assertThatThrownBy(() -> ActionsEvent.read("push", event("not json"), null))
        .hasMessageContaining("cannot read the event file");
  }

  @Test
  void outputsUseTheHeredocFormForMultiLineValues() throws Exception {
    Path out = tmp.resolve("out");
    Files.writeString(out, "earlier=1\n");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("errors", "3");
    values.put("text", "a\nb");
    WorkflowFiles.appendOutputs(out, values);
    String text = Files.readString(out);
    assertThat(text).startsWith("earlier=1\nerrors=3\ntext<<specgate_");
    assertThat(text).containsPattern("text<<(specgate_[0-9a-f-]+)\na\nb\n\\1\n$");
  }
}
