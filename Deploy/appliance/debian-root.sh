#!/usr/bin/env bash
# The Debian 12 (bookworm) base root file system the root-needing tests start from — the appliance
# image (Deploy/appliance/run.sh) and the playbook test's boards (EndToEndTests/AnsiblePlaybookTests):
# debootstrapped ONCE from the mirror in this machine's apt sources, cached as a tar in the
# git-ignored Deploy/appliance/work/cache; prints the tar's path. Each user extracts its own copy.
#   Deploy/appliance/debian-root.sh
# The packages: what a board already has and the tests rely on — systemd, udev and kmod to boot it,
# iproute2 and procps for the guest's checks, python3 and python3-apt for Ansible's modules (as on
# Raspberry Pi OS), binutils for install.sh's strip (InstallScriptTests),
# prometheus-node-exporter (a board that is scraped: the agent's default metrics directory) — and the .deb's
# dependencies and its Recommends (alsa-utils: aplay for the alarm tone, arecord for check-sound.sh),
# so installing the package needs no network.
# Concurrent callers wait for one debootstrap (flock). Needs root.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"
cache=${WALLBOARD_APPLIANCE_WORK:-$(cd "$(dirname "$0")" && pwd)/work}/cache
include=systemd,systemd-sysv,udev,kmod,iproute2,procps,python3,python3-apt,binutils,prometheus-node-exporter,fonts-b612,fonts-dejavu-core,libdrm2,libfreetype6,adduser,alsa-utils
base=$cache/debian12-$(echo "$include" | md5sum | cut -c1-10).tar
mkdir -p "$cache"
exec 9>"$cache/debian-root.lock"
flock 9
if [[ -f "$base" ]]; then echo "$base"; exit 0; fi

mirror() {  # the first URI serving bookworm in the apt sources (deb822 .sources or one-line .list)
    { cat /etc/apt/sources.list.d/*.sources 2>/dev/null; echo; } | awk '
        /^URIs:/ { uri = $2 } /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm") found = uri }
        /^$/ { if (found != "") { print found; exit } uri = "" }' || true
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true; } |
        awk '$1 == "deb" && $3 == "bookworm" { print $2; exit }' || true
}
url=$(mirror | head -1 || true)
[[ -n "$url" ]] || { echo "debian-root.sh: no bookworm mirror in /etc/apt/sources*" >&2; exit 1; }
echo "debian-root.sh: debootstrap bookworm (minbase + $include), once" >&2
tree=$cache/bootstrap
rm -rf "$tree"
debootstrap --variant=minbase --include="$include" bookworm "$tree" "$url" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log" >&2; echo "debian-root.sh: debootstrap failed" >&2; exit 1; }
rm -rf "$tree/var/cache/apt/archives/"*.deb
tar -C "$tree" -cf "$base.tmp" . && mv "$base.tmp" "$base"
rm -rf "$tree"
# Roots of an older package list: never used again.
find "$cache" -maxdepth 1 -name 'debian12-*.tar' ! -path "$base" -delete
echo "$base"
