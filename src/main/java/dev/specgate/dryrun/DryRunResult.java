package dev.specgate.dryrun;

import dev.specgate.engine.Report;
import dev.specgate.rules.dryrun.DryRunEvidence;

/**
 * A dry run's outcome: what was observed, and the report of every rule over the change with that
 * evidence (static findings with their measurements, plus the dry-run rules' findings).
 */
public record DryRunResult(DryRunEvidence evidence, Report report) {}
