package dev.specgate.rules.guardrail;

import dev.specgate.packet.Packet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A packet's guardrail lists as the guardrail rules read them (for {@code specgate packet}). */
public final class GuardrailLists {
  private GuardrailLists() {}

  /** {@code allowed} and {@code doNot}: each item as "line N: text". */
  public static Map<String, List<String>> of(Packet p) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    Guardrail g = p.file(p.planName())
        .filter(f -> f.content() != null)
        .map(f -> GuardrailParser.parse(f.path(), p.folder(), f.content()))
        .orElse(null);
    out.put("allowed", g == null ? List.of() : g.allowed().stream().map(GuardrailLists::item).toList());
    out.put("doNot", g == null ? List.of() : g.forbidden().stream().map(GuardrailLists::item).toList());
    return out;
  }

  private static String item(GuardrailItem i) {
    return "line " + i.line() + ": " + i.text();
  }
}
