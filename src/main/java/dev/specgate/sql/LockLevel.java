package dev.specgate.sql;

import dev.specgate.core.Spaces;

/**
 * PostgreSQL's table-level lock modes, weakest first, with what each one makes other sessions wait
 * for (PostgreSQL documentation, "Explicit Locking", table 13.2). Which relations a statement
 * locks, and the mode on each (down to one ALTER TABLE action), is {@link LockModel}: the one
 * lock table rules read.
 */
public enum LockLevel {
  NONE("no table lock", "blocks nothing"),
  ACCESS_SHARE("ACCESS SHARE", "blocks only statements that take ACCESS EXCLUSIVE"),
  ROW_SHARE("ROW SHARE", "blocks only EXCLUSIVE and ACCESS EXCLUSIVE statements"),
  ROW_EXCLUSIVE(
      "ROW EXCLUSIVE",
      "blocks CREATE INDEX and schema changes on the table; concurrent writes wait only on the rows"
          + " it changes, and every changed row stays locked"),
  SHARE_UPDATE_EXCLUSIVE(
      "SHARE UPDATE EXCLUSIVE",
      "blocks other schema changes and VACUUM on the table; reads and writes continue"),
  SHARE("SHARE", "blocks writes (INSERT, UPDATE, DELETE); reads continue"),
  SHARE_ROW_EXCLUSIVE(
      "SHARE ROW EXCLUSIVE", "blocks writes (INSERT, UPDATE, DELETE) and other schema changes; reads continue"),
  EXCLUSIVE("EXCLUSIVE", "blocks writes and SELECT … FOR UPDATE; plain reads continue"),
  ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE", "blocks reads and writes");

  private final String label;
  private final String blocks;

  LockLevel(String label, String blocks) {
    this.label = label;
    this.blocks = blocks;
  }

  /** The mode as PostgreSQL names it, e.g. {@code ACCESS EXCLUSIVE}. */
  public String label() {
    return label;
  }

  public String blocks() {
    return blocks;
  }

  /** e.g. "ACCESS EXCLUSIVE on accounts: blocks reads and writes until it commits". */
  public String describe(String table) {
    if (this == NONE) return "no lock on " + table;
    return label + " on " + table + ": " + blocks + " until it commits";
  }

  /** True for the modes that stop the application's writes: SHARE and stronger. */
  public boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }

  /** True for the modes missing-lock-timeout cares about: SHARE and ACCESS EXCLUSIVE (and between). */
  public boolean isDangerous() {
    return blocksWrites();
  }

  /** The mode PostgreSQL names {@code label} (any case, single spaces), e.g. "share row exclusive". */
  public static java.util.Optional<LockLevel> byLabel(String label) {
    String l = label == null ? "" : Spaces.collapse(label.trim()).toUpperCase(java.util.Locale.ROOT);
    for (LockLevel level : values()) if (level != NONE && level.label.equals(l)) return java.util.Optional.of(level);
    return java.util.Optional.empty();
  }

  /** The stronger of two modes. */
  public LockLevel max(LockLevel other) {
    return other.compareTo(this) > 0 ? other : this;
  }
}
