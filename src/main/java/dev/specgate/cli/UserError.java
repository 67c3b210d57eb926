package dev.specgate.cli;

/** A problem the user can fix (bad path, bad ref, bad config): printed as one message, exit code 2. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
