package dev.specgate.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The prose of a rule: {@code rules/<family>/<id>/README.md}, shipped in the jar. */
public final class RuleDocs {
  private RuleDocs() {}

  public static String resourcePath(RuleInfo info) {
    return "rules/" + info.family().folder() + "/" + info.id() + "/README.md";
  }

  /** The README text, or empty when the jar lacks it. */
  public static Optional<String> readme(Rule rule) {
    try (InputStream in = RuleDocs.class.getClassLoader().getResourceAsStream(resourcePath(rule.info()))) {
      if (in == null) return Optional.empty();
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Where the generated page of a rule lives in the repository. */
  public static String docsPath(RuleInfo info) {
    return "docs/rules/" + info.id() + ".md";
  }
}
