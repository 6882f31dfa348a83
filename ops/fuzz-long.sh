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
status=0
JAZZER_FUZZ=1 mvn -B -q -o -pl "$module" -am test -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.max_duration="$duration" -Djacoco.skip=true || status=$?
output=$(ls "$module"/target/surefire-reports/*"$class"-output.txt 2>/dev/null | head -1 || true)
if [[ -n "$output" ]]; then
  cp "$output" "$log"
  echo "== $module $test ($duration): exit $status; last libFuzzer status lines (see $log):"
  grep -E '^#[0-9]+' "$log" | tail -3 || true
  grep -E '^(Done|stat::)' "$log" || true
  grep -E '== Java Exception|FuzzerSecurityIssue|crash-|timeout-' "$log" | head -5 || true
fi
exit "$status"
