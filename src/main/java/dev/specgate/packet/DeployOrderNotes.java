package dev.specgate.packet;

import java.util.regex.Pattern;

/**
 * Statements of deploy order: "migration first, then code", "migrations first", "code first",
 * "code deploys after the backfill", "run the migration before the app deploy", "no code
 * change", "flag off until parity passes", "Run migration, then deploy app version …".
 */
public final class DeployOrderNotes {
  private DeployOrderNotes() {}

  static final Pattern ORDER = Pattern.compile(
      "\\b(?:code|app|application|service|api|reader|writer)s?\\s{1,3}(?:change\\s{1,3})?(?:deploys?"
          + "|ships?|goes|rolls? out|is deployed|is released|releases?)\\s{1,3}(?:out\\s{1,3})?"
          + "(?:first|before|after|then)"
          + "|\\b(?:migration|schema change|ddl|backfill)s?\\s{1,3}(?:runs?|deploys?|ships?|goes"
          + "|is applied|applies|is deployed)\\s{1,3}(?:out\\s{1,3})?(?:first|before|after)"
          + "|\\b(?:deploy|ship|release|run|apply)\\s{1,3}(?:the\\s{1,3})?(?:new\\s{1,3})?(?:code"
          + "|app|application|migrations?|schema change)\\s{0,3},?\\s{0,3}(?:first|before|after|then)"
          + "|\\b(?:before|after)\\s{1,3}(?:the\\s{1,3})?(?:code|app|application|migration)\\s{1,3}"
          + "(?:deploy|rollout|release|runs?|is deployed)"
          + "|\\b(?:migrations?|schema|ddl|code|app|application) first\\b"
          + "|\\bno (?:code|app|application) (?:change|deploy)|\\bdeploy order|\\bdeploys? (?:first|last)"
          + "|\\bflag (?:stays |is |remains )?off until\\b|\\b(?:when to run|deploy sequence)\\b"
          + "|\\bdeploy (?:the )?(?:new |previous )?app(?:lication)? (?:version|update)"
          + "|\\bbehind (?:a|the) (?:feature )?flag\\b.{0,40}\\b(?:after|until|once)\\b"
          + "|\\b(?:order|sequence)\\s{0,3}:\\s{0,3}(?:code|app|migration|schema)",
      Pattern.CASE_INSENSITIVE);

  public static boolean states(String text) {
    return ORDER.matcher(text).find();
  }

  /**
   * The line stating a phase's deploy order: in the phase's own text, or a line of a Deploy order
   * section naming it ("Expand: migration first, then code", "Phase 2 deploys code first").
   */
  public static java.util.Optional<TextLine> noteFor(Phase phase,
      java.util.List<Section> deployOrderSections) {
    java.util.Optional<TextLine> own = phase.deployOrder();
    if (own.isPresent()) return own;
    for (Section s : deployOrderSections) {
      for (TextLine l : s.textLines()) if (names(l.text(), phase)) return java.util.Optional.of(l);
    }
    return java.util.Optional.empty();
  }

  private static final Pattern PHASE_NUMBER = Pattern.compile("(?i)\\bphase\\s*(\\d+)\\b");

  /** True when a line names the phase by its kind's words or by its number ("phase 2"). */
  static boolean names(String text, Phase phase) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    for (String w : phase.name().words()) if (t.contains(w)) return true;
    java.util.regex.Matcher own = PHASE_NUMBER.matcher(phase.title());
    if (!own.find()) return false;
    java.util.regex.Matcher named = PHASE_NUMBER.matcher(text);
    while (named.find()) if (named.group(1).equals(own.group(1))) return true;
    return false;
  }
}
