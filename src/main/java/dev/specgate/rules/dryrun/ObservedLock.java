package dev.specgate.rules.dryrun;

import dev.specgate.core.Spaces;
import java.util.List;

/**
 * A lock a statement's backend held on a relation, the mode spelled as {@code pg_locks} spells it
 * ({@code AccessExclusiveLock}); the relation unqualified when it is in {@code public}.
 */
public record ObservedLock(String relation, String mode) {
  /** pg_locks modes, weakest first. */
  public static final List<String> MODES = List.of(
      "AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock",
      "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

  /** 0 for an unknown mode, else 1 (AccessShareLock) … 8 (AccessExclusiveLock). */
  public static int strength(String mode) {
    return MODES.indexOf(mode) + 1;
  }

  /** "ACCESS EXCLUSIVE" for "AccessExclusiveLock": the name PostgreSQL's documentation uses. */
  public static String label(String mode) {
    String m = mode.endsWith("Lock") ? mode.substring(0, mode.length() - 4) : mode;
    return Spaces.betweenCamelWords(m).toUpperCase(java.util.Locale.ROOT);
  }
}
