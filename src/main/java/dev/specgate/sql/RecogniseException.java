package dev.specgate.sql;

/** The recogniser met a token it did not expect; the message says what and where (0-based offset). */
final class RecogniseException extends Exception {
  final int offset;

  RecogniseException(String message, int offset) {
    super(message, null, false, false);
    this.offset = offset;
  }
}
