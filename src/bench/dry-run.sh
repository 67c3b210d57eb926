#!/usr/bin/env bash
# Wall time of `specgate dry-run` on a packet (default: examples/account-status-good), each run a new
# JVM, so each one pays the embedded cluster's cold start (initdb + start, then its stop at exit).
#
#   src/bench/dry-run.sh [DIR]          run from the project root, after ./mvnw package
#
# Prints, per round, the wall time of `specgate check DIR` (static only: the JVM and the analysis)
# and of `specgate dry-run DIR`, then each statement's time as the dry run measured it. With
# DRYRUN_DB=jdbc:postgresql://… it also times `dry-run --db DRYRUN_DB` (a running server: no cold
# start), which separates the cluster's start from the dry run itself.
#
# Environment: ROUNDS (default 3), SPECGATE_JAR (default target/specgate.jar), DRYRUN_DB.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
dir="${1:-examples/account-status-good}"
rounds="${ROUNDS:-3}"
jar="${SPECGATE_JAR:-target/specgate.jar}"
[[ -f "$jar" ]] || { echo "dry-run bench: $jar not found; run ./mvnw -B package -DskipTests first" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
ms() { echo $(( $(date +%s%N) / 1000000 )); }
timed() {
  local start end
  start=$(ms)
  java -jar "$jar" "$@" >"$work/out.json" 2>"$work/err.txt" || true
  end=$(ms)
  echo $((end - start))
}

for ((i = 1; i <= rounds; i++)); do
  check=$(timed check "$dir" --format json)
  dry=$(timed dry-run "$dir" --format json)
  line="round $i: check ${check} ms, dry-run (embedded, cold) ${dry} ms"
  if [[ -n "${DRYRUN_DB:-}" ]]; then
    warm=$(timed dry-run "$dir" --format json --db "$DRYRUN_DB")
    line="$line, dry-run (--db, running server) ${warm} ms"
  fi
  echo "$line"
done
echo "statements (the last run's measurements):"
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["dryRun"]
for s in d["statements"]:
    locks = ", ".join(l["mode"] + " " + l["relation"] for l in s["locks"]) or "no table lock"
    print("  %s:%d  %.1f ms  %s" % (s["file"], s["line"], s["durationMs"], locks))
' "$work/out.json" || echo "  (python3 is needed to print them)"
