#!/usr/bin/env bash
# Recovery after kill -9 of the whole run (embedded broker, ingest, enrich, sink in one process), measured.
#   1. `bin/newsflow run` in a fresh work directory; stories posted at about 10 a second;
#   2. after --before stories the process is killed with SIGKILL and started again at once (same data directory);
#   3. readiness: the time until ingest, enrich and sink all answer /health/ready;
#   4. resume: a probe story posted at readiness, and the time until the sink serves it from its index store;
#   5. catch-up: the time until every story accepted before the kill is indexed, then `bin/newsflow audit`.
# Writes one JSON document (settings, figures, audit result, machine, commit) to --out.
# Usage: bench/recovery.sh [--before N] [--out FILE]     (environment, e.g. KAFKA_SESSION_TIMEOUT_MS, is passed on)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
before=40
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --before) before="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "recovery: unknown option $1 (--before N, --out FILE)" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d /tmp/newsflow-recovery.XXXXXX)"
cd "$work"
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

ms() { date +%s%3N; }
log() { echo "recovery: $*" >&2; }

# starts the run in the background and sets pid to the JVM's process id
start() {
  "$repo/bin/newsflow" run >>"$work/run.log" 2>&1 &
  pid=$!
}
wait_ready() {
  local deadline=$(($(ms) + 180000))
  until "$repo/bin/newsflow" health --timeout 2 >/dev/null 2>&1; do
    if [ "$(ms)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
      tail -20 "$work/run.log" >&2
      log "FAIL: not ready"
      exit 1
    fi
    sleep 0.2
  done
}
token() { cat "$work/data/api-token"; }
# posts a story; prints its id, or nothing when it was not accepted
post() {
  curl -s -m 5 -X POST http://127.0.0.1:8080/v1/articles -H "Authorization: Bearer $(token)" \
    -H 'Content-Type: text/plain' --data-binary "$1" 2>/dev/null \
    | sed -n 's/.*"status":"accepted".*"id":"\([^"]*\)".*/\1/p; s/.*"id":"\([^"]*\)".*"status":"accepted".*/\1/p' | head -1
}
indexed() {
  [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(token)" \
    "http://127.0.0.1:8082/v1/stories/$1")" = 200 ]
}
story() {
  printf 'Recovery run story %s\n\nParis talks, round %s: French President Emmanuel Macron met leaders of %s countries on %s, officials said.' \
    "$1" "$1" "$(($1 % 40 + 2))" "$(date -u +%FT%T.%N)"
}

start
wait_ready
log "ready; posting $before stories at about 10 a second"
ids=()
for i in $(seq 1 "$before"); do
  id="$(post "$(story "$i")")"
  [ -n "$id" ] && ids+=("$id")
  sleep 0.1
done
killed_at=$(ms)
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
log "killed after ${#ids[@]} accepted stories; starting again"
start
wait_ready
ready_at=$(ms)
probe="$(post "$(story 100000)")"
[ -n "$probe" ] || { log "FAIL: probe not accepted"; exit 1; }
until indexed "$probe"; do
  [ $(($(ms) - ready_at)) -lt 300000 ] || { log "FAIL: probe not indexed in 300 s"; exit 1; }
  sleep 0.1
done
resumed_at=$(ms)
for id in "${ids[@]}"; do
  until indexed "$id"; do
    [ $(($(ms) - ready_at)) -lt 300000 ] || { log "FAIL: story $id not indexed in 300 s"; exit 1; }
    sleep 0.1
  done
done
caught_up_at=$(ms)
audit=0
"$repo/bin/newsflow" audit --timeout 60 >"$work/audit.txt" 2>&1 || audit=$?
sed 's/^/  audit: /' "$work/audit.txt" >&2

readiness=$(((ready_at - killed_at)))
resume=$(((resumed_at - ready_at)))
catchup=$(((caught_up_at - ready_at)))
log "ready ${readiness} ms after the kill; probe indexed ${resume} ms after readiness; all ${#ids[@]} earlier stories indexed ${catchup} ms after readiness; audit exit $audit"
json=$(cat <<JSON
{
  "benchmark": "recovery",
  "startedAt": "$(date -u -d @$((killed_at / 1000)) +%FT%TZ)",
  "commandLine": "bench/recovery.sh --before $before",
  "settings": {"KAFKA_SESSION_TIMEOUT_MS": "${KAFKA_SESSION_TIMEOUT_MS:-default}", "KAFKA_HEARTBEAT_INTERVAL_MS": "${KAFKA_HEARTBEAT_INTERVAL_MS:-default}"},
  "acceptedBeforeKill": ${#ids[@]},
  "readyAfterKillMillis": $readiness,
  "probeIndexedAfterReadyMillis": $resume,
  "allEarlierIndexedAfterReadyMillis": $catchup,
  "targetResumeWithinMillisOfReadiness": 20000,
  "targetMet": $([ "$resume" -le 20000 ] && [ "$audit" -eq 0 ] && echo true || echo false),
  "auditExitCode": $audit,
  "machine": {"cores": $(nproc), "loadAverageAtEnd": $(cut -d' ' -f1 /proc/loadavg), "gitCommit": "$(git -C "$repo" rev-parse HEAD)", "gitDirty": $([ -z "$(git -C "$repo" status --porcelain -- . ':!bench/results')" ] && echo false || echo true)}
}
JSON
)
if [ -n "$out" ]; then
  mkdir -p "$(dirname "$repo/$out")" 2>/dev/null || true
  case "$out" in /*) echo "$json" >"$out" ;; *) echo "$json" >"$repo/$out" ;; esac
fi
echo "$json"
[ "$audit" -eq 0 ]
