package dev.specgate.rules.guardrail;

import java.util.List;

/**
 * One bullet of an "Allowed:" or "Do not:" list in a spec.
 *
 * @param text the item as plain text, inline code kept in backticks
 * @param code the contents of its inline code spans ({@code `closed_at`} → closed_at)
 * @param line 1-based line of the item in the spec
 */
record GuardrailItem(Kind kind, String text, List<String> code, String specPath, int line) {

  enum Kind {
    ALLOWED("Allowed"), FORBIDDEN("Do not");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  GuardrailItem {
    code = List.copyOf(code);
  }
}
