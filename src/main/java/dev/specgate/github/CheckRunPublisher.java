package dev.specgate.github;

import dev.specgate.core.Finding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes one analysis as one Check Run per commit and name, without piling up on re-runs.
 *
 * <p>GitHub appends annotations on every update, so a re-run cannot simply PATCH the same run
 * again. The rule here: when a run of this name already exists on the commit and every
 * annotation it carries is still a current finding, it is updated in place with the new output
 * and only the annotations it lacks. When it carries an annotation that is no longer current
 * (a finding was fixed or suppressed) a fresh run is created: GitHub shows the latest run of a
 * name, so the stale one drops out of sight instead of misleading. When the request has an
 * external id, only a run with that external id counts as ours.
 */
public final class CheckRunPublisher {
  private final GitHubApi client;

  public CheckRunPublisher(GitHubApi client) {
    this.client = client;
  }

  /** What happened: the run, and whether it was created or updated. */
  public record Outcome(CheckRun run, boolean created, int annotationsSent) {}

  public Outcome publish(GitHubRepo repo, CheckRunRequest request) {
    Optional<CheckRun> existing =
        client.findCheckRun(repo, request.headSha(), request.name(), request.externalId());
    if (existing.isPresent()) {
      List<Annotation> current = client.listCheckRunAnnotations(repo, existing.get().id());
      Set<String> wanted = new HashSet<>();
      for (Annotation a : request.annotations()) wanted.add(key(a));
      boolean allCurrent = current.stream().allMatch(a -> wanted.contains(key(a)));
      if (allCurrent) {
        Set<String> present = new HashSet<>();
        for (Annotation a : current) present.add(key(a));
        List<Annotation> missing = new ArrayList<>();
        for (Annotation a : request.annotations()) if (present.add(key(a))) missing.add(a);
        CheckRunRequest update = new CheckRunRequest(
            null, request.headSha(), request.status(), request.conclusion(), request.externalId(),
            request.detailsUrl(), request.title(), request.summary(), request.text(), missing);
        return new Outcome(client.updateCheckRun(repo, existing.get().id(), update), false, missing.size());
      }
    }
    return new Outcome(client.createCheckRun(repo, request), true, request.annotations().size());
  }

  /** A finding as a Check Run annotation: message, rule as title, why and fix as raw details. */
  public static Annotation annotation(Finding f) {
    String level = switch (f.severity()) {
      case ERROR -> "failure";
      case WARNING -> "warning";
      case NOTICE -> "notice";
    };
    StringBuilder details = new StringBuilder();
    if (!f.why().isBlank()) details.append("Why: ").append(f.why().strip());
    if (!f.fix().isBlank()) {
      if (details.length() > 0) details.append("\n\n");
      details.append("Fix:\n").append(f.fix().strip());
    }
    return new Annotation(
        f.file(), f.line(), Math.max(f.line(), f.location().endLine()), level, f.message(),
        "specgate " + f.rule(), details.length() == 0 ? null : details.toString());
  }

  private static String key(Annotation a) {
    return a.path() + "\u0000" + a.startLine() + "\u0000" + a.endLine() + "\u0000" + a.level()
        + "\u0000" + a.title() + "\u0000" + a.message().strip();
  }
}
