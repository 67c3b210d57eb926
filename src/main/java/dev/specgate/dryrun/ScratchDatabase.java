package dev.specgate.dryrun;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database created for one dry run under a random name and always dropped afterwards: on the
 * embedded cluster, or on the server a {@code --db} URL names. The database the URL names is only
 * connected to, to issue CREATE DATABASE and DROP DATABASE; nothing in it is touched.
 *
 * <p>On the embedded cluster the change's SQL runs as a role of its own, created with the database
 * (which it owns) and dropped with it: not a superuser. The SQL comes from a pull request anyone
 * can open, and as a superuser {@code COPY … FROM PROGRAM}, server-side file reads or an untrusted
 * language would run commands on the machine that runs specgate (the service's host). A statement
 * that needs a superuser fails there as it would for an application's role.
 *
 * <p>It may hold at most a budget of bytes ({@link SizeWatch}); on the embedded cluster the role's
 * {@code temp_file_limit} bounds its temporary files to the same budget.
 */
final class ScratchDatabase implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/?]*)/([^?]*)(\\?.*)?$");

  private final String adminUrl;
  private final Properties props;
  private final String name;
  private final String url;
  private final String label;
  /** The role made for the change's SQL (embedded), owner of the database; null on a server of the user's. */
  private final String role;
  /** True when dropping this database drops {@link #role} too (not for a {@link #copy()}, which shares it). */
  private final boolean ownRole;
  private final long maxMb;
  private final SizeWatch size;

  private ScratchDatabase(String adminUrl, Properties props, String name, String url, String label, String role,
      boolean ownRole, long maxMb) throws DryRunException {
    this.adminUrl = adminUrl;
    this.props = props;
    this.name = name;
    this.url = url;
    this.label = label;
    this.role = role;
    this.ownRole = ownRole;
    this.maxMb = maxMb;
    SizeWatch watch;
    try {
      // as the admin URL's user: on the embedded cluster a superuser, whose session the change's role cannot end
      watch = SizeWatch.start(() -> DriverManager.getConnection(withDatabase(adminUrl, name), props), maxMb);
    } catch (SQLException e) {
      String why = "cannot connect to the scratch database " + this + ": " + e.getMessage();
      try {
        drop();
      } catch (DryRunException notDropped) {
        why += "; " + notDropped.getMessage();
      }
      throw new DryRunException(why);
    }
    this.size = watch;
  }

  /**
   * A scratch database on the embedded cluster of this PostgreSQL major, used through a role of its
   * own, holding at most {@code maxMb} megabytes.
   */
  static ScratchDatabase embedded(int major, long maxMb) throws DryRunException {
    EmbeddedPostgres pg = EmbeddedCluster.forMajor(major);
    String admin = pg.getJdbcUrl("postgres", "postgres");
    String name = scratchName();
    try (Connection c = DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
      // temp_file_limit may only be set by a superuser: the change's SQL cannot lift it
      s.execute("ALTER ROLE " + name + " SET temp_file_limit = '" + maxMb * 1024 + "kB'");
      s.execute("CREATE DATABASE " + name + " OWNER " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      throw new DryRunException("the embedded PostgreSQL cannot create a scratch database: " + e.getMessage());
    }
    String url = "jdbc:postgresql://localhost:" + pg.getPort() + "/" + name + "?user=" + name;
    return new ScratchDatabase(admin, new Properties(), name, url, "embedded", name, true, maxMb);
  }

  private static String scratchName() {
    return "specgate_dryrun_" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
  }

  /**
   * A scratch database on the server {@code jdbcUrl} names (its own database is left alone),
   * holding at most {@code maxMb} megabytes.
   */
  static ScratchDatabase onServer(String jdbcUrl, long maxMb) throws DryRunException {
    Matcher m = URL.matcher(jdbcUrl == null ? "" : jdbcUrl);
    if (!m.matches() || m.group(2).isEmpty()) {
      throw new DryRunException("--db: expected embedded or jdbc:postgresql://HOST[:PORT]/DATABASE[?user=…&password=…],"
          + " found '" + redact(jdbcUrl) + "'");
    }
    return create(jdbcUrl, new Properties(), redact(jdbcUrl), maxMb);
  }

  private static ScratchDatabase create(String adminUrl, Properties props, String label, long maxMb)
      throws DryRunException {
    String name = scratchName();
    try (Connection c = DriverManager.getConnection(adminUrl, props); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " TEMPLATE template0");
    } catch (SQLException e) {
      if ("42501".equals(e.getSQLState())) {
        throw new DryRunException("--db " + label + ": the user may not create databases (" + e.getMessage()
            + "); the dry run works in a scratch database it creates and drops. Grant CREATEDB"
            + " (ALTER ROLE … CREATEDB) or use --db embedded.");
      }
      throw new DryRunException("--db " + label + ": cannot create a scratch database: " + e.getMessage());
    }
    return new ScratchDatabase(adminUrl, props, name, withDatabase(adminUrl, name), label, null, false, maxMb);
  }

  /**
   * A new scratch database holding what this one holds ({@code CREATE DATABASE … TEMPLATE}), used
   * through the same role and with the same budget: a schema built once serves several runs. This
   * one must have no session open; its size watch stops, as nothing runs on a template. Close the
   * copies before this one.
   */
  ScratchDatabase copy() throws DryRunException {
    size.close();
    String copy = scratchName();
    try (Connection c = DriverManager.getConnection(adminUrl, props); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + copy + " TEMPLATE " + name + (role == null ? "" : " OWNER " + role));
    } catch (SQLException e) {
      throw new DryRunException("cannot copy the scratch database " + this + ": " + e.getMessage());
    }
    return new ScratchDatabase(adminUrl, props, copy, withDatabase(url, copy), label, role, false, maxMb);
  }

  /** The same URL, naming another database. */
  static String withDatabase(String jdbcUrl, String database) {
    Matcher m = URL.matcher(jdbcUrl);
    if (!m.matches()) throw new IllegalArgumentException("not a PostgreSQL JDBC URL");
    return "jdbc:postgresql://" + m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
  }

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&]*+");
  private static final Pattern URL_PASSWORD = Pattern.compile("//([^/@:]*+):[^/@]*+@");

  /** The URL without a password, for messages and reports. */
  static String redact(String jdbcUrl) {
    if (jdbcUrl == null) return "";
    return URL_PASSWORD.matcher(PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1***")).replaceAll("//$1:***@");
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, props);
  }

  String label() {
    return label;
  }

  String name() {
    return name;
  }

  /** Why its statements were cancelled, once it held more than its budget. */
  java.util.Optional<String> overBudget() {
    return size.exceeded();
  }

  /** Said when its size stopped being watched before the end of the run. */
  java.util.Optional<String> sizeUnbounded() {
    return size.failure();
  }

  @Override
  public void close() throws DryRunException {
    size.close();
    drop();
  }

  private void drop() throws DryRunException {
    try (Connection c = DriverManager.getConnection(adminUrl, props); Statement s = c.createStatement()) {
      s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'"
          + " AND pid <> pg_backend_pid()");
      s.execute("DROP DATABASE IF EXISTS " + name);
      if (ownRole) s.execute("DROP ROLE IF EXISTS " + role);
    } catch (SQLException e) {
      throw new DryRunException("could not drop the scratch database " + name + " on " + label + ": "
          + e.getMessage() + " (drop it by hand)");
    }
  }

  @Override
  public String toString() {
    return name.toLowerCase(Locale.ROOT) + " on " + label;
  }
}
