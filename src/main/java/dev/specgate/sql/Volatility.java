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
 * the statement, so they do not rewrite. A user-defined function's volatility is not known here:
 * {@link #userFunctions} names the calls whose volatility the schema history must answer.
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

  /**
   * Built-in functions and type names that are not volatile and show up in defaults; a call to a
   * name outside this list and outside {@link #VOLATILE} is a user function whose volatility must
   * come from its CREATE FUNCTION (see {@link #userFunctions}).
   */
  private static final Set<String> KNOWN_NOT_VOLATILE =
      Set.of(
          "now", "current_timestamp", "current_time", "localtimestamp", "localtime", "current_date",
          "statement_timestamp", "transaction_timestamp", "timezone", "date_trunc", "date_part",
          "extract", "age", "make_date", "make_time", "make_timestamp", "make_timestamptz",
          "make_interval", "to_char", "to_date", "to_timestamp", "to_number", "to_json", "to_jsonb",
          "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array",
          "json_object", "jsonb_object", "array_to_json", "row_to_json", "array", "row", "cast",
          "coalesce", "nullif", "greatest", "least", "lower", "upper", "concat", "concat_ws",
          "format", "md5", "sha256", "encode", "decode", "substr", "substring", "replace", "trim",
          "btrim", "ltrim", "rtrim", "length", "char_length", "abs", "round", "floor", "ceil",
          "ceiling", "trunc", "left", "right", "repeat", "lpad", "rpad", "split_part",
          "regexp_replace", "string_to_array", "array_to_string", "array_fill", "to_tsvector",
          "setweight", "current_setting", "current_user", "session_user", "current_database",
          "current_schema", "uuid_generate_v3", "uuid_generate_v5", "uuid_nil", "uuid_ns_dns",
          "uuid_ns_url", "uuid_ns_oid", "uuid_ns_x500", "hstore", "daterange", "tstzrange",
          "tsrange", "int4range", "int8range", "numrange", "point", "inet", "cidr",
          // type names written with a modifier, e.g. CAST(x AS varchar(10)), numeric(10, 2)
          "varchar", "char", "character", "varying", "numeric", "decimal", "timestamp",
          "timestamptz", "time", "timetz", "bit", "varbit", "interval", "float", "double",
          "int", "int2", "int4", "int8", "integer", "bigint", "smallint", "text", "uuid", "json",
          "jsonb", "bool", "boolean", "date", "bytea", "real", "money", "nvarchar", "values",
          "any", "all", "exists", "in", "not", "and", "or", "is", "when", "then", "else", "case",
          "with", "zone", "at", "b", "e", "x", "u&");

  /**
   * The functions the expression calls that are neither a volatile nor a known non-volatile
   * built-in, lower-cased without schema, in order: user functions (or unknown built-ins) whose
   * volatility comes from their CREATE FUNCTION. Names written as casts ({@code ::varchar(10)}) are
   * not calls.
   */
  public static java.util.List<String> userFunctions(String expression) {
    if (expression == null) return java.util.List.of();
    String text = stripStrings(expression);
    Matcher m = CALL.matcher(text);
    java.util.List<String> out = new java.util.ArrayList<>();
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      int dot = name.lastIndexOf('.');
      String schema = dot < 0 ? "" : name.substring(0, dot);
      String bare = dot < 0 ? name : name.substring(dot + 1);
      if (schema.equals("pg_catalog") || VOLATILE.contains(bare) || KNOWN_NOT_VOLATILE.contains(bare)) continue;
      if (isCast(text, m.start())) continue;
      if (!out.contains(bare)) out.add(bare);
    }
    return out;
  }

  /** True when the word at {@code at} follows {@code ::} (possibly after more type words). */
  private static boolean isCast(String text, int at) {
    int i = at - 1;
    while (i >= 0 && (Character.isLetter(text.charAt(i)) || text.charAt(i) == ' ' || text.charAt(i) == '_')) i--;
    return i >= 1 && text.charAt(i) == ':' && text.charAt(i - 1) == ':';
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
