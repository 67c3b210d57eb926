package dev.specgate.rules.packet;

/**
 * The seed principles the packet rules come from, quoted once so every rule says "why" in the
 * seeds' own words (seeds 000–004 beside DESIGN.md).
 */
final class Seeds {
  private Seeds() {}

  static final String PACKET =
      "Seed 000 lists \"the packet reviewers actually need\": spec.md, tasks.md, "
          + "acceptance-criteria.md and evidence.md. Seed 002: \"If an input is missing → procedure "
          + "must halt or branch into a remediation path.\"";
  static final String SECTIONS =
      "Seed 001: \"The spec must state the phase model explicitly\", \"The Rollback Plan Is the "
          + "Spec, Not an Appendix\", \"Backward Compatibility Windows Must Be Named in Days\"; "
          + "seed 000's spec opens with Context, Goal and Non-goals so reviewers can hold the "
          + "change against its scope.";
  static final String TABLE_SIZE =
      "Seed 000: \"The row count matters because a migration that is safe for 50,000 rows may be "
          + "unsafe for 18 million.\" A code generator \"will not know the table size, lock "
          + "behavior, index strategy, or batch limits unless the spec names them.\"";
  static final String BACKFILL =
      "Seed 001: \"If the table has more than roughly one million rows, the spec must describe "
          + "the backfill strategy, not just mention one exists. I want batch size, cursor "
          + "pagination key, expected runtime, lock behavior per batch, and whether the job is "
          + "resumable after a crash.\"";
  static final String PARITY =
      "Seed 000, anti-pattern \"No parity threshold\": \"'Looks right' is not enough. The spec "
          + "should name a mismatch threshold that blocks the switch.\"";
  static final String COMPAT =
      "Seed 001: \"A migration spec that says 'old code will continue to work' is not a spec. It "
          + "is a wish. I require every spec to state how many days the old application code must "
          + "remain compatible with the new schema, and the reverse.\"";
  static final String ROLLBACK =
      "Seed 001: \"For every phase, the spec tells me what reverting means, whether data written "
          + "in the new shape is recoverable, and how long rollback remains available before the "
          + "next phase makes it irreversible.\"";
  static final String IRREVERSIBLE =
      "Seed 001: \"Some migrations are genuinely irreversible once data is written … The spec "
          + "must say so and name the point of no return. For these, I require a snapshot "
          + "captured immediately before the irreversible step.\"";
  static final String ONE_LINER =
      "Seed 001: \"I reject the migration spec if the rollback plan is a single line that says "
          + "'revert the migration.' Rollback is the primary artifact.\"";
  static final String STOP =
      "Seed 000: \"The stop signal is elevated write latency, lock wait, backfill error rate, or "
          + "parity mismatch above the threshold named in the spec.\" Seed 001: \"Stop trigger: "
          + "lock wait above 5 seconds for 3 consecutive checks.\"";
  static final String DEPLOY =
      "Seed 001: \"The spec must answer: does code deploy before the migration, after, or both "
          + "across phases? For expand-contract the answer is always 'both,' but the spec lists "
          + "each deploy individually and considers the failure mode of each order.\"";
  static final String ACCEPTANCE =
      "Seed 001: \"I want migration acceptance criteria written in the same Given/When/Then "
          + "format we use for features, because they are testable the same way.\"";
  static final String VAGUE =
      "Seed 001: \"avoid vague verbs; every criterion needs a visible pass or fail signal.\" "
          + "Seed 000: \"'Looks right' is not enough.\" Seed 004: \"no 'should be fine' "
          + "assumptions\".";
  static final String EVIDENCE =
      "Seed 001: \"Block implementation if the evidence line is still blank.\" Seed 000 requires "
          + "dry-run output, batch size and lock notes, query plans, the parity result and the "
          + "rollback boundary as evidence.";
  static final String TASKS =
      "Seed 004: \"Mark each step as done before proceeding.\" Seed 002's Definition of Done is "
          + "a checklist: an open item means the change is not done.";
  static final String SAME_RELEASE =
      "Seed 000, anti-pattern \"Cleanup in the same release\": \"Removing old fields before "
          + "downstream consumers settle makes rollback more expensive and incident response "
          + "slower.\" Seed 001: \"A spec that drops a column the same day code stops writing to "
          + "it gets sent back.\"";
  static final String NON_GOAL =
      "Seed 000, scope check: \"Reject billing redesign, report schema changes, and removal of "
          + "old fields.\" The guardrail exists to stop \"taking a schema request as permission "
          + "to 'clean up' the domain model.\"";
  static final String NO_PACKET =
      "Seed 000: \"That context belongs in the packet before any migration file is generated.\" "
          + "Seed 002: \"Data design missing – Document migration spec (what, why, rollback)\".";
}
