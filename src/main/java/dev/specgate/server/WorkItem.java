package dev.specgate.server;

import java.util.regex.Pattern;

/**
 * One unit of work a webhook asks for: analyse pull request {@code prNumber} of {@code repo}
 * ("owner/name") at {@code headSha}.
 *
 * @param rerun true when the same head must be analysed again (a re-run was requested, or the
 *     base branch changed), so a finished job for it is queued once more
 */
public record WorkItem(String repo, long installationId, int prNumber, String headSha, boolean rerun) {
  private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{7,64}");

  public WorkItem {
    if (!isFullName(repo)) throw new IllegalArgumentException("repository full_name missing or malformed");
    if (headSha == null || !SHA.matcher(headSha).matches()) throw new IllegalArgumentException("head sha missing or malformed");
    if (prNumber <= 0) throw new IllegalArgumentException("pull request number missing");
    if (installationId <= 0) throw new IllegalArgumentException("installation id missing");
  }

  public String owner() {
    return repo.substring(0, repo.indexOf('/'));
  }

  public String name() {
    return repo.substring(repo.indexOf('/') + 1);
  }

  /** {@code owner/name}: one slash with something on each side, no whitespace. */
  private static boolean isFullName(String repo) {
    if (repo == null) return false;
    int slash = repo.indexOf('/');
    if (slash <= 0 || slash == repo.length() - 1 || repo.indexOf('/', slash + 1) >= 0) return false;
    for (int i = 0; i < repo.length(); i++) if (Character.isWhitespace(repo.charAt(i))) return false;
    return true;
  }
}
