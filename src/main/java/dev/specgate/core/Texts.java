package dev.specgate.core;

import java.util.List;

/**
 * Bounds on text built from input: a finding names at most a few related things, so one hostile
 * pull request with thousands of statements cannot grow each finding's text with all of them.
 */
public final class Texts {
  /** How many related names a finding lists before "and N more". */
  public static final int NAMED = 3;

  private Texts() {}

  /** {@code a, b, c and 7 more}: the first {@code max} items, then how many were left out. */
  public static String firstFew(List<String> items, int max) {
    return firstFew(items, max, ", ");
  }

  /** Up to {@code max} items joined by {@code separator} (all of them when that is all), then "and N more". */
  public static String firstFew(List<String> items, int max, String separator) {
    int shown = Math.min(max, items.size());
    String named = String.join(separator, items.subList(0, shown));
    return items.size() > shown ? named + " and " + (items.size() - shown) + " more" : named;
  }

  /** The text cut to {@code max} characters, with an ellipsis when it was longer. */
  public static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
