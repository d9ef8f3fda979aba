#!/usr/bin/env bash
# The agent in a Raspberry Pi 3's budget (as root: a cgroup v1 of 10 % of one core and 256 MB):
# start → first frame, CPU per typical update, and frames and clock under 20,000 forged signed
# datagrams/s over loopback multicast. The measurement is `wallboard-bench pi`; this builds what it
# needs (the release agent beside the benchmark) and runs it.
#   Deploy/bench/pi.sh [CALM_SECONDS [FLOOD_SECONDS [FLOOD_RATE]]]     default 20 20 20000
set -euo pipefail
cd "$(dirname "$0")/../.."
# Release builds do not search the source tree for fonts (FontLocator): name it.
export WALLBOARD_FONT_DIR="${WALLBOARD_FONT_DIR:-$PWD/Fonts}"
[ "$(id -u)" = 0 ] || { echo "pi.sh: needs root (it creates a cgroup under /sys/fs/cgroup)" >&2; exit 2; }
swift build -c release --product wallboard >&2
swift build -c release --product wallboard-bench >&2
WALLBOARD_PI_SECONDS="${1:-20}" WALLBOARD_PI_FLOOD_SECONDS="${2:-20}" WALLBOARD_PI_FLOOD_RATE="${3:-20000}" \
    "$(swift build -c release --show-bin-path)/wallboard-bench" pi
