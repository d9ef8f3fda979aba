#!/usr/bin/env bash
# Heap allocations per poll of the Asterisk bridge (8 queues, 60 members: parse + floor + Q/S/A
# records + signed encode), counted by valgrind: the process's total with 0 polls and with N, the
# difference divided by N, so start-up allocations are not counted.
#   Deploy/bench/asterisk-allocs.sh [N]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/../.."
polls="${1:-100}"
command -v valgrind >/dev/null || { echo "asterisk-allocs.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product wallboard-bench >&2
bench="$(swift build -c release --show-bin-path)/wallboard-bench"
allocs() {
    WALLBOARD_BENCH_POLLS="$1" valgrind --tool=memcheck "$bench" asterisk-allocs 2>&1 >/dev/null \
        | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d ,
}
base=$(allocs 0)
many=$(allocs "$polls")
[ -n "$base" ] && [ -n "$many" ] || { echo "asterisk-allocs.sh: no measurement" >&2; exit 1; }
echo "asterisk-allocs: $((many - base)) allocations in $polls polls = $(((many - base) / polls)) per poll (8 queues, 60 members)"
