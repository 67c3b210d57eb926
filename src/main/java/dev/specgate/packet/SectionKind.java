package dev.specgate.packet;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a heading (or a {@code Label:} line) introduces, matched case-insensitively with synonyms.
 * Matching order matters: "Non-goals" must not be read as "Goals", "Rollout plan" is the phase
 * plan while "Rollback plan" is the rollback section.
 */
public enum SectionKind {
  NON_GOALS("non-goals", List.of("non-goal", "non goal", "nongoal", "out of scope", "not in scope")),
  STOP_SIGNALS("stop signals", List.of("stop signal", "stop trigger", "stop condition",
      "release check", "abort criteria", "kill switch")),
  DEPLOY_ORDER("deploy order", List.of("deploy order", "deployment order", "deploy sequence",
      "deployment sequence", "release order", "rollout order")),
  GUARDRAILS("guardrails", List.of("guardrail")),
  PARITY("parity", List.of("parity")),
  ROLLBACK("rollback", List.of("rollback", "roll back", "roll-back")),
  COMPATIBILITY("compatibility", List.of("compatibility", "compatibility window")),
  PHASES("phases", List.of("phases", "phase model", "phase plan", "rollout plan", "migration plan",
      "expand/contract", "expand-contract", "expand and contract")),
  CONTEXT("context", List.of("context", "background")),
  GOAL("goal", List.of("goal", "objective")),
  /** One phase of the plan: its heading names a phase (see {@link PhaseName}). */
  PHASE("phase", List.of()),
  OTHER("other", List.of());

  private final String label;
  private final List<String> keywords;

  SectionKind(String label, List<String> keywords) {
    this.label = label;
    this.keywords = keywords;
  }

  /** The name used in messages ("Non-goals", "Rollback", …). */
  public String label() {
    return label;
  }

  /** The kind a heading's text introduces; OTHER when it names none. */
  public static SectionKind of(String headingText) {
    String t = normalize(headingText);
    if (t.isEmpty()) return OTHER;
    for (SectionKind k : values()) {
      for (String kw : k.keywords) {
        if (containsWord(t, kw)) return k;
      }
    }
    if (PhaseName.startOf(headingText).isPresent()) return PHASE;
    return OTHER;
  }

  /** Lower-case, numbering ("1.", "2)"), emphasis and a trailing colon removed. */
  static String normalize(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace("*", "").replace("_", " ").trim();
    t = t.replaceAll("^(\\d+[.)]|[ivx]+\\.|#+)\\s*", "");
    t = t.replaceAll("[:.]\\s*$", "").trim();
    return t.replaceAll("\\s+", " ");
  }

  static boolean containsWord(String text, String phrase) {
    int from = 0;
    while (true) {
      int i = text.indexOf(phrase, from);
      if (i < 0) return false;
      boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
      int end = i + phrase.length();
      // allow a plural "s" after the phrase ("goals", "phases")
      if (end < text.length() && text.charAt(end) == 's') end++;
      boolean endOk = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startOk && endOk) return true;
      from = i + 1;
    }
  }

  static Optional<SectionKind> parse(String label) {
    for (SectionKind k : values()) if (k.label.equalsIgnoreCase(label)) return Optional.of(k);
    return Optional.empty();
  }
}
