#!/usr/bin/env bash
# Builds the Debian package of Wallboard for this host's architecture (amd64 or arm64) with
# Debian's own tools — dpkg-buildpackage and debhelper's dh over Deploy/debian/ — and checks it
# with lintian:
#   Deploy/build-deb.sh            → .build/deb/wallboard_VERSION_ARCH.deb (its path is printed last)
# Build on the architecture you ship to (a Raspberry Pi for arm64): Swift cross-compiling needs an SDK.
# Install on the board with: sudo apt install ./wallboard_VERSION_ARCH.deb
# Needs a Swift toolchain on PATH and debhelper, lintian (Deploy/install-build-deps.sh --package).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

arch="$(dpkg --print-architecture)"
case "$arch" in
amd64 | arm64) ;;
*) echo "build-deb.sh: unsupported architecture $arch (amd64 or arm64)" >&2; exit 1 ;;
esac
Deploy/install-build-deps.sh --package
# One version: the program's; the Debian changelog must name the same one.
version="$(sed -n 's/.*string = "\(.*\)".*/\1/p' Sources/WallboardCore/Support/WallboardVersion.swift | head -1)"
changelog="$(dpkg-parsechangelog -l Deploy/debian/changelog -S Version)"
[[ "$version" == "$changelog" ]] || {
    echo "build-deb.sh: WallboardVersion.swift says $version, Deploy/debian/changelog says $changelog" >&2; exit 1; }

# dh works in ./debian of a source directory and writes its staging there: a copy, so the
# repository stays clean. The Swift build itself runs in the repository (debian/rules).
out="$root/.build/deb"
stage="$out/wallboard-$version"
rm -rf "$stage" "$out"/wallboard_"$version"_*
mkdir -p "$stage"
cp -a Deploy/debian "$stage/debian"
(cd "$stage" && WALLBOARD_ROOT="$root" dpkg-buildpackage -b -us -uc >"$out/build.log" 2>&1) || {
    tail -30 "$out/build.log" >&2; echo "build-deb.sh: dpkg-buildpackage failed (log: $out/build.log)" >&2; exit 1; }
deb="$out/wallboard_${version}_${arch}.deb"
[[ -f "$deb" ]] || { echo "build-deb.sh: no $deb" >&2; exit 1; }
# 0 errors and 0 warnings: what remains is overridden, with its reason, in debian/wallboard.lintian-overrides.
lintian --fail-on error,warning "$deb" >&2 || { echo "build-deb.sh: lintian is not clean" >&2; exit 1; }
echo "$deb"
