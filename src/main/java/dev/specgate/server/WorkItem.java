package dev.specgate.server;

/**
 * One unit of work a webhook asks for: analyse pull request {@code prNumber} of {@code repo}
 * ("owner/name") at {@code headSha}.
 *
 * @param rerun true when the same head must be analysed again (a re-run was requested, or the
 *     base branch changed), so a finished job for it is queued once more
 */
public record WorkItem(String repo, long installationId, int prNumber, String headSha, boolean rerun) {
  public WorkItem {
    if (repo == null || !repo.matches("[^/\\s]+/[^/\\s]+")) throw new IllegalArgumentException("repository full_name missing or malformed");
    if (headSha == null || !headSha.matches("[0-9a-fA-F]{7,64}")) throw new IllegalArgumentException("head sha missing or malformed");
    if (prNumber <= 0) throw new IllegalArgumentException("pull request number missing");
    if (installationId <= 0) throw new IllegalArgumentException("installation id missing");
  }

  public String owner() {
    return repo.substring(0, repo.indexOf('/'));
  }

  public String name() {
    return repo.substring(repo.indexOf('/') + 1);
  }
}
