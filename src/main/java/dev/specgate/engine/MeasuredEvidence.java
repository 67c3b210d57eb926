package dev.specgate.engine;

import dev.specgate.sql.MigrationFile;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Joins what a dry run measured to the static findings (DESIGN section 8): a SQL finding on a
 * statement the dry run observed gains "measured: …"; a statement that rewrote or scanned an
 * existing table while blocking its reads or writes, and that no SQL rule reported, becomes a
 * finding of the rule for that kind of statement, with the evidence. Runs before suppressions, so
 * an ignore comment covers measured findings too.
 */
final class MeasuredEvidence {
  private MeasuredEvidence() {}

  static List<Finding> apply(List<Finding> raw, DryRunEvidence evidence, List<MigrationFile> migrations,
      Config config) {
    List<Finding> out = new ArrayList<>();
    Map<ObservedStatement, Boolean> reported = new LinkedHashMap<>();
    for (Finding f : raw) {
      ObservedStatement s = isSqlRule(f.rule()) ? at(evidence, f.file(), f.line()) : null;
      if (s != null && !s.ok() && s.dataDependent()) {
        // e.g. nullable-first: the dry run shows PostgreSQL refusing it on a table with rows
        out.add(new Finding(f.rule(), f.severity(), f.location(), f.message() + "; measured: PostgreSQL rejected it"
            + " on the dry run's synthetic rows: " + s.error(), f.why(), f.fix()));
        continue;
      }
      if (s == null || !s.ok()) {
        out.add(f);
        continue;
      }
      reported.put(s, true);
      out.add(new Finding(f.rule(), f.severity(), f.location(), f.message() + "; measured: " + describe(s),
          f.why(), f.fix()));
    }
    for (ObservedStatement s : evidence.statements()) {
      if (!s.ok() || reported.containsKey(s)) continue;
      boolean grows = !s.rewrites().isEmpty() || !s.scans().isEmpty();
      boolean blocks = !s.blockedReads().isEmpty() || !s.blockedWrites().isEmpty();
      if (!grows || !blocks) continue;
      Statement st = statement(migrations, s.file(), s.line());
      String rule = st == null ? "table-lock-maintenance" : ruleFor(st.op());
      Optional<Rule> r = RuleRegistry.byId(rule);
      if (r.isEmpty()) continue;
      Optional<Severity> severity = config.severityOf(rule, r.get().info().severity());
      if (severity.isEmpty()) continue;
      out.add(new Finding(rule, severity.get(), Location.lines(s.file(), s.line(), s.endLine()),
          "measured: " + describe(s),
          "The dry run observed this statement " + (s.rewrites().isEmpty() ? "read the whole table" : "rewrite the table")
              + " while holding a lock that blocks the application (" + r.get().info().summary() + ");"
              + " its time grows with the table's rows.",
          "See `specgate explain " + rule + "` for the safe form of this change."));
    }
    return out;
  }

  private static boolean isSqlRule(String id) {
    return RuleRegistry.byId(id).map(r -> r.info().family() == Family.SQL).orElse(false);
  }

  private static ObservedStatement at(DryRunEvidence e, String file, int line) {
    for (ObservedStatement s : e.statements()) {
      if (s.file().equals(file) && line >= s.line() && line <= s.endLine()) return s;
    }
    return null;
  }

  private static Statement statement(List<MigrationFile> migrations, String file, int line) {
    for (MigrationFile m : migrations) {
      if (!m.path().equals(file)) continue;
      for (Statement s : m.migration().statements()) if (s.line() == line) return s;
    }
    return null;
  }

  /** The rule that speaks for a statement of this kind rewriting or scanning under a blocking lock. */
  static String ruleFor(Operation op) {
    if (op instanceof Operation.CreateIndex) return "index-not-concurrent";
    if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AlterColumnType) return "column-type-change";
        if (a instanceof AlterAction.AddColumn) return "volatile-default-rewrite";
        if (a instanceof AlterAction.SetNotNull) return "set-not-null-scan";
        if (a instanceof AlterAction.AddConstraint c) {
          ConstraintDef.Kind k = c.constraint().kind();
          if (k == ConstraintDef.Kind.PRIMARY_KEY || k == ConstraintDef.Kind.UNIQUE) return "unique-without-index";
          if (k == ConstraintDef.Kind.NOT_NULL) return "set-not-null-scan";
          return "constraint-not-valid";
        }
      }
    }
    return "table-lock-maintenance";
  }

  /**
   * "ACCESS EXCLUSIVE on accounts for 84 ms with 20,000 rows, reads and writes blocked; rewrote
   * accounts; ≈ 2.1 min at the stated 18M rows".
   */
  static String describe(ObservedStatement s) {
    StringBuilder b = new StringBuilder();
    ObservedLock strongest = null;
    for (ObservedLock l : s.locks()) {
      if (strongest == null || ObservedLock.strength(l.mode()) > ObservedLock.strength(strongest.mode())) strongest = l;
    }
    if (strongest == null) {
      b.append(s.observed() ? "no table lock" : "locks not observed").append(", ").append(ms(s.durationMs()));
    } else {
      b.append(ObservedLock.label(strongest.mode())).append(" on ").append(strongest.relation())
          .append(" for ").append(ms(s.durationMs()));
    }
    if (s.scale() != null) b.append(" with ").append(String.format(Locale.ROOT, "%,d", s.scale().seededRows())).append(" rows");
    boolean reads = !s.blockedReads().isEmpty();
    boolean writes = !s.blockedWrites().isEmpty();
    if (reads && writes) b.append(", reads and writes blocked");
    else if (writes) b.append(", writes blocked, reads continue");
    else if (reads) b.append(", reads blocked");
    else b.append(", reads and writes continue");
    if (!s.rewrites().isEmpty()) b.append("; rewrote ").append(String.join(", ", s.rewrites()));
    else if (!s.scans().isEmpty()) b.append("; scanned ").append(String.join(", ", s.scans()));
    if (s.scale() != null && s.scale().estimatedMs() >= 0) {
      b.append("; ≈ ").append(duration(s.scale().estimatedMs())).append(" at the stated ")
          .append(rows(s.scale().statedRows())).append(" rows");
    }
    return b.toString();
  }

  static String ms(double ms) {
    return dev.specgate.core.Durations.human(ms);
  }

  static String duration(double ms) {
    return dev.specgate.core.Durations.human(ms);
  }

  static String rows(long n) {
    if (n >= 1_000_000) {
      double m = n / 1_000_000.0;
      return (m == Math.rint(m) ? String.format(Locale.ROOT, "%.0fM", m) : String.format(Locale.ROOT, "%.1fM", m));
    }
    return String.format(Locale.ROOT, "%,d", n);
  }
}
