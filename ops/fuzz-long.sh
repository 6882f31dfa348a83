#!/usr/bin/env bash
# Long coverage-guided fuzzing run of one Jazzer @FuzzTest (the short regression run is part of `mvn test`).
#
#   ops/fuzz-long.sh <module> <TestClass#method> [duration, default 10m]
#   ops/fuzz-long.sh ingest WireFormatFuzzTest#ninjs 10m
#   ops/fuzz-long.sh sink SubscriptionRequestFuzzTest#parseRequest 30m
#
# Findings (crash-*, timeout-*) are written by Jazzer into the test's seed directory
# <module>/src/test/resources/<package>/<TestClass>Inputs/<method>/, where they stay as regression seeds once
# fixed; the growing corpus is kept in <module>/.cifuzz-corpus/ (not committed). The last lines of the run
# (executions, coverage, corpus) are printed at the end and kept in <module>/target/fuzz-<class>-<method>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
module=${1:?module, e.g. ingest}
test=${2:?TestClass#method, e.g. WireFormatFuzzTest#ninjs}
duration=${3:-10m}
class=${test%%#*}
method=${test##*#}
log="$module/target/fuzz-$class-$method.log"
mkdir -p "$module/target"
status=0
# libFuzzer writes its status lines to the forked test JVM's native stderr, which reaches the console, not
# Surefire's report files: keep the console
JAZZER_FUZZ=1 mvn -B -q -o -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="$duration" 2>&1 | tee "$log" || status=$?
echo "== $module $test ($duration): exit $status; libFuzzer's last status lines (all in $log):"
grep -aE '^#[0-9]+' "$log" | tail -2 || true
grep -aE '^Done [0-9]+ runs' "$log" || true
grep -aE 'FuzzTestFinding|crash-|timeout-|DEDUP_TOKEN' "$log" | head -5 || true
exit "$status"
