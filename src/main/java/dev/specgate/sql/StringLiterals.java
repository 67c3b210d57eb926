package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The string literals of one statement, read with the SQL lexer, with the type a {@code ::} cast
 * right after gives them. Dollar-quoted strings (function and DO bodies) are code, not literals,
 * and are left out.
 */
public final class StringLiterals {
  private StringLiterals() {}

  /**
   * @param value the literal's value (quotes removed, doubled quotes undone)
   * @param castTo the normalized type name of a {@code 'x'::type} cast, else null
   * @param column the normalized column of a {@code column = 'x'} (also {@code <>}, {@code !=}) right
   *     before the literal, without its table; else null
   */
  public record Literal(String value, String castTo, String column) {}

  public static List<Literal> of(String sql, Dialect dialect) {
    List<Literal> out = new ArrayList<>();
    if (sql == null || sql.isEmpty()) return out;
    List<SqlToken> tokens = SqlLexer.tokenize(sql, dialect);
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken t = tokens.get(i);
      if (t.kind() != SqlToken.Kind.STRING) continue;
      String value = value(t.text());
      if (value == null) continue;
      String cast = null;
      if (i + 2 < tokens.size() && tokens.get(i + 1).isOp("::") && tokens.get(i + 2).isIdentifier()) {
        StringBuilder type = new StringBuilder(tokens.get(i + 2).text());
        int j = i + 3;
        while (j + 1 < tokens.size() && tokens.get(j).isOp(".") && tokens.get(j + 1).isIdentifier()) {
          type.append('.').append(tokens.get(j + 1).text());
          j += 2;
        }
        cast = Names.normalize(type.toString());
      }
      String column = null;
      if (i >= 2 && tokens.get(i - 2).isIdentifier()
          && (tokens.get(i - 1).isOp("=") || tokens.get(i - 1).isOp("<>") || tokens.get(i - 1).isOp("!="))) {
        column = Names.normalize(tokens.get(i - 2).text());
      }
      out.add(new Literal(value, cast, column));
    }
    return out;
  }

  /** The value of a quoted literal ({@code 'x'}, {@code E'x'}, {@code N'x'}), null for a dollar-quoted body. */
  private static String value(String text) {
    int q = text.indexOf('\'');
    if (q < 0 || q > 2 || text.length() < q + 2 || text.charAt(text.length() - 1) != '\'') return null;
    String body = text.substring(q + 1, text.length() - 1).replace("''", "'");
    boolean escapes = q > 0 && Character.toUpperCase(text.charAt(0)) == 'E';
    return escapes ? body.replace("\\'", "'").replace("\\\\", "\\") : body;
  }
}
