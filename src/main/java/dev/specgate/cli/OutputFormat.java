package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Report;
import dev.specgate.report.GithubAnnotationsRenderer;
import dev.specgate.report.JsonRenderer;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.report.SarifRenderer;
import dev.specgate.report.TextRenderer;

/** The output formats of {@code check} and {@code guard}, and how each renders a report. */
enum OutputFormat {
  text, json, sarif, markdown, github;

  String render(Report report, ChangeSet changes, boolean colour) {
    return switch (this) {
      case text -> new TextRenderer(colour).render(report, changes);
      case json -> JsonRenderer.render(report);
      case sarif -> SarifRenderer.render(report, changes);
      case markdown -> MarkdownRenderer.render(report);
      case github -> GithubAnnotationsRenderer.render(report);
    };
  }

  /** Colour only on a terminal, never when NO_COLOR is set (no-color.org). */
  static boolean colourWanted() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
