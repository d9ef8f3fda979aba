#!/usr/bin/env bash
# Soak: 24 simulated hours of the UK police floor (signed feed → intake → board → scene → paint at
# 1920×1080 every simulated second) at full speed, RSS sampled every simulated hour.
#   Deploy/bench/soak.sh [HOURS]      default 24
# Fails (exit 1) if RSS grew by more than 1 MB after the first hour.
set -euo pipefail
cd "$(dirname "$0")/../.."
# Release builds do not search the source tree for fonts (FontLocator): name it.
export WALLBOARD_FONT_DIR="${WALLBOARD_FONT_DIR:-$PWD/Fonts}"
swift build -c release --product wallboard-bench >&2
bench="$(swift build -c release --show-bin-path)/wallboard-bench"
out=$(WALLBOARD_SOAK_HOURS="${1:-24}" "$bench" soak)
echo "$out"
growth=$(sed -n 's/^soak: RSS growth after the first hour: \(-\{0,1\}[0-9]*\) kB/\1/p' <<<"$out")
[ -n "$growth" ] || { echo "soak.sh: no RSS figure" >&2; exit 1; }
if [ "$growth" -gt 1024 ]; then echo "soak.sh: RSS grew by $growth kB" >&2; exit 1; fi
