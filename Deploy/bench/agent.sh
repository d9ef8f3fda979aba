#!/usr/bin/env bash
# The agent at rest, 60 s on the simulated floor: start → first frame, CPU to start and in steady
# state, RSS and PSS. The measurement is the agent engineer's `wallboard-bench agent`; this builds
# what it needs (the release agent beside the benchmark) and runs it.
#   Deploy/bench/agent.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
# Release builds do not search the source tree for fonts (FontLocator): name it.
export WALLBOARD_FONT_DIR="${WALLBOARD_FONT_DIR:-$PWD/Fonts}"
swift build -c release --product wallboard >&2
swift build -c release --product wallboard-bench >&2
WALLBOARD_BENCH_SECONDS="${1:-60}" "$(swift build -c release --show-bin-path)/wallboard-bench" agent
