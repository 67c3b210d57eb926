#!/usr/bin/env bash
# Per squawk rule: how many of squawk's findings specgate also reports, on the corpus's PostgreSQL
# migrations (squawk's own test suite left out: it is not migrations). Findings on a relation created
# earlier in the same file are left out (squawk cannot know the table is new). specgate runs with its
# opt-in style rules on. "other" counts squawk findings specgate reports on the same statement under
# a rule that does not list that squawk id (e.g. ADD PRIMARY KEY: squawk's constraint-missing-not-valid,
# our unique-without-index).
#
#   src/bench/squawk-agreement.sh [OUT_DIR]         run from the project root
#
# Environment: SPECGATE_JAR (default target/specgate.jar), SQUAWK (a squawk binary; default: npm
# install squawk-cli into a temp dir), CORPUS (default ../shared/corpus). OUT_DIR (default a temp
# dir) receives squawk.json, specgate.json and unshared.tsv (the squawk findings we do not share,
# with their statement) for reading.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$(cd "$(dirname "${SPECGATE_JAR:-$root/target/specgate.jar}")" && pwd)/$(basename "${SPECGATE_JAR:-target/specgate.jar}")"
corpus="$(cd "${CORPUS:-$root/../shared/corpus}" && pwd)"
out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -z "${SQUAWK:-}" ]]; then
  npm install --silent --no-audit --no-fund --prefix "$tmp/npm" squawk-cli >/dev/null
  SQUAWK="$tmp/npm/node_modules/.bin/squawk"
fi
awk -F'\t' 'NR > 1 && $2 == "postgres" && $3 != "sbdchd/squawk" { print $1 }' "$corpus/files.tsv" > "$tmp/files"
mapfile -t files < "$tmp/files"
echo "files: ${#files[@]}; squawk $("$SQUAWK" --version)" >&2
(cd "$corpus" && "$SQUAWK" --reporter json "${files[@]}" > "$out/squawk.json" 2>/dev/null) || true
# specgate's opt-in (style) rules are turned on, so squawk's default rules meet their counterparts.
printf 'rules:\n  discouraged-column-type: notice\n  statement-not-rerunnable: notice\n  enum-value-ordering: notice\n  missing-statement-timeout: notice\n' > "$tmp/specgate.yml"
(cd "$corpus" && java -jar "$jar" check "${files[@]}" --config "$tmp/specgate.yml" --format json > "$out/specgate.json" 2>/dev/null) || true
mkdir -p "$tmp/classes"
javac -d "$tmp/classes" -cp "$jar" "$root/src/test/java/dev/specgate/bench/SquawkAgreement.java"
java -cp "$tmp/classes:$jar" dev.specgate.bench.SquawkAgreement "$corpus" "$out/squawk.json" "$out/specgate.json" "$out/unshared.tsv"
echo "unshared findings: $out/unshared.tsv" >&2
