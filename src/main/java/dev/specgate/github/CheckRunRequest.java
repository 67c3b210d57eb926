package dev.specgate.github;

import java.util.List;

/**
 * The body of a Check Run create or update. Null fields are not sent. Annotations beyond 50 are
 * sent by the library in further PATCH requests (GitHub appends them); summary and text are cut
 * to GitHub's 65,535 characters if a caller forgot.
 *
 * @param status {@code queued}, {@code in_progress} or {@code completed}
 * @param conclusion {@code success}, {@code failure}, {@code neutral}, … (forces completed)
 * @param title output title; output is sent only when title and summary are set
 */
public record CheckRunRequest(
    String name,
    String headSha,
    String status,
    String conclusion,
    String externalId,
    String detailsUrl,
    String title,
    String summary,
    String text,
    List<Annotation> annotations) {

  public CheckRunRequest {
    annotations = List.copyOf(annotations == null ? List.of() : annotations);
  }

  public static CheckRunRequest inProgress(String name, String headSha) {
    return new CheckRunRequest(name, headSha, "in_progress", null, null, null, null, null, null, List.of());
  }

  public static CheckRunRequest completed(
      String name, String headSha, String conclusion, String title, String summary,
      List<Annotation> annotations) {
    return new CheckRunRequest(
        name, headSha, "completed", conclusion, null, null, title, summary, null, annotations);
  }

  public CheckRunRequest withExternalId(String id) {
    return new CheckRunRequest(name, headSha, status, conclusion, id, detailsUrl, title, summary, text, annotations);
  }

  public CheckRunRequest withText(String t) {
    return new CheckRunRequest(name, headSha, status, conclusion, externalId, detailsUrl, title, summary, t, annotations);
  }

  boolean hasOutput() {
    return title != null && summary != null;
  }
}
