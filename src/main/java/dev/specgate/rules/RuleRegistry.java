package dev.specgate.rules;

import dev.specgate.rules.guardrail.GuardrailRules;
import dev.specgate.rules.packet.PacketRules;
import dev.specgate.rules.sql.SqlRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every rule specgate ships, in catalogue order (SQL, packet, guardrail, dry run). */
public final class RuleRegistry {
  private static final List<Rule> ALL = collect();
  private static final Map<String, Rule> BY_ID = index(ALL);

  private RuleRegistry() {}

  public static List<Rule> all() {
    return ALL;
  }

  public static Optional<Rule> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  public static boolean isKnown(String id) {
    return BY_ID.containsKey(id);
  }

  private static List<Rule> collect() {
    List<Rule> rules = new ArrayList<>();
    rules.addAll(SqlRules.all());
    rules.addAll(PacketRules.all());
    rules.addAll(GuardrailRules.all());
    rules.addAll(dev.specgate.rules.dryrun.DryRunRules.all());
    return Collections.unmodifiableList(rules);
  }

  private static Map<String, Rule> index(List<Rule> rules) {
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Rule r : rules) {
      if (byId.put(r.id(), r) != null) {
        throw new IllegalStateException("two rules share the id " + r.id());
      }
    }
    return Collections.unmodifiableMap(byId);
  }
}
