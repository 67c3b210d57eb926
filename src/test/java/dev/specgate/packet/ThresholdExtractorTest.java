package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdExtractorTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Given parity mismatch > 0.1%|parity mismatch|0.1|%",
      "mismatches above 0.05% of rows|mismatches|0.05|%",
      "Stop trigger: lock wait above 5 seconds for 3 consecutive checks|stop trigger: lock wait|5|seconds",
      "replica lag over 10 s|replica lag|10|s",
      "error rate >= 1%|error rate|1|%",
      "p99 latency exceeds 250ms|p99 latency|250|ms",
      "zero mismatched rows|mismatched rows|0|rows",
      "0 mismatches|mismatches|0|rows",
      "More than 0.05% mismatched rows blocks the switch|mismatched rows|0.05|%",
      "-- Must return 0 before proceeding to Phase 3|result|0|rows",
      "Any non-zero count blocks the switch|result|0|rows",
      "Threshold: > 15 seconds|threshold|15|seconds",
  })
  void accepted(String text, String metric, double value, String unit) {
    List<ThresholdExtractor.Threshold> found = ThresholdExtractor.findAll(text);
    assertFalse(found.isEmpty(), text);
    ThresholdExtractor.Threshold t = found.get(0);
    assertTrue(t.metric().endsWith(metric.substring(metric.lastIndexOf(' ') + 1)),
        () -> text + " -> " + t);
    assertEquals(value, t.value(), 1e-9);
    assertEquals(unit, t.unit());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "The stop signal is elevated write latency, lock wait, or backfill error rate.",
      "high replica lag",
      "parity mismatch above the threshold named in the spec",
      "No mismatch expected.",
      "phase 2 of 3",
      "Switch reads after parity checks pass.",
  })
  void knowinglyRejected(String text) {
    assertTrue(ThresholdExtractor.findAll(text).isEmpty(),
        () -> text + " -> " + ThresholdExtractor.findAll(text));
  }
}
