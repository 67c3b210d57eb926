package dev.specgate.rules;

import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects what one rule reports. The rule says where and what; the id and the default severity
 * come from its {@link RuleInfo} (the engine applies configured severities afterwards).
 */
public final class Findings {
  private final RuleInfo info;
  private final List<Finding> found = new ArrayList<>();

  public Findings(RuleInfo info) {
    this.info = info;
  }

  /**
   * @param message what is wrong, naming the object (table, column, section)
   * @param why the lock taken and what it blocks, or the seed principle
   * @param fix the safe alternative, SQL where there is one; may be empty
   */
  public void report(Location where, String message, String why, String fix) {
    found.add(new Finding(info.id(), info.severity(), where, message, why, fix));
  }

  public List<Finding> all() {
    return List.copyOf(found);
  }
}
