#!/usr/bin/env bash
# Side-by-side wall/CPU time of two specgate jars on the same corpus files, alternating, so a loaded
# machine disturbs both alike (the catalogue-growth budget: the new jar within 10% of the old).
#
#   src/bench/before-after.sh BEFORE_JAR AFTER_JAR [DIR]     run from the project root
#
# Build BEFORE_JAR from an older commit in a scratch directory, e.g.
#   git archive <commit> | tar -x -C <scratch> && (cd <scratch> && ./mvnw -B -q -o -DskipTests package)
# DIR defaults to the PostgreSQL files of files.tsv in $CORPUS (default ../shared/corpus). Each round runs
# `java -jar JAR check FILES --format json` once per jar (order alternating); ROUNDS (default 5)
# after one untimed warm-up each. Prints median wall and CPU (user+sys) per jar, the ratio, the load
# average before and after, and each jar's finding count.
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: $0 BEFORE_JAR AFTER_JAR [DIR]" >&2; exit 2; }
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
before="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
after="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
rounds="${ROUNDS:-5}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ $# -ge 3 ]]; then
  base="$(cd "$3" && pwd)"
  (cd "$base" && find . -type f -name '*.sql' | sed 's|^\./||' | LC_ALL=C sort) > "$tmp/files"
else
  base="$(cd "${CORPUS:-$root/../shared/corpus}" && pwd)"
  awk -F'\t' 'NR > 1 && $2 == "postgres" { print $1 }' "$base/files.tsv" > "$tmp/files"
fi
mapfile -t files < "$tmp/files"
echo "files: ${#files[@]}; load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
run() { # run NAME JAR
  local rc=0
  (cd "$base" && /usr/bin/time -f '%e %U %S' -o "$tmp/one" java -jar "$2" check "${files[@]}" --format json \
     > "$tmp/$1.json" 2> "$tmp/$1.err") || rc=$?
  [[ $rc -le 1 ]] || { echo "$1 exited $rc" >&2; head "$tmp/$1.err" >&2; exit 1; }
  tail -1 "$tmp/one" >> "$tmp/$1.times"
}
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
run before "$before"; run after "$after"; : > "$tmp/before.times"; : > "$tmp/after.times"
for ((i = 1; i <= rounds; i++)); do
  if (( i % 2 )); then run before "$before"; run after "$after"; else run after "$after"; run before "$before"; fi
done
for t in before after; do
  w=$(cut -d' ' -f1 "$tmp/$t.times" | median); c=$(awk '{ print $2 + $3 }' "$tmp/$t.times" | median)
  n=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));console.log((r.findings||[]).length)' "$tmp/$t.json")
  printf '%-6s wall %6.2f s  cpu %6.2f s  findings %s  raw [%s]\n' "$t" "$w" "$c" "$n" "$(cut -d' ' -f1 "$tmp/$t.times" | tr '\n' ' ')"
  echo "$w $c" > "$tmp/$t.med"
done
read -r bw bc < "$tmp/before.med"; read -r aw ac < "$tmp/after.med"
awk -v a="$aw" -v b="$bw" -v c="$ac" -v d="$bc" 'BEGIN { printf "after/before: wall %.3fx  cpu %.3fx (budget 1.10x)\n", a / b, c / d }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
[[ -z "${KEEP_JSON:-}" ]] || cp "$tmp/before.json" "$tmp/after.json" "$KEEP_JSON"/
