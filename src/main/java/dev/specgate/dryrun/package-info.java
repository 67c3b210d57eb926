/**
 * The dry run (DESIGN section 8): apply a change to a scratch PostgreSQL database, observe what each
 * statement locks, rewrites, scans and blocks, and verify its rollback. {@link dev.specgate.dryrun.DryRun}
 * is the entry point; {@link dev.specgate.dryrun.DryRunRenderer} renders the result. What was
 * observed is handed to the engine as {@link dev.specgate.rules.dryrun.DryRunEvidence}, so the
 * dry-run rules and the measured evidence on static findings go through the one analysis pipeline.
 */
package dev.specgate.dryrun;
