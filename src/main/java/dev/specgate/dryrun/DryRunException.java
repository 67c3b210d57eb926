package dev.specgate.dryrun;

/**
 * The dry run cannot produce evidence: a database it cannot use, binaries it cannot get, a base
 * history that does not apply. The message names the file, line and what went wrong; the CLI prints
 * it and exits 2.
 */
public final class DryRunException extends Exception {
  public DryRunException(String message) {
    super(message);
  }

  public DryRunException(String message, Throwable cause) {
    super(message, cause);
  }
}
