#!/usr/bin/env bash
# Instructions per typical update under callgrind: a figure that, unlike time, does not move with
# the machine's load. Counts only inside UpdateBenchmark.measuredUpdates (100 simulated seconds of
# the UK police floor: signed datagrams → intake → board → scene → paint of the damage, 1920×1080).
#   Deploy/bench/callgrind.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product wallboard-bench >&2
bench="$(swift build -c release --show-bin-path)/wallboard-bench"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measuredUpdates*' \
    --callgrind-out-file="$out/callgrind.out" "$bench" update-callgrind >"$out/stdout" 2>"$out/stderr"
cat "$out/stdout"
updates=$(sed -n 's/^update-callgrind: \([0-9]*\) updates.*/\1/p' "$out/stdout")
total=$(sed -n 's/^summary: *//p;s/^totals: *//p' "$out/callgrind.out" | head -1 | awk '{print $1}')
[ -n "$updates" ] && [ -n "$total" ] && [ "$total" -gt 0 ] || { echo "callgrind.sh: no measurement" >&2; cat "$out/stderr" >&2; exit 1; }
echo "callgrind: $total instructions in $updates updates = $((total / updates)) instructions per typical update"
# The top functions, for whoever optimises next.
callgrind_annotate "$out/callgrind.out" 2>/dev/null | sed -n '/^Ir/,$p' | head -14 | cut -c1-150
