#!/usr/bin/env bash
# Times the packet extractors (row counts, thresholds, durations, backfill plan, deploy order,
# later-release scope, rollback notes) and the Markdown reader on hostile input of 10,000 and
# 100,000 characters: a long word, runs of digits, "[", spaces and short words (issue 9). Each
# should grow linearly (10x input, about 10x time). Prints the best of three runs per case.
#   src/bench/packet-extractors.sh
# The measuring main lives in test sources (PacketExtractorBench) so it stays out of the product jar.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${SPECGATE_BUILD_DIR:-target-bench}"
cd "$root"
./mvnw -B -q -o -Dspecgate.buildDir="$build" compile
cp_file="$build/bench.classpath"
./mvnw -B -q -o -Dspecgate.buildDir="$build" dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
cp="$build/classes:$(cat "$cp_file")"
mkdir -p "$build/bench-classes"
javac -d "$build/bench-classes" -cp "$cp" src/test/java/dev/specgate/packet/PacketExtractorBench.java
exec java -cp "$build/bench-classes:$cp" dev.specgate.packet.PacketExtractorBench
