package dev.specgate.sql.schema;

import dev.specgate.sql.MigrationFile.Direction;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How migration tools treat a file, decided from its path and text: the order they run it in,
 * whether it is a forward or a rollback script, and whether the tool wraps it in a transaction.
 * The engine calls these when it builds a {@link dev.specgate.sql.MigrationFile}.
 */
public final class MigrationOrder {
  private MigrationOrder() {}

  /** Flyway versioned / undo / repeatable names: {@code V1.2__x.sql}, {@code U3__x.sql}, {@code R__x.sql}. */
  private static final Pattern FLYWAY_VERSIONED =
      Pattern.compile("^([VvUu])(\\d+(?:[._]\\d+)*)__(.*)$");
  private static final Pattern FLYWAY_REPEATABLE = Pattern.compile("^[Rr]__(.*)$");
  /** File names that carry no order of their own; the folder does (diesel, popx-like layouts). */
  private static final Pattern GENERIC_NAME =
      Pattern.compile("^(up|down|migration|change|apply|revert|rollback)(\\.[a-z0-9_]+)*\\.sql$");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern DETACH_CONCURRENTLY =
      Pattern.compile("(?s)^\\s*+detach\\s++partition\\b.*\\bconcurrently\\b");
  private static final Pattern VERSION_SEPARATOR = Pattern.compile("[._]");
  private static final Pattern DIESEL_DASHED = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})-(\\d{6})(?:-(\\d{4}))?(?=_)");

  // Directives are "--" comment lines; these patterns read the comment's text after the "--".
  private static final Pattern GOOSE_NO_TX = Pattern.compile("(?i)^\\s*\\+goose\\s+NO\\s+TRANSACTION\\b.*");
  private static final Pattern GOOSE_MARKER = Pattern.compile("(?i)^\\s*\\+goose\\s+(up|down)\\b.*");
  private static final Pattern DBMATE_UP = Pattern.compile("(?i)^\\s*migrate:up\\b(.*)");
  private static final Pattern DBMATE_MARKER = Pattern.compile("(?i)^\\s*migrate:(up|down)\\b.*");
  private static final Pattern FLYWAY_NO_TX =
      Pattern.compile("(?i)^\\s*flyway:executeInTransaction\\s*=\\s*false\\b.*");
  /** Where the down part of a single-file up/down migration starts (goose, dbmate). */
  private static final Pattern DOWN_SECTION = Pattern.compile("(?i)^\\s*(\\+goose\\s+down|migrate:down)\\b.*");

  /**
   * The first "--" comment line (only blanks before it on its line) whose text after "--" matches
   * {@code body}: the matcher, positioned, and the line's start offset; or null. A plain scan for
   * "--" is much faster than a multi-line regular expression over the whole file.
   */
  private static Directive directive(String text, Pattern body) {
    if (text == null) return null;
    int from = 0;
    while (true) {
      int dash = text.indexOf("--", from);
      if (dash < 0) return null;
      int lineStart = text.lastIndexOf('\n', dash) + 1;
      boolean blanksOnly = true;
      for (int i = lineStart; i < dash; i++) {
        char c = text.charAt(i);
        if (c != ' ' && c != '\t' && c != '\r') {
          blanksOnly = false;
          break;
        }
      }
      int lineEnd = text.indexOf('\n', dash);
      if (lineEnd < 0) lineEnd = text.length();
      if (blanksOnly) {
        Matcher m = body.matcher(text.substring(dash + 2, lineEnd).replace("\r", ""));
        if (m.matches()) return new Directive(m, lineStart);
      }
      from = lineEnd;
    }
  }

  private record Directive(Matcher matcher, int lineStart) {}

  private static boolean has(String text, Pattern body) {
    return directive(text, body) != null;
  }

  /**
   * A key that sorts migrations in the order their tool runs them. Flyway versions compare part by
   * part numerically ({@code V1.2 < V1.10 < V2}; {@code V1 < V1.1}); repeatable {@code R__}
   * migrations run after all versioned ones. Otherwise the ordering unit is the file name, or its
   * folder's name when the file name is generic ({@code 2023-01-01-000000_x/up.sql}); digit runs in
   * it compare numerically, so {@code 2_x.sql < 10_x.sql}, and timestamps order as timestamps. Keys
   * group by the folder the unit sits in (compared the same way, so {@code delta/73/} comes before
   * {@code delta/100/}), then the unit, then the whole path as a tie-breaker.
   */
  public static String orderKey(String path, MigrationTool tool) {
    String p = path.replace('\\', '/');
    String name = fileName(p);
    String dir = parent(p);
    Matcher fv = FLYWAY_VERSIONED.matcher(name);
    if (fv.matches() && tool != MigrationTool.GOOSE && tool != MigrationTool.DBMATE) {
      StringBuilder key = new StringBuilder("1|");
      for (String part : VERSION_SEPARATOR.split(fv.group(2))) key.append(number(part)).append('.');
      // '\u0001' sorts below '.', so V1 comes before V1.1.
      key.append('\u0001').append(naturalKey(fv.group(3))).append('\u0000').append(p);
      return key.toString();
    }
    if (FLYWAY_REPEATABLE.matcher(name).matches() && tool != MigrationTool.GOOSE) {
      return "2|" + naturalKey(name) + '\u0000' + p;
    }
    String unit = name;
    if (GENERIC_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() && !dir.isEmpty()) {
      unit = fileName(dir) + "/" + name;
      dir = parent(dir);
    }
    // Diesel's version is the name before the first '_' without its dashes, so crates.io's
    // 2017-09-23-210614_x runs after 20170820180453_y (and 2026-05-27-120000-0000_z after both):
    // compare the timestamp without dashes.
    unit = DIESEL_DASHED.matcher(unit).replaceFirst("$1$2$3$4$5");
    // Folders compare naturally too: synapse delta/73/… runs before delta/100/….
    return "0|" + naturalKey(dir) + '\u0000' + naturalKey(unit) + '\u0000' + p;
  }

  /**
   * UP for forward migrations, DOWN for rollback scripts: golang-migrate / diesel / popx
   * {@code down.sql} and {@code *.down.sql} (also {@code *_down.sql}), sqitch {@code revert/}, and
   * Flyway undo {@code U<version>__}. (A goose or dbmate file holding both directions is UP; its
   * down section is found with {@link #downSectionStart(String)}.)
   */
  public static Direction direction(String path) {
    String p = path.replace('\\', '/');
    String name = fileName(p).toLowerCase(Locale.ROOT);
    if (name.equals("down.sql") || name.endsWith(".down.sql") || name.endsWith("_down.sql")) {
      return Direction.DOWN;
    }
    if (FLYWAY_VERSIONED.matcher(fileName(p)).matches()
        && Character.toUpperCase(fileName(p).charAt(0)) == 'U') {
      return Direction.DOWN;
    }
    for (String segment : p.split("/")) {
      if (segment.equals("revert")) return Direction.DOWN;
    }
    return Direction.UP;
  }

  /**
   * The character offset where the rollback part of a file holding both directions starts
   * ({@code -- +goose Down}, {@code -- migrate:down}), or -1 when the file has none. Statements at
   * or after it are a rollback script: not replayed, never a destructive drop.
   */
  public static int downSectionStart(String text) {
    Directive d = directive(text, DOWN_SECTION);
    return d == null ? -1 : d.lineStart();
  }

  /**
   * The tool {@code auto} resolves to for one file, from unambiguous signs: goose annotations,
   * dbmate section markers, a Flyway file name, a golang-migrate {@code .up.sql}/{@code .down.sql}
   * name. Otherwise {@link MigrationTool#PLAIN}. A configured tool other than auto is kept.
   */
  public static MigrationTool resolve(String path, String text, MigrationTool configured) {
    if (configured != MigrationTool.AUTO) return configured;
    String t = text == null ? "" : text;
    if (has(t, GOOSE_MARKER) || has(t, GOOSE_NO_TX)) return MigrationTool.GOOSE;
    if (has(t, DBMATE_MARKER)) return MigrationTool.DBMATE;
    String name = fileName(path.replace('\\', '/'));
    if (FLYWAY_VERSIONED.matcher(name).matches() || FLYWAY_REPEATABLE.matcher(name).matches()) {
      return MigrationTool.FLYWAY;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".up.sql") || lower.endsWith(".down.sql")) return MigrationTool.GOLANG_MIGRATE;
    String p = path.replace('\\', '/');
    if ((lower.equals("up.sql") || lower.equals("down.sql")) && DIESEL_FOLDER.matcher(fileName(parent(p))).matches()) {
      return MigrationTool.DIESEL;
    }
    for (String segment : parent(p).split("/")) {
      if (segment.equals("deploy") || segment.equals("revert") || segment.equals("verify")) return MigrationTool.SQITCH;
    }
    return MigrationTool.PLAIN;
  }

  /** diesel's migration folders: {@code 2023-01-31-120000_name} (also {@code …-0000_name}) or {@code 20230131120000_name}. */
  private static final Pattern DIESEL_FOLDER =
      Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}-\\d{6}(-\\d{4})?|\\d{14})_.+");

  /**
   * True when the migration tool runs this file inside a transaction (so CREATE INDEX
   * CONCURRENTLY in it fails). {@code auto} is first resolved with {@link #resolve}. Reads the
   * file's parsed statements, not its text again.
   *
   * <ul>
   *   <li>flyway: yes, unless every statement is one PostgreSQL cannot run in a transaction
   *       ({@link #cannotRunInTransaction}) — Flyway then runs the file without one — or the file says
   *       {@code -- flyway:executeInTransaction=false};
   *   <li>goose: yes, unless {@code -- +goose NO TRANSACTION};
   *   <li>dbmate: yes, unless the up marker says {@code -- migrate:up transaction:false};
   *   <li>golang-migrate: it opens no transaction, but its PostgreSQL driver sends the whole file
   *       as one query, which PostgreSQL runs as one implicit transaction when it holds more than
   *       one statement: yes for a file of several statements, no for a single statement; with the
   *       driver's {@code x-multi-statement} option ({@code golangMigrateMultiStatement: true}) it
   *       sends them one by one, so none runs in a transaction;
   *       ory/popx files ({@code .postgres.up.sql}, …) run in a transaction; {@code .autocommit.} in
   *       the name means no transaction;
   *   <li>diesel: as the {@code metadata.toml} beside the file says ({@link DieselMetadata}: yes
   *       without one). When the input has no tree to look in (a bare diff, {@code diesel} null),
   *       yes unless the file holds a statement PostgreSQL cannot run in a transaction: such a
   *       migration only ever applied with {@code run_in_transaction = false};
   *   <li>sqitch, plain: no (a script's own BEGIN…COMMIT is seen by the parser instead).
   * </ul>
   */
  public static boolean runsInTransaction(String path, String text, List<Statement> statements, MigrationTool tool,
      boolean golangMigrateMultiStatement) {
    return runsInTransaction(path, text, statements, tool, golangMigrateMultiStatement, null);
  }

  /**
   * As {@link #runsInTransaction(String, String, List, MigrationTool, boolean)}, with what the
   * diesel {@code metadata.toml} beside the file says ({@link DieselMetadata#ABSENT} when there is
   * none; null when it cannot be known).
   */
  public static boolean runsInTransaction(String path, String text, List<Statement> statements, MigrationTool tool,
      boolean golangMigrateMultiStatement, DieselMetadata diesel) {
    MigrationTool t = resolve(path, text, tool == null ? MigrationTool.AUTO : tool);
    String body = text == null ? "" : text;
    // Flyway, golang-migrate and diesel files hold one direction only: every statement is "up".
    List<Statement> forward = statements == null ? List.of() : statements;
    return switch (t) {
      case FLYWAY -> !has(body, FLYWAY_NO_TX) && !onlyNonTransactional(forward);
      case GOOSE -> !has(body, GOOSE_NO_TX);
      case DBMATE -> {
        Directive up = directive(body, DBMATE_UP);
        yield !(up != null && up.matcher().group(1).toLowerCase(Locale.ROOT).replace(" ", "")
            .contains("transaction:false"));
      }
      case GOLANG_MIGRATE -> golangMigrateStyle(path, forward, golangMigrateMultiStatement);
      case DIESEL -> diesel != null
          ? diesel.runInTransaction()
          : forward.stream().noneMatch(s -> cannotRunInTransaction(s.op()));
      case SQITCH, PLAIN, AUTO -> false;
    };
  }

  /**
   * True for a statement PostgreSQL refuses inside a transaction block: CREATE/DROP INDEX, REINDEX,
   * REFRESH MATERIALIZED VIEW and DETACH PARTITION with CONCURRENTLY, VACUUM, ALTER SYSTEM,
   * CREATE/DROP DATABASE and TABLESPACE (and ALTER TYPE … ADD VALUE before PostgreSQL 12, which
   * Flyway still treats so).
   */
  public static boolean cannotRunInTransaction(Operation op) {
    if (op instanceof Operation.CreateIndex ci) return ci.concurrently();
    if (op instanceof Operation.DropIndex di) return di.concurrently();
    if (op instanceof Operation.Maintenance m) {
      return m.kind() == Operation.Maintenance.Kind.VACUUM || m.concurrently();
    }
    if (op instanceof Operation.AlterTable at) {
      return at.actions().stream().anyMatch(a -> a instanceof AlterAction.OtherAction o
          && DETACH_CONCURRENTLY.matcher(o.text().toLowerCase(Locale.ROOT)).lookingAt());
    }
    if (op instanceof Operation.AlterObject ao) {
      return "SYSTEM".equals(ao.objectKind())
          || "TYPE".equals(ao.objectKind()) && ao.action() != null && ao.action().startsWith("ADD VALUE");
    }
    if (op instanceof Operation.CreateObject co) {
      return "DATABASE".equals(co.objectKind()) || "TABLESPACE".equals(co.objectKind());
    }
    if (op instanceof Operation.DropObject d) {
      return "DATABASE".equals(d.objectKind()) || "TABLESPACE".equals(d.objectKind());
    }
    if (op instanceof Operation.Other o) return o.kind() != null && o.kind().startsWith("ALTER SYSTEM");
    return false;
  }

  /** ory/popx names: {@code <version>_<name>[.<dialect>][.autocommit].(up|down).sql}. */
  private static final Pattern POPX_DIALECT =
      Pattern.compile("(?i)\\.(postgres|cockroach|mysql|sqlite3)(\\.autocommit)?\\.(up|down)\\.sql$");

  /**
   * {@code .up.sql}/{@code .down.sql} files: ory/popx runs each in a transaction unless its name
   * says {@code .autocommit.}; golang-migrate sends the file as one query (one implicit transaction
   * when it holds several statements, none with {@code x-multi-statement}).
   */
  private static boolean golangMigrateStyle(String path, List<Statement> statements, boolean multiStatement) {
    String name = fileName(path.replace('\\', '/')).toLowerCase(Locale.ROOT);
    if (name.contains(".autocommit.")) return false;
    if (POPX_DIALECT.matcher(name).find()) return true;
    return !multiStatement && statements.size() > 1;
  }

  private static boolean onlyNonTransactional(List<Statement> statements) {
    if (statements.isEmpty()) return false;
    for (Statement s : statements) if (!cannotRunInTransaction(s.op())) return false;
    return true;
  }

  /** Natural-sort key: each digit run becomes its length (two digits) then its digits. */
  static String naturalKey(String s) {
    Matcher m = DIGITS.matcher(s.toLowerCase(Locale.ROOT));
    StringBuilder out = new StringBuilder();
    int last = 0;
    String lower = s.toLowerCase(Locale.ROOT);
    while (m.find()) {
      out.append(lower, last, m.start()).append(number(m.group()));
      last = m.end();
    }
    out.append(lower.substring(last));
    return out.toString();
  }

  private static String number(String digits) {
    // Leading zeros dropped (one digit kept), then the length in two digits: plain code, not a
    // regular expression and String.format, as it runs for every number in every file name.
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') i++;
    String d = digits.substring(i);
    int len = Math.min(d.length(), 99);
    return (len < 10 ? "0" : "") + len + d;
  }

  private static String fileName(String p) {
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  private static String parent(String p) {
    int slash = p.lastIndexOf('/');
    return slash < 0 ? "" : p.substring(0, slash);
  }
}
