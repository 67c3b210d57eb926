package dev.specgate.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RowCountExtractorTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "accounts has 18M rows.|accounts|18000000",
      "the accounts table has ~18,000,000 rows|accounts|18000000",
      "orders contains about 2.5 million rows|orders|2500000",
      "accounts: 18M rows|accounts|18000000",
      "accounts (18M rows)|accounts|18000000",
      "accounts — 1.2 million rows|accounts|1200000",
      "Adding a column to a 50M-row table orders rewrites it|orders|50000000",
      "the 50M-row orders backfill used id-cursor pagination|orders|50000000",
      "a 50M-row orders table|orders|50000000",
      "1.2 million rows in orders|orders|1200000",
      "18M rows in the accounts table|accounts|18000000",
      "`public.Accounts` has 18_000_000 rows|accounts|18000000",
      "plans has 4,000 rows|plans|4000",
      "events has 2bn rows|events|2000000000",
      "sessions has 750k rows|sessions|750000",
      "currencies is a lookup table with about 5,000 rows|currencies|5000",
      "orders ~ 9M rows; fulfilment_events is the source.|orders|9000000",
      "accounts row count: 18M|accounts|18000000",
  })
  void accepted(String text, String table, long rows) {
    List<RowCountExtractor.RowCount> found = RowCountExtractor.findAll(MarkdownDoc.clean(text), 3);
    assertEquals(1, found.size(), () -> text + " -> " + found);
    assertEquals(table, found.get(0).table());
    assertEquals(rows, found.get(0).rows());
    assertEquals(3, found.get(0).line());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Table size: 2M rows",
      "about 18M rows",
      "Estimated data volume: 18M rows",
      "accounts has eighteen million rows",
      "The table has 18M rows",
      "a migration that is safe for 50,000 rows may be unsafe for 18 million",
      "record row counts, mismatch counts, and runtime",
  })
  void knowinglyRejected(String text) {
    assertTrue(RowCountExtractor.findAll(text, 1).isEmpty(), () -> text + " -> "
        + RowCountExtractor.findAll(text, 1));
  }
}
