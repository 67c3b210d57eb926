package dev.specgate.github;

/**
 * One Check Run annotation. {@code level} is {@code notice}, {@code warning} or {@code failure};
 * {@code title} and {@code rawDetails} may be null.
 */
public record Annotation(
    String path, int startLine, int endLine, String level, String message, String title, String rawDetails) {
  public Annotation {
    if (path == null || message == null || level == null) {
      throw new IllegalArgumentException("path, level and message are required");
    }
    if (!level.equals("notice") && !level.equals("warning") && !level.equals("failure")) {
      throw new IllegalArgumentException("annotation level must be notice, warning or failure: " + level);
    }
    startLine = Math.max(1, startLine);
    endLine = Math.max(startLine, endLine);
  }
}
