package dev.specgate.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import dev.specgate.report.MarkdownRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names a pull request's author chooses, put through the renderers whose Markdown we post (Check
 * Run summary, job summary, review comment, review body): nothing may become a link, an image,
 * HTML, a mention or an issue reference. U+200D (zero-width joiner) is written as {@code ZWJ}.
 */
class HostileMarkdownTest {
  private static final String ZWJ = "\u200D";
  private static final String FILE = "db/migrations/V2__q](https:evil.example) [x.sql";
  private static final Finding HOSTILE = new Finding("destructive-drop", Severity.ERROR,
      Location.line(FILE, 3),
      "drops table `\"@acme/admins\"` seen in <img src=x> and #123 and ![x](y)",
      "Ask @acme/admins, see https://evil.example and www.evil.example; &#64;acme/admins",
      "");
  private static final Report REPORT = new Report(List.of(HOSTILE), List.of(FILE), List.of(), 1, 1, Severity.ERROR);

  @Test
  void summaryTableRowAndDetailsAreInert() {
    String md = MarkdownRenderer.render(REPORT,
        new MarkdownRenderer.Options("https://github.com/o/r/blob/abc/", MarkdownRenderer.CHECK_RUN_LIMIT, null));
    assertThat(md).contains("| 🛑 | `destructive-drop` | "
        + "[db/migrations/V2__q\\]\\(https:evil.example\\) \\[x.sql:3]"
        + "(https://github.com/o/r/blob/abc/db/migrations/V2__q%5D%28https%3Aevil.example%29%20%5Bx.sql#L3) | "
        + "drops table `\"@acme/admins\"` seen in &lt;img src=x&gt; and #" + ZWJ + "123 and \\!\\[x\\]\\(y\\) |\n");
    assertThat(md).contains("<details><summary>🛑 <code>destructive-drop</code> "
        + "db/migrations/V2__q](https:evil.example) [x.sql:3 — drops table `\"@" + ZWJ + "acme/admins\"` seen in "
        + "&lt;img src=x&gt; and #" + ZWJ + "123 and ![x](y)</summary>\n\n");
    assertThat(md).contains("**Why.** Ask @" + ZWJ + "acme/admins, see https:" + ZWJ + "//evil.example and www"
        + ZWJ + ".evil.example; &amp;#" + ZWJ + "64;acme/admins\n\n");
  }

  @Test
  void reviewCommentAndReviewBodyAreInert() {
    ReviewPublisher.Item item = new ReviewPublisher.Item(HOSTILE, "ab12", null);
    String comment = ReviewPublisher.commentBody(item, new ReviewPublisher.Anchor(3, 3, true));
    assertThat(comment).isEqualTo("🛑 **specgate `destructive-drop`** — drops table `\"@acme/admins\"` seen in "
        + "&lt;img src=x&gt; and #" + ZWJ + "123 and \\!\\[x\\]\\(y\\)\n\n"
        + "Ask @" + ZWJ + "acme/admins, see https:" + ZWJ + "//evil.example and www" + ZWJ
        + ".evil.example; &amp;#" + ZWJ + "64;acme/admins\n\n"
        + "<!-- specgate:finding ab12 -->");
    String body = ReviewPublisher.summaryBody("**specgate:** 1 error", List.of(item));
    assertThat(body).endsWith("- 🛑 `destructive-drop` db/migrations/V2__q\\]\\(https:evil.example\\) \\[x.sql:3 — "
        + "drops table `\"@acme/admins\"` seen in &lt;img src=x&gt; and #" + ZWJ + "123 and \\!\\[x\\]\\(y\\)\n");
  }

  @Test
  void aStrayBacktickInANameIsEscapedSoNoSpanRunsOn() {
    Finding f = new Finding("destructive-drop", Severity.ERROR, Location.line("a`b``@c.sql", 1), "m", "", "");
    String body = ReviewPublisher.summaryBody("h", List.of(new ReviewPublisher.Item(f, "00", null)));
    assertThat(body).endsWith("- 🛑 `destructive-drop` a`b`\\`@" + ZWJ + "c.sql:1 — m\n");
  }

  @Test
  void aNewlineInAPathCannotEndOurHtmlBlock() {
    Finding f = new Finding("destructive-drop", Severity.ERROR, Location.line("a\n\n[x](https://evil.example).sql", 1), "m", "", "");
    String md = MarkdownRenderer.render(new Report(List.of(f), List.of(), List.of(), 1, 1, Severity.ERROR));
    assertThat(md).contains("<summary>🛑 <code>destructive-drop</code> a  [x](https:" + ZWJ + "//evil.example).sql:1 — m</summary>");
    assertThat(md).contains("[a  \\[x\\]\\(https:" + ZWJ + "//evil.example\\).sql:1](");
  }
}
