package dev.specgate.packet;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a phase or a task belongs to a later release: "in a separate release", "next
 * release", "follow-up PR", "not part of this change", "after the 7-day rollback window",
 * "once the compatibility window has closed", "stable for at least 7 days". Such a phase is judged
 * as a plan (it still needs its rollback note) but not as this change's obligation (no deploy
 * order or open task is demanded of it).
 */
public final class PlanScope {
  private PlanScope() {}

  static final Pattern LATER = Pattern.compile(
      "\\b(?:later|future|next|subsequent|separate|follow[- ]up|own)\\s{1,3}"
          + "(?:release|pr|pull request|change set|packet|ticket|sprint)\\b"
          + "|\\b(?:later|future|next|subsequent|follow[- ]up)\\s{1,3}(?:change|migration|deploy(?:ment)?)\\b"
          + "|\\bnot (?:part of|in|included in|shipped in|done in) this (?:change|pr|pull request"
          + "|release|packet|deploy(?:ment)?)\\b|\\bout of scope for this\\b|\\bdeferred\\b"
          + "|\\(later\\)|\\blater,? (?:after|once|when)\\b"
          + "|\\b(?:after|once) the (?:[\\w-]{1,20}\\s{1,3}){0,3}(?:rollback|compatibility|deprecation)"
          + " windows? (?:has |have )?(?:passed|closed|closes|close|ends?|expired?)?"
          + "|\\b(?:rollback|compatibility) windows? (?:has |have )?(?:passed|closed)"
          + "|\\bstable for at least \\d{1,4}\\s{0,3}(?:days?|weeks?)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NEGATED = Pattern.compile(
      "\\b(?:not|no|never)\\s{1,3}(?:in\\s{1,3}|for\\s{1,3}|as\\s{1,3})?(?:a\\s{1,3})?"
          + "(?:later|separate|future|next|follow[- ]up)\\b",
      Pattern.CASE_INSENSITIVE);

  /** True when the text schedules what it describes for later. */
  public static boolean saysLater(String text) {
    return LATER.matcher(text).find() && !NEGATED.matcher(text).find();
  }

  /**
   * A phase is later when its title or its opening says so: the title and the first three lines
   * that are not bare labels ("Goal:"). A later release named deep inside a phase's text is about
   * something else ("the old column is dropped in a later release").
   */
  static boolean isLater(String title, List<TextLine> lines) {
    if (title != null && saysLater(title)) return true;
    int seen = 0;
    for (TextLine l : lines) {
      String t = l.text().strip();
      if (t.isEmpty() || t.endsWith(":") || t.equals(title)) continue;
      if (saysLater(t)) return true;
      if (++seen >= 3) break;
    }
    return false;
  }
}
