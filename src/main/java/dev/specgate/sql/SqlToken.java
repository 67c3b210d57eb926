package dev.specgate.sql;

/**
 * A lexical token of one statement. {@code start}/{@code end} are offsets into the statement text;
 * {@code upper} is the upper-cased text of a WORD (keyword or unquoted identifier), else the text.
 */
record SqlToken(Kind kind, String text, String upper, int start, int end) {

  enum Kind { WORD, QUOTED_IDENT, STRING, NUMBER, OP, PARAM }

  boolean isWord() {
    return kind == Kind.WORD;
  }

  boolean isWord(String keyword) {
    return kind == Kind.WORD && upper.equals(keyword);
  }

  boolean isIdentifier() {
    return kind == Kind.WORD || kind == Kind.QUOTED_IDENT;
  }

  boolean isOp(String op) {
    return kind == Kind.OP && text.equals(op);
  }
}
