package dev.specgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Migration;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Holds squawk's findings against specgate's on the same files (not a test: run by
 * {@code src/bench/squawk-agreement.sh}). For each squawk finding it finds the statement holding its
 * line, leaves it out when a relation that statement touches was created earlier in the same file
 * (squawk does not know that table is new), and counts it as agreed when specgate reports, in the
 * same file, a rule whose aliases name that squawk rule on the same statement (for
 * require-lock-timeout / require-statement-timeout, reported once per file by both, anywhere in the
 * file). Prints one row per squawk rule and writes the findings we do not share to a file.
 *
 * <p>Usage: {@code SquawkAgreement BASE_DIR SQUAWK_JSON SPECGATE_JSON UNSHARED_OUT}
 */
public final class SquawkAgreement {
  private record Ours(String rule, int line, int endLine) {}

  /** Rules reported once per file or about the file as a whole: not "the same statement". */
  private static final Set<String> FILE_LEVEL = Set.of("missing-lock-timeout", "missing-statement-timeout",
      "ddl-and-dml-mixed", "migration-without-packet", "same-release-cleanup");

  public static void main(String[] args) throws IOException {
    Path base = Path.of(args[0]);
    ObjectMapper json = new ObjectMapper();
    JsonNode squawk = json.readTree(Files.readAllBytes(Path.of(args[1])));
    JsonNode specgate = json.readTree(Files.readAllBytes(Path.of(args[2])));
    Map<String, Set<String>> ourRulesFor = new HashMap<>();
    for (Rule r : RuleRegistry.all()) {
      for (String a : r.info().aliases()) {
        if (a.startsWith("squawk:")) ourRulesFor.computeIfAbsent(a.substring(7), k -> new HashSet<>()).add(r.id());
      }
    }
    ourRulesFor.put("prefer-timestamp-tz", ourRulesFor.getOrDefault("prefer-timestamptz", Set.of()));
    Map<String, List<Ours>> ours = new HashMap<>();
    for (JsonNode f : specgate.get("findings")) {
      ours.computeIfAbsent(f.get("file").asText(), k -> new ArrayList<>())
          .add(new Ours(f.get("rule").asText(), f.get("line").asInt(), f.get("endLine").asInt()));
    }
    Map<String, Migration> parsed = new HashMap<>();
    Map<String, int[]> rows = new TreeMap<>(); // rule -> total, excluded, agreed
    try (PrintWriter unshared = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      for (JsonNode f : squawk) {
        String rule = f.get("rule_name").asText();
        String file = f.get("file").asText();
        int line = f.get("line").asInt() + 1; // squawk's lines count from 0
        int[] row = rows.computeIfAbsent(rule, k -> new int[4]);
        row[0]++;
        Migration m = parsed.computeIfAbsent(file, p -> parse(base.resolve(p), p));
        Statement s = statementAt(m, line);
        if (s != null && touchesRelationCreatedEarlier(m, s)) {
          row[1]++;
          continue;
        }
        Set<String> mapped = ourRulesFor.getOrDefault(rule, Set.of());
        boolean fileLevel = rule.equals("require-lock-timeout") || rule.equals("require-statement-timeout")
            || rule.equals("require-timeout-settings");
        boolean agreed = false;
        boolean other = false;
        for (Ours o : ours.getOrDefault(file, List.of())) {
          boolean sameStatement = s != null && o.line() >= s.span().startLine() && o.line() <= s.span().endLine();
          if (mapped.contains(o.rule()) && (fileLevel || s == null || sameStatement)) {
            agreed = true;
            break;
          }
          if (sameStatement && !FILE_LEVEL.contains(o.rule())) other = true;
        }
        if (agreed) {
          row[2]++;
        } else if (other) {
          row[3]++;
        } else {
          String text = s == null ? "?" : s.sql().replaceAll("\\s+", " ");
          unshared.println(rule + "\t" + file + ":" + line + "\t" + (text.length() > 160 ? text.substring(0, 160) : text));
        }
      }
    }
    System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", "squawk rule", "total", "new relation",
        "compared", "same rule", "other rule", "share");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    int[] sum = new int[4];
    for (var e : rows.entrySet()) {
      int[] r = e.getValue();
      int compared = r[0] - r[1];
      System.out.printf("| %s | %d | %d | %d | %d | %d | %.1f%% |%n", e.getKey(), r[0], r[1], compared, r[2], r[3],
          compared == 0 ? 100.0 : 100.0 * (r[2] + r[3]) / compared);
      for (int k = 0; k < 4; k++) sum[k] += r[k];
    }
    System.out.printf("| %s | %d | %d | %d | %d | %d | %.1f%% |%n", "all", sum[0], sum[1], sum[0] - sum[1], sum[2], sum[3],
        100.0 * (sum[2] + sum[3]) / Math.max(1, sum[0] - sum[1]));
  }

  private static Migration parse(Path path, String name) {
    try {
      return MigrationParser.parse(name, Files.readString(path, StandardCharsets.UTF_8), Dialect.POSTGRES);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Statement statementAt(Migration m, int line) {
    Statement best = null;
    for (Statement s : m.statements()) {
      if (s.span().startLine() <= line && s.span().endLine() >= line) return s;
      if (s.span().startLine() <= line) best = s;
    }
    return best;
  }

  private static boolean touchesRelationCreatedEarlier(Migration m, Statement s) {
    Set<String> touched = new HashSet<>();
    for (LockModel.RelationLock l : LockModel.locks(s.op(), LockModel.Schema.NONE)) touched.add(Names.normalize(l.relation()));
    if (s.op() instanceof Operation.CreateIndex ci) touched.add(Names.normalize(ci.table()));
    if (touched.isEmpty()) return false;
    for (Statement e : m.statements()) {
      if (e.index() >= s.index()) break;
      String created = null;
      if (e.op() instanceof Operation.CreateTable ct) created = ct.table();
      else if (e.op() instanceof Operation.CreateObject co && co.name() != null
          && (co.objectKind().equals("VIEW") || co.objectKind().equals("MATERIALIZED VIEW"))) created = co.name();
      if (created != null && touched.contains(Names.normalize(created))) return true;
    }
    return false;
  }
}
