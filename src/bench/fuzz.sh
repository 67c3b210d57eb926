#!/usr/bin/env bash
# Fuzzes every Jazzer target for real (coverage-guided), MINUTES each (default 3), one after the
# other: `./mvnw test` only replays the checked-in inputs.
#
#   src/bench/fuzz.sh [MINUTES] [TARGET...]     TARGET: ParserFuzzTest#sql, AnalysisFuzzTest#analysis, ...
#
# A crash stops that target and leaves the input in
# src/test/resources/dev/specgate/fuzz/<Class>Inputs/<method>/crash-<sha1>: it is replayed by every
# build from then on, so fix the bug and keep the file (rename it to say what it is). The
# generated corpus (interesting inputs, not crashes) goes to .cifuzz-corpus/, which is not committed.
# Per target this prints the inputs executed (libFuzzer's "Done N runs"), and the slowest input
# (libFuzzer's -report_slow_units, over 10 s by default). Logs: target/fuzz/<target>.log.
set -uo pipefail
cd "$(dirname "$0")/../.."
minutes="${1:-3}"
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  targets=(ParserFuzzTest#sql ParserFuzzTest#packet ParserFuzzTest#diff ParserFuzzTest#config AnalysisFuzzTest#analysis)
fi
build="${SPECGATE_BUILD_DIR:-target}"
mkdir -p "$build/fuzz"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
status=0
for t in "${targets[@]}"; do
  log="$build/fuzz/${t/\#/-}.log"
  echo "== $t: fuzzing for $minutes min (log: $log)"
  JAZZER_FUZZ=1 ./mvnw -B -q -o test -Dspecgate.buildDir="$build" -Dtest="$t" \
    -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration="${minutes}m" \
    -DargLine="-Xss1m -XX:-OmitStackTraceInFastThrow" >"$log" 2>&1
  rc=$?
  runs=$(grep -aho 'Done [0-9]* runs in [0-9]* second' "$log" "$build/surefire-reports/"*"${t%%#*}-output.txt" 2>/dev/null | tail -1)
  slow=$(grep -ao 'Slowest unit: [0-9]* s' "$build/surefire-reports/"*"${t%%#*}-output.txt" "$log" 2>/dev/null | sort -t: -k3 -n | tail -1 | sed 's/.*Slowest/Slowest/')
  crash=$(grep -aho 'crash-[0-9a-f]*' "$build/surefire-reports/"*"${t%%#*}-output.txt" "$log" 2>/dev/null | sort -u | tr '\n' ' ')
  echo "   ${runs:-inputs executed: ?}; ${slow:-no slow unit reported (libFuzzer reports units over 10 s)}; exit $rc${crash:+; crashes: $crash}"
  [[ $rc -ne 0 ]] && status=1
done
exit $status
