#!/usr/bin/env bash
# Measures the SQL layer (splitter + recogniser + JSqlParser) on a corpus of migration files:
# statements, unparsed share, crashes and parse throughput, per dialect (the squawk fixtures apart).
#   src/bench/corpus-coverage.sh [CORPUS_DIR] [--unparsed OUT_FILE] [--passes N]
# CORPUS_DIR holds files.tsv (path, dialect, source); default ../shared/corpus from the project root.
# The measuring main lives in test sources (src/test/java/dev/specgate/sql/CorpusCoverage.java) so it
# stays out of the product jar; it is compiled on its own against the main classes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="${1:-$root/../shared/corpus}"
shift || true
build="${SPECGATE_BUILD_DIR:-target-bench}"
cd "$root"
./mvnw -B -q -o -Dspecgate.buildDir="$build" compile
cp_file="$build/bench.classpath"
./mvnw -B -q -o -Dspecgate.buildDir="$build" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="$build/classes:$(cat "$cp_file")"
mkdir -p "$build/bench-classes"
javac -d "$build/bench-classes" -cp "$cp" src/test/java/dev/specgate/sql/CorpusCoverage.java
exec java -Xss4m -cp "$build/bench-classes:$cp" dev.specgate.sql.CorpusCoverage "$corpus" "$@"
