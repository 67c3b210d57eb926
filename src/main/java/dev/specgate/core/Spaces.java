package dev.specgate.core;

import java.util.regex.Pattern;

/**
 * Spaces in text: runs of whitespace collapsed to one space, removed or used to cut text into
 * words, and spaces put between the words of a camel-case name. The one place for these regexes,
 * in static fields (see the regex tests).
 */
public final class Spaces {
  private static final Pattern RUN = Pattern.compile("\\s+");
  private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z])([A-Z])");

  private Spaces() {}

  /** Every run of whitespace replaced by one space (not trimmed). */
  public static String collapse(String text) {
    return RUN.matcher(text).replaceAll(" ");
  }

  /** Every run of whitespace removed. */
  public static String remove(String text) {
    return RUN.matcher(text).replaceAll("");
  }

  /** A space put between the words of a camel-case name: "AccessExclusiveLock" → "Access Exclusive Lock". */
  public static String betweenCamelWords(String name) {
    return CAMEL_HUMP.matcher(name).replaceAll("$1 $2");
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
