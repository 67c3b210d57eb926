package dev.specgate.rules;

/**
 * One check. Implementations are stateless and thread-safe (the service shares them), carry
 * {@link RuleInfo}, and read only our models through the {@link RuleContext}.
 */
public interface Rule {
  void check(RuleContext context, Findings out);

  default RuleInfo info() {
    RuleInfo info = getClass().getAnnotation(RuleInfo.class);
    if (info == null) {
      throw new IllegalStateException(getClass().getName() + " lacks @RuleInfo");
    }
    return info;
  }

  default String id() {
    return info().id();
  }
}
