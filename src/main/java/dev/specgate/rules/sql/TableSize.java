package dev.specgate.rules.sql;

import dev.specgate.rules.RuleContext;
import java.util.OptionalLong;

/** A table's row count as the packets in scope state it (empty when none does). */
record TableSize(OptionalLong rows) {
  static TableSize of(RuleContext context, String table) {
    return new TableSize(OptionalLong.empty());
  }
}
