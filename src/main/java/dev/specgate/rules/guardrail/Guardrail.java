package dev.specgate.rules.guardrail;

import java.util.List;

/**
 * The "Allowed:" and "Do not:" lists of one spec.
 *
 * @param specPath repository-relative path of the spec.md
 * @param packetFolder the packet's folder ("" at the root)
 */
record Guardrail(String specPath, String packetFolder, List<GuardrailItem> allowed,
    List<GuardrailItem> forbidden) {

  Guardrail {
    allowed = List.copyOf(allowed);
    forbidden = List.copyOf(forbidden);
  }

  boolean isEmpty() {
    return allowed.isEmpty() && forbidden.isEmpty();
  }
}
