#!/usr/bin/env bash
# Side-by-side benchmark: specgate (the distribution's bin/specgate launcher) vs squawk (npm:
# squawk-cli) on the same .sql files, in one run so both see the same machine load.
#
#   src/bench/vs-squawk.sh [DIR]        run from the project root, after ./mvnw -B package
#
# Three measurements, each ROUNDS times (default 5) in alternation after one untimed warm-up
# (which also writes specgate's class-data-sharing archive), minimum wall time kept:
# - corpus:   every file at once: `squawk --reporter json FILES`, `specgate check FILES --format json`
# - one file: ONE_FILE (default: the weak-ticket example's migration), same commands
# - floor:    `specgate --version` (the JVM's start plus picocli: what no analysis can go under) and
#             `squawk --version`
# Prints wall (min), CPU (user+sys of that run), peak RSS (max over rounds), the ratios, the load
# average before and after, and specgate's files / statements / unparsed counts from its JSON.
# With PLAIN=1, also `java -jar lib/specgate.jar` without the launcher's flags. With BEFORE_HOME=DIR
# (another distribution folder, e.g. an older build), its bin/specgate runs in the same rounds as
# "before-*", for a before/after table measured under the same load.
#
# DIR defaults to the PostgreSQL files listed in ../shared/corpus/files.tsv (the corpus beside the
# project); any other DIR means every *.sql file under it.
#
# Environment: ROUNDS (default 5), ONE_FILE, CORPUS (the folder holding files.tsv), SPECGATE_HOME (default: target/specgate-*/),
# SQUAWK (use this squawk binary instead of installing npm's), PLAIN=1.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rounds="${ROUNDS:-5}"

die() { echo "vs-squawk: $*" >&2; exit 2; }
command -v node >/dev/null || die "node and npm are needed to install squawk-cli"
if [[ ! -x /usr/bin/time ]]; then
  echo "installing GNU time (apt-get install time) to measure peak memory" >&2
  (apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }) \
    || die "/usr/bin/time is missing and could not be installed (apt-get install time)"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# --- the files -------------------------------------------------------------------------------
if [[ $# -ge 1 ]]; then
  [[ -d "$1" ]] || die "not a directory: $1"
  base="$(cd "$1" && pwd)"
  (cd "$base" && find . -type f -name '*.sql' | sed 's|^\./||' | LC_ALL=C sort) > "$tmp/files"
  label="every *.sql under $1"
else
  corpus="${CORPUS:-$root/../shared/corpus}"
  [[ -f "$corpus/files.tsv" ]] || die "no DIR given and no corpus at ../shared/corpus/files.tsv"
  base="$(cd "$corpus" && pwd)"
  awk -F'\t' 'NR > 1 && $2 == "postgres" { print $1 }' "$corpus/files.tsv" > "$tmp/files"
  label="PostgreSQL files of ../shared/corpus/files.tsv"
fi
nfiles=$(wc -l < "$tmp/files")
[[ "$nfiles" -gt 0 ]] || die "no .sql files found ($label)"
mapfile -t files < "$tmp/files"
one="$(cd "$(dirname "${ONE_FILE:-examples/weak-ticket/db/migrations/V1__add_account_status.sql}")" && pwd)/$(basename "${ONE_FILE:-V1__add_account_status.sql}")"
[[ -f "$one" ]] || die "ONE_FILE not found: $one"

# --- the tools -------------------------------------------------------------------------------
if [[ -n "${SQUAWK:-}" ]]; then
  squawk="$SQUAWK"
else
  echo "installing squawk-cli from npm into $tmp/npm ..." >&2
  npm install --silent --no-audit --no-fund --prefix "$tmp/npm" squawk-cli >/dev/null 2>"$tmp/npm.log" \
    || { cat "$tmp/npm.log" >&2; die "npm install squawk-cli failed"; }
  squawk="$tmp/npm/node_modules/.bin/squawk"
fi
[[ -x "$squawk" ]] || die "squawk binary not found at $squawk"
squawk_version="$("$squawk" --version 2>/dev/null | head -1 || true)"

home="${SPECGATE_HOME:-}"
if [[ -z "$home" ]]; then
  for d in target/specgate-*/; do [[ -x "$d/bin/specgate" ]] && home="$d"; done
fi
[[ -n "$home" && -x "$home/bin/specgate" ]] || die "no distribution: run ./mvnw -B package (or set SPECGATE_HOME)"
home="$(cd "$home" && pwd)"
specgate="$home/bin/specgate"
export SPECGATE_CACHE="$tmp/cds"   # a fresh archive, written by the warm-up run

# timed NAME DIR CMD...: one run; appends "wall_s peak_kb user_s sys_s" to $tmp/NAME.times.
# Exit codes 0 and 1 (findings) are fine; GNU time writes a "Command exited with non-zero status"
# line first when the tool exits non-zero: keep the last line.
timed() {
  local name="$1" dir="$2" rc=0; shift 2
  (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$tmp/one.time" "$@" > "$tmp/$name.out" 2> "$tmp/$name.err") || rc=$?
  if [[ "$name" != squawk* && $rc -gt 1 ]]; then
    echo "$name exited $rc (expected 0 or 1):" >&2; head -20 "$tmp/$name.err" >&2; exit 1
  fi
  tail -1 "$tmp/one.time" >> "$tmp/$name.times"
}

round() {
  timed squawk-corpus "$base" "$squawk" --reporter json "${files[@]}"
  timed specgate-corpus "$base" "$specgate" check "${files[@]}" --format json
  timed squawk-one "$base" "$squawk" --reporter json "$one"
  timed specgate-one "$base" "$specgate" check "$one" --format json
  timed squawk-floor "$base" "$squawk" --version
  timed specgate-floor "$base" "$specgate" --version
  if [[ -n "${BEFORE_HOME:-}" ]]; then
    SPECGATE_CACHE="$tmp/cds-before" timed before-corpus "$base" "$BEFORE_HOME/bin/specgate" check "${files[@]}" --format json
    SPECGATE_CACHE="$tmp/cds-before" timed before-one "$base" "$BEFORE_HOME/bin/specgate" check "$one" --format json
    SPECGATE_CACHE="$tmp/cds-before" timed before-floor "$base" "$BEFORE_HOME/bin/specgate" --version
  fi
  if [[ "${PLAIN:-0}" == 1 ]]; then
    timed plain-corpus "$base" java -jar "$home/lib/specgate.jar" check "${files[@]}" --format json
    timed plain-one "$base" java -jar "$home/lib/specgate.jar" check "$one" --format json
  fi
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "files: $nfiles ($label); one file: $one" >&2
echo "warm-up (writes specgate's CDS archive) ..." >&2
round
rm -f "$tmp"/*.times
for ((i = 1; i <= rounds; i++)); do
  echo "round $i/$rounds ..." >&2
  round
done

# min wall, the CPU of that same run, max peak RSS
stat_of() {
  sort -n "$tmp/$1.times" | head -1 | awk '{ printf "%s %.2f ", $1, $3 + $4 }'
  awk 'BEGIN { m = 0 } { if ($2 > m) m = $2 } END { printf "%d\n", m / 1024 }' "$tmp/$1.times"
}
row() {
  local name="$1" what="$2"; read -r wall cpu rss <<< "$(stat_of "$name")"
  printf '%-16s wall %6.2f s   cpu %6.2f s   peak RSS %5d MB   %s\n' "$name" "$wall" "$cpu" "$rss" "$what"
  eval "wall_${name//-/_}=$wall; cpu_${name//-/_}=$cpu"
}

echo "== specgate vs squawk: $nfiles files ($label), min of $rounds alternating rounds =="
echo "squawk:   ${squawk_version:-squawk} --reporter json <files>"
echo "specgate: $("$specgate" --version) through bin/specgate, check <files> --format json"
row squawk-corpus "every file at once"
row specgate-corpus "every file at once"
row squawk-one "$(basename "$one")"
row specgate-one "$(basename "$one")"
row squawk-floor "--version"
row specgate-floor "--version: JVM start + picocli, the floor"
if [[ -n "${BEFORE_HOME:-}" ]]; then
  row before-corpus "BEFORE_HOME: every file at once"
  row before-one "BEFORE_HOME: $(basename "$one")"
  row before-floor "BEFORE_HOME: --version"
fi
if [[ "${PLAIN:-0}" == 1 ]]; then
  row plain-corpus "java -jar, no launcher flags"
  row plain-one "java -jar, no launcher flags"
fi
awk -v a="$wall_specgate_corpus" -v b="$wall_squawk_corpus" -v c="$wall_specgate_one" -v d="$wall_squawk_one" \
    -v f="$wall_specgate_floor" 'BEGIN {
  printf "ratio specgate/squawk, wall: corpus %.2fx (goal <= 1.5x), one file %.2fx (goal <= 2.5x)\n", a / b, c / d
  printf "one file above specgate'"'"'s own floor: %.2f s (%.2fx the floor)\n", c - f, (f > 0 ? c / f : 0) }'
# CPU time (user + sys) of the same runs: on a loaded machine, less disturbed than wall time.
awk -v a="$cpu_specgate_corpus" -v b="$cpu_squawk_corpus" -v c="$cpu_specgate_one" -v d="$cpu_squawk_one" \
    -v f="$cpu_specgate_floor" 'BEGIN {
  printf "ratio specgate/squawk, cpu:  corpus %.2fx, one file %.2fx; one file above the floor: %.2f s cpu\n", a / b, c / d, c - f }'
echo "load average before: $load_before; after: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"

# specgate's own counts, from the JSON of its last corpus run.
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.summary || {};
  const unparsed = (r.findings || []).filter(f => f.rule === "unparsed-statement").length;
  const share = s.statements > 0 ? " (" + (100 * unparsed / s.statements).toFixed(2) + "% of statements)" : "";
  console.log("specgate files analysed: " + s.files + ", statements: " + s.statements + ", unparsed: " + unparsed + share);
  console.log("specgate findings: " + (r.findings || []).length + " (error " + s.error + ", warning " + s.warning + ", notice " + s.notice + ")");
' "$tmp/specgate-corpus.out" || echo "specgate counts: could not read its JSON output"
for n in squawk-corpus specgate-corpus squawk-one specgate-one squawk-floor specgate-floor ${BEFORE_HOME:+before-corpus before-one before-floor}; do
  echo "raw $n (wall s, peak KB, user s, sys s): $(tr '\n' ';' < "$tmp/$n.times")"
done
