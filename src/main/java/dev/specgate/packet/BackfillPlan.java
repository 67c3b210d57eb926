package dev.specgate.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a spec says about how a backfill runs (seed 001: "batch size, cursor pagination key,
 * expected runtime, lock behavior per batch, and whether the job is resumable after a crash"),
 * each element pointing at the line that states it.
 */
public record BackfillPlan(
    Optional<TextLine> batchSize,
    Optional<TextLine> cursorKey,
    Optional<TextLine> throttle,
    Optional<TextLine> resumability,
    Optional<TextLine> expectedRuntime) {

  // "batches of 5,000 rows", "5,000-row batches", "batch size: 5000", "5000 rows per batch",
  // "in 10k-row chunks", "LIMIT 5000"
  static final Pattern BATCH = Pattern.compile(
      "batch(?:es)?\\s+of\\s+~?\\d|\\d[\\d,._]*\\s*[km]?\\s*-?\\s*rows?\\s+(?:batch|chunk)"
          + "|batch[- ]size\\s*(?:of|:|=|is)?\\s*~?\\d|\\d[\\d,._]*\\s*[km]?\\s+rows?\\s+(?:per|a|each)"
          + "\\s+(?:batch|chunk)|chunks?\\s+of\\s+~?\\d|\\blimit\\s+\\d",
      Pattern.CASE_INSENSITIVE);
  // "id-cursor pagination", "cursor on id", "cursor key: id", "keyset pagination by id",
  // "ordered by id", "WHERE id > :last_id", "by primary key ranges", "id ranges"
  static final Pattern CURSOR = Pattern.compile(
      "\\w+[- ]cursor\\b|cursor\\s+(?:pagination\\s+)?(?:key\\s*)?(?:on|by|:|=|is|column)"
          + "|keyset|order(?:ed)?\\s+by\\s+\\w+|paginat\\w*\\s+(?:on|by)\\s+\\w+"
          + "|\\w+\\s*>\\s*:?\\s*last_?\\w*|(?:primary key|\\bid|key)[- ]ranges?"
          + "|range of (?:ids|keys)",
      Pattern.CASE_INSENSITIVE);
  // "100ms sleep between batches", "sleep 100 ms", "pause 0.5 s between batches",
  // "pg_sleep(0.1)", "throttled to 2,000 rows/s", "at most 10 batches per second"
  static final Pattern THROTTLE = Pattern.compile(
      "(?:sleep|pause|delay|wait|throttl\\w*)\\D{0,30}\\d|\\d+(?:\\.\\d+)?\\s*(?:ms|milliseconds?"
          + "|s|seconds?)\\s+(?:sleep|pause|delay|wait)|pg_sleep\\s*\\(\\s*\\d"
          + "|\\d[\\d,._]*\\s*[km]?\\s*(?:rows|batches)\\s*(?:/|per)\\s*(?:s|sec|second|minute|min)\\b"
          + "|rate[- ]limit\\w*\\D{0,20}\\d",
      Pattern.CASE_INSENSITIVE);
  // "resumable", "resumes from the last checkpoint", "checkpoint table", "restartable"
  static final Pattern RESUMABLE = Pattern.compile(
      "resumab\\w*|\\bresum(?:e|es|ed|ing)\\b|checkpoint\\w*|restartable|restarts? from"
          + "|last processed",
      Pattern.CASE_INSENSITIVE);
  static final Pattern RUNTIME_WORDS = Pattern.compile(
      "runtime|run time|run-time|duration|takes|will take|should take|expected to (?:run|take|finish)"
          + "|finishes in|completes in|\\beta\\b|estimated|runs for|runs in|about \\d+\\s*h",
      Pattern.CASE_INSENSITIVE);

  /** Reads the plan from prose lines (a spec's text). */
  public static BackfillPlan from(List<TextLine> lines) {
    return new BackfillPlan(
        first(lines, BATCH), first(lines, CURSOR), first(lines, THROTTLE),
        first(lines, RESUMABLE), runtime(lines));
  }

  /** The elements not stated, in the seed's words. */
  public List<String> missing() {
    List<String> out = new ArrayList<>();
    if (batchSize.isEmpty()) out.add("batch size");
    if (cursorKey.isEmpty()) out.add("cursor (pagination) key");
    if (throttle.isEmpty()) out.add("throttle (sleep or rate between batches)");
    if (resumability.isEmpty()) out.add("resumability after a crash (checkpoint)");
    if (expectedRuntime.isEmpty()) out.add("expected runtime");
    return out;
  }

  private static Optional<TextLine> first(List<TextLine> lines, Pattern p) {
    for (TextLine l : lines) if (p.matcher(l.text()).find()) return Optional.of(l);
    return Optional.empty();
  }

  private static Optional<TextLine> runtime(List<TextLine> lines) {
    for (TextLine l : lines) {
      if (RUNTIME_WORDS.matcher(l.text()).find()
          && DurationExtractor.findAll(l.text()).stream()
              .anyMatch(d -> d.duration().toMinutes() >= 1)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
