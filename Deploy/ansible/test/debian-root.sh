#!/usr/bin/env bash
# A minimal Debian 12 (bookworm) root file system for the playbook test, built once with
# debootstrap and cached in Deploy/ansible/work/ (git-ignored); prints its path.
#   Deploy/ansible/test/debian-root.sh
# It holds what a Raspberry Pi OS Lite board already has and the role relies on: python3 (Ansible
# runs its modules with it), python3-apt (the apt module), and the .deb's dependencies, so
# installing the package needs no network. The mirror is the one this machine's apt uses.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$PWD/work"
root="$work/bookworm-root"
include=python3,python3-apt,libdrm2,libfreetype6,adduser
if [[ -f "$root/.complete" && "$(cat "$root/.complete")" == "$include" ]]; then
    echo "$root"
    exit 0
fi

# The first Debian mirror in the apt sources (deb822 .sources or one-line .list), not the security one.
mirror="$(sed -n 's/^URIs:[[:space:]]*//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | tr ' ' '\n' | grep -v security | head -1 || true)"
if [[ -z "$mirror" ]]; then
    mirror="$(grep -hE '^deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
        grep -v security | awk '{ for (i = 2; i <= NF; i++) if ($i !~ /^\[/) { print $i; exit } }' || true)"
fi
[[ -n "$mirror" ]] || { echo "debian-root.sh: no Debian mirror in /etc/apt/sources.list*" >&2; exit 1; }

rm -rf "$root"
mkdir -p "$work"
echo "debian-root.sh: debootstrap bookworm (minbase + $include) into $root" >&2
debootstrap --variant=minbase --include="$include" bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
    tail -20 "$work/debootstrap.log" >&2; exit 1; }
# Services must not start inside the root (there is no init in a chroot), as in an image builder.
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
rm -rf "$root/var/cache/apt/archives/"*.deb
echo "$include" >"$root/.complete"
echo "$root"
