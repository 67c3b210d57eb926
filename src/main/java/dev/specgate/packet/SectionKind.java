package dev.specgate.packet;

import dev.specgate.core.Spaces;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a heading (or a {@code Label:} line) introduces, matched case-insensitively with synonyms.
 * Matching order matters: "Non-goals" must not be read as "Goals", "Rollout plan" is the phase
 * plan while "Rollback plan" is the rollback section.
 */
public enum SectionKind {
  NON_GOALS("non-goals", List.of("non-goal", "non goal", "nongoal", "out of scope",
      "out-of-scope", "not in scope", "not doing", "won't do", "explicitly excluded",
      "deliberately not", "what we are not", "what we won't")),
  STOP_SIGNALS("stop signals", List.of("stop signal", "stop trigger", "stop condition",
      "stop criteria", "release check", "abort criteria", "abort condition", "kill switch",
      "halt condition", "when to stop", "pause condition", "pause criteria")),
  DEPLOY_ORDER("deploy order", List.of("deploy order", "deployment order", "deploy sequence",
      "deployment sequence", "release order", "rollout order", "release sequence",
      "order of deploys", "order of operations")),
  GUARDRAILS("guardrails", List.of("guardrail")),
  /** Acceptance criteria inside the plan document (seed 004 shape, or a single-file plan). */
  ACCEPTANCE("acceptance criteria", List.of("acceptance criteria", "acceptance criterion",
      "acceptance", "success criteria", "definition of done", "exit criteria", "scenarios")),
  /** A checklist or runbook inside the plan document. */
  RUNBOOK("runbook", List.of("runbook", "run book", "checklist", "tasks", "task list",
      "work items", "implementation steps")),
  EVIDENCE("evidence", List.of("evidence")),
  /** Seed 004's "Performance Impact Assessment": the stated lock per step. */
  LOCKS("locks", List.of("performance impact", "lock impact", "locking", "locks",
      "lock analysis")),
  PARITY("parity", List.of("parity", "validation", "verification", "consistency check",
      "data checks", "integrity check")),
  ROLLBACK("rollback", List.of("rollback", "roll back", "roll-back", "backout", "back out",
      "back-out", "revert plan", "undo plan", "goes wrong", "going back", "recovery plan")),
  COMPATIBILITY("compatibility", List.of("compatibility", "compatibility window",
      "old code keeps", "old code",
      "backward compatible")),
  PHASES("phases", List.of("phases", "phase model", "phase plan", "rollout plan", "migration plan",
      "expand/contract", "expand-contract", "expand and contract", "rollout", "migration steps",
      "plan of record", "phased rollout", "execution plan", "rolls out", "how we ship")),
  CONTEXT("context", List.of("context", "background", "overview", "summary", "current state",
      "what is changing", "what's changing", "what changes", "problem", "situation",
      "where we are", "today", "current design")),
  GOAL("goal", List.of("goal", "objective", "why", "motivation", "purpose", "intent",
      "what we want", "target state", "desired state")),
  /** One phase of the plan: its heading names a phase (see {@link PhaseName}). */
  PHASE("phase", List.of()),
  OTHER("other", List.of());

  /** "1.", "2)", "iv.", "##" before a heading's words. */
  private static final java.util.regex.Pattern NUMBERING =
      java.util.regex.Pattern.compile("^(?:\\d++[.)]|[ivx]++\\.|#++)\\s*+");
  private static final java.util.regex.Pattern FINAL_COLON_OR_PERIOD =
      java.util.regex.Pattern.compile("[:.]\\s*+$");
  private static final java.util.regex.Pattern NUMBERED_PHASE =
      java.util.regex.Pattern.compile("(?:phase|stage)\\s{0,3}\\d{1,3}\\b");

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
    // "Phase 2 — Backfill + validation" is a phase whatever other words it holds
    if (NUMBERED_PHASE.matcher(t).lookingAt()) return PHASE;
    // a heading that is only "Plan" / "Steps" is the phase plan
    if (t.equals("plan") || t.equals("the plan") || t.equals("steps") || t.equals("migration")) {
      return PHASES;
    }
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
    t = NUMBERING.matcher(t).replaceFirst("");
    t = FINAL_COLON_OR_PERIOD.matcher(t).replaceFirst("").trim();
    return Spaces.collapse(t);
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
