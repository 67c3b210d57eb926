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

  // Every pattern starts at a word boundary and repeats possessively or within bounds: linear
  // on hostile lines (runs of digits, long words).
  private static final String NUM = "(?<![\\w.,])\\d++(?:[,._]\\d{3})*+";
  // "batches of 5,000 rows", "5,000-row batches", "batch size: 5000", "5000 rows per batch",
  // "in 10k-row chunks", "2,000 rows at a time", "LIMIT 5000", "batch_size INT := 1000"
  static final Pattern BATCH = Pattern.compile(
      "batch(?:es)?\\s{1,3}of\\s{1,3}~?\\d|" + NUM + "\\s{0,3}[km]?\\s{0,3}-?\\s{0,3}rows?\\s{1,3}"
          + "(?:batch|chunk|at a time|per (?:batch|chunk|transaction|statement|commit|iteration))"
          + "|batch[-_ ]size\\s{0,3}(?:of|:|=|is|int\\s{0,3}:=|:=)?\\s{0,3}~?\\d|" + NUM
          + "\\s{0,3}[km]?\\s{1,3}rows?\\s{1,3}(?:per|a|each)\\s{1,3}(?:batch|chunk|run|loop)"
          + "|chunks?\\s{1,3}of\\s{1,3}~?\\d|\\blimit\\s{1,3}\\d|batches\\s{1,3}of\\s{1,3}\\d",
      Pattern.CASE_INSENSITIVE);
  // "id-cursor pagination", "cursor on id", "cursor key: id", "keyset pagination by id",
  // "ordered by id", "keyed by id", "in primary-key order", "WHERE id > :last_id"
  static final Pattern CURSOR = Pattern.compile(
      "(?<!\\w)\\w++[- ]cursor\\b|cursor\\s{1,3}(?:pagination\\s{1,3})?(?:key\\s{0,3})?"
          + "(?:on|by|:|=|is|column)|keyset|\\border(?:ed)?\\s{1,3}by\\s{1,3}\\w"
          + "|paginat\\w*+\\s{1,3}(?:on|by)\\s{1,3}\\w|\\bkeyed\\s{1,3}(?:on|by)\\s{1,3}\\w"
          + "|(?:primary[- ]key|\\bid|\\bpk)\\s{0,3}order|in\\s{1,3}(?:\\w+\\s{1,3})?(?:id|key) order"
          + "|(?<!\\w)\\w++\\s{0,3}>\\s{0,3}(?::|\\$\\d|\\?|@|last|v_last|prev|max\\b)"
          + "|(?:primary key|\\bid|\\bkey)[- ]ranges?|range of (?:ids|keys)|walks? (?:the )?(?:ids|keys)",
      Pattern.CASE_INSENSITIVE);
  // "100ms sleep between batches", "sleep 100 ms", "pause 0.5 s between batches",
  // "pg_sleep(0.1)", "throttled to 2,000 rows/s", "at most 10 batches per second"
  static final Pattern THROTTLE = Pattern.compile(
      "\\b(?:sleeps?|sleeping|pauses?|pausing|delays?|waits?|throttl\\w{0,6}+)\\s{1,3}(?:for\\s{1,3}"
          + "|of\\s{1,3}|to\\s{1,3})?~?\\d{1,9}+(?:\\.\\d{1,9}+)?\\s{0,2}(?:ms|milliseconds?|s|secs?|seconds?)\\b"
          + "|" + NUM + "(?:\\.\\d++)?\\s{0,3}(?:ms|milliseconds?|s|secs?|seconds?)\\s{1,3}(?:sleep|pause|delay"
          + "|wait)|" + NUM + "(?:\\.\\d++)?\\s{0,3}(?:ms|milliseconds?|s|secs?|seconds?)\\s{1,3}(?:between"
          + "|after each|per)\\s{1,3}(?:batch|chunk|iteration|page)|pg_sleep\\s{0,3}\\(\\s{0,3}\\d|" + NUM
          + "\\s{0,3}[km]?\\s{0,3}(?:rows|batches)\\s{0,3}(?:/|per)\\s{0,3}(?:s|sec|second|minute|min)\\b"
          + "|rate[- ]limit\\w*+\\D{0,20}\\d",
      Pattern.CASE_INSENSITIVE);
  // "resumable", "resumes from the last checkpoint", "checkpoint table", "restartable"
  static final Pattern RESUMABLE = Pattern.compile(
      "resumab\\w*|\\bresum(?:e|es|ed|ing)\\b|checkpoint\\w*|restartable|restarts? from"
          + "|last processed|\\blast (?:\\w+ )?id\\b|pick(?:s)? up where|progress table"
          + "|high[- ]water ?mark",
      Pattern.CASE_INSENSITIVE);
  static final Pattern RUNTIME_WORDS = Pattern.compile(
      "runtime|run time|run-time|duration|takes|will take|should take|expect(?:ed)? (?:it )?to (?:run|take|finish)"
          + "|finishes in|completes in|\\beta\\b|estimated|runs for|runs in|about \\d+\\s*h"
          + "|\\bdata backfill\\b|backfill time|wall[- ]clock",
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

  /** "~3h", "about 4 hours", "roughly 90 min" on a line about the backfill job. */
  private static final Pattern APPROX_DURATION = Pattern.compile(
      "(?:~|≈|\\babout|\\bapproximately|\\broughly|\\baround)\\s{0,2}\\d");
  private static final Pattern JOB_WORDS = Pattern.compile("(?i)backfill|\\bjob\\b|batch");

  private static Optional<TextLine> runtime(List<TextLine> lines) {
    for (TextLine l : lines) {
      boolean worded = RUNTIME_WORDS.matcher(l.text()).find()
          || (JOB_WORDS.matcher(l.text()).find() && APPROX_DURATION.matcher(l.text()).find());
      if (worded
          && DurationExtractor.findAll(l.text()).stream()
              .anyMatch(d -> d.duration().toMinutes() >= 1)) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
