package dev.specgate.git;

/**
 * A git range could not be read: a ref that names no commit, a path that is no repository, a commit
 * missing from a shallow clone, or a damaged object database. The message is meant for the user as
 * it stands (the CLI prints it and exits 2): it names the ref or path and says what was expected.
 */
public final class GitSourceException extends RuntimeException {
  public GitSourceException(String message) {
    super(message);
  }

  public GitSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
