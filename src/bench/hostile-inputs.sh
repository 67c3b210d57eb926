#!/usr/bin/env bash
# Times the crafted inputs of issue 9 through the analysis, in one JVM (src/bench/HostileInputs.java).
#
#   src/bench/hostile-inputs.sh            (builds the classes with ./mvnw -o compile first)
#
# Goal (issue 9): each completes in under a second of analysis, with a clear result.
set -euo pipefail
cd "$(dirname "$0")/../.."
build="${SPECGATE_BUILD_DIR:-target}"
export MAVEN_OPTS="${MAVEN_OPTS:--Xmx1g}"
./mvnw -B -q -o compile -Dspecgate.buildDir="$build"
./mvnw -B -q -o dependency:build-classpath -Dspecgate.buildDir="$build" -Dmdep.outputFile="$build/classpath.txt" >/dev/null
# a worker thread's stack (1 MB), where the StackOverflowErrors of issue 9 happened
java -Xss1m -Xmx1g -cp "$build/classes:$(cat "$build/classpath.txt")" src/bench/HostileInputs.java
