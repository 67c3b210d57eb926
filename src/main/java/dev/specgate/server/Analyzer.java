package dev.specgate.server;

import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;

/** The engine as the service calls it ({@code Analysis::run} in production, the same as the CLI). */
@FunctionalInterface
public interface Analyzer {
  Report analyse(ChangeSet changes, Config config);
}
