package dev.specgate.core;

import java.util.regex.Pattern;

/**
 * Runs of whitespace in input text: collapsed to one space, or used to cut text into words. The
 * one place for {@code \s+}, so the regex lives in a static field (see the regex tests).
 */
public final class Spaces {
  private static final Pattern RUN = Pattern.compile("\\s+");

  private Spaces() {}

  /** Every run of whitespace replaced by one space (not trimmed). */
  public static String collapse(String text) {
    return RUN.matcher(text).replaceAll(" ");
  }

  /** Every run of whitespace removed. */
  public static String remove(String text) {
    return RUN.matcher(text).replaceAll("");
  }

  /** The text cut at runs of whitespace, as {@code String.split("\\s+")}. */
  public static String[] split(String text) {
    return RUN.split(text);
  }

  /** The text cut at runs of whitespace into at most {@code limit} parts. */
  public static String[] split(String text, int limit) {
    return RUN.split(text, limit);
  }
}
