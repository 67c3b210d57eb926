package dev.specgate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The values shell completion offers for options that take a word (picocli reads them from these
 * Iterables; enum-typed options need none). The help text names the same values.
 */
final class Candidates {
  private Candidates() {}

  /** {@code check --format}: every {@link OutputFormat}. */
  static final class ReportFormats extends ArrayList<String> {
    ReportFormats() {
      for (OutputFormat f : OutputFormat.values()) add(f.name());
    }
  }

  /** {@code guard}, {@code packet --format}. */
  static final class TextOrJson extends ArrayList<String> {
    TextOrJson() {
      super(List.of("text", "json"));
    }
  }

  /** {@code dry-run --format}. */
  static final class DryRunFormats extends ArrayList<String> {
    DryRunFormats() {
      super(List.of("text", "json", "markdown"));
    }
  }

  /** {@code --fail-on}: the severities, most severe first. */
  static final class Severities extends ArrayList<String> {
    Severities() {
      super(List.of("error", "warning", "notice"));
    }
  }
}
