package dev.specgate.rules.guardrail;

/** A "Do not" item turned into something specgate can look for: a verb family and its object. */
record ForbiddenCheck(GuardrailItem item, Verb verb, ItemObject object) {}
