package dev.specgate.rules;

import dev.specgate.core.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A rule's identity, on its class. The engine stamps {@code id} and the configured severity on
 * each finding; docs are generated from this plus {@code rules/<family>/<id>/README.md}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** Kebab-case id; a contract (DESIGN section 3). */
  String id();

  Family family();

  Severity severity();

  /** One line, no trailing period. */
  String summary();

  /**
   * The peer tools' checks this rule answers: {@code squawk:<rule>}, {@code eugene:<E1…E15|W12…W14>},
   * {@code strong_migrations:<check>} (docs/parity.md is generated from these).
   */
  String[] aliases() default {};

  /**
   * False for style rules that run only when {@code .specgate.yml} sets a severity for them
   * ({@code rules: {prefer-…: notice}}).
   */
  boolean enabledByDefault() default true;
}
