#!/usr/bin/env bash
# Every benchmark behind the README's summary table, one after the other (about 6 minutes):
#   Deploy/bench/all.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
# Release builds do not search the source tree for fonts (FontLocator): name it.
export WALLBOARD_FONT_DIR="${WALLBOARD_FONT_DIR:-$PWD/Fonts}"
swift build -c release --product wallboard >&2
swift build -c release --product wallboard-bench >&2
bench="$(swift build -c release --show-bin-path)/wallboard-bench"
echo "# $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%F)"
for name in $("$bench" --help | sed -n 's/.*one or more of: \(.*\))/\1/p' | tr -d ','); do
    case "$name" in update-callgrind|soak|agent|pi) continue ;; esac
    "$bench" "$name"
done
Deploy/bench/callgrind.sh
Deploy/bench/agent.sh 60
Deploy/bench/soak.sh 24
if [ "$(id -u)" = 0 ]; then Deploy/bench/pi.sh; else echo "pi: skipped (Deploy/bench/pi.sh needs root for its cgroup)"; fi
