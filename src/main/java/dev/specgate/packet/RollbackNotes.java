package dev.specgate.packet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rollback facts of a spec (seed 001: "For every phase, the spec tells me what reverting means
 * … and how long rollback remains available before the next phase makes it irreversible").
 */
public final class RollbackNotes {
  private RollbackNotes() {}

  static final Pattern ROLLBACK_WORDS = Pattern.compile(
      "roll(?:ing)?[- ]?back|\\brevert\\w*|reversib\\w*|irreversib\\w*|\\bundo\\b|forward[- ]fix"
          + "|\\brestore\\w*|point of no return|\\bdisable the (?:flag|reader|new)|\\bback(?: |-)?out\\b"
          + "|\\bturn(?:ing)? (?:the|it) (?:\\w+ )?(?:flag )?off",
      Pattern.CASE_INSENSITIVE);
  static final Pattern IRREVERSIBLE = Pattern.compile(
      "irreversib\\w*|not (?:fully )?reversible|cannot be (?:undone|reversed|rolled back)"
          + "|can't be (?:undone|reversed|rolled back)|no rollback (?:is )?possible|no way back"
          + "|cannot be recovered|not recoverable|unrecoverable|forward[- ]fix only"
          + "|only (?:be )?forward[- ]fixed|one-way|permanently (?:deleted|lost|removed)",
      Pattern.CASE_INSENSITIVE);
  static final Pattern POINT_OF_NO_RETURN = Pattern.compile(
      "point of no return|no longer (?:reversible|possible to roll ?back)"
          + "|rollback (?:stops|ends|is no longer|boundary)|rollback window closes"
          + "|irreversible (?:after|once|from|when)|after (?:this|that) (?:step|point),? "
          + "(?:rollback|there is no)|only proceed to [^.]{0,40}? after|beyond this point"
          + "|(?:no going|there is no going) back|last (?:safe|reversible) point",
      Pattern.CASE_INSENSITIVE);
  static final Pattern SNAPSHOT = Pattern.compile(
      "snapshot|backup|back up|pg_dump|restore point|restore procedure|point-in-time recovery|pitr",
      Pattern.CASE_INSENSITIVE);
  /** Seed 001: a rollback plan that is a single line saying "revert the migration". */
  static final Pattern ONE_LINER = Pattern.compile(
      "^(?:just\\s+|simply\\s+)?(?:revert|roll ?back|undo)(?:\\s+the)?\\s+"
          + "(?:migration|pr|deploy|deployment|commit|change)s?\\.?$",
      Pattern.CASE_INSENSITIVE);
  /** "Nothing in this change is irreversible", "no step is irreversible", "isn't one-way". */
  private static final Pattern NEGATED_IRREVERSIBLE = Pattern.compile(
      "(?:\\bnot|\\bno|\\bnothing|\\bnone|\\bnever|\\bwithout|n't)\\b[^.;:]{0,50}?"
          + "(?:irreversib|one-way|cannot be undone|permanently|unrecoverable)",
      Pattern.CASE_INSENSITIVE);

  /** The line of a phase's rollback note: in the phase's own text, or a rollback line naming it. */
  public static Optional<TextLine> noteFor(Phase phase, List<Section> rollbackSections) {
    for (TextLine l : phase.lines()) {
      if (ROLLBACK_WORDS.matcher(l.text()).find()) return Optional.of(l);
    }
    for (Section s : rollbackSections) {
      for (TextLine l : s.textLines()) {
        if (namesPhase(l.text(), phase)) return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  static boolean namesPhase(String text, Phase phase) {
    String t = text.toLowerCase(Locale.ROOT);
    for (String w : phase.name().words()) {
      if (SectionKind.containsWord(t, w)) return true;
    }
    java.util.regex.Matcher m = PHASE_NUMBER.matcher(phase.title());
    if (!m.find()) return false;
    java.util.regex.Matcher named = PHASE_NUMBER_WORD.matcher(text);
    while (named.find()) {
      if (named.group(1).equals(m.group(1))) return true;
    }
    return false;
  }

  /** "Phase 2" in a phase's title. */
  private static final Pattern PHASE_NUMBER = Pattern.compile("(?i)\\bphase\\s*+(\\d++)");
  /** "phase 2" in a rollback line: the number a whole word. */
  private static final Pattern PHASE_NUMBER_WORD = Pattern.compile("(?i)\\bphase\\s*+(\\d++)\\b");

  public static boolean isIrreversible(String text) {
    return IRREVERSIBLE.matcher(text).find() && !NEGATED_IRREVERSIBLE.matcher(text).find();
  }

  public static boolean isPointOfNoReturn(String text) {
    return POINT_OF_NO_RETURN.matcher(text).find();
  }

  public static boolean mentionsSnapshot(String text) {
    return SNAPSHOT.matcher(text).find();
  }

  public static boolean isOneLiner(String text) {
    return ONE_LINER.matcher(text.strip()).matches();
  }
}
