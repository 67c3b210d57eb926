package dev.specgate.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.cli.Main;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffParseException;
import dev.specgate.diff.DiffParser;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.EngineDiagnostics;
import dev.specgate.engine.Report;
import dev.specgate.report.FindingFingerprints;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crafted inputs of issue 9 (hostile pull requests), each completing with a clear result. Time
 * is measured by src/bench/hostile-inputs.sh, not here; here each must finish with the right
 * findings and no internal error (a regex or recursion that overflowed the stack would surface as
 * one, or kill the test thread).
 */
class HostileInputTest {
  @TempDir Path dir;

  private static final String CREATE = "CREATE TABLE users (id bigint PRIMARY KEY, x int, name text);\n";

  /** A change whose V2 runs over a table an earlier, unchanged migration created. */
  private static Report analyse(String sql) {
    ChangeSet changes = new ChangeSet(ChangeSet.Kind.DIFF, List.of(
        SourceFile.unchanged("db/migrations/V1__users.sql", CREATE),
        SourceFile.added("db/migrations/V2__hostile.sql", sql)), true);
    return Analysis.run(changes, Config.defaults());
  }

  private static List<String> rules(Report r) {
    return r.findings().stream().map(Finding::rule).toList();
  }

  @Test
  void anInListOfThousandsOfValuesIsAListedRowsFixUp() {
    String in = IntStream.range(0, 5_000).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    Report r = analyse("UPDATE users SET x = 1 WHERE id IN (" + in + ");\n");
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INTERNAL_ERROR, "unbatched-backfill");
  }

  @Test
  void thousandsOfOrTermsAreAListedRowsFixUp() {
    String or = IntStream.range(0, 2_000).mapToObj(i -> "id = " + i).collect(Collectors.joining(" OR "));
    Report r = analyse("UPDATE users SET x = 1 WHERE " + or + ";\n");
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INTERNAL_ERROR, "unbatched-backfill");
  }

  @Test
  void aLongStringLiteralInTheWhereClauseIsRead() {
    Report r = analyse("UPDATE users SET x = 1 WHERE name = '" + "a''".repeat(20_000) + "';\n");
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INTERNAL_ERROR, "unbatched-backfill");
  }

  @Test
  void aSuppressionFollowedByALongRunOfSpacesIsNoDirective() {
    String sql = "-- specgate:ignore" + " ".repeat(50_000) + ">\nALTER TABLE users ADD COLUMN region text NOT NULL;\n";
    Report r = analyse(sql);
    assertThat(rules(r)).contains("nullable-first").doesNotContain(EngineDiagnostics.INTERNAL_ERROR);
  }

  @Test
  void aSuppressionWithALongReasonStillSuppresses() {
    String sql = "-- specgate:ignore nullable-first: " + "empty ".repeat(10_000) + "\n"
        + "ALTER TABLE users ADD COLUMN region text NOT NULL;\n";
    assertThat(rules(analyse(sql))).doesNotContain("nullable-first", EngineDiagnostics.INVALID_SUPPRESSION);
  }

  @Test
  void aMarkdownSuppressionFollowedBySpacesIsNoDirective() {
    ChangeSet changes = ChangeSet.ofPaths(List.of(
        SourceFile.added("docs/notes.md", "<!-- specgate:ignore" + " ".repeat(50_000) + ">\n\ntext\n")));
    assertThat(rules(Analysis.run(changes, Config.defaults()))).doesNotContain(EngineDiagnostics.INTERNAL_ERROR);
  }

  @Test
  void aTypeNameWithALongRunOfSpacesIsRead() {
    Report r = analyse("ALTER TABLE users ALTER COLUMN name TYPE varchar(99999999999) " + " ".repeat(20_000)
        + "with" + " ".repeat(20_000) + "!;\nALTER TABLE users ALTER COLUMN x TYPE numeric(1 2);\n");
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INTERNAL_ERROR);
  }

  @Test
  void aForeignKeyFollowedByALongRunOfSpacesIsRead() {
    Report r = analyse("ALTER TABLE users ADD CONSTRAINT fk FOREIGN KEY (x) REFERENCES users (id)"
        + " ".repeat(100_000) + "x;\n");
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INTERNAL_ERROR);
  }

  @Test
  void thousandsOfDropsKeepEachFindingShort() {
    StringBuilder create = new StringBuilder();
    StringBuilder drops = new StringBuilder();
    for (int i = 0; i < 2_000; i++) {
      create.append("CREATE TABLE t").append(i).append(" (id int);\n");
      drops.append("ALTER TABLE t0 ADD COLUMN c").append(i).append(" int;\n");
      drops.append("DROP TABLE t").append(i).append(";\n");
    }
    ChangeSet changes = new ChangeSet(ChangeSet.Kind.DIFF, List.of(
        SourceFile.unchanged("db/migrations/V1__t.sql", create.toString()),
        SourceFile.added("db/migrations/V2__drop.sql", drops.toString())), true);
    Report r = Analysis.run(changes, Config.defaults());
    assertThat(rules(r)).contains("destructive-drop").doesNotContain(EngineDiagnostics.INTERNAL_ERROR);
    for (Finding f : r.findings()) {
      assertThat(f.message().length() + f.why().length() + f.fix().length()).as(f.rule()).isLessThan(3_000);
    }
  }

  @Test
  void deeplyNestedQuotesAndListsInASpecAreWalkedWithoutTheCallStack() throws Exception {
    String spec = "# Spec\n\nAllowed:\n- migration file\n\n" + ">".repeat(8_000) + " deep\n\n"
        + IntStream.range(0, 3_000).mapToObj(i -> "  ".repeat(i) + "- item").collect(Collectors.joining("\n"))
        + "\n";
    String diff = "diff --git a/src/x.txt b/src/x.txt\nnew file mode 100644\n--- /dev/null\n+++ b/src/x.txt\n"
        + "@@ -0,0 +1 @@\n+x\n";
    Path specFile = write("spec.md", spec);
    Path diffFile = write("change.diff", diff);
    Run r = run("guard", "--spec", specFile.toString(), "--diff", diffFile.toString(), "--format", "json");
    assertThat(r.err()).doesNotContain("internal error");
    // the guardrail rules read the spec; a packet reader that cannot is reported by name, not fatal
    assertThat(r.out()).contains("guardrail-out-of-scope");
    assertThat(r.out()).satisfiesAnyOf(
        out -> assertThat(out).doesNotContain(EngineDiagnostics.INTERNAL_ERROR),
        out -> assertThat(out).contains("could not be read").contains("spec.md"));
  }

  /** Fails the way a stack-overflowing regex did; it must not take the other rules with it. */
  @RuleInfo(id = "overflowing", family = Family.SQL, severity = Severity.ERROR, summary = "test: always overflows")
  static final class OverflowingRule implements Rule {
    @Override
    public void check(RuleContext context, Findings out) {
      throw new StackOverflowError();
    }
  }

  @Test
  void aRuleThatOverflowsTheStackBecomesAnInternalErrorNamingRuleAndFile() {
    ChangeSet changes = ChangeSet.ofPaths(List.of(
        SourceFile.added("db/migrations/V2__x.sql", "ALTER TABLE users ADD COLUMN region text NOT NULL;\n")));
    List<Rule> rules = new ArrayList<>(dev.specgate.rules.RuleRegistry.all());
    rules.add(new OverflowingRule());
    Report r = Analysis.run(changes, Config.defaults(), rules);
    Finding internal = r.findings().stream()
        .filter(f -> f.rule().equals(EngineDiagnostics.INTERNAL_ERROR)).findFirst().orElseThrow();
    assertThat(internal.message()).contains("rule overflowing", "V2__x.sql", "StackOverflowError");
    assertThat(internal.file()).isEqualTo("db/migrations/V2__x.sql");
    assertThat(rules(r)).contains("nullable-first");
  }

  @Test
  void twentyThousandFindingsGetDistinctFingerprintsInOnePassPerFile() {
    int n = 20_000;
    String content = "SELECT 1;\n".repeat(n);
    ChangeSet changes = ChangeSet.ofPaths(List.of(SourceFile.added("a.sql", content)));
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      findings.add(new Finding("nullable-first", Severity.ERROR, Location.line("a.sql", i), "m", "w", "f"));
    }
    List<String> prints = FindingFingerprints.of(findings, changes);
    assertThat(prints).hasSize(n);
    assertThat(new HashSet<>(prints)).hasSize(n); // identical lines: told apart by occurrence
  }

  @Test
  void aHunkLineNumberBeyondIntIsAClearDiffError() {
    String diff = "diff --git a/x.sql b/x.sql\n--- a/x.sql\n+++ b/x.sql\n@@ -99999999999,1 +1 @@\n-a\n+b\n";
    assertThatThrownBy(() -> DiffParser.parse(diff))
        .isInstanceOf(DiffParseException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("99999999999")
        .hasMessageContaining("too large");
  }

  @Test
  void aTruncatedGitHeaderIsAClearDiffError() {
    assertThatThrownBy(() -> DiffParser.parse("diff --git a/ b/\n"))
        .isInstanceOf(DiffParseException.class).hasMessageContaining("line 1").hasMessageContaining("names no file path");
    assertThatThrownBy(() -> DiffParser.parse("diff --git a/x\n"))
        .isInstanceOf(DiffParseException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> DiffParser.parse("--- a/\n+++ b/\n@@ -1 +1 @@\n-a\n+b\n"))
        .isInstanceOf(DiffParseException.class).hasMessageContaining("names no file path");
  }

  @Test
  void aGitHeaderOfManySpacesIsReadInLinearTime() throws Exception {
    // 200,000 spaces: trying every space as the split made this take minutes
    assertThat(DiffParser.parse("diff --git a/x" + " ".repeat(200_000) + "y\n").files()).hasSize(1);
  }

  @Test
  void guardNamesTheDiffLineOfAnOversizedHunkNumber() throws Exception {
    Path spec = write("spec.md", "# S\n\nAllowed:\n- anything\n");
    Path diff = write("c.diff", "diff --git a/x.sql b/x.sql\n--- a/x.sql\n+++ b/x.sql\n@@ -99999999999,1 +1 @@\n-a\n+b\n");
    Run r = run("guard", "--spec", spec.toString(), "--diff", diff.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("line 4").contains("99999999999").doesNotContain("NumberFormatException");
  }

  @Test
  void guardNamesFileAndByteOffsetOfADiffThatIsNotUtf8() throws Exception {
    Path spec = write("spec.md", "# S\n\nAllowed:\n- anything\n");
    Path diff = dir.resolve("latin1.diff");
    byte[] head = "diff --git a/x.sql b/x.sql\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = 'a';
    bytes[head.length + 1] = (byte) 0xE9; // é in Latin-1
    bytes[head.length + 2] = '\n';
    Files.write(diff, bytes);
    Run r = run("guard", "--spec", spec.toString(), "--diff", diff.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains(diff.toString()).contains("byte offset " + (head.length + 1))
        .contains("line 2").doesNotContain("Input length");
  }

  @Test
  void checkRefusesAFifoByName() throws Exception {
    Path fifo = dir.resolve("x.sql");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mk.waitFor()).isZero();
    Run r = run("check", fifo.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains(fifo.toString()).contains("not a regular file");
  }

  @Test
  void checkRefusesADeviceByName() {
    Path zero = Path.of("/dev/zero");
    if (!Files.exists(zero)) return; // not on this platform
    Run r = run("check", zero.toString());
    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("/dev/zero").contains("not a regular file");
  }

  @Test
  void checkNamesAFileOverTheSizeCapAsNotAnalysed() throws Exception {
    write("db/migrations/V1__small.sql", "SELECT 1;\n");
    Path big = write("db/migrations/V2__big.sql", "SELECT 1;\n".repeat(200));
    Run r = run("check", dir.toString(), "--max-file-bytes", "1000");
    assertThat(r.err()).contains(big.toString()).contains("larger than 1000 bytes").contains("not analysed");
  }

  private Path write(String rel, String text) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
