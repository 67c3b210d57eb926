package dev.specgate.cli;

import java.util.Arrays;
import java.util.Locale;

/** Parses {@code --format}; the list of names is the enum's. */
final class Formats {
  private Formats() {}

  static OutputFormat parse(String name) {
    try {
      return OutputFormat.valueOf(name.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserError("--format: expected one of "
          + String.join(", ", Arrays.stream(OutputFormat.values()).map(Enum::name).toList())
          + ", found '" + name + "'");
    }
  }
}
