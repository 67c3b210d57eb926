package dev.specgate.packet;

import java.util.List;

/**
 * Times the packet extractors and the Markdown reader on hostile lines (a 10,000- and
 * 100,000-character word, runs of digits, brackets, spaces, short words): each should grow
 * linearly. Run by src/bench/packet-extractors.sh; never asserted in unit tests.
 */
public final class PacketExtractorBench {
  private PacketExtractorBench() {}

  /** Runs a case three times and prints the best time. */
  static void t(String name, Runnable r) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long s = System.nanoTime();
      r.run();
      best = Math.min(best, System.nanoTime() - s);
    }
    System.out.printf("%-40s %8.1f ms%n", name, best / 1e6);
  }

  public static void main(String[] a) {
    for (int n : new int[]{10_000, 100_000}) {
      String word = "a".repeat(n)+"!", digits="1".repeat(n), br="[".repeat(n), sp="a"+" ".repeat(n)+"b", mix="aa ".repeat(n/3);
      for (String[] in : new String[][]{{"word",word},{"digits",digits},{"brackets",br},{"spaces",sp},{"words",mix},{"digit-words","1 a ".repeat(n/4)}}) {
        String s=in[1];
        t(n+" rowcount "+in[0], ()->RowCountExtractor.findAll(s,1));
        t(n+" threshold "+in[0], ()->ThresholdExtractor.findAll(s));
        t(n+" duration "+in[0], ()->DurationExtractor.findAll(s));
        t(n+" backfill "+in[0], ()->BackfillPlan.from(List.of(new TextLine(1,s))));
        t(n+" markdown "+in[0], ()->MarkdownDoc.parse("spec.md","## Context\n"+s+"\n"));
        t(n+" deploy/later/rollback "+in[0], ()->{DeployOrderNotes.states(s); PlanScope.saysLater(s); RollbackNotes.isIrreversible(s); RollbackNotes.isPointOfNoReturn(s);});
      }
    }
  }
}
