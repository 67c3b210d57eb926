package dev.specgate.rules.guardrail;

import java.util.Map;
import java.util.Optional;

/** The verb families a "Do not" item can start with (or name as a noun: "no billing redesign"). */
enum Verb {
  /** remove, drop, delete: the object must survive the change. */
  REMOVE,
  /** rename: the object must keep its name. */
  RENAME,
  /** change, modify, alter, edit, update, touch: no line of the object may change. */
  CHANGE,
  /** rewrite, redesign, restructure, rework, refactor, clean up: no substantial rework. */
  REWRITE,
  /** add, introduce, create, build: the object must not appear. */
  ADD;

  private static final Map<String, Verb> WORDS = Map.ofEntries(
      Map.entry("remove", REMOVE), Map.entry("removal", REMOVE), Map.entry("drop", REMOVE),
      Map.entry("delete", REMOVE), Map.entry("deletion", REMOVE),
      Map.entry("rename", RENAME), Map.entry("renaming", RENAME),
      Map.entry("change", CHANGE), Map.entry("modify", CHANGE), Map.entry("modification", CHANGE),
      Map.entry("alter", CHANGE), Map.entry("edit", CHANGE), Map.entry("update", CHANGE),
      Map.entry("touch", CHANGE),
      Map.entry("rewrite", REWRITE), Map.entry("redesign", REWRITE),
      Map.entry("restructure", REWRITE), Map.entry("rework", REWRITE),
      Map.entry("refactor", REWRITE), Map.entry("overhaul", REWRITE),
      Map.entry("cleanup", REWRITE), Map.entry("clean-up", REWRITE),
      Map.entry("add", ADD), Map.entry("addition", ADD), Map.entry("introduce", ADD),
      Map.entry("create", ADD), Map.entry("build", ADD));

  /** The family of one lower-case word (plural/3rd person {@code s} accepted), if it is a verb. */
  static Optional<Verb> of(String word) {
    Verb v = WORDS.get(word);
    if (v == null && word.endsWith("s")) v = WORDS.get(word.substring(0, word.length() - 1));
    return Optional.ofNullable(v);
  }

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
