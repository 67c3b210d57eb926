package dev.specgate.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzer bytes as text, and as several texts: the checked-in inputs are plain files, parts
 * separated by a line {@value #SEPARATOR}, so a person can read and edit a regression input.
 */
final class FuzzInput {
  static final String SEPARATOR = "-----8<-----";

  private FuzzInput() {}

  /** UTF-8, malformed bytes replaced (the CLI refuses them before analysis; the parsers never see them). */
  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Exactly {@code n} parts; missing ones are empty. */
  static List<String> parts(byte[] bytes, int n) {
    String[] split = text(bytes).split("\n?" + SEPARATOR + "\n?", n);
    String[] out = Arrays.copyOf(split, n);
    for (int i = 0; i < n; i++) if (out[i] == null) out[i] = "";
    return List.of(out);
  }
}
