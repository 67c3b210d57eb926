package dev.specgate.dryrun;

import dev.specgate.rules.dryrun.ObservedStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The schema before the change, in scratch databases: the schema dumps loaded
 * ({@link SchemaDumpLoader}) and the base history replayed in its tool's order, once, in a database
 * no run works in; each run (the change's, each phase check of the plan) gets a copy of it
 * ({@link ScratchDatabase#copy()}) with a minimal stand-in for each table its SQL alters or
 * references that neither creates. None of it is observed: it is the ground the change is measured
 * on. Loading a large dump takes seconds; it was done once per run.
 */
final class PriorSchema implements AutoCloseable {
  /** Opens a fresh scratch database (embedded or on the server of {@code --db}). */
  interface Databases {
    ScratchDatabase open() throws DryRunException;
  }

  private final ChangePlan plan;
  private final Databases databases;
  /** The dumps and base history, built when the first run asks; never worked in. */
  private ScratchDatabase history;
  private final List<String> historyNotes = new ArrayList<>();

  /** For the dumps and base history of {@code plan}, in databases {@code databases} opens. */
  PriorSchema(ChangePlan plan, Databases databases) {
    this.plan = plan;
    this.databases = databases;
  }

  /**
   * A scratch database holding the schema before {@code run}'s change ({@code run} shares this
   * plan's dumps and base history), stand-ins included. What the reader must know (what a dump left
   * out, stand-ins) goes to {@code notes}. A base history PostgreSQL rejects is a
   * {@link DryRunException} when there is no dump; with one, a note (the dump is the schema).
   */
  ScratchDatabase open(ChangePlan run, List<String> notes) throws DryRunException {
    ScratchDatabase db;
    if (plan.dumps().isEmpty() && plan.base().isEmpty()) {
      db = databases.open(); // no history to share: a copy of an empty template would only cost a database more
    } else {
      if (history == null) history = buildHistory();
      for (String n : historyNotes) if (!notes.contains(n)) notes.add(n);
      db = history.copy();
    }
    boolean ready = false;
    try (Connection c = db.connect()) {
      standIns(run, c, notes);
      ready = true;
      return db;
    } catch (SQLException e) {
      throw new DryRunException("the dry run lost its database " + db + " while it made stand-ins: "
          + Seeder.firstLine(e.getMessage()), e);
    } finally {
      if (!ready) db.close();
    }
  }

  /**
   * The dumps and the base history, every session to the database closed (it is a template). A dump
   * loads on a connection of its own, so its session settings never reach the history's replay.
   */
  private ScratchDatabase buildHistory() throws DryRunException {
    ScratchDatabase db = databases.open();
    boolean built = false;
    try (Connection c = db.connect()) {
      Set<String> inDump = new HashSet<>();
      for (Script dump : plan.dumps()) {
        try (Connection own = db.connect()) {
          SchemaDumpLoader.load(dump, own, historyNotes);
          inDump.addAll(SchemaDumpLoader.appliedVersions(own));
        }
      }
      replayBase(plan, new ScriptRunner(c, db), c, inDump, historyNotes);
      built = true;
      return db;
    } catch (SQLException e) {
      Optional<String> over = db.overBudget();
      if (over.isPresent()) {
        throw new DryRunException(over.get() + " while the dry run loaded the schema before the change: raise"
            + " dryRunMaxDatabaseMb", e);
      }
      throw new DryRunException("the schema before the change could not be loaded into " + db + ": "
          + Seeder.firstLine(e.getMessage()), e);
    } finally {
      if (!built) db.close();
    }
  }

  @Override
  public void close() throws DryRunException {
    if (history != null) history.close();
  }

  private static void replayBase(ChangePlan plan, ScriptRunner runner, Connection c, Set<String> inDump,
      List<String> notes) throws SQLException, DryRunException {
    List<String> already = new ArrayList<>();
    for (Script s : plan.base()) {
      String version = SchemaDumpLoader.versionOf(s.file());
      if (version != null && inDump.contains(version)) {
        // Rails and dbmate rewrite the dump after migrating: it holds this migration's result already
        already.add(s.file());
        continue;
      }
      List<ObservedStatement> ran = runner.run(s, null);
      if (!ran.isEmpty() && !ran.get(ran.size() - 1).ok()) {
        ObservedStatement f = ran.get(ran.size() - 1);
        if (!plan.dumps().isEmpty()) {
          notes.add(f.file() + " (before the change) does not apply on top of the schema dump and was left out: line "
              + f.line() + ": " + f.error() + ". The dump is taken as the schema before the change.");
          continue;
        }
        throw new DryRunException(f.file() + ":" + f.line() + ": the migration history before the change does"
            + " not apply on PostgreSQL " + Catalog.serverVersion(c) + ": " + f.error() + ". The dry run"
            + " stopped there: nothing after this file was applied, so it produced no evidence."
            + " Fix that migration, or run from a commit where the history applies."
            + (needsSuperuser(f.error()) ? " (On the embedded PostgreSQL the SQL runs as a role that is not a"
                + " superuser, as SQL from a pull request must; to apply statements that need one, give --db a"
                + " server of yours.)" : ""));
      }
    }
    if (!already.isEmpty()) {
      notes.add(already.size() + (already.size() == 1 ? " migration" : " migrations") + " before the change"
          + " not replayed: the schema dump's schema_migrations lists " + (already.size() == 1 ? "it" : "them")
          + ", so the dump holds " + (already.size() == 1 ? "its result" : "their results") + " ("
          + String.join(", ", already.subList(0, Math.min(3, already.size()))) + (already.size() > 3 ? ", …" : "") + ")");
    }
  }

  /** A table the change alters but no earlier migration creates gets a minimal stand-in. */
  private static void standIns(ChangePlan plan, Connection c, List<String> notes) throws SQLException {
    Set<String> existing = Catalog.tables(c);
    for (String table : plan.touchedExistingTables()) {
      if (existing.contains(table)) continue;
      List<String> columns = new ArrayList<>(List.of("id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
      for (String col : plan.columnsNamedOn(table)) {
        // a key column is most likely a bigint (foreign keys need the type of the key they reference)
        if (!col.equals("id")) columns.add(Seeder.quoteIdent(col) + (col.endsWith("_id") ? " bigint" : " text"));
      }
      createStandIn(c, table, String.join(", ", columns));
      notes.add(noneCreates(plan, table) + ": the dry run created a stand-in ("
          + String.join(", ", columns).replace(" GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", " identity primary key")
          + ") so that the change could run; its locks, rewrites and scans are PostgreSQL's own, its column types are"
          + " guessed");
    }
    // a foreign key's target must exist with a key on the referenced columns, or PostgreSQL refuses the constraint
    existing = Catalog.tables(c);
    for (Map.Entry<String, Map<String, String>> ref : plan.referencedTables().entrySet()) {
      String table = ref.getKey();
      if (existing.contains(table)) continue;
      List<String> columns = new ArrayList<>();
      ref.getValue().forEach((col, type) -> columns.add(Seeder.quoteIdent(col) + " " + type));
      String key = String.join(", ", ref.getValue().keySet().stream().map(Seeder::quoteIdent).toList());
      createStandIn(c, table, String.join(", ", columns) + ", PRIMARY KEY (" + key + ")");
      notes.add(noneCreates(plan, table) + ", which a foreign key of the change references: the dry run created a"
          + " stand-in (" + String.join(", ", columns) + ", primary key (" + key + ")) so that the constraint could be added");
    }
  }

  private static void createStandIn(Connection c, String table, String definition) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      if (table.contains(".")) s.execute("CREATE SCHEMA IF NOT EXISTS " + Seeder.quoteIdent(table.substring(0, table.indexOf('.'))));
      s.execute("CREATE TABLE " + Seeder.quoteName(table) + " (" + definition + ")");
    }
  }

  private static String noneCreates(ChangePlan plan, String table) {
    return "no migration before the change creates " + table + (plan.dumps().isEmpty() ? "" : " (nor does the schema dump)");
  }

  /** PostgreSQL's words for a statement only a superuser (or a role we do not give) may run. */
  private static boolean needsSuperuser(String error) {
    String e = error == null ? "" : error.toLowerCase(java.util.Locale.ROOT);
    return e.contains("permission denied") || e.contains("must be superuser");
  }
}
