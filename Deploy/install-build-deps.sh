#!/usr/bin/env bash
# Installs the C libraries Wallboard builds against (libdrm, FreeType) when they are missing.
# Debian 12 / Ubuntu / Raspberry Pi OS. Uses sudo when not run as root. Safe to run again.
#   Deploy/install-build-deps.sh          build dependencies
#   Deploy/install-build-deps.sh --package   also what Deploy/build-deb.sh needs (debhelper, lintian)
#   Deploy/install-build-deps.sh --test   also what the test suite needs (QEMU display tests; promtool,
#                                         node_exporter and ansible-playbook for the fleet tests; the
#                                         appliance test: the .deb in a debootstrapped Debian under QEMU;
#                                         the network tests: iproute2 for namespaces and bridges, tcpdump
#                                         to capture IGMP, smcroute for the multicast router; python3's
#                                         zlib and pngcheck to check our deflate and PNGs; alsa-utils
#                                         for the audible alarm's aplay/arecord)
set -euo pipefail

want=(pkg-config libdrm-dev libfreetype-dev)
package=(debhelper lintian dpkg-dev)
case "${1:-}" in
--package) want+=("${package[@]}") ;;
--test)
    want+=(qemu-system-x86 busybox-static cpio socat kmod)
    # Fallback fonts for text B612 lacks (Greek, Cyrillic, CJK, emoji): the .deb depends on the same.
    want+=(fonts-dejavu-core fonts-droid-fallback fonts-symbola)
    # Fleet: promtool (prometheus), a real scrape (prometheus-node-exporter), the playbook run
    # against a debootstrapped Debian root (ansible, debootstrap).
    want+=(prometheus prometheus-node-exporter ansible debootstrap)
    # Appliance: build the .deb, debootstrap Debian 12, an ext4 image made with mke2fs -d.
    want+=("${package[@]}" e2fsprogs)
    # Network: namespaces, veth and bridges (iproute2), sysctl inside them (procps), IGMP capture
    # (tcpdump), a multicast router (smcroute; its own service is kept from starting by the
    # policy-rc.d below).
    want+=(iproute2 procps tcpdump smcroute)
    # Decoders nobody here wrote, for our deflate and PNG writer: zlib (built into python3) and pngcheck.
    want+=(python3-minimal pngcheck)
    # The README's send --format json example shapes a REST answer with jq: the test runs it as written.
    want+=(jq)
    # The audible alarm: the agent plays through aplay; the tests capture it (aplay into ALSA's file
    # plugin on the host, arecord from snd-aloop in the appliance guest).
    want+=(alsa-utils)
    ;;
esac

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
# The tests start their own node_exporter on a free loopback port: the packages' services
# (node_exporter on :9100, prometheus on :9090) must not start on install. policy-rc.d is Debian's
# switch for that (honoured by invoke-rc.d and deb-systemd-invoke); one already there is kept.
policy=/usr/sbin/policy-rc.d
if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# wallboard: install-build-deps.sh, no service starts during the install\nexit 101\n' | $sudo tee $policy >/dev/null
    $sudo chmod 755 $policy
    trap '$sudo rm -f $policy' EXIT
fi
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
