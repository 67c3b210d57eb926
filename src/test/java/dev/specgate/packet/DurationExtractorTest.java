package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationExtractorTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Old code remains compatible for 7 days.|PT168H",
      "the window is at least 25 hours|PT25H",
      "three releases over nine days|PT216H",
      "If canaries run a week, the window is a week.|PT168H",
      "rollback is held for 24h|PT24H",
      "a 100ms sleep between batches|PT0.1S",
      "Expected runtime was 1.5 hours.|PT1H30M",
      "a 7-day window|PT168H",
      "two weeks of dual writes|PT336H",
      "lock wait above 5 seconds|PT5S",
      "within 10 minutes|PT10M",
      "Estimated duration: 3h|PT3H",
  })
  void accepted(String text, String expected) {
    assertEquals(Optional.of(Duration.parse(expected)), DurationExtractor.first(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Rollback is possible for two releases.",
      "one full deploy cycle plus one rollback window",
      "a sprint",
      "until stable",
      "next quarter",
      "phase 2 of 3",
      "a few days",
      "Add account_status to accounts.",
  })
  void knowinglyRejected(String text) {
    assertTrue(DurationExtractor.findAll(text).isEmpty(), text);
  }
}
