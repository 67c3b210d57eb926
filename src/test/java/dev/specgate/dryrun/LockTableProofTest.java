package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Config;
import dev.specgate.rules.Fixture;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.engine.Workspace;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.schema.SchemaHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The lock model, proven (issue: "the static lock table, proven"): every statement of the SQL
 * rules' fixtures, and every form docs/lock-model.md lists ({@code dryrun/lock-forms}), runs on the
 * embedded PostgreSQL as a migration of its own. For every relation {@link LockModel#locks} lists
 * (with the schema replayed from the history before the statement), its mode must be the strongest
 * mode PostgreSQL held on that relation; and every existing relation PostgreSQL locked must be in
 * the model (see {@link #compare} for the locks left out and why). The table of forms × relation
 * × model × observed is written to the build folder ({@code lock-table.md}) for docs/dry-run.md.
 */
class LockTableProofTest {
  private record Run(Path fixture, ChangeSet changes, DryRunResult result) {}

  /** One relation of one statement; {@code note} says why a stated difference is accepted. */
  record Row(String form, String sql, String relation, String role, int position, String stated, String observed,
      String note) {
    boolean agrees() {
      return stated.equals(observed) || note != null;
    }
  }

  @Test
  void theLocksTheModelStatesAreTheLocksPostgresTakesOnEveryRelation() throws Exception {
    List<Row> rows = new ArrayList<>();
    List<String> notRun = new ArrayList<>();
    List<String> notAsserted = new ArrayList<>();
    // Fixtures are independent (a scratch database each): run a few at once on the shared cluster.
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Future<Run>> runs = new ArrayList<>();
    for (Path fixture : fixtures()) {
      // MySQL fixtures (the online-DDL rules) state MySQL's behaviour, not PostgreSQL's locks.
      if (Fixture.load(fixture).config().dialect() == dev.specgate.sql.Dialect.MYSQL) continue;
      runs.add(pool.submit(() -> {
        ChangeSet changes = oneStatementPerFile(fixture);
        return new Run(fixture, changes, DryRun.run(changes, Config.defaults(),
            new DryRunOptions(null, null, Map.of(), 500, DryRunOptions.DEFAULT_MAX_DATABASE_MB)));
      }));
    }
    pool.shutdown();
    for (Future<Run> run : runs) {
      Path fixture = run.get().fixture();
      ChangeSet changes = run.get().changes();
      DryRunResult r = run.get().result();
      List<MigrationFile> migrations = Workspace.discover(changes, Config.defaults()).migrations();
      SchemaHistory history = SchemaHistory.replay(migrations, true);
      Map<String, MigrationFile> byPath = new LinkedHashMap<>();
      for (MigrationFile m : migrations) byPath.put(m.path(), m);
      for (ObservedStatement s : r.evidence().statements()) {
        MigrationFile file = byPath.get(s.file());
        if (file == null || !s.file().startsWith(FORMS) || file.migration().statements().isEmpty()) continue;
        Statement st = file.migration().statements().get(0);
        if (!s.ok()) {
          notRun.add(fixture + " " + oneLine(s.sql()) + ": " + s.error());
          continue;
        }
        if (!s.observed()) {
          notRun.add(fixture + " " + oneLine(s.sql()) + ": locks not observed");
          continue;
        }
        rows.addAll(compare(st, s, history.lockFacts(file, st), notAsserted));
      }
    }
    Map<String, Row> byForm = new LinkedHashMap<>();
    for (Row row : rows) {
      byForm.putIfAbsent(row.form() + " @" + row.role() + " #" + row.position() + " " + row.stated() + "/"
          + row.observed() + " " + row.note(), row);
    }
    Path out = Path.of(System.getProperty("specgate.buildDir", "target"), "lock-table.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table(byForm.values(), notRun, notAsserted), StandardCharsets.UTF_8);

    List<String> wrong = new ArrayList<>();
    for (Row row : byForm.values()) {
      if (!row.agrees()) wrong.add(row.form() + " [" + row.role() + " " + row.relation() + "]: model "
          + row.stated() + ", PostgreSQL took " + row.observed() + " (" + row.sql() + ")");
    }
    assertThat(rows.size()).as("statement forms that ran (not run: %s)", notRun).isGreaterThan(60);
    assertThat(wrong).as("the lock model disagrees with PostgreSQL; see %s", out).isEmpty();
  }

  private static final String FORMS = "db/migrations/forms/";

  /**
   * Every relation the model lists, compared with the strongest mode PostgreSQL held on it; then
   * every relation PostgreSQL locked that the model does not list, unless it is
   * <ul>
   *   <li>created by the statement (nobody else can see it yet),</li>
   *   <li>an index of a table the model locks at least as strongly: an index is reached only
   *       through its table, so a session the table's lock lets through is the only one that can
   *       wait on the index, and PostgreSQL takes the index lock (planning, index maintenance,
   *       ALTER TABLE's rebuild) only while holding the table's.</li>
   * </ul>
   * A lock on a type (ALTER TYPE … ADD VALUE) is an object lock, not a relation lock: pg_locks
   * shows it with locktype 'object', which the dry run does not record, so it is listed as not
   * asserted.
   */
  private static List<Row> compare(Statement st, ObservedStatement s, LockModel.Schema facts,
      List<String> notAsserted) {
    List<Row> out = new ArrayList<>();
    String form = form(st.op());
    String sql = oneLine(s.sql());
    List<LockModel.RelationLock> model = LockModel.locks(st.op(), facts);
    Map<String, LockLevel> modelled = new LinkedHashMap<>();
    for (LockModel.RelationLock l : model) {
      if (l.kind() == LockModel.RelationKind.TYPE) {
        notAsserted.add(form + " `" + sql + "`: " + l.level().label() + " on type " + l.relation()
            + " (an object lock; the dry run records relation locks only)");
        continue;
      }
      String relation = bare(l.relation());
      modelled.put(relation, l.level());
      String observed = strongest(s, relation);
      String note = null;
      if (form.contains("CONCURRENTLY") && l.kind() == LockModel.RelationKind.INDEX
          && l.level() == LockLevel.SHARE_UPDATE_EXCLUSIVE && observed.equals("ACCESS EXCLUSIVE")) {
        // DROP INDEX CONCURRENTLY and REINDEX CONCURRENTLY end by taking ACCESS EXCLUSIVE on the old
        // index, after marking it invalid and dead and waiting out every transaction that could
        // use it: no session can queue on it. The model states the lock sessions meet.
        note = "final phase, on the dead index";
      }
      out.add(new Row(form, sql, relation, kindName(l.kind()), out.size(), label(l.level()), observed, note));
    }
    Set<String> created = created(st.op());
    Set<String> seen = new LinkedHashSet<>();
    for (ObservedLock o : s.locks()) {
      String relation = o.relation();
      if (modelled.containsKey(relation) || !seen.add(relation) || isCreated(relation, created)) continue;
      String observed = strongest(s, relation);
      if (underTableLock(relation, observed, modelled, facts)) continue;
      String note = null;
      if (observed.equals("ACCESS SHARE")) {
        // A query's read of another relation (INSERT … SELECT's source, a view's base tables at
        // CREATE VIEW or REFRESH): conflicts only with ACCESS EXCLUSIVE, blocks no reads or writes.
        note = "read, not modelled";
      } else if (indexOfUnknownTable(relation, modelled.keySet(), facts)) {
        // The dry run stood the table in (the fixture's history does not create it), so the
        // replayed schema does not know its indexes either.
        note = "index of a stand-in table";
      } else if (st.op() instanceof Operation.Other other && "COMMENT".equalsIgnoreCase(other.kind())) {
        // COMMENT ON takes SHARE UPDATE EXCLUSIVE on its object; the parsed statement keeps no target.
        note = "COMMENT ON, target not parsed";
      }
      out.add(new Row(form, sql, relation, "not in model", out.size(), "none", observed, note));
    }
    return out;
  }

  private static boolean indexOfUnknownTable(String relation, Set<String> modelled, LockModel.Schema facts) {
    for (String t : modelled) {
      if (relation.startsWith(t + "_") && relation.matches(".*_(pkey|key|idx)$") && facts.indexesOf(t).isEmpty()
          && facts.tableOfIndex(relation).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String bare(String relation) {
    return relation.startsWith("public.") ? relation.substring("public.".length()) : relation;
  }

  private static String kindName(LockModel.RelationKind k) {
    return k.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The relations a statement creates (names as PostgreSQL stores them: at most 63 bytes). */
  private static Set<String> created(Operation op) {
    Set<String> out = new LinkedHashSet<>();
    if (op instanceof Operation.CreateTable ct) out.add(bare(Names.normalize(ct.table())));
    if (op instanceof Operation.CreateIndex ci && ci.name() != null) out.add(bare(Names.normalize(ci.name())));
    if (op instanceof Operation.CreateObject co && co.name() != null && !co.orReplace()) {
      out.add(bare(Names.normalize(co.name())));
    }
    Set<String> stored = new LinkedHashSet<>();
    for (String c : out) stored.add(c.length() > 63 ? c.substring(0, 63) : c);
    return stored;
  }

  /**
   * A created relation, one PostgreSQL creates with it (a new table's primary key, serial
   * sequences), or REINDEX CONCURRENTLY's new copy of an index ({@code <index>_ccnew}).
   */
  private static boolean isCreated(String relation, Set<String> created) {
    if (relation.endsWith("_ccnew") || relation.endsWith("_ccold")) return true;
    for (String c : created) if (relation.equals(c) || relation.startsWith(c + "_")) return true;
    return false;
  }

  /**
   * An index, or a sequence a column owns ({@code <table>_<column>_seq}: serial, identity), whose
   * table the model locks at least as strongly as PostgreSQL locked it. Both are reached through
   * the table (a query plans with the table's indexes; an owned sequence is drawn by the table's
   * default), so the table's lock already stops every session that would wait on them.
   */
  private static boolean underTableLock(String relation, String observed, Map<String, LockLevel> modelled,
      LockModel.Schema facts) {
    LockLevel mode = LockLevel.byLabel(observed).orElse(LockLevel.ACCESS_EXCLUSIVE);
    String table = facts.tableOfIndex(relation).map(LockTableProofTest::bare).orElse(null);
    if (table == null) {
      // Indexes a constraint creates or implies (PostgreSQL names them <table>_pkey, <table>_<cols>_key…).
      for (String t : modelled.keySet()) {
        if (relation.startsWith(t + "_") && relation.matches(".*_(pkey|key|idx|excl|seq)$")) table = t;
      }
    }
    return table != null && modelled.containsKey(table) && modelled.get(table).compareTo(mode) >= 0;
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
      String kind = m.kind().name().replace('_', ' ');
      if (m.kind() == Operation.Maintenance.Kind.REINDEX && m.targetKind() != null) kind += " " + m.targetKind();
      return kind + (m.full() ? " FULL" : "") + (m.concurrently() ? " CONCURRENTLY" : "");
    }
    if (op instanceof Operation.RenameObject r) return "ALTER " + r.objectKind() + " RENAME";
    if (op instanceof Operation.Insert i) return "INSERT" + (i.fromSelect() ? " … SELECT" : "");
    if (op instanceof Operation.CreateObject o) return "CREATE " + (o.orReplace() ? "OR REPLACE " : "") + o.objectKind();
    if (op instanceof Operation.DropObject o) return "DROP " + o.objectKind();
    if (op instanceof Operation.AlterObject o) {
      String a = o.action() == null ? "" : o.action().replaceAll("^(\\S+ \\S+).*", "$1");
      return "ALTER " + o.objectKind() + (a.isEmpty() ? "" : " " + a);
    }
    if (op instanceof Operation.LockTable) return "LOCK TABLE";
    if (op instanceof Operation.CreateTable ct) {
      boolean refs = ct.columns().stream().anyMatch(c -> c.references() != null)
          || ct.constraints().stream().anyMatch(k -> k.kind() == dev.specgate.sql.ConstraintDef.Kind.FOREIGN_KEY);
      return "CREATE TABLE" + (ct.partitionOf() != null ? " PARTITION OF" : "") + (refs ? " … REFERENCES" : "");
    }
    if (op instanceof Operation.DropTable) return "DROP TABLE";
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

  private static String table(Iterable<Row> rows, List<String> notRun, List<String> notAsserted) {
    StringBuilder b = new StringBuilder("| Statement form | Example | Relation | Model (sql/LockModel) | Observed (pg_locks) | |\n");
    b.append("|---|---|---|---|---|---|\n");
    for (Row r : rows) {
      b.append("| ").append(r.form()).append(" | `").append(r.sql().replace("|", "\\|")).append("` | ")
          .append(r.role()).append(" ").append(r.relation()).append(" | ").append(r.stated()).append(" | ")
          .append(r.observed()).append(" | ")
          .append(r.stated().equals(r.observed()) ? "=" : r.note() != null ? "≠ (" + r.note() + ")" : "**differs**")
          .append(" |\n");
    }
    b.append("\nNot asserted (").append(notAsserted.size()).append("):\n");
    for (String s : new LinkedHashSet<>(notAsserted)) b.append("- ").append(s).append('\n');
    b.append("\nNot run (").append(notRun.size()).append("):\n");
    for (String s : notRun) b.append("- ").append(s).append('\n');
    return b.toString();
  }

  private static String oneLine(String sql) {
    String s = sql.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").trim();
    return s.length() > 90 ? s.substring(0, 89) + "…" : s;
  }
}
