#!/usr/bin/env bash
# Builds a Debian package of Wallboard for this host's architecture (amd64 or arm64), with the
# systemd unit, the example config and the fonts:
#   Deploy/build-deb.sh            → .build/deb/wallboard_VERSION_ARCH.deb
# Build on the architecture you ship to (a Raspberry Pi for arm64): Swift cross-compiling needs an SDK.
# Install on the board with: sudo apt install ./wallboard_VERSION_ARCH.deb
set -euo pipefail
cd "$(dirname "$0")/.."

arch="$(dpkg --print-architecture)"
case "$arch" in
amd64 | arm64) ;;
*) echo "build-deb.sh: unsupported architecture $arch (amd64 or arm64)" >&2; exit 1 ;;
esac
version="$(sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/WallboardCore/Support/WallboardVersion.swift | head -1)"
[[ -n "$version" ]] || { echo "build-deb.sh: cannot read the version" >&2; exit 1; }

stage=".build/deb/wallboard_${version}_${arch}"
rm -rf "$stage"
mkdir -p "$stage/DEBIAN"
DESTDIR="$PWD/$stage" Deploy/install.sh

installed_kb=$(du -sk "$stage" | cut -f1)
cat >"$stage/DEBIAN/control" <<CONTROL
Package: wallboard
Version: $version
Architecture: $arch
Maintainer: Wallboard maintainers <wallboard@localhost>
Section: misc
Priority: optional
Installed-Size: $installed_kb
Depends: libc6, libstdc++6, libgcc-s1, libdrm2, libfreetype6, adduser
Description: police control-room call-floor wallboard
 Draws calls waiting, longest wait, service level, abandonment and staff per queue
 straight to the screen (DRM/KMS or fbdev) from a UDP multicast feed, with alarms that
 say why a tile is red. wallboardctl steers it over SSH.
CONTROL
echo "/etc/wallboard/wallboard.conf" >"$stage/DEBIAN/conffiles"
cat >"$stage/DEBIAN/postinst" <<'POSTINST'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
    getent group wallboard >/dev/null || addgroup --system wallboard
    getent passwd wallboard >/dev/null ||
        adduser --system --ingroup wallboard --no-create-home --home /nonexistent \
            --shell /usr/sbin/nologin --gecos "Wallboard agent" wallboard
    adduser wallboard video >/dev/null
    chgrp wallboard /etc/wallboard /etc/wallboard/wallboard.conf
    chmod 2775 /etc/wallboard
    chmod 0664 /etc/wallboard/wallboard.conf
    if [ -d /run/systemd/system ]; then
        systemctl daemon-reload
        systemctl enable wallboard.service >/dev/null
        systemctl restart wallboard.service || true
    fi
fi
POSTINST
cat >"$stage/DEBIAN/prerm" <<'PRERM'
#!/bin/sh
set -e
if [ -d /run/systemd/system ] && [ "$1" = remove ]; then
    systemctl disable --now wallboard.service || true
fi
PRERM
chmod 0755 "$stage/DEBIAN/postinst" "$stage/DEBIAN/prerm"
dpkg-deb --root-owner-group --build "$stage" ".build/deb/" >/dev/null
echo ".build/deb/wallboard_${version}_${arch}.deb"
