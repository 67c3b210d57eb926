package dev.specgate.sql.schema;

import dev.specgate.core.Spaces;
import dev.specgate.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether ALTER COLUMN … TYPE from one type to another rewrites the table. PostgreSQL skips the
 * rewrite only when the old values are valid in the new type as stored (binary coercible, no
 * narrowing): varchar(n) → varchar(m ≥ n), varchar or text; text → varchar without length;
 * numeric(p,s) → numeric(q ≥ p, s) or unconstrained numeric; varbit(n) → varbit(m ≥ n);
 * cidr → inet; the same type. Everything else (int → bigint, shrinking, text → int,
 * timestamp → timestamptz, …) rewrites. For MySQL only a varchar widening is treated as in place;
 * every other change copies the table.
 */
public final class TypeChange {
  private TypeChange() {}

  /** A parsed type: canonical base name and its numeric modifiers (empty when none). */
  public record Type(String base, List<Integer> args, boolean array) {
    @Override
    public String toString() {
      String a = args.isEmpty() ? "" : "(" + String.join(",", args.stream().map(String::valueOf).toList()) + ")";
      return base + a + (array ? "[]" : "");
    }
  }

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("character varying", "varchar"),
      Map.entry("char varying", "varchar"),
      Map.entry("character", "bpchar"),
      Map.entry("char", "bpchar"),
      Map.entry("bpchar", "bpchar"),
      Map.entry("int", "integer"),
      Map.entry("int4", "integer"),
      Map.entry("integer", "integer"),
      Map.entry("int8", "bigint"),
      Map.entry("int2", "smallint"),
      Map.entry("decimal", "numeric"),
      Map.entry("bool", "boolean"),
      Map.entry("float8", "double precision"),
      Map.entry("float4", "real"),
      Map.entry("timestamp without time zone", "timestamp"),
      Map.entry("timestamp with time zone", "timestamptz"),
      Map.entry("time without time zone", "time"),
      Map.entry("time with time zone", "timetz"),
      Map.entry("bit varying", "varbit"),
      // serial types are integers with a sequence default
      Map.entry("serial", "integer"),
      Map.entry("serial4", "integer"),
      Map.entry("bigserial", "bigint"),
      Map.entry("serial8", "bigint"),
      Map.entry("smallserial", "smallint"),
      Map.entry("serial2", "smallint"));


  /**
   * Reads {@code base[(args)][ with[out] time zone][[]]} by peeling from the end, in plain code (the
   * regular expression this replaces backtracked in polynomial time on a long run of spaces).
   * Text that is not of that form is a type of its own name, without arguments.
   */
  public static Type parse(String written) {
    if (written == null) return null;
    String t = Spaces.collapse(written.trim().toLowerCase(Locale.ROOT).replace("\"", ""));
    if (t.startsWith("pg_catalog.")) t = t.substring("pg_catalog.".length());
    Type unknown = new Type(t, List.of(), false);
    String rest = t.strip();
    boolean array = false;
    if (rest.endsWith("]")) {
      int open = rest.lastIndexOf('[');
      if (open < 0 || !rest.substring(open + 1, rest.length() - 1).isBlank()) return unknown;
      array = true;
      rest = rest.substring(0, open).strip();
    }
    String zone = null;
    for (String z : new String[] {"without time zone", "with time zone"}) {
      if (rest.endsWith(z) && !rest.substring(0, rest.length() - z.length()).isBlank()) {
        zone = z;
        rest = rest.substring(0, rest.length() - z.length()).strip();
        break;
      }
    }
    List<Integer> args = List.of();
    if (rest.endsWith(")")) {
      int open = rest.lastIndexOf('(');
      if (open < 0) return unknown;
      String inside = rest.substring(open + 1, rest.length() - 1);
      List<Integer> parsed = new ArrayList<>();
      for (String a : inside.split(",", -1)) {
        String n = a.strip();
        if (n.isEmpty()) continue;
        if (n.length() > 9 || !n.chars().allMatch(c -> c >= '0' && c <= '9')) return unknown;
        parsed.add(Integer.valueOf(n));
      }
      args = List.copyOf(parsed);
      rest = rest.substring(0, open).strip();
    }
    if (!isBaseName(rest)) return unknown;
    String base = zone == null ? rest : rest + " " + zone;
    return new Type(ALIASES.getOrDefault(base, base), args, array);
  }

  /** {@code [a-z_][a-z0-9_ .]*}: a type's name, possibly of several words or schema-qualified. */
  private static boolean isBaseName(String s) {
    if (s.isEmpty()) return false;
    char first = s.charAt(0);
    if (!((first >= 'a' && first <= 'z') || first == '_')) return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == ' ' || c == '.')) return false;
    }
    return true;
  }

  /**
   * True when changing a column from {@code from} to {@code to} keeps the stored data as it is
   * (no table rewrite). {@code using} is the USING expression or {@code null}.
   */
  public static boolean isInPlace(String from, String to, String using, Dialect dialect) {
    Type a = parse(from);
    Type b = parse(to);
    if (a == null || b == null) return false;
    if (a.equals(b)) return true;
    if (using != null && !using.isBlank()) return false;
    if (a.array() != b.array()) return false;
    if (dialect == Dialect.MYSQL) {
      a = mysqlAlias(a);
      b = mysqlAlias(b);
      if (a.equals(b)) return true;
      return a.base().equals("varchar") && b.base().equals("varchar") && widens(a, b);
    }
    String x = a.base();
    String y = b.base();
    if (x.equals("varchar") && y.equals("varchar")) return widens(a, b);
    if (x.equals("varchar") && y.equals("text")) return true;
    if (x.equals("text") && y.equals("varchar")) return b.args().isEmpty();
    if (x.equals("numeric") && y.equals("numeric")) {
      if (b.args().isEmpty()) return true;
      if (a.args().isEmpty()) return false;
      int pa = a.args().get(0);
      int sa = a.args().size() > 1 ? a.args().get(1) : 0;
      int pb = b.args().get(0);
      int sb = b.args().size() > 1 ? b.args().get(1) : 0;
      return pb >= pa && sb == sa;
    }
    if (x.equals("varbit") && y.equals("varbit")) return widens(a, b);
    if (x.equals("cidr") && y.equals("inet")) return true;
    return false;
  }

  /** MySQL's BOOLEAN is TINYINT(1); INTEGER is INT. */
  private static Type mysqlAlias(Type t) {
    if (t.base().equals("boolean")) return new Type("tinyint", List.of(1), t.array());
    if (t.base().equals("tinyint") && t.args().isEmpty()) return new Type("tinyint", List.of(4), t.array());
    return t;
  }

  /** Length modifier grows or is removed. */
  private static boolean widens(Type a, Type b) {
    if (b.args().isEmpty()) return true;
    if (a.args().isEmpty()) return false;
    return b.args().get(0) >= a.args().get(0);
  }
}
