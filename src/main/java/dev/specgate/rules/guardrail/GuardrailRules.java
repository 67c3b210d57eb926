package dev.specgate.rules.guardrail;

import dev.specgate.rules.Rule;
import java.util.List;

/** The rules of the guardrail family, in catalogue order. Add each new rule class here. */
public final class GuardrailRules {
  private GuardrailRules() {}

  public static List<Rule> all() {
    return List.of(new GuardrailForbidden(), new GuardrailOutOfScope(), new GuardrailUnmapped());
  }
}
