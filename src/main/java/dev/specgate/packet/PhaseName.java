package dev.specgate.packet;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The phases of expand/contract, recognised by name (DESIGN: expand, backfill, switch, cleanup). */
public enum PhaseName {
  EXPAND, BACKFILL, SWITCH, CLEANUP, OTHER;

  // "1. Expand", "Phase 2 — Backfill", "Phase 3 (switch)", "Expand phase:", "**Cleanup**"
  private static final Pattern START = Pattern.compile(
      "^(?:\\d+[.)]\\s*)?(?:(?:phase|stage|step)\\s*\\d+\\s*(?:[-—–:(]\\s*)?)?"
          + "(expand(?:sion)?|backfill(?:ing)?|dual[- ]write|switch(?:over)?|flip|cut[- ]?over"
          + "|clean[- ]?up|contract(?:ion)?)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NUMBERED_ONLY = Pattern.compile(
      "^(?:phase|stage)\\s*\\d+\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The phase a heading or list item starts with: "Expand", "2. Backfill", "Phase 3 — Switch",
   * "Contract phase: …"; a bare "Phase 4 — Enforce constraints" is OTHER. Empty when the text
   * does not start with a phase name.
   */
  public static Optional<PhaseName> startOf(String text) {
    String t = plainTitle(text);
    Matcher m = START.matcher(t);
    if (m.find()) return Optional.of(fromWord(m.group(1)));
    if (NUMBERED_ONLY.matcher(t).find()) return Optional.of(OTHER);
    return Optional.empty();
  }

  private static final Pattern LEADING_HASHES = Pattern.compile("^#++\\s*+");

  /** A heading's words: emphasis marks, backticks and the leading {@code #}s removed, trimmed. */
  public static String plainTitle(String heading) {
    String t = heading.replace("*", "").replace("`", "").strip();
    return LEADING_HASHES.matcher(t).replaceFirst("").strip();
  }

  private static final Pattern ANY = Pattern.compile(
      "\\b(expand(?:sion)?|backfill(?:ing)?|dual[- ]write|switch(?:over)?|flip|cut[- ]?over"
          + "|clean[- ]?up|contract(?:ion)?)\\b",
      Pattern.CASE_INSENSITIVE);

  /** The first phase word anywhere in a text ("1 — expand the schema"), else OTHER. */
  public static PhaseName anyIn(String text) {
    Matcher m = ANY.matcher(text);
    return m.find() ? fromWord(m.group(1)) : OTHER;
  }

  static PhaseName fromWord(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("expand")) return EXPAND;
    if (w.startsWith("backfill") || w.startsWith("dual")) return BACKFILL;
    if (w.startsWith("switch") || w.equals("flip") || w.startsWith("cut")) return SWITCH;
    return CLEANUP;
  }

  /** Words that name this phase in prose (for matching rollback and deploy-order notes). */
  public java.util.List<String> words() {
    return switch (this) {
      case EXPAND -> java.util.List.of("expand", "expansion");
      case BACKFILL -> java.util.List.of("backfill", "dual-write", "dual write");
      case SWITCH -> java.util.List.of("switch", "flip", "cutover", "cut over", "cut-over");
      case CLEANUP -> java.util.List.of("cleanup", "clean up", "clean-up", "contract");
      case OTHER -> java.util.List.of();
    };
  }
}
