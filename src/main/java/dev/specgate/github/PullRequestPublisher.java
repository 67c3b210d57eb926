package dev.specgate.github;

import dev.specgate.core.Lines;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Report;
import dev.specgate.report.FindingFingerprints;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.report.MarkdownText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one publishing flow, called by {@code specgate action} and by the service's worker alike, so
 * both say the same thing the same way: first the pull request review ({@link ReviewPublisher}:
 * inline comments on diff lines, the previous run's comments updated or deleted), then the Check
 * Run ({@link CheckRunPublisher}, or the run the service already created) whose summary says why
 * a review could not be posted.
 *
 * <p>A token that may not write (403/404: a fork's read-only token, missing permissions) or a
 * review GitHub refuses (422) is not an error: it becomes a note, and the caller shows the notes
 * (the Action in its job summary and as a workflow notice). Other GitHub failures are thrown,
 * unless the context asks to carry on ({@link Context#softFailures}): the Action has its
 * annotations and job summary to fall back on, the service retries the job instead.
 */
public final class PullRequestPublisher {
  /**
   * Where and what to publish.
   *
   * @param pullNumber 0 when there is no pull request (a push): no review then
   * @param checkRunId the run to complete (the service creates it in progress first), or 0 to find
   *     ours by name and external id or create one
   * @param linkBase prefix making a repository path a link in the summary (may be empty)
   */
  public record Context(
      GitHubRepo repo, int pullNumber, String headSha, boolean fromFork, String checkName, String externalId,
      long checkRunId, String linkBase, boolean checkRun, boolean review, boolean softFailures) {}

  /** What happened: notes for the reader (empty when all was posted), and what was posted. */
  public record Outcome(List<Note> notes, ReviewPublisher.Outcome review, CheckRun checkRun) {}

  /** Why something was not posted; {@code refused} when GitHub said no (permissions, 422). */
  public record Note(String text, boolean refused) {}

  private final GitHubApi client;

  public PullRequestPublisher(GitHubApi client) {
    this.client = client;
  }

  public Outcome publish(Context ctx, Report report, ChangeSet changes) {
    return publish(ctx, report, changes, null);
  }

  /**
   * @param section Markdown the Check Run summary shows after the findings (the dry run's lock
   *     table and rollback result), or null
   */
  public Outcome publish(Context ctx, Report report, ChangeSet changes, String section) {
    List<Note> notes = new ArrayList<>();
    ReviewPublisher.Outcome review = null;
    if (ctx.review() && ctx.pullNumber() > 0) {
      try {
        review = new ReviewPublisher(client).publish(ctx.repo(), ctx.pullNumber(), ctx.headSha(),
            reviewItems(report, changes), "**specgate:** " + title(report) + (report.failed() ? " — the check fails." : "."));
      } catch (GitHubException e) {
        notes.add(note("pull request review", e, ctx));
      }
    }
    CheckRun run = null;
    if (ctx.checkRun()) {
      String summary = MarkdownRenderer.render(report, new MarkdownRenderer.Options(
          ctx.linkBase(), MarkdownRenderer.CHECK_RUN_LIMIT, notes.isEmpty() ? null : String.join("\n", notes.stream().map(Note::text).toList()),
          section));
      List<Annotation> annotations = new ArrayList<>();
      for (Finding f : report.findings()) annotations.add(CheckRunPublisher.annotation(f));
      CheckRunRequest req = CheckRunRequest.completed(ctx.checkName(), ctx.headSha(),
          report.failed() ? "failure" : "success", title(report), summary, annotations).withExternalId(ctx.externalId());
      try {
        run = ctx.checkRunId() != 0
            ? client.updateCheckRun(ctx.repo(), ctx.checkRunId(), req)
            : new CheckRunPublisher(client).publish(ctx.repo(), req).run();
      } catch (GitHubException e) {
        notes.add(note("Check Run", e, ctx));
      }
    }
    return new Outcome(List.copyOf(notes), review, run);
  }

  /** The note for a failed publication, or the exception again when the caller must retry instead. */
  private static Note note(String what, GitHubException e, Context ctx) {
    boolean refused = e.isPermissionProblem() || e.isValidationFailure();
    if (!refused && !ctx.softFailures()) throw e;
    // GitHub's message may quote the request (paths): it is not ours to render as Markdown
    String said = MarkdownText.text(e.getMessage());
    if (e.isPermissionProblem()) {
      return new Note("The token may not create the " + what + " (GitHub answered " + e.status() + ")"
          + (ctx.fromFork()
              ? ": this pull request comes from a fork, whose token is read-only."
              : ": grant `checks: write` and `pull-requests: write`.")
          + " The results are in the annotations and this summary instead.", true);
    }
    return new Note("Could not publish the " + what + ": " + said + ". The results are in the annotations and this summary.",
        refused);
  }

  /** The Check Run title: counts by severity. */
  public static String title(Report r) {
    long e = r.count(Severity.ERROR);
    long w = r.count(Severity.WARNING);
    long n = r.count(Severity.NOTICE);
    if (e + w + n == 0) return "No findings";
    return e + " error" + (e == 1 ? "" : "s") + ", " + w + " warning" + (w == 1 ? "" : "s") + ", "
        + n + " notice" + (n == 1 ? "" : "s");
  }

  /** Each finding with its stable fingerprint and its lines at head (for suggestions). */
  static List<ReviewPublisher.Item> reviewItems(Report report, ChangeSet changes) {
    List<String> fingerprints = FindingFingerprints.of(report, changes);
    List<ReviewPublisher.Item> items = new ArrayList<>();
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      items.add(new ReviewPublisher.Item(f, fingerprints.get(i), headText(f, changes)));
    }
    return items;
  }

  /** The finding's lines at head, or null when the file's text is not at hand. */
  static String headText(Finding f, ChangeSet changes) {
    String content = changes.file(f.file()).map(SourceFile::content).orElse(null);
    if (content == null) return null;
    String[] lines = Lines.of(content);
    int from = f.line() - 1;
    int to = Math.min(lines.length, Math.max(f.line(), f.location().endLine()));
    if (from < 0 || from >= to) return null;
    return String.join("\n", Arrays.asList(lines).subList(from, to));
  }
}
