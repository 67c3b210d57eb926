package dev.specgate.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: a packet is text any pull request author controls. Deep nesting must not overflow the
 * stack (CommonMark's own parser recurses once per open container; our walk is iterative) and
 * the result must still be read. Each input runs on a thread with a small stack, so a recursion
 * that the input controls fails here instead of in a worker. Speed of the extractors on hostile
 * lines is measured by src/bench/packet-extractors.sh, not asserted here.
 */
class HostileMarkdownTest {
  private static MarkdownDoc parseOnSmallStack(String text) throws InterruptedException {
    AtomicReference<Object> result = new AtomicReference<>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(MarkdownDoc.parse("spec.md", text));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 256 * 1024);
    t.start();
    t.join();
    assertThat(result.get()).isInstanceOf(MarkdownDoc.class);
    return (MarkdownDoc) result.get();
  }

  @Test
  void sevenThousandNestedBlockquotes() throws Exception {
    MarkdownDoc d = parseOnSmallStack("## Context\n" + ">".repeat(7_000) + " accounts has 18M rows\n");
    assertThat(d.rowCounts()).extracting(RowCountExtractor.RowCount::table).containsExactly("accounts");
  }

  @Test
  void deeplyNestedListsByIndentation() throws Exception {
    StringBuilder sb = new StringBuilder("# Tasks\n");
    for (int i = 0; i < 2_700; i++) sb.append("  ".repeat(i)).append("- [ ] item ").append(i).append('\n');
    MarkdownDoc d = parseOnSmallStack(sb.toString());
    // past the nesting cap the structure goes, the text and its line stay
    assertThat(d.items().size()).isBetween(dev.specgate.core.MarkdownNesting.MAX_MARKERS, 2_700);
    assertThat(d.textLines()).anyMatch(l -> l.line() == 2_701 && l.text().contains("item 2699"));
  }

  @Test
  void nestedListMarkersOnOneLine() throws Exception {
    MarkdownDoc d = parseOnSmallStack("- ".repeat(5_000) + "x\n" + "1. ".repeat(3_000) + "y\n");
    assertThat(d.blocks()).isNotEmpty();
  }

  @Test
  void normalNestingIsUntouched() {
    String text = "> quoted\n>> twice\n- a\n  - b\n    - c\n";
    assertThat(dev.specgate.core.MarkdownNesting.bounded(text)).isSameAs(text);
  }

  @Test
  void runsOfBracketsAndLongWordsAreRead() throws Exception {
    MarkdownDoc d = parseOnSmallStack("[".repeat(20_000) + "x\n\n" + "a".repeat(10_000) + "!\n\n"
        + "9".repeat(10_000) + " rows\n");
    assertThat(d.rowCounts()).isEmpty();
  }
}
