#!/usr/bin/env bash
# The idle cost of the whole run (embedded broker, ingest, enrich, sink in one process), measured.
#   1. `bin/newsflow run` in a fresh work directory, nothing posted;
#   2. --after seconds after readiness (JIT and start-up work settle), the CPU time of every thread of the JVM is
#      read from /proc at the start and the end of a --window of seconds;
#   3. the total in cores, and per thread name (digits folded to #) in ms of CPU per second, busiest first.
# Writes one JSON document (settings, figures, machine, commit) to --out, and prints the table.
# Usage: bench/idle.sh [--after S] [--window S] [--out FILE]   (environment, e.g. KAFKA_POLL_MS, is passed on)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
after=240
window=60
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --after) after="$2"; shift 2 ;;
    --window) window="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "idle: unknown option $1 (--after S, --window S, --out FILE)" >&2; exit 2 ;;
  esac
done

if [ -n "$out" ]; then out="$(realpath -m "$out")"; fi
work="$(mktemp -d /tmp/newsflow-idle.XXXXXX)"
cd "$work"
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "idle: $*" >&2; }

"$repo/bin/newsflow" run >>"$work/run.log" 2>&1 &
pid=$!
deadline=$(($(date +%s) + 180))
until "$repo/bin/newsflow" health --timeout 2 >/dev/null 2>&1; do
  if [ "$(date +%s)" -gt "$deadline" ] || ! kill -0 "$pid" 2>/dev/null; then
    tail -20 "$work/run.log" >&2
    log "FAIL: not ready"
    exit 1
  fi
  sleep 0.5
done
log "ready; waiting ${after} s, then measuring ${window} s with nothing posted"
sleep "$after"

# one line per thread: name (digits folded), utime + stime in clock ticks
threads() {
  for t in /proc/"$pid"/task/*; do
    local name stat
    name="$(cat "$t/comm" 2>/dev/null)" || continue
    stat="$(cat "$t/stat" 2>/dev/null)" || continue
    # fields after the ")" that closes the thread name: state is 3rd, utime 14th, stime 15th
    stat="${stat##*) }"
    set -- $stat
    printf '%s\t%s\n' "$(printf '%s' "$name" | tr '0-9' '#' | tr -s '#' | tr '\t ' '__')" "$((${12} + ${13}))"
  done
}
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
threads >"$work/t0"
sleep "$window"
threads >"$work/t1"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
count="$(ls /proc/"$pid"/task | wc -l)"

python3 - "$work/t0" "$work/t1" "$window" "$(getconf CLK_TCK)" "$count" "$out" "$after" "$load_before" \
  "$load_after" "$(git -C "$repo" rev-parse --short HEAD)" "$(nproc)" <<'PY'
import collections, json, os, sys
t0, t1, window, hz, count, out, after, load0, load1, commit, cores = sys.argv[1:]
window, hz = float(window), float(hz)
def read(path):
    ticks = collections.Counter()
    for line in open(path):
        name, t = line.rstrip("\n").split("\t")
        ticks[name] += int(t)
    return ticks
a, b = read(t0), read(t1)
per = {n: (b[n] - a.get(n, 0)) / hz / window * 1000 for n in b}   # ms of CPU per second
total = sum(v for v in per.values() if v > 0) / 1000
busiest = sorted(((n, v) for n, v in per.items() if v > 0), key=lambda x: -x[1])
settings = {k: v for k, v in os.environ.items() if k.startswith(("KAFKA_", "NEWSFLOW_"))}
doc = {"command": "bench/idle.sh --after %s --window %d" % (after, window), "commit": commit,
       "machine": {"cores": int(cores), "load_average_before": load0, "load_average_after": load1},
       "settings": settings, "threads": int(count), "idle_cores": round(total, 4),
       "ms_cpu_per_s_by_thread": {n: round(v, 2) for n, v in busiest}}
print("total %.2f CPU-s over %d s = %.3f cores; threads %s; load %s -> %s"
      % (total * window, window, total, count, load0, load1))
for n, v in busiest[:20]:
    print("  %6.1f ms/s  %s" % (v, n))
if out:
    with open(out, "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")
PY
