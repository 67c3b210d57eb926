package dev.specgate.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which DEFAULT expressions PostgreSQL must evaluate once per row. Since PostgreSQL 11, ADD COLUMN
 * with a non-volatile default only records the value in the catalogue; a volatile one (provolatile
 * = 'v' in pg_catalog.pg_proc) rewrites the whole table. The list below is PostgreSQL's built-in
 * volatile functions that appear in defaults, plus the usual extension ones (uuid-ossp, pgcrypto,
 * ulid). {@code now()}, {@code current_timestamp}, {@code localtimestamp},
 * {@code statement_timestamp()} and {@code transaction_timestamp()} are STABLE: evaluated once for
 * the statement, so they do not rewrite. A user-defined function's volatility is not known here and
 * is not reported.
 */
public final class Volatility {
  private Volatility() {}

  private static final Set<String> VOLATILE =
      Set.of(
          "random", "random_normal", "setseed", "clock_timestamp", "timeofday",
          "gen_random_uuid", "uuidv4", "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc",
          "uuid_generate_v4", "uuid_generate_v7", "gen_random_bytes", "gen_salt",
          "nextval", "currval", "lastval", "setval", "pg_sleep",
          "gen_ulid", "generate_ulid", "gen_random_ulid", "ulid_generate",
          "random_string", "pg_notify", "dblink");

  private static final Pattern CALL = Pattern.compile(
      // starts only where a name starts, and never gives back what it read: linear on long words
      "(?i)(?<![a-z0-9_$])([a-z_][a-z0-9_$]*+(?:\\.[a-z_][a-z0-9_$]*+)?+)\\s*+\\(");

  /** The first volatile function the expression calls, e.g. {@code gen_random_uuid}. */
  public static Optional<String> volatileFunction(String expression) {
    if (expression == null) return Optional.empty();
    Matcher m = CALL.matcher(stripStrings(expression));
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      String bare = dot < 0 ? name : name.substring(dot + 1);
      if (VOLATILE.contains(bare)) return Optional.of(bare);
    }
    return Optional.empty();
  }

  public static boolean isVolatile(String expression) {
    return volatileFunction(expression).isPresent();
  }

  /** serial/bigserial/smallserial columns default to nextval(): volatile. */
  public static boolean isSerialType(String type) {
    if (type == null) return false;
    String t = type.trim().toLowerCase(Locale.ROOT);
    return t.equals("serial") || t.equals("bigserial") || t.equals("smallserial")
        || t.equals("serial2") || t.equals("serial4") || t.equals("serial8");
  }

  /** Removes string literals so {@code 'random()'} is not read as a call. */
  private static String stripStrings(String s) {
    StringBuilder out = new StringBuilder();
    boolean in = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        in = !in;
        out.append(' ');
      } else if (!in) {
        out.append(c);
      }
    }
    return out.toString();
  }
}
