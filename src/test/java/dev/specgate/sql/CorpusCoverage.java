package dev.specgate.sql;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the SQL layer on a corpus of real migration files (not a test: run it by hand, see
 * {@code src/bench/corpus-coverage.sh}). Reads {@code files.tsv} (path, dialect, source) and prints,
 * for PostgreSQL migrations, the squawk fixtures and MySQL migrations apart: files, statements,
 * unparsed statements and their share, crashes (exceptions out of the parser or internal errors),
 * the most frequent unparsed reasons, and parse throughput cold and after warm-up.
 *
 * <p>Usage: {@code CorpusCoverage CORPUS_DIR [--unparsed OUT_FILE] [--passes N]}
 */
public final class CorpusCoverage {
  private record Input(String path, String group, Dialect dialect, String text) {}

  private static final class Tally {
    int files;
    long statements;
    long unparsed;
    int crashes;
    long bytes;
    final Map<String, Integer> reasons = new HashMap<>();
    final Map<String, String> examples = new HashMap<>();
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: CorpusCoverage CORPUS_DIR [--unparsed OUT_FILE] [--passes N]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Path dump = null;
    int passes = 5;
    for (int k = 1; k < args.length; k++) {
      if (args[k].equals("--unparsed") && k + 1 < args.length) dump = Path.of(args[++k]);
      else if (args[k].equals("--passes") && k + 1 < args.length) passes = Integer.parseInt(args[++k]);
    }
    List<Input> inputs = read(dir);
    Map<String, Tally> tallies = new HashMap<>();
    PrintWriter out = dump == null ? null : new PrintWriter(Files.newBufferedWriter(dump, StandardCharsets.UTF_8));
    long t0 = System.nanoTime();
    long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    for (Input in : inputs) {
      Tally t = tallies.computeIfAbsent(in.group(), g -> new Tally());
      t.files++;
      t.bytes += in.text().length();
      Migration m;
      try {
        m = MigrationParser.parse(in.path(), in.text(), in.dialect());
      } catch (Throwable e) {
        t.crashes++;
        System.err.println("CRASH " + in.path() + ": " + e);
        continue;
      }
      for (Statement s : m.statements()) {
        t.statements++;
        if (s.op() instanceof Operation.Unparsed u) {
          t.unparsed++;
          if (u.reason().startsWith("internal error")) {
            t.crashes++;
            System.err.println("INTERNAL " + in.path() + ":" + s.line() + ": " + u.reason());
          }
          String key = u.reason().replaceAll("\\(line \\d+, column \\d+\\)", "").strip();
          key = key.replaceAll("starting at line \\d+", "starting at line N");
          t.reasons.merge(key, 1, Integer::sum);
          t.examples.putIfAbsent(key, in.path() + ":" + s.line() + "  " + oneLine(s.sql()));
          if (out != null) {
            out.println(in.group() + "\t" + in.path() + ":" + s.line() + "\t" + u.reason() + "\t" + oneLine(s.sql()));
          }
        }
      }
    }
    long coldNanos = System.nanoTime() - t0;
    long coldCpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
    if (out != null) out.close();

    for (String g : List.of("postgres-migrations", "squawk-fixtures", "mysql-migrations")) {
      Tally t = tallies.get(g);
      if (t == null) continue;
      System.out.printf("%-20s files %5d  statements %6d  unparsed %5d (%.2f%%)  crashes %d%n",
          g, t.files, t.statements, t.unparsed, t.statements == 0 ? 0.0 : 100.0 * t.unparsed / t.statements,
          t.crashes);
      t.reasons.entrySet().stream()
          .sorted((a, b) -> b.getValue() - a.getValue())
          .limit(g.equals("squawk-fixtures") ? 8 : 15)
          .forEach(e -> System.out.printf("    %5d  %s%n           e.g. %s%n", e.getValue(),
              cut(e.getKey(), 110), cut(t.examples.get(e.getKey()), 150)));
    }
    System.out.printf("cold: all %d files parsed in %.2f s wall, %.2f s CPU (first pass, JIT cold)%n",
        inputs.size(), coldNanos / 1e9, coldCpu / 1e9);

    List<Input> pg = new ArrayList<>();
    for (Input in : inputs) if (in.group().equals("postgres-migrations")) pg.add(in);
    long stmts = tallies.containsKey("postgres-migrations") ? tallies.get("postgres-migrations").statements : 0;
    // CPU time of this thread as well as wall time: the machine may be shared with other work
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long best = Long.MAX_VALUE;
    long total = 0;
    long cpuTotal = 0;
    for (int p = 0; p < passes * 2; p++) {
      long s0 = System.nanoTime();
      long c0 = mx.getCurrentThreadCpuTime();
      for (Input in : pg) MigrationParser.parse(in.path(), in.text(), in.dialect());
      long dt = System.nanoTime() - s0;
      long dc = mx.getCurrentThreadCpuTime() - c0;
      if (p >= passes) {
        total += dt;
        cpuTotal += dc;
        best = Math.min(best, dt);
      }
    }
    double mean = total / (double) passes / 1e9;
    double cpu = cpuTotal / (double) passes / 1e9;
    System.out.printf("warm (postgres migrations, 1 thread, %d warm-up + %d timed passes): mean %.3f s/pass wall,"
        + " %.0f statements/s (best pass %.3f s); %.3f s CPU/pass = %.0f statements per CPU-second%n",
        passes, passes, mean, stmts / mean, best / 1e9, cpu, stmts / cpu);
  }

  private static List<Input> read(Path dir) throws IOException {
    List<Input> inputs = new ArrayList<>();
    List<String> rows = Files.readAllLines(dir.resolve("files.tsv"), StandardCharsets.UTF_8);
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split("\t");
      if (f.length < 2) continue;
      Dialect d = Dialect.parse(f[1]).orElse(Dialect.POSTGRES);
      String group = d == Dialect.MYSQL ? "mysql-migrations"
          : f[0].startsWith("sbdchd__squawk/") ? "squawk-fixtures" : "postgres-migrations";
      byte[] bytes = Files.readAllBytes(dir.resolve(f[0]));
      inputs.add(new Input(f[0], group, d, new String(bytes, StandardCharsets.UTF_8)));
    }
    return inputs;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ");
  }

  private static String cut(String s, int n) {
    return s == null ? "" : s.length() > n ? s.substring(0, n) + "…" : s;
  }
}
