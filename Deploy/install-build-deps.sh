#!/usr/bin/env bash
# Installs the C libraries Wallboard builds against (libdrm, FreeType) when they are missing.
# Debian 12 / Ubuntu / Raspberry Pi OS. Uses sudo when not run as root. Safe to run again.
#   Deploy/install-build-deps.sh          build dependencies
#   Deploy/install-build-deps.sh --test   also what the test suite needs (QEMU display tests)
set -euo pipefail

want=(pkg-config libdrm-dev libfreetype-dev)
if [[ "${1:-}" == "--test" ]]; then
    want+=(qemu-system-x86 busybox-static cpio socat kmod)
fi

missing=()
for pkg in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ $(id -u) -ne 0 ]] && sudo="sudo"
echo "wallboard: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
