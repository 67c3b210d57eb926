// The crafted inputs of issue 9 (hostile pull requests), each timed through the whole analysis in
// one JVM: a cold run, then the best of three warm runs. Run by src/bench/hostile-inputs.sh.
// Goal: each under a second of analysis with a clear result. A benchmark, never a test (the
// results are asserted in HostileInputTest; only the time is measured here).
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffParseException;
import dev.specgate.diff.DiffParser;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.report.FindingFingerprints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

public class HostileInputs {
  static final String CREATE = "CREATE TABLE users (id bigint PRIMARY KEY, x int, name text);\n";

  static ChangeSet change(String sql) {
    return new ChangeSet(ChangeSet.Kind.DIFF, List.of(
        SourceFile.unchanged("db/migrations/V1__users.sql", CREATE),
        SourceFile.added("db/migrations/V2__hostile.sql", sql)), true);
  }

  static String analyse(ChangeSet c) {
    Report r = Analysis.run(c, Config.defaults());
    Map<String, Integer> byRule = new TreeMap<>();
    for (Finding f : r.findings()) byRule.merge(f.rule(), 1, Integer::sum);
    long chars = r.findings().stream().mapToLong(f -> f.message().length() + f.why().length() + f.fix().length()).sum();
    return byRule + ", " + chars + " chars of finding text";
  }

  public static void main(String[] args) {
    Map<String, Supplier<String>> cases = new java.util.LinkedHashMap<>();
    String in = IntStream.range(0, 5_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    cases.put("IN list of 5,000 values", () -> analyse(change("UPDATE users SET x = 1 WHERE id IN (" + in + ");\n")));
    String or = IntStream.range(0, 2_000).mapToObj(i -> "id = " + i).collect(Collectors.joining(" OR "));
    cases.put("2,000 OR terms", () -> analyse(change("UPDATE users SET x = 1 WHERE " + or + ";\n")));
    cases.put("specgate:ignore + 50,000 spaces + >", () -> analyse(change(
        "-- specgate:ignore" + " ".repeat(50_000) + ">\nALTER TABLE users ADD COLUMN r text NOT NULL;\n")));
    cases.put("<!-- specgate:ignore + 50,000 spaces + > (Markdown)", () -> analyse(ChangeSet.ofPaths(List.of(
        SourceFile.added("docs/notes.md", "<!-- specgate:ignore" + " ".repeat(50_000) + ">\n\ntext\n")))));
    cases.put("type name with 40,000 spaces", () -> analyse(change("ALTER TABLE users ALTER COLUMN name TYPE varchar(99999999999) "
        + " ".repeat(20_000) + "with" + " ".repeat(20_000) + "!;\n")));
    cases.put("FOREIGN KEY + 100,000 spaces", () -> analyse(change(
        "ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES users (id)" + " ".repeat(100_000) + "x;\n")));
    cases.put("2,000 drops and 2,000 expansions (destructive-drop text)", () -> {
      StringBuilder create = new StringBuilder();
      StringBuilder drops = new StringBuilder();
      for (int i = 0; i < 2_000; i++) {
        create.append("CREATE TABLE t").append(i).append(" (id int);\n");
        drops.append("ALTER TABLE t0 ADD COLUMN c").append(i).append(" int;\nDROP TABLE t").append(i).append(";\n");
      }
      return analyse(new ChangeSet(ChangeSet.Kind.DIFF, List.of(
          SourceFile.unchanged("db/migrations/V1__t.sql", create.toString()),
          SourceFile.added("db/migrations/V2__drop.sql", drops.toString())), true));
    });
    cases.put("spec.md: 8,000 > and 3,000 nested lists (guardrail only)", () -> {
      String spec = "# Spec\n\nAllowed:\n- migration file\n\n" + ">".repeat(8_000) + " deep\n\n"
          + IntStream.range(0, 3_000).mapToObj(i -> "  ".repeat(i) + "- item").collect(Collectors.joining("\n")) + "\n";
      ChangeSet c = new ChangeSet(ChangeSet.Kind.DIFF, List.of(
          SourceFile.unchanged("spec.md", spec), SourceFile.added("src/x.txt", "x\n")), false);
      var guardrail = dev.specgate.rules.RuleRegistry.all().stream()
          .filter(r -> r.info().family() == dev.specgate.rules.Family.GUARDRAIL).toList();
      Report r = Analysis.run(c, Config.defaults().withRuleSeverities(Map.of()), guardrail);
      return r.findings().stream().map(Finding::rule).distinct().toList().toString();
    });
    cases.put("fingerprints of 20,000 findings", () -> {
      int n = 20_000;
      ChangeSet c = ChangeSet.ofPaths(List.of(SourceFile.added("a.sql", "SELECT 1;\n".repeat(n))));
      List<Finding> fs = new ArrayList<>();
      for (int i = 1; i <= n; i++) fs.add(new Finding("nullable-first", Severity.ERROR, Location.line("a.sql", i), "m", "w", "f"));
      return FindingFingerprints.of(fs, c).size() + " fingerprints";
    });
    cases.put("diff: @@ -99999999999,1 +1 @@", () -> diff(
        "diff --git a/x.sql b/x.sql\n--- a/x.sql\n+++ b/x.sql\n@@ -99999999999,1 +1 @@\n-a\n+b\n"));
    cases.put("diff: git header of 200,000 spaces", () -> diff("diff --git a/x" + " ".repeat(200_000) + "y\n"));

    System.out.printf("%-58s %9s %9s  %s%n", "input", "cold ms", "warm ms", "result");
    for (Map.Entry<String, Supplier<String>> e : cases.entrySet()) {
      long t0 = System.nanoTime();
      String result = e.getValue().get();
      long cold = System.nanoTime() - t0;
      long warm = Long.MAX_VALUE;
      for (int i = 0; i < 3; i++) {
        long t = System.nanoTime();
        e.getValue().get();
        warm = Math.min(warm, System.nanoTime() - t);
      }
      System.out.printf("%-58s %9.0f %9.0f  %s%n", e.getKey(), cold / 1e6, warm / 1e6, result);
    }
  }

  static String diff(String text) {
    try {
      return DiffParser.parse(text).files().size() + " file(s)";
    } catch (DiffParseException e) {
      return "error: " + e.getMessage();
    }
  }
}
