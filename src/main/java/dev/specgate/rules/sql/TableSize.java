package dev.specgate.rules.sql;

import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleContext;
import java.util.OptionalLong;

/** A table's row count as the packets in scope state it (the largest stated; empty when none). */
record TableSize(OptionalLong rows) {
  static TableSize of(RuleContext context, String table) {
    long best = -1;
    for (Packet p : context.packets()) {
      OptionalLong n = p.rowCount(table);
      if (n.isPresent()) best = Math.max(best, n.getAsLong());
    }
    return new TableSize(best < 0 ? OptionalLong.empty() : OptionalLong.of(best));
  }
}
