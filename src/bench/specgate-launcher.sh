#!/usr/bin/env bash
# A launcher for one short `specgate` CLI run, with the JVM flags that pay off for it (measured by
# src/bench/vs-squawk.sh; see the numbers in its report). Proposed for shipping beside the jar; the
# jar's manifest cannot carry JVM flags, so this is where they live.
#
#   src/bench/specgate-launcher.sh check db/migrations --format json
#
# - -XX:TieredStopAtLevel=1: C1 only. A CLI run lasts seconds; C2 spends more CPU compiling than it
#   gives back in that time (about half the CPU time of a corpus-sized run). Not for `serve`.
# - -XX:+UseSerialGC: one short-lived heap; halves the peak RSS against G1 at no cost in time.
# - AppCDS (JDK 17: -XX:ArchiveClassesAtExit / -XX:SharedArchiveFile): the first run dumps the
#   classes it loaded into an archive in the cache folder; later runs map it instead of loading and
#   verifying those classes from the jar. The archive is keyed by the jar's size and mtime and the
#   java binary, so a rebuilt jar or another JDK gets a fresh one (a stale archive would only be
#   ignored, but with a warning). CDS messages go to stderr, never into --format json on stdout.
#
# Environment: SPECGATE_JAR (default: target/specgate.jar beside this project, then ./specgate.jar
# beside the script), SPECGATE_CDS=0 to skip the archive, SPECGATE_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/specgate), JAVA (default: java on PATH).
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="${SPECGATE_JAR:-}"
if [[ -z "$jar" ]]; then
  for candidate in "$here/../../target/specgate.jar" "$here/specgate.jar"; do
    [[ -f "$candidate" ]] && { jar="$candidate"; break; }
  done
fi
[[ -n "$jar" && -f "$jar" ]] || { echo "specgate: no specgate.jar found (set SPECGATE_JAR or run ./mvnw -B package)" >&2; exit 2; }
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
java="${JAVA:-java}"

flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr)

archive=""
dump=""
if [[ "${SPECGATE_CDS:-1}" != 0 ]]; then
  cache="${SPECGATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/specgate}"
  # Keyed without starting a JVM: the jar's size and mtime, and the real java binary's path,
  # size and mtime (an upgraded or different JDK gets its own archive).
  java_bin="$(command -v "$java" 2>/dev/null)"
  java_bin="$(readlink -f "$java_bin" 2>/dev/null || echo "$java_bin")"
  stamp() { stat -c '%s-%Y' "$1" 2>/dev/null || stat -f '%z-%m' "$1" 2>/dev/null || echo none; }
  key="$(stamp "$jar")-$(printf '%s %s' "$java_bin" "$(stamp "$java_bin")" | cksum | cut -d' ' -f1)"
  archive="$cache/specgate-$key.jsa"
  if [[ -f "$archive" ]]; then
    flags+=(-XX:SharedArchiveFile="$archive")
  elif mkdir -p "$cache" 2>/dev/null && [[ -w "$cache" ]]; then
    # Dump under a private name and move it into place: concurrent first runs cannot clash.
    dump="$archive.$$.tmp"
    flags+=(-XX:ArchiveClassesAtExit="$dump" "-Xlog:cds*=off:stderr")
  fi
fi

"$java" "${flags[@]}" ${SPECGATE_JAVA_OPTS:-} -jar "$jar" "$@"
rc=$?
if [[ -n "$dump" ]]; then
  if [[ -s "$dump" ]]; then mv -f "$dump" "$archive" 2>/dev/null || rm -f "$dump"; else rm -f "$dump"; fi
fi
exit $rc
