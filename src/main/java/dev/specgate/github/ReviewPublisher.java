package dev.specgate.github;

import dev.specgate.report.MarkdownRenderer;
import dev.specgate.core.Finding;
import dev.specgate.report.FixText;
import dev.specgate.report.MarkdownText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts findings as one pull request review with inline comments, and on later runs updates it
 * rather than piling up.
 *
 * <ul>
 *   <li>Inline comments go only on RIGHT-side lines of the PR diff ({@link ReviewLines}); GitHub
 *       rejects a whole review (422) for one comment off the diff. A finding whose lines are all
 *       outside the diff is listed in the review body instead.
 *   <li>Every comment carries {@code <!-- specgate:finding <fingerprint> -->}, the summary review
 *       {@code <!-- specgate:review -->}. On a re-run: a comment whose finding is still there is
 *       left alone (or its text updated when it changed); one whose finding is gone is deleted,
 *       unless someone replied to it; only findings without a comment yet are posted, in one new
 *       review; the summary review's body is updated in place.
 *   <li>When the fix's SQL is complete (no {@code <placeholder>}, no "-- or" alternatives) and the
 *       finding's lines end a statement inside one hunk, the SQL is offered as a {@code
 *       suggestion} block replacing those lines (one click to apply); otherwise it is shown as
 *       an SQL block to adapt.
 * </ul>
 */
public final class ReviewPublisher {
  public static final String REVIEW_MARKER = "<!-- specgate:review -->";
  private static final Pattern FINDING_MARKER = Pattern.compile("<!-- specgate:finding ([0-9a-f]+) -->");
  /**
   * Inline comments in all (kept and new); the rest are listed in the review body, so a re-run
   * does not trickle further comments in (reviewdog posts at most 30).
   */
  static final int MAX_COMMENTS = 50;
  private static final int BODY_LIMIT = 60_000;
  private static final int MAX_BODY_ITEMS = 100;

  private final GitHubApi client;

  public ReviewPublisher(GitHubApi client) {
    this.client = client;
  }

  /** One finding to publish, with its stable fingerprint and the text of its lines at head (may be null). */
  public record Item(Finding finding, String fingerprint, String headText) {}

  public record Outcome(int created, int updated, int deleted, int kept, int offDiff, Optional<Review> newReview) {}

  /**
   * @param headline one line for the review body (verdict and counts)
   */
  public Outcome publish(GitHubRepo repo, int pr, String headSha, List<Item> items, String headline) {
    Map<String, ReviewLines> lines = new HashMap<>();
    for (PullRequestFile f : client.listPullRequestFiles(repo, pr)) {
      if (!"removed".equals(f.status())) lines.put(f.filename(), ReviewLines.of(f.patch()));
    }
    List<ReviewComment> existing = client.listReviewComments(repo, pr);
    Set<Long> repliedTo = new HashSet<>();
    for (ReviewComment c : existing) if (c.inReplyToId() != 0) repliedTo.add(c.inReplyToId());
    Map<String, ReviewComment> ours = new LinkedHashMap<>();
    for (ReviewComment c : existing) {
      String fp = fingerprintOf(c.body());
      if (fp != null && c.inReplyToId() == 0) ours.putIfAbsent(fp, c);
    }

    List<ReviewRequest.Comment> fresh = new ArrayList<>();
    List<Item> offDiff = new ArrayList<>();
    Set<String> current = new HashSet<>();
    int updated = 0;
    int kept = 0;
    for (Item item : items) {
      Finding f = item.finding();
      ReviewLines rl = lines.getOrDefault(f.file(), ReviewLines.none());
      Anchor anchor = anchor(f, rl);
      if (anchor == null) {
        offDiff.add(item);
        continue;
      }
      current.add(item.fingerprint());
      String body = commentBody(item, anchor);
      ReviewComment old = ours.get(item.fingerprint());
      if (old != null && old.line() != null) {
        if (!old.body().strip().equals(body.strip())) {
          client.updateReviewComment(repo, old.id(), body);
          updated++;
        } else {
          kept++;
        }
      } else if (kept + updated + fresh.size() < MAX_COMMENTS) {
        fresh.add(new ReviewRequest.Comment(f.file(), anchor.start == anchor.end ? null : anchor.start, anchor.end, body));
      } else {
        current.remove(item.fingerprint());
        offDiff.add(item);
      }
    }
    int deleted = 0;
    for (Map.Entry<String, ReviewComment> e : ours.entrySet()) {
      ReviewComment c = e.getValue();
      boolean stillCurrent = current.contains(e.getKey()) && c.line() != null;
      if (!stillCurrent && !repliedTo.contains(c.id())) {
        client.deleteReviewComment(repo, c.id());
        deleted++;
      }
    }

    String summary = summaryBody(headline, offDiff);
    Optional<Review> summaryReview = client.listReviews(repo, pr).stream()
        .filter(r -> r.body() != null && r.body().contains(REVIEW_MARKER))
        .reduce((a, b) -> b);
    Optional<Review> created = Optional.empty();
    if (summaryReview.isPresent()) {
      if (!summaryReview.get().body().strip().equals(summary.strip())) {
        client.updateReview(repo, pr, summaryReview.get().id(), summary);
      }
      if (!fresh.isEmpty()) {
        String body = "specgate: " + fresh.size() + " new finding" + (fresh.size() == 1 ? "" : "s")
            + " since the last run; the summary is in the first specgate review.";
        created = Optional.of(client.createReview(repo, pr, new ReviewRequest(headSha, body, "COMMENT", fresh)));
      }
    } else if (!fresh.isEmpty() || !offDiff.isEmpty()) {
      created = Optional.of(client.createReview(repo, pr, new ReviewRequest(headSha, summary, "COMMENT", fresh)));
    }
    return new Outcome(fresh.size(), updated, deleted, kept, offDiff.size(), created);
  }

  static String fingerprintOf(String body) {
    if (body == null) return null;
    Matcher m = FINDING_MARKER.matcher(body);
    return m.find() ? m.group(1) : null;
  }

  /** Lines {@code start..end} a comment can sit on (same hunk), or null when off the diff. */
  record Anchor(int start, int end, boolean wholeRange) {}

  static Anchor anchor(Finding f, ReviewLines rl) {
    int start = f.line();
    int end = Math.max(start, f.location().endLine());
    if (rl.commentable(start, end)) return new Anchor(start, end, true);
    if (rl.commentable(start)) return new Anchor(start, start, start == end);
    int first = rl.firstCommentableIn(start, end);
    return first < 0 ? null : new Anchor(first, first, false);
  }

  static String commentBody(Item item, Anchor anchor) {
    Finding f = item.finding();
    StringBuilder b = new StringBuilder();
    b.append(icon(f)).append(" **specgate `").append(f.rule()).append("`** — ").append(MarkdownText.text(f.message().strip())).append("\n\n");
    if (!f.why().isBlank()) b.append(MarkdownText.text(f.why().strip())).append("\n\n");
    if (!f.fix().isBlank()) {
      String fix = f.fix().strip();
      Optional<FixText.Parts> parts = FixText.split(fix);
      if (anchor.wholeRange() && parts.isPresent() && FixText.complete(parts.get().sql())
          && endsStatement(item.headText())) {
        if (!parts.get().prose().isBlank()) b.append(MarkdownText.text(parts.get().prose())).append("\n\n");
        b.append(MarkdownRenderer.codeBlock("suggestion", parts.get().sql())).append("\n\n");
      } else if (parts.isPresent()) {
        b.append("**Fix:**");
        if (!parts.get().prose().isBlank()) b.append(' ').append(MarkdownText.text(parts.get().prose()));
        b.append("\n\n").append(MarkdownRenderer.codeBlock("sql", parts.get().sql())).append("\n\n");
      } else {
        b.append("**Fix:** ").append(MarkdownText.text(fix)).append("\n\n");
      }
    }
    b.append("<!-- specgate:finding ").append(item.fingerprint()).append(" -->");
    return b.toString();
  }

  static String summaryBody(String headline, List<Item> offDiff) {
    StringBuilder b = new StringBuilder(REVIEW_MARKER).append('\n').append(headline.strip()).append('\n');
    if (!offDiff.isEmpty()) {
      b.append("\nFindings on lines outside this pull request's diff (no inline comment possible):\n\n");
      int n = 0;
      for (Item item : offDiff) {
        Finding f = item.finding();
        String line = "- " + icon(f) + " `" + f.rule() + "` " + MarkdownText.cell(f.file() + ":" + f.line()) + " — "
            + MarkdownText.cell(f.message()) + "\n";
        if (n++ >= MAX_BODY_ITEMS || b.length() + line.length() > BODY_LIMIT) {
          b.append("- … and ").append(offDiff.size() - n + 1).append(" more (see the check's annotations)\n");
          break;
        }
        b.append(line);
      }
    }
    return b.toString();
  }

  private static String icon(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "🛑";
      case WARNING -> "⚠️";
      case NOTICE -> "ℹ️";
    };
  }

  /** True when the flagged lines run to the end of a statement, so replacing them is safe. */
  private static boolean endsStatement(String headText) {
    return headText != null && headText.strip().endsWith(";");
  }


}
