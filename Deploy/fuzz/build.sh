#!/usr/bin/env bash
# Builds one libFuzzer binary per target: the WallboardCore sources plus Deploy/fuzz/targets/NAME.swift
# compiled as one module with -sanitize=fuzzer,address (libclang_rt.fuzzer ships with the Swift
# toolchain). One module, no SwiftPM: the fuzz entry sees the internal types too, and the package's
# normal build is untouched.
#   Deploy/fuzz/build.sh [NAME...]      default: every target in Deploy/fuzz/targets
# Output: .build/fuzz/NAME (rebuilt only when a source is newer).
set -euo pipefail
cd "$(dirname "$0")/../.."

out=.build/fuzz
mkdir -p "$out"
mapfile -t core < <(find Sources/WallboardCore -name '*.swift' | sort)

if [ $# -eq 0 ]; then
    set -- $(cd Deploy/fuzz/targets && ls *.swift | sed 's/\.swift$//')
fi

for name in "$@"; do
    entry="Deploy/fuzz/targets/$name.swift"
    [ -f "$entry" ] || { echo "build.sh: no fuzz target $entry" >&2; exit 2; }
    binary="$out/$name"
    if [ -x "$binary" ] && [ -z "$(find "${core[@]}" "$entry" "$0" -newer "$binary" | head -1)" ]; then
        continue
    fi
    echo "building fuzz target $name" >&2
    # Compile a snapshot, so a checkout changing under a long build cannot break it.
    snapshot=$(mktemp -d)
    trap 'rm -rf "$snapshot"' EXIT
    cp --parents "${core[@]}" "$entry" "$snapshot/"
    # -O: the fuzzer's executions per second are what find bugs; ASan still checks every access.
    swiftc -O -use-ld=lld -sanitize=fuzzer,address -parse-as-library -swift-version 6 \
        -module-name "Fuzz_$name" -o "$binary.tmp" "${core[@]/#/$snapshot/}" "$snapshot/$entry"
    rm -rf "$snapshot"
    mv "$binary.tmp" "$binary"
done
