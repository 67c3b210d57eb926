package dev.specgate.cli;

import dev.specgate.core.BuildInfo;
import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Report;
import dev.specgate.report.GithubAnnotationsRenderer;
import dev.specgate.report.JsonRenderer;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.report.SarifRenderer;
import dev.specgate.report.TextRenderer;
import dev.specgate.rules.RuleRegistry;
import java.util.Optional;

/** The output formats of {@code check} and {@code guard}, and how each renders a report. */
enum OutputFormat {
  text, json, sarif, markdown, github;

  String render(Report report, ChangeSet changes, boolean colour) {
    return switch (this) {
      case text -> new TextRenderer(colour).render(report, changes);
      case json -> JsonRenderer.render(report, BuildInfo.current().version());
      case sarif -> SarifRenderer.render(report, changes, RuleRegistry.all(), Optional.empty(),
          BuildInfo.current().version());
      case markdown -> MarkdownRenderer.render(report);
      case github -> GithubAnnotationsRenderer.render(report);
    };
  }

  /** Colour only on a terminal, never when NO_COLOR is set (no-color.org). */
  static boolean colourWanted() {
    return System.console() != null && System.getenv("NO_COLOR") == null;
  }
}
