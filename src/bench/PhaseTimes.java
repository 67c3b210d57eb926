// Where the time of `specgate check <many files>` goes, phase by phase, in one JVM.
//
//   java -cp target/specgate.jar src/bench/PhaseTimes.java [LISTFILE BASEDIR]
//
// LISTFILE holds one path per line relative to BASEDIR (default: the PostgreSQL files of
// ../shared/corpus/files.tsv). Run from the project root. Prints, for the first (cold) pass and a
// second (warm) pass: reading, parsing alone (one thread, then all cores), the engine without rules
// (workspace, parse, schema replay), the engine with all rules, and each rule's own share (the
// engine with that rule alone minus the engine without rules). A benchmark, never a test.
import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationParser;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

public class PhaseTimes {
  public static void main(String[] args) throws Exception {
    long enteredMain = ManagementFactory.getRuntimeMXBean().getUptime();
    List<String> paths = new ArrayList<>();
    Path base;
    if (args.length >= 2) {
      paths.addAll(Files.readAllLines(Path.of(args[0])));
      base = Path.of(args[1]);
    } else {
      base = Path.of("../shared/corpus");
      for (String line : Files.readAllLines(base.resolve("files.tsv"))) {
        String[] cols = line.split("\t");
        if (cols.length > 1 && cols[1].equals("postgres")) paths.add(cols[0]);
      }
    }
    System.out.printf("JVM uptime when main ran: %d ms (includes compiling this source file)%n", enteredMain);
    for (int pass = 1; pass <= 2; pass++) {
      System.out.printf("== pass %d (%s) ==%n", pass, pass == 1 ? "cold: as one CLI run" : "warm");
      List<SourceFile> files = time("read + decode " + paths.size() + " files", () -> read(base, paths));
      time("parse only, 1 thread", () -> {
        int n = 0;
        for (SourceFile f : files) n += MigrationParser.parse(f.path(), f.content(), Dialect.POSTGRES).statements().size();
        return n;
      });
      time("parse only, parallel stream", () -> files.parallelStream()
          .mapToInt(f -> MigrationParser.parse(f.path(), f.content(), Dialect.POSTGRES).statements().size()).sum());
      ChangeSet changes = ChangeSet.ofPaths(files);
      // One glob for every file, as `check DIR` with a catch-all config would have it.
      Config config = Config.defaults().withMigrations(List.of("**/*.sql"));
      Report none = time("engine, no rules (workspace, parse, replay)", () -> Analysis.run(changes, config, List.of()));
      Report all = time("engine, all " + RuleRegistry.all().size() + " rules", () -> Analysis.run(changes, config));
      System.out.printf("   (%d statements, %d findings)%n", all.statementsAnalysed(), all.findings().size());
      if (pass == 2) {
        // Minimums of repeated runs: on a shared machine a single run is mostly noise.
        long baseline = minNanos(3, () -> Analysis.run(changes, config, List.of()));
        Map<String, Long> perRule = new LinkedHashMap<>();
        for (Rule r : RuleRegistry.all()) {
          long t = minNanos(2, () -> Analysis.run(changes, config, List.of(r)));
          perRule.put(r.info().id(), Math.max(0, t - baseline));
        }
        System.out.println("   each rule: engine with that rule alone minus engine without rules (0 = within noise)");
        perRule.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .forEach(e -> System.out.printf("   rule %-28s %7d ms%n", e.getKey(), e.getValue() / 1_000_000));
      }
    }
  }

  private static List<SourceFile> read(Path base, List<String> paths) {
    List<SourceFile> files = new ArrayList<>();
    try {
      for (String p : paths) {
        files.add(SourceFile.added(p, new String(Files.readAllBytes(base.resolve(p)), StandardCharsets.UTF_8)));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  private static <T> T time(String what, Supplier<T> work) {
    long t0 = System.nanoTime();
    T out = work.get();
    System.out.printf("%-48s %7d ms%n", what, (System.nanoTime() - t0) / 1_000_000);
    return out;
  }

  private static long minNanos(int runs, Supplier<?> work) {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      work.get();
      best = Math.min(best, System.nanoTime() - t0);
    }
    return best;
  }
}
