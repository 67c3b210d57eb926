package dev.specgate.core;

import java.util.regex.Pattern;

/** Input text cut into lines at LF or CRLF, trailing empty lines kept (line numbers stay true). */
public final class Lines {
  private static final Pattern BREAK = Pattern.compile("\r?\n");

  private Lines() {}

  /** The lines of {@code text}, as {@code text.split("\r?\n", -1)}. */
  public static String[] of(String text) {
    return BREAK.split(text, -1);
  }
}
