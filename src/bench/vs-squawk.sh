#!/usr/bin/env bash
# Side-by-side benchmark: specgate vs squawk (npm: squawk-cli) on the same .sql files.
#
#   src/bench/vs-squawk.sh [DIR]        run from the project root
#
# DIR defaults to the PostgreSQL files listed in ../shared/corpus/files.tsv (the corpus beside the
# project); any other DIR means every *.sql file under it. Both tools get the same file list as
# arguments, alternately, ROUNDS times each (default 5, after one untimed warm-up each so both read
# from a warm page cache): `squawk --reporter json FILES` and `specgate check FILES --format json`.
# Prints each tool's median wall time and peak RSS, the ratio
# specgate/squawk, and specgate's files / statements / unparsed-statement counts from its JSON.
#
# A third contestant, "specgate+", is the same jar through src/bench/specgate-launcher.sh (C1 only,
# serial GC, an AppCDS archive made by the warm-up run): the JVM flags proposed for the CLI.
#
# Environment: ROUNDS (default 5), JAVA_OPTS (extra JVM flags for plain specgate), SPECGATE_JAR
# (default target/specgate.jar), SQUAWK (use this squawk binary instead of npm's), TUNED=0 to skip
# specgate+.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
rounds="${ROUNDS:-5}"
jar="${SPECGATE_JAR:-target/specgate.jar}"

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
  corpus="$root/../shared/corpus"
  [[ -f "$corpus/files.tsv" ]] || die "no DIR given and no corpus at ../shared/corpus/files.tsv"
  base="$(cd "$corpus" && pwd)"
  awk -F'\t' 'NR > 1 && $2 == "postgres" { print $1 }' "$corpus/files.tsv" > "$tmp/files"
  label="PostgreSQL files of ../shared/corpus/files.tsv"
fi
nfiles=$(wc -l < "$tmp/files")
[[ "$nfiles" -gt 0 ]] || die "no .sql files found ($label)"
mapfile -t files < "$tmp/files"

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

if [[ ! -f "$jar" ]]; then
  echo "building $jar (./mvnw -B -q -DskipTests package) ..." >&2
  ./mvnw -B -q -DskipTests package >&2 || die "build failed"
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
read -r -a java_opts <<< "${JAVA_OPTS:-}"

# One timed run of each tool; appends "wall_s peak_kb user_s sys_s" to $tmp/<tool>.times. GNU time writes a
# "Command exited with non-zero status" line first when the tool exits non-zero: keep the last line.
timed_squawk() {
  # squawk exits 1 when it reports violations: its exit code is ignored.
  # --reporter json: both tools write JSON (squawk's default text reporter is 2-3x slower).
  (cd "$base" && /usr/bin/time -f '%e %M %U %S' -o "$tmp/one.time" "$squawk" --reporter json "${files[@]}" > "$tmp/squawk.out" 2>&1) || true
  tail -1 "$tmp/one.time" >> "$tmp/squawk.times"
}
timed_tuned() {
  local rc=0
  (cd "$base" && SPECGATE_JAR="$jar" SPECGATE_CACHE="$tmp/cds" /usr/bin/time -f '%e %M %U %S' -o "$tmp/one.time" \
    "$root/src/bench/specgate-launcher.sh" check "${files[@]}" --format json > "$tmp/tuned.json" 2> "$tmp/tuned.err") || rc=$?
  if [[ $rc -gt 1 ]]; then
    echo "specgate+ exited $rc (expected 0 or 1):" >&2; head -20 "$tmp/tuned.err" >&2; exit 1
  fi
  tail -1 "$tmp/one.time" >> "$tmp/tuned.times"
}
timed_specgate() {
  local rc=0
  (cd "$base" && /usr/bin/time -f '%e %M %U %S' -o "$tmp/one.time" java "${java_opts[@]}" -jar "$jar" check "${files[@]}" --format json \
    > "$tmp/specgate.json" 2> "$tmp/specgate.err") || rc=$?
  if [[ $rc -gt 1 ]]; then
    echo "specgate exited $rc (expected 0 or 1):" >&2; head -20 "$tmp/specgate.err" >&2; exit 1
  fi
  tail -1 "$tmp/one.time" >> "$tmp/specgate.times"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "files: $nfiles ($label)" >&2
echo "warm-up ..." >&2
: > "$tmp/squawk.times"; : > "$tmp/specgate.times"
tuned="${TUNED:-1}"
: > "$tmp/tuned.times"
timed_squawk; timed_specgate
[[ "$tuned" == 0 ]] || timed_tuned
: > "$tmp/squawk.times"; : > "$tmp/specgate.times"; : > "$tmp/tuned.times"
for ((i = 1; i <= rounds; i++)); do
  echo "round $i/$rounds ..." >&2
  timed_squawk
  timed_specgate
  [[ "$tuned" == 0 ]] || timed_tuned
done

sq_wall=$(cut -d' ' -f1 "$tmp/squawk.times" | median)
sq_rss=$(cut -d' ' -f2 "$tmp/squawk.times" | median)
sg_wall=$(cut -d' ' -f1 "$tmp/specgate.times" | median)
sg_rss=$(cut -d' ' -f2 "$tmp/specgate.times" | median)
# CPU time (user + sys) is shown too: on a shared machine it is less disturbed than wall time.
sq_cpu=$(awk '{ print $3 + $4 }' "$tmp/squawk.times" | median)
sg_cpu=$(awk '{ print $3 + $4 }' "$tmp/specgate.times" | median)

# specgate's own counts, from the JSON of its last run.
counts="$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.summary || {};
  const unparsed = (r.findings || []).filter(f => f.rule === "unparsed-statement").length;
  const statements = typeof s.statements === "number" ? String(s.statements) : "n/a (no summary.statements in the JSON)";
  const files = typeof s.files === "number" ? String(s.files) : "n/a";
  const share = typeof s.statements === "number" && s.statements > 0 ? " (" + (100 * unparsed / s.statements).toFixed(2) + "% of statements)" : "";
  console.log("specgate files analysed: " + files);
  console.log("specgate statements:     " + statements);
  console.log("specgate unparsed:       " + unparsed + share);
  console.log("specgate findings:       " + (r.findings || []).length + " (error " + (s.error ?? "?") + ", warning " + (s.warning ?? "?") + ", notice " + (s.notice ?? "?") + ")");
' "$tmp/specgate.json")" || counts="specgate counts: could not read its JSON output"

echo "== specgate vs squawk: $nfiles files ($label), median of $rounds alternating rounds =="
echo "squawk:   ${squawk_version:-squawk} --reporter json <files>"
echo "specgate: java -jar $(basename "$jar") check <files> --format json${JAVA_OPTS:+ (JAVA_OPTS=$JAVA_OPTS)}"
printf '%-9s wall %6.2f s   cpu %6.2f s   peak RSS %6d MB\n' squawk "$sq_wall" "$sq_cpu" "$(awk -v k="$sq_rss" 'BEGIN { printf "%d", k / 1024 }')"
printf '%-9s wall %6.2f s   cpu %6.2f s   peak RSS %6d MB\n' specgate "$sg_wall" "$sg_cpu" "$(awk -v k="$sg_rss" 'BEGIN { printf "%d", k / 1024 }')"
awk -v a="$sg_wall" -v b="$sq_wall" -v c="$sg_cpu" -v d="$sq_cpu" 'BEGIN {
  if (b > 0) printf "ratio specgate/squawk: wall %.2fx (goal <= 1.00x), cpu %.2fx\n", a / b, (d > 0 ? c / d : 0) }'
if [[ "$tuned" != 0 ]]; then
  tu_wall=$(cut -d' ' -f1 "$tmp/tuned.times" | median)
  tu_rss=$(cut -d' ' -f2 "$tmp/tuned.times" | median)
  tu_cpu=$(awk '{ print $3 + $4 }' "$tmp/tuned.times" | median)
  printf '%-9s wall %6.2f s   cpu %6.2f s   peak RSS %6d MB   (src/bench/specgate-launcher.sh)\n' specgate+ "$tu_wall" "$tu_cpu" "$(awk -v k="$tu_rss" 'BEGIN { printf "%d", k / 1024 }')"
  awk -v a="$tu_wall" -v b="$sq_wall" -v c="$tu_cpu" -v d="$sq_cpu" 'BEGIN {
    if (b > 0) printf "ratio specgate+/squawk: wall %.2fx, cpu %.2fx\n", a / b, (d > 0 ? c / d : 0) }'
  cmp -s "$tmp/specgate.json" "$tmp/tuned.json" || echo "WARNING: specgate+ printed a different JSON than specgate"
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "$counts"
raw_tuned=""
[[ "$tuned" == 0 ]] || raw_tuned=" specgate+ [$(tr '\n' ';' < "$tmp/tuned.times")]"
echo "raw (wall s, peak KB, user s, sys s): squawk [$(tr '\n' ';' < "$tmp/squawk.times")] specgate [$(tr '\n' ';' < "$tmp/specgate.times")]$raw_tuned"
