package dev.specgate.engine;

import dev.specgate.core.Finding;
import dev.specgate.core.Severity;
import java.util.List;

/**
 * The result of one analysis: findings sorted by file, line, rule; what was analysed; and the
 * threshold that decides the exit code.
 *
 * @param migrations paths of the migration files analysed
 * @param packets folders of the packets in scope ("" for a packet at the root)
 * @param filesAnalysed how many input files the engine read
 * @param statementsAnalysed how many SQL statements the migrations held
 * @param planRead per packet in scope, one line saying what specgate read from its plan
 *     ("`payments`: spec.md, tasks.md; phases: …"), for the Markdown summary
 */
public record Report(
    List<Finding> findings,
    List<String> migrations,
    List<String> packets,
    int filesAnalysed,
    int statementsAnalysed,
    Severity failOn,
    List<String> planRead) {

  public Report {
    findings = List.copyOf(findings);
    migrations = List.copyOf(migrations);
    packets = List.copyOf(packets);
    planRead = List.copyOf(planRead);
  }

  /** A report without the plan lines (renderers then leave the "read from the plan" block out). */
  public Report(List<Finding> findings, List<String> migrations, List<String> packets,
      int filesAnalysed, int statementsAnalysed, Severity failOn) {
    this(findings, migrations, packets, filesAnalysed, statementsAnalysed, failOn, List.of());
  }

  public long count(Severity s) {
    return findings.stream().filter(f -> f.severity() == s).count();
  }

  /** True when any finding is at or above {@code failOn}: the check fails, exit code 1. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
  }

  public int exitCode() {
    return failed() ? 1 : 0;
  }
}
