package dev.specgate.rules;

import java.util.Locale;

/** The rule families; each has its folder under {@code rules/} and its subpackage here. */
public enum Family {
  SQL, PACKET, GUARDRAIL, DRYRUN;

  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }
}
