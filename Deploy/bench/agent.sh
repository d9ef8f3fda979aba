#!/usr/bin/env bash
# The agent at rest: `wallboard --simulate` (the built-in UK police floor, 1 update/s) drawing to PNG
# at 1920×1080 for DURATION seconds (default 60), measured from outside through /proc:
#   - start to first frame (until the first PNG appears),
#   - CPU seconds to start (at the first frame) and in steady state (% of one core afterwards),
#   - RSS and PSS at the end (/proc/PID/smaps_rollup).
#   Deploy/bench/agent.sh [DURATION]
# CPU is read from /proc/PID/task/*/schedstat (nanoseconds on CPU, all threads).
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-60}
swift build -c release --product wallboard >&2
agent="$(swift build -c release --show-bin-path)/wallboard"
dir=$(mktemp -d /tmp/wallboard-bench.XXXXXX)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT

cpu_ns() { cat /proc/"$1"/task/*/schedstat 2>/dev/null | awk '{s += $1} END {print s + 0}'; }
now_ns() { date +%s%N; }

start=$(now_ns)
"$agent" --simulate --display png --png "$dir/board.png" --socket "$dir/control" 2>"$dir/stderr" &
pid=$!
while [ ! -s "$dir/board.png" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "agent.sh: agent exited:" >&2; cat "$dir/stderr" >&2; exit 1; }
    sleep 0.002
done
first=$(now_ns)
startup_cpu=$(cpu_ns "$pid")
sleep "$duration"
steady_cpu=$(( $(cpu_ns "$pid") - startup_cpu ))
rss=$(awk '/^Rss:/ {print $2}' /proc/"$pid"/smaps_rollup)
pss=$(awk '/^Pss:/ {print $2}' /proc/"$pid"/smaps_rollup)
threads=$(ls /proc/"$pid"/task | wc -l)

awk -v s="$start" -v f="$first" -v c="$startup_cpu" -v st="$steady_cpu" -v d="$duration" \
    -v rss="$rss" -v pss="$pss" -v t="$threads" 'BEGIN {
    printf "agent: start to first frame: %.0f ms\n", (f - s) / 1e6
    printf "agent: CPU to start (to the first frame): %.3f CPU-s\n", c / 1e9
    printf "agent: steady CPU over %d s: %.3f CPU-s = %.3f%% of one core\n", d, st / 1e9, st / 1e9 / d * 100
    printf "agent: memory after %d s: RSS %.1f MB, PSS %.1f MB (1 process, %d threads)\n", d, rss / 1024, pss / 1024, t
}'
