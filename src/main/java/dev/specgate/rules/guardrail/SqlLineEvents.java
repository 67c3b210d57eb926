package dev.specgate.rules.guardrail;

import dev.specgate.sql.Names;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guardrail events read from one added line of a SQL file the engine could not parse as a whole
 * (a modified migration in a diff: only its hunks are known). One line at a time, so a statement
 * split over several lines is only partly seen; parsed migrations use {@link SqlEvent} instead.
 */
final class SqlLineEvents {
  private static final String NAME = "(\"[^\"]+\"|`[^`]+`|[A-Za-z_][\\w$]*)";
  private static final String QNAME = "((?:(?:\"[^\"]+\"|[A-Za-z_][\\w$]*)\\.)?(?:\"[^\"]+\"|`[^`]+`|[A-Za-z_][\\w$]*))";
  private static final Pattern ALTER_TABLE = Pattern.compile(
      "(?i)\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?" + QNAME);
  private static final Pattern DROP_COLUMN = Pattern.compile(
      "(?i)\\bDROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?" + NAME + "\\s*(?:CASCADE|RESTRICT)?\\s*[,;]?\\s*$|(?i)\\bDROP\\s+COLUMN\\s+(?:IF\\s+EXISTS\\s+)?" + NAME);
  private static final Pattern RENAME_COLUMN = Pattern.compile(
      "(?i)\\bRENAME\\s+(?:COLUMN\\s+)?" + NAME + "\\s+TO\\s+" + NAME);
  private static final Pattern RENAME_TABLE = Pattern.compile("(?i)\\bRENAME\\s+TO\\s+" + NAME);
  private static final Pattern ADD_COLUMN = Pattern.compile(
      "(?i)\\bADD\\s+COLUMN\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + NAME);
  private static final Pattern ALTER_COLUMN = Pattern.compile(
      "(?i)\\bALTER\\s+COLUMN\\s+" + NAME);
  private static final Pattern DROP_TABLE = Pattern.compile(
      "(?i)\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?" + QNAME);
  private static final Pattern CREATE_TABLE = Pattern.compile(
      "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+|TEMP(?:ORARY)?\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + QNAME);

  private SqlLineEvents() {}

  /**
   * @param table the table of the ALTER TABLE the line belongs to, when an earlier line named it
   */
  static List<SqlEvent> of(String line, String table) {
    List<SqlEvent> out = new ArrayList<>();
    String code = stripComment(line);
    Matcher at = ALTER_TABLE.matcher(code);
    String t = at.find() ? name(at.group(1)) : table;
    Matcher m = RENAME_COLUMN.matcher(code);
    if (m.find() && !m.group(1).equalsIgnoreCase("to")) {
      out.add(new SqlEvent(Verb.RENAME, t, name(m.group(1)),
          "renames column `" + name(m.group(1)) + "` to `" + name(m.group(2)) + "`"));
    } else if ((m = RENAME_TABLE.matcher(code)).find() && t != null) {
      out.add(new SqlEvent(Verb.RENAME, t, t, "renames table `" + t + "` to `" + name(m.group(1)) + "`"));
    }
    m = DROP_TABLE.matcher(code);
    if (m.find()) {
      String d = name(m.group(1));
      out.add(new SqlEvent(Verb.REMOVE, d, d, "drops table `" + d + "`"));
    } else {
      m = DROP_COLUMN.matcher(code);
      if (m.find() && t != null) {
        String c = name(m.group(1) != null ? m.group(1) : m.group(2));
        if (!isKeyword(c)) out.add(new SqlEvent(Verb.REMOVE, t, c, "drops column `" + t + "." + c + "`"));
      }
    }
    m = ADD_COLUMN.matcher(code);
    if (m.find()) {
      String c = name(m.group(1));
      out.add(new SqlEvent(Verb.ADD, t, c, "adds column `" + (t == null ? "" : t + ".") + c + "`"));
    }
    m = ALTER_COLUMN.matcher(code);
    if (m.find()) {
      String c = name(m.group(1));
      out.add(new SqlEvent(Verb.CHANGE, t, c, "alters column `" + (t == null ? "" : t + ".") + c + "`"));
    }
    m = CREATE_TABLE.matcher(code);
    if (m.find()) {
      String c = name(m.group(1));
      out.add(new SqlEvent(Verb.ADD, c, c, "creates table `" + c + "`"));
    }
    if (out.isEmpty() && at.find(0) && t != null) {
      out.add(new SqlEvent(Verb.CHANGE, t, t, "alters table `" + t + "`"));
    }
    return out;
  }

  /** The table an ALTER TABLE on this line names, for the lines that follow it. */
  static String alteredTable(String line) {
    Matcher at = ALTER_TABLE.matcher(stripComment(line));
    return at.find() ? name(at.group(1)) : null;
  }

  private static boolean isKeyword(String w) {
    return switch (w) {
      case "constraint", "default", "not", "index", "table", "column", "identity", "expression" -> true;
      default -> false;
    };
  }

  private static String stripComment(String line) {
    int c = line.indexOf("--");
    return c >= 0 ? line.substring(0, c) : line;
  }

  private static String name(String raw) {
    return Names.unqualified(Names.normalize(raw));
  }
}
