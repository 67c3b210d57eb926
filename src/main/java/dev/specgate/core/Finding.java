package dev.specgate.core;

/**
 * One problem found. {@code why} explains the lock taken and what it blocks, or the seed principle;
 * {@code fix} is the safe alternative (SQL where there is one) and may be empty.
 */
public record Finding(
    String rule, Severity severity, Location location, String message, String why, String fix) {

  public Finding {
    if (rule == null || severity == null || location == null || message == null) {
      throw new IllegalArgumentException("rule, severity, location and message are required");
    }
    why = why == null ? "" : why;
    fix = fix == null ? "" : fix;
  }

  public String file() {
    return location.file();
  }

  public int line() {
    return location.line();
  }

  public Finding withSeverity(Severity s) {
    return new Finding(rule, s, location, message, why, fix);
  }
}
