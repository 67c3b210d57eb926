package dev.specgate.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MySQL or MariaDB server the migrations target ({@code mysqlVersion}: {@code 5.7}, {@code 8.0},
 * {@code 8.0.28}, {@code 8.4}, {@code mariadb-10.11}). A version without a patch number means the
 * latest release of that series, so {@code 8.0} is 8.0.29 or later.
 *
 * @param mariadb MariaDB rather than MySQL
 * @param patch the release within the series, or {@link #LATEST}
 */
public record MysqlServer(boolean mariadb, int major, int minor, int patch) {
  /** The patch number that stands for "the latest release of the series". */
  public static final int LATEST = Integer.MAX_VALUE;

  /** What {@code mysqlVersion} accepts (checked by the config loader, shown in the schema). */
  public static final String PATTERN = "^(mariadb-)?[0-9]{1,2}\\.[0-9]{1,2}(\\.[0-9]{1,3})?$";
  private static final Pattern VERSION = Pattern.compile(PATTERN);
  private static final Pattern DOT = Pattern.compile("\\.");

  /** The default: MySQL 8.4 (what the online-DDL table assumed before the key existed). */
  public static final MysqlServer DEFAULT = new MysqlServer(false, 8, 4, LATEST);

  /** The server named by {@code text}, or empty when it does not match {@link #PATTERN}. */
  public static Optional<MysqlServer> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (!VERSION.matcher(t).matches()) return Optional.empty();
    boolean maria = t.startsWith("mariadb-");
    String[] parts = DOT.split(maria ? t.substring(8) : t);
    int patch = parts.length > 2 ? Integer.parseInt(parts[2]) : LATEST;
    return Optional.of(new MysqlServer(maria, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), patch));
  }

  /** True when this server is the given release or later (of the same flavour). */
  public boolean atLeast(int maj, int min, int pat) {
    if (major != maj) return major > maj;
    if (minor != min) return minor > min;
    return patch >= pat;
  }

  /** As written in the config: {@code 8.0}, {@code 8.0.28}, {@code mariadb-10.11}. */
  public String label() {
    return (mariadb ? "mariadb-" : "") + major + "." + minor + (patch == LATEST ? "" : "." + patch);
  }

  /** For messages: "MySQL 8.0.28", "MariaDB 10.11". */
  public String describe() {
    return (mariadb ? "MariaDB " : "MySQL ") + major + "." + minor + (patch == LATEST ? "" : "." + patch);
  }
}
