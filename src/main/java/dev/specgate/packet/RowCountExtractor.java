package dev.specgate.packet;

import dev.specgate.sql.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Row counts tied to a table: "accounts has 18M rows", "the accounts table has ~18,000,000 rows",
 * "a 50M-row orders table", "the 50M-row orders backfill", "1.2 million rows in orders",
 * "accounts (18M rows)", "accounts: 18M rows". A count with no table next to it ("Table size: 2M
 * rows", "about 18M rows") is knowingly not tied to any table.
 */
public final class RowCountExtractor {
  private RowCountExtractor() {}

  /** One stated row count. {@code table} is lower-case and unqualified. */
  public record RowCount(String table, long rows, int line) {}

  private static final String APPROX =
      "(?:~\\s{0,3}|≈\\s{0,3}|about\\s+|approximately\\s+|approx\\.?\\s+|roughly\\s+|around\\s+"
          + "|nearly\\s+|almost\\s+|over\\s+|more than\\s+|some\\s+|close to\\s+|up to\\s+)?";
  // possessive digits, and every pattern starts at a word boundary: linear on runs of digits or
  // letters (a 10,000-letter word used to take seconds)
  private static final String COUNT =
      "(\\d{1,3}+(?:[,_]\\d{3})++|\\d++(?:\\.\\d++)?)\\s{0,3}"
          + "(k|thousand|m|mm|mn|mil|million|millions|b|bn|billion|billions)?(?![A-Za-z0-9])";
  private static final String START = "(?<![A-Za-z0-9_.,\"`'])";
  private static final String IDENT =
      START + "[\"`']?([A-Za-z_][A-Za-z0-9_]*+(?:\\.[A-Za-z_][A-Za-z0-9_]*+)?)[\"`']?";

  // accounts has 18M rows / the accounts table has ~18,000,000 rows / accounts: 18M rows /
  // accounts (18M rows) / accounts table — 1.2 million rows
  private static final Pattern TABLE_HAS = Pattern.compile(
      IDENT + "(?:\\s{1,5}table)?\\s{0,5}(?:(?:currently|now|today|still)\\s{1,3})?(?:has|have|holds"
          + "|hold|contains|is|is at|at|with|stores|:|—|–|-|=|\\(|~|≈)\\s{0,5}" + APPROX + COUNT + "\\s{0,3}(?:rows?|records?)\\b",
      Pattern.CASE_INSENSITIVE);
  // currencies is a lookup table with about 5,000 rows / accounts, a table of 18M rows
  private static final Pattern IS_A_TABLE = Pattern.compile(
      IDENT + "\\s{0,3}(?:is|,|—|–|-|:)\\s{1,3}(?:a|an|the)\\s+(?:[A-Za-z-]{1,20}+\\s+){0,3}table"
          + "\\s+(?:with|of|holding|containing|that has|that holds)\\s+" + APPROX + COUNT
          + "\\s{0,3}(?:rows?|records?)\\b",
      Pattern.CASE_INSENSITIVE);
  // accounts row count: 18M / accounts rows: 18,000,000 / accounts size: 18M rows
  private static final Pattern TABLE_ROW_COUNT = Pattern.compile(
      IDENT + "\\s{1,3}(?:row count|rows|row-count|size|records)\\s{0,3}(?::|=|is|of|—)\\s{0,3}"
          + APPROX + COUNT + "(?:\\s{0,3}(?:rows?|records?))?\\b",
      Pattern.CASE_INSENSITIVE);
  // a 50M-row orders table / the 50M-row orders backfill / 50M-row table orders
  private static final Pattern N_ROW_TABLE = Pattern.compile(
      START + APPROX + COUNT + "\\s*-\\s*rows?\\s+(?:table\\s+)?" + IDENT,
      Pattern.CASE_INSENSITIVE);
  // 1.2 million rows in orders / 18M rows in the accounts table
  private static final Pattern ROWS_IN = Pattern.compile(
      START + APPROX + COUNT + "\\s*(?:rows?|records?)\\s+(?:in|on|of)\\s+(?:the\\s+)?(?:table\\s+)?"
          + IDENT,
      Pattern.CASE_INSENSITIVE);

  /** Words that sit where a table name would but are not one. */
  private static final Set<String> NOT_TABLES = Set.of(
      "table", "tables", "the", "a", "an", "it", "this", "that", "which", "who", "size",
      "table_size", "count", "row", "rows", "total", "data", "dataset", "database", "db", "each",
      "every", "batch", "batches", "backfill", "job", "migration", "snapshot", "staging",
      "production", "prod", "there", "volume", "estimate", "estimated", "approx", "currently",
      "now", "and", "or", "with", "of", "in", "on", "at", "is", "has", "contains", "holds",
      "lookup", "small", "large", "big", "tiny", "huge", "reference", "join", "audit", "new", "old");

  public static List<RowCount> findAll(String text, int line) {
    List<RowCount> out = new ArrayList<>();
    Matcher m = TABLE_HAS.matcher(text);
    while (m.find()) add(out, m.group(1), m.group(2), m.group(3), line);
    m = N_ROW_TABLE.matcher(text);
    while (m.find()) add(out, m.group(3), m.group(1), m.group(2), line);
    m = ROWS_IN.matcher(text);
    while (m.find()) add(out, m.group(3), m.group(1), m.group(2), line);
    m = IS_A_TABLE.matcher(text);
    while (m.find()) add(out, m.group(1), m.group(2), m.group(3), line);
    m = TABLE_ROW_COUNT.matcher(text);
    while (m.find()) add(out, m.group(1), m.group(2), m.group(3), line);
    return out;
  }

  private static void add(List<RowCount> out, String table, String count, String suffix,
      int line) {
    String t = Names.unqualified(Names.normalize(table)).toLowerCase(Locale.ROOT);
    if (NOT_TABLES.contains(t)) return;
    OptionalDouble v = Numbers.value(count);
    if (v.isEmpty()) return;
    long rows = Math.round(v.getAsDouble() * Numbers.magnitude(suffix));
    for (RowCount r : out) if (r.table().equals(t) && r.rows() == rows) return;
    out.add(new RowCount(t, rows, line));
  }
}
