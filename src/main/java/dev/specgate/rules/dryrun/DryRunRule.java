package dev.specgate.rules.dryrun;

import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;

/**
 * A rule of the dryrun family: it reads what the dry run observed and has nothing to say in a
 * static analysis (no evidence, no findings).
 */
interface DryRunRule extends Rule {
  @Override
  default void check(RuleContext context, Findings out) {
    context.dryRun().ifPresent(evidence -> check(evidence, out));
  }

  /** The findings in what one dry run observed. */
  void check(DryRunEvidence evidence, Findings out);
}
