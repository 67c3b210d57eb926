#!/usr/bin/env bash
# Load benchmark for `specgate serve`: N concurrent signed webhooks against the running service
# (a separate JVM with its embedded store), WireMock playing GitHub. Prints acknowledgement latency
# p50/p99, jobs per second and lost jobs. Targets: ack p99 < 20 ms at 100 concurrent deliveries on
# 2 cores, zero lost.
#
# usage: src/bench/service-load.sh [CONCURRENCY=100] [ROUNDS=5] [WORKERS=4]
# environment: SPECGATE_BENCH_WARMUP_ROUNDS (6) rounds before measuring; SPECGATE_BENCH_SERVICE_JVM_ARGS
# flags for the service's JVM (a profiler, a GC log)
set -euo pipefail
cd "$(dirname "$0")/../.."
CONCURRENCY="${1:-100}"
ROUNDS="${2:-5}"
WORKERS="${3:-4}"
BUILD_DIR="${SPECGATE_BENCH_BUILD_DIR:-target-bench}"
WORK="$(mktemp -d)"
# the service's log outlives the run, for a look at what it did
trap 'cp "$WORK/run/service.log" "$BUILD_DIR/service-load.log" 2>/dev/null; rm -rf "$WORK"' EXIT

./mvnw -B -q -o -Dspecgate.buildDir="$BUILD_DIR" test-compile \
  dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test
CP="$BUILD_DIR/classes:$BUILD_DIR/test-classes:$(cat "$WORK/cp.txt")"
# the service runs on the main classpath only (no WireMock/test classes in its JVM)
./mvnw -B -q -o -Dspecgate.buildDir="$BUILD_DIR" dependency:build-classpath \
  -Dmdep.outputFile="$WORK/main-cp.txt" -Dmdep.includeScope=runtime
SERVICE_CP="$BUILD_DIR/classes:$(cat "$WORK/main-cp.txt")"

java -cp "$CP" dev.specgate.server.ServiceLoadDriver "$SERVICE_CP" "$CONCURRENCY" "$ROUNDS" "$WORKERS" "$WORK/run"
