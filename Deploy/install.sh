#!/usr/bin/env bash
# Builds Wallboard and installs it as a service on this machine (Debian 12 / Raspberry Pi OS 64-bit).
#   sudo Deploy/install.sh                   build (release, static Swift runtime) and install
#   sudo Deploy/install.sh --no-build        install what .build/release already holds
#   DESTDIR=/tmp/root Deploy/install.sh      stage into a directory (the .deb's rules do): no users,
#                                            no packages, no systemctl
# Installs: /usr/bin/wallboard, /usr/bin/wallboardctl, /usr/bin/wallboard-publish,
#   /usr/share/wallboard/fonts (a link to Debian's fonts-b612), /lib/systemd/system/wallboard.service,
#   /etc/wallboard/wallboard.conf (kept if it exists), /usr/share/doc/wallboard/README.md.
# Creates: system user and group `wallboard` (user in `video` and `audio`); /etc/wallboard root:wallboard 2775 and
#   the config 0664, so the agent can save `wallboardctl threshold set` atomically. Enables the unit
#   (also in a chroot or image build), starts it when systemd runs. Add supervisors with
#   sudo adduser alice wallboard
# The .deb (Deploy/build-deb.sh) is the packaged way to do the same.
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
[[ "${1:-}" == "--no-build" ]] && build=0
destdir="${DESTDIR:-}"
# WALLBOARD_SCRATCH: SwiftPM's build directory (default .build). The package build uses its own, so
# it can run while another SwiftPM command holds .build (the appliance test runs inside `swift test`).
scratch_path=${WALLBOARD_SCRATCH:-.build}
scratch=(--scratch-path "$scratch_path")

if [[ $build -eq 1 ]]; then
    Deploy/install-build-deps.sh
    # Static Swift runtime: the board needs no Swift toolchain, only glibc, libdrm and FreeType.
    for tool in wallboard wallboardctl wallboard-publish; do
        swift build "${scratch[@]}" -c release --static-swift-stdlib --product "$tool"
    done
fi
# SwiftPM's own link to the release products: --no-build needs no Swift toolchain (an image
# builder's chroot, a board that only installs what was built elsewhere).
bin="$scratch_path/release"

if [[ -z "$destdir" && $(id -u) -ne 0 ]]; then
    echo "install.sh: run as root (sudo Deploy/install.sh), or set DESTDIR to stage" >&2
    exit 1
fi

install -d "$destdir/usr/bin" "$destdir/usr/share/wallboard" "$destdir/lib/systemd/system" \
    "$destdir/usr/share/doc/wallboard"
for tool in wallboard wallboardctl wallboard-publish; do
    install -s -m 0755 "$bin/$tool" "$destdir/usr/bin/$tool"  # stripped: the symbols are most of a Swift binary
done
# B612 comes from Debian (fonts-b612); the agent looks in /usr/share/wallboard/fonts.
ln -sfn ../fonts/opentype/b612 "$destdir/usr/share/wallboard/fonts"
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

# alsa-utils: aplay for the alarm tone (the .deb Recommends it).
runtime=(fonts-b612 fonts-dejavu-core libdrm2 libfreetype6 adduser alsa-utils)
missing=()
for pkg in "${runtime[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

# The user and the /etc/wallboard layout: the package's own postinst, so there is one place for them.
sh Deploy/debian/wallboard.postinst configure
# Enabling needs no running systemd (it only makes the wants link), so an image built offline boots the board.
systemctl enable wallboard.service
if [[ -d /run/systemd/system ]]; then
    systemctl daemon-reload
    systemctl restart wallboard.service
    echo "wallboard: installed and started; 'systemctl status wallboard', 'wallboardctl status'"
else
    echo "wallboard: installed and enabled (systemd is not running here: it starts at the next boot)"
fi
