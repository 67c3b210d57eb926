package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Config;
import dev.specgate.rules.Fixture;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The static lock table, proven (issue: "the static lock table, proven"): every statement of the
 * SQL rules' fixtures, and every form {@link LockLevel} knows ({@code dryrun/lock-forms}), runs on
 * the embedded PostgreSQL as a migration of its own, and the lock {@link LockLevel#of(Operation)}
 * states for the relation the statement names must be the strongest mode PostgreSQL held on it.
 * For a foreign key, the referenced table must hold SHARE ROW EXCLUSIVE, as constraint-not-valid
 * says. The table of forms × static × observed is written to the build folder
 * ({@code lock-table.md}) for the docs.
 */
class LockTableProofTest {
  /** Forms where the lock table is known to differ from PostgreSQL; each is listed in the report. */
  private static final Map<String, String> KNOWN_DIFFERENCES = new LinkedHashMap<>();

  private record Run(Path fixture, ChangeSet changes, DryRunResult result) {}

  record Row(String form, String sql, String relation, String role, String stated, String observed) {
    boolean agrees() {
      return stated.equals(observed);
    }
  }

  @Test
  void theLockEachStatementFormStatesIsTheLockPostgresTakes() throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    // Fixtures are independent (a scratch database each): run a few at once on the shared cluster.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Run>> runs = new ArrayList<>();
    for (Path fixture : fixtures()) {
      // MySQL fixtures (the online-DDL rules) state MySQL's behaviour, not PostgreSQL's locks.
      if (Fixture.load(fixture).config().dialect() == dev.specgate.sql.Dialect.MYSQL) continue;
      runs.add(pool.submit(() -> {
        ChangeSet changes = oneStatementPerFile(fixture);
        return new Run(fixture, changes, DryRun.run(changes, Config.defaults(),
            new DryRunOptions(null, null, Map.of(), 500)));
      }));
    }
    pool.shutdown();
    for (Future<Run> run : runs) {
      Path fixture = run.get().fixture();
      ChangeSet changes = run.get().changes();
      DryRunResult r = run.get().result();
      Map<String, Statement> parsed = parsedByFile(changes);
      for (ObservedStatement s : r.evidence().statements()) {
        Statement st = parsed.get(s.file());
        if (st == null) continue;
        if (!s.ok()) {
          notRun.add(fixture + " " + oneLine(s.sql()) + ": " + s.error());
          continue;
        }
        if (!s.observed()) {
          notRun.add(fixture + " " + oneLine(s.sql()) + ": locks not observed");
          continue;
        }
        rows.addAll(compare(st, s));
      }
    }
    Map<String, Row> byForm = new LinkedHashMap<>();
    for (Row row : rows) byForm.putIfAbsent(row.form() + " @" + row.role() + " " + row.stated() + "/" + row.observed(), row);
    Path out = Path.of(System.getProperty("specgate.buildDir", "target"), "lock-table.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table(byForm.values(), notRun), StandardCharsets.UTF_8);

    List<String> wrong = new ArrayList<>();
    for (Row row : byForm.values()) {
      if (!row.agrees()) wrong.add(row.form() + " [" + row.role() + " " + row.relation() + "]: stated " + row.stated()
          + ", PostgreSQL took " + row.observed() + " (" + row.sql() + ")");
    }
    assertThat(rows.size()).as("statement forms that ran (not run: %s)", notRun).isGreaterThan(60);
    assertThat(wrong).as("the lock table disagrees with PostgreSQL; see %s", out).isEmpty();
  }

  /** The named relation, and for a foreign key the referenced table, each compared. */
  private static List<Row> compare(Statement st, ObservedStatement s) {
    List<Row> out = new ArrayList<>();
    String form = form(st.op());
    String named = named(st.op());
    if (named != null && onIndexTable(st.op())) {
      // The lock table states the lock on the index's table: compare it with the table's lock (the
      // relation locked other than the index itself).
      String table = s.locks().stream().map(ObservedLock::relation).filter(r -> !r.equals(named)).findFirst().orElse(named);
      out.add(new Row(form, oneLine(s.sql()), table, "table of index " + named, label(LockLevel.of(st.op())),
          strongest(s, table)));
    } else if (named != null) {
      out.add(new Row(form, oneLine(s.sql()), named, "named", label(LockLevel.of(st.op())), strongest(s, named)));
    }
    for (String ref : referenced(st.op())) {
      out.add(new Row(form, oneLine(s.sql()), ref, "referenced", "SHARE ROW EXCLUSIVE", strongest(s, ref)));
    }
    return out;
  }

  /** DROP INDEX and REINDEX INDEX: the lock table states the lock on the table, not the index. */
  private static boolean onIndexTable(Operation op) {
    if (op instanceof Operation.DropIndex) return true;
    return op instanceof Operation.Maintenance m && m.kind() == Operation.Maintenance.Kind.REINDEX
        && m.target() != null && m.target().endsWith("_idx");
  }

  private static String label(LockLevel l) {
    return l == LockLevel.NONE ? "none" : l.label();
  }

  private static String strongest(ObservedStatement s, String relation) {
    String best = null;
    for (ObservedLock l : s.locks()) {
      if (!l.relation().equals(relation)) continue;
      if (best == null || ObservedLock.strength(l.mode()) > ObservedLock.strength(best)) best = l.mode();
    }
    return best == null ? "none" : ObservedLock.label(best);
  }

  private static String named(Operation op) {
    if (op instanceof Operation.AlterTable x) return x.table();
    if (op instanceof Operation.CreateIndex x) return x.table();
    if (op instanceof Operation.DropIndex x) return x.names().isEmpty() ? null : x.names().get(0);
    if (op instanceof Operation.DropTable x) return x.tables().get(0);
    if (op instanceof Operation.Truncate x) return x.tables().get(0);
    if (op instanceof Operation.Update x) return x.table();
    if (op instanceof Operation.Delete x) return x.table();
    if (op instanceof Operation.Insert x) return x.table();
    if (op instanceof Operation.RenameObject x) return x.from();
    if (op instanceof Operation.Maintenance x) return x.target();
    return null;
  }

  private static List<String> referenced(Operation op) {
    List<String> out = new ArrayList<>();
    if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AddConstraint c && c.constraint().referencedTable() != null) {
          out.add(c.constraint().referencedTable());
        }
        if (a instanceof AlterAction.AddColumn c && c.column().references() != null) out.add(c.column().references());
      }
    }
    return out;
  }

  /** A statement form: the operation and, for ALTER TABLE, its actions and their kinds. */
  static String form(Operation op) {
    if (op instanceof Operation.AlterTable at) {
      List<String> actions = new ArrayList<>();
      for (AlterAction a : at.actions()) {
        String n = a.getClass().getSimpleName();
        if (a instanceof AlterAction.AddConstraint c) {
          n += "(" + c.constraint().kind() + (c.notValid() ? ", NOT VALID" : "") + ")";
        } else if (a instanceof AlterAction.AddColumn c) {
          n += c.column().references() != null ? "(REFERENCES)" : c.column().hasDefault() ? "(DEFAULT)" : "";
        } else if (a instanceof AlterAction.OtherAction o) {
          n += "(" + o.text().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("^(\\S+ \\S+).*", "$1") + ")";
        }
        actions.add(n);
      }
      return "ALTER TABLE " + String.join(", ", actions);
    }
    if (op instanceof Operation.CreateIndex ci) return "CREATE " + (ci.unique() ? "UNIQUE " : "") + "INDEX" + (ci.concurrently() ? " CONCURRENTLY" : "");
    if (op instanceof Operation.DropIndex di) return "DROP INDEX" + (di.concurrently() ? " CONCURRENTLY" : "");
    if (op instanceof Operation.Maintenance m) {
      return m.kind() + (m.full() ? " FULL" : "") + (m.concurrently() ? " CONCURRENTLY" : "");
    }
    if (op instanceof Operation.RenameObject r) return "ALTER " + r.objectKind() + " RENAME";
    if (op instanceof Operation.Insert i) return "INSERT" + (i.fromSelect() ? " … SELECT" : "");
    return op.getClass().getSimpleName().toUpperCase(Locale.ROOT);
  }

  /** The fixtures of the SQL rules, and the forms file. */
  private static List<Path> fixtures() throws Exception {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> rules = Files.list(Path.of("rules", "sql"))) {
      for (Path rule : rules.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> list = Files.list(rule)) {
          out.addAll(list.filter(p -> {
            String n = p.getFileName().toString();
            return n.startsWith("bad") || n.startsWith("good");
          }).sorted().toList());
        }
      }
    }
    out.add(Path.of("src", "test", "resources", "dryrun", "lock-forms"));
    return out;
  }

  /**
   * The fixture's history stays history; each statement of its migrations becomes a migration file
   * of its own, in order, so one statement PostgreSQL rejects does not hide the ones after it.
   */
  private static ChangeSet oneStatementPerFile(Path fixture) throws Exception {
    Fixture f = Fixture.load(fixture);
    List<SourceFile> files = new ArrayList<>();
    int n = 0;
    for (SourceFile file : f.changes().files()) {
      if (!file.isChanged() || !file.path().endsWith(".sql")) {
        files.add(file);
        continue;
      }
      for (Statement st : MigrationParser.parse(file.path(), file.content(), f.config().dialect()).statements()) {
        if (st.op() instanceof Operation.Transaction) continue;
        files.add(SourceFile.added(String.format(Locale.ROOT, "db/migrations/forms/%04d.sql", ++n), st.sql() + ";\n"));
      }
    }
    return new ChangeSet(ChangeSet.Kind.RANGE, files, true);
  }

  private static Map<String, Statement> parsedByFile(ChangeSet changes) {
    Map<String, Statement> out = new LinkedHashMap<>();
    for (SourceFile f : changes.files()) {
      if (!f.path().startsWith("db/migrations/forms/")) continue;
      List<Statement> st = MigrationParser.parse(f.path(), f.content(), dev.specgate.sql.Dialect.POSTGRES).statements();
      if (!st.isEmpty()) out.put(f.path(), st.get(0));
    }
    return out;
  }

  private static String table(Iterable<Row> rows, List<String> notRun) {
    StringBuilder b = new StringBuilder("| Statement form | Example | Relation | Static (sql/LockLevel) | Observed (pg_locks) | |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append("| ").append(r.form()).append(" | `").append(r.sql().replace("|", "\\|")).append("` | ")
          .append(r.role()).append(" ").append(r.relation()).append(" | ").append(r.stated()).append(" | ")
          .append(r.observed()).append(" | ").append(r.agrees() ? "=" : "**differs**").append(" |\n");
    }
    b.append("\nNot run (").append(notRun.size()).append("):\n");
    for (String s : notRun) b.append("- ").append(s).append('\n');
    return b.toString();
  }

  private static String oneLine(String sql) {
    String s = sql.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").trim();
    return s.length() > 90 ? s.substring(0, 89) + "…" : s;
  }
}
