package dev.specgate.github;

/** A repository as {@code owner/name}. */
public record GitHubRepo(String owner, String name) {
  public GitHubRepo {
    if (owner == null || owner.isBlank() || name == null || name.isBlank()) {
      throw new IllegalArgumentException("repository must be owner/name");
    }
  }

  /** Parses {@code owner/name} (the form of {@code GITHUB_REPOSITORY}). */
  public static GitHubRepo parse(String fullName) {
    if (fullName == null) throw new IllegalArgumentException("repository must be owner/name, got nothing");
    String[] parts = fullName.trim().split("/");
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("repository must be owner/name, got '" + fullName + "'");
    }
    return new GitHubRepo(parts[0], parts[1]);
  }

  /** {@code /repos/owner/name}, the prefix of every repository endpoint (segments URL-encoded). */
  String path() {
    return "/repos/" + segment(owner) + "/" + segment(name);
  }

  private static String segment(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public String toString() {
    return owner + "/" + name;
  }
}
