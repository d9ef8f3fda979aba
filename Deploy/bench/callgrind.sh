#!/usr/bin/env bash
# Instructions per typical update under callgrind: a figure that, unlike time, does not move with
# the machine's load, nor with when it is taken. Counts only inside UpdateBenchmark.measuredUpdates
# (100 simulated seconds of the UK police floor from a fixed 10:00:00: signed datagrams → intake →
# board → scene → paint of the damage, 1920×1080; the first, full frame is not counted).
#   Deploy/bench/callgrind.sh [--profile N]   N: how many of the top functions to list (default 14)
# Prints the instructions per update and per damaged pixel; exit 0 when it measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Release builds do not search the source tree for fonts (FontLocator): name it.
export WALLBOARD_FONT_DIR="${WALLBOARD_FONT_DIR:-$PWD/Fonts}"
top=14
if [ "${1:-}" = "--profile" ]; then top="${2:?--profile needs a number}"; fi
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2; exit 2; }
swift build -c release --product wallboard-bench >&2
bench="$(swift build -c release --show-bin-path)/wallboard-bench"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Swift seeds its hash functions per process: dictionaries would probe differently on every run.
SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*measuredUpdates*' \
    --callgrind-out-file="$out/callgrind.out" "$bench" update-callgrind >"$out/stdout" 2>"$out/stderr"
cat "$out/stdout"
updates=$(sed -n 's/^update-callgrind: \([0-9]*\) updates.*/\1/p' "$out/stdout")
pixels=$(sed -n 's/.* \([0-9]*\) damaged px in all.*/\1/p' "$out/stdout")
total=$(awk '/^(summary|totals):/ { print $2; exit }' "$out/callgrind.out")
[ -n "$updates" ] && [ -n "$pixels" ] && [ -n "$total" ] && [ "$total" -gt 0 ] && [ "$pixels" -gt 0 ] || {
    echo "callgrind.sh: no measurement" >&2; cat "$out/stderr" >&2; exit 1; }
echo "callgrind: $total instructions in $updates updates = $((total / updates)) instructions per typical update"
awk -v t="$total" -v p="$pixels" 'BEGIN { printf "callgrind: %d damaged px in all = %.1f instructions per damaged pixel\n", p, t / p }'
# The top functions, for whoever optimises next (awk reads to the end: no SIGPIPE under pipefail).
callgrind_annotate "$out/callgrind.out" 2>/dev/null | sed -n '/^Ir/,$p' | awk -v n="$((top + 4))" 'NR <= n' | cut -c1-150
