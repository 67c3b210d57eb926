package dev.specgate.server;

import dev.specgate.core.ChangeSet;
import dev.specgate.dryrun.PullRequestAnalysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;

/** The engine as the service calls it ({@code Analysis::run} in production, the same as the CLI). */
@FunctionalInterface
public interface Analyzer {
  Report analyse(ChangeSet changes, Config config);

  /** What the worker publishes: this analysis, or the dry run when the config asks for it. */
  default PullRequestAnalysis analysePullRequest(ChangeSet changes, Config config) {
    return PullRequestAnalysis.run(changes, config, this::analyse);
  }
}
