package dev.specgate.rules.sql;

import dev.specgate.rules.Rule;
import java.util.List;

/** The rules of the sql family, in catalogue order. Add each new rule class here. */
public final class SqlRules {
  private SqlRules() {}

  public static List<Rule> all() {
    return List.of();
  }
}
