#!/usr/bin/env bash
# Builds Wallboard and installs it as a service on this machine (Debian 12 / Raspberry Pi OS 64-bit).
#   sudo Deploy/install.sh                   build (release, static Swift runtime) and install
#   sudo Deploy/install.sh --no-build        install what .build/release already holds
#   DESTDIR=/tmp/root Deploy/install.sh      stage into a directory (used by build-deb.sh): no users,
#                                            no systemctl
# Installs: /usr/bin/wallboard, /usr/bin/wallboardctl, /usr/bin/wallboard-publish,
#   /usr/share/wallboard/fonts/*, /lib/systemd/system/wallboard.service,
#   /etc/wallboard/wallboard.conf (kept if it exists), /usr/share/doc/wallboard/README.md.
# Creates: system user and group `wallboard` (user in `video`). Add supervisors with
#   sudo adduser alice wallboard
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[[ "${1:-}" == "--no-build" ]] && build=0
destdir="${DESTDIR:-}"

if [[ $build -eq 1 ]]; then
    Deploy/install-build-deps.sh
    # Static Swift runtime: the board needs no Swift toolchain, only glibc, libdrm and FreeType.
    for tool in wallboard wallboardctl wallboard-publish; do
        swift build -c release --static-swift-stdlib --product "$tool"
    done
fi
bin="$(swift build -c release --show-bin-path)"

if [[ -z "$destdir" && $(id -u) -ne 0 ]]; then
    echo "install.sh: run as root (sudo Deploy/install.sh), or set DESTDIR to stage" >&2
    exit 1
fi

install -d "$destdir/usr/bin" "$destdir/usr/share/wallboard/fonts" "$destdir/lib/systemd/system" \
    "$destdir/usr/share/doc/wallboard"
for tool in wallboard wallboardctl wallboard-publish; do
    install -s -m 0755 "$bin/$tool" "$destdir/usr/bin/$tool"  # stripped: the symbols are most of a Swift binary
done
install -m 0644 Fonts/*.otf Fonts/LICENSE* "$destdir/usr/share/wallboard/fonts/"
install -m 0644 Deploy/wallboard.service "$destdir/lib/systemd/system/wallboard.service"
install -m 0644 README.md "$destdir/usr/share/doc/wallboard/README.md"
# The config directory is group-writable by `wallboard` (setgid, so new files stay in the group):
# `wallboardctl threshold set` writes the file back through a temporary file and a rename.
install -d -m 2775 "$destdir/etc/wallboard"
if [[ ! -e "$destdir/etc/wallboard/wallboard.conf" ]]; then
    install -m 0664 Deploy/wallboard.conf "$destdir/etc/wallboard/wallboard.conf"
else
    echo "install.sh: keeping the existing /etc/wallboard/wallboard.conf" >&2
fi

[[ -n "$destdir" ]] && exit 0

getent group wallboard >/dev/null || groupadd --system wallboard
getent passwd wallboard >/dev/null ||
    useradd --system --gid wallboard --groups video --home-dir /nonexistent --no-create-home \
        --shell /usr/sbin/nologin --comment "Wallboard agent" wallboard
usermod -a -G video wallboard
chgrp wallboard /etc/wallboard /etc/wallboard/wallboard.conf
if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl enable wallboard.service
    systemctl restart wallboard.service
    echo "wallboard: installed and started; 'systemctl status wallboard', 'wallboardctl status'"
else
    echo "wallboard: installed (systemd not running here: start /usr/bin/wallboard by hand)"
fi
