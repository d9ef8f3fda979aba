# Sourced by the QEMU harnesses (run-display-tests.sh, Deploy/appliance/run.sh): fetches Debian's
# kernel once and extracts it, never installs it.
#   kernel_fetch CACHE   sets kver, kroot (the extracted package, modules depmod'ed), vmlinuz
# The version is the one apt offers for linux-image-amd64, else whatever CACHE already holds.
kernel_fetch() {
    local cache=$1 package deb
    mkdir -p "$cache"
    kernel_package() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }' || true; }
    package=$(kernel_package)
    if [[ -z "$package" ]] && ! ls "$cache"/linux-image-*-amd64_*.deb >/dev/null 2>&1; then
        # A machine whose package lists were cleaned (container images): fetch them once.
        local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
        $sudo apt-get update -qq >&2 || true
        package=$(kernel_package)
    fi
    if [[ -n "$package" ]] && ! ls "$cache/${package}_"*.deb >/dev/null 2>&1; then
        echo "kernel: downloading $package (once)" >&2
        (cd "$cache" && apt-get download "$package" >&2)
    fi
    deb=$(ls -t "$cache"/linux-image-*-amd64_*.deb 2>/dev/null | grep -v -- '-dbg' | head -1 || true)
    [[ -n "$deb" ]] || { echo "kernel: no kernel package: apt-get download linux-image-amd64's dependency failed" >&2; return 2; }
    kver=$(basename "$deb" | sed -E 's/^linux-image-([^_]+)_.*/\1/')
    kroot=$cache/kernel-$kver
    if [[ ! -e "$kroot/.extracted" ]]; then
        rm -rf "$kroot"
        dpkg-deb -x "$deb" "$kroot"
        depmod -b "$kroot" "$kver"
        touch "$kroot/.extracted"
    fi
    vmlinuz=$kroot/boot/vmlinuz-$kver
}

# kernel_modules_closure MODULE...: the .ko files (absolute, under $kroot) the modules need, in load order.
kernel_modules_closure() {
    local m
    for m in "$@"; do
        modprobe -d "$kroot" -S "$kver" --show-depends "$m" | awk '$1 == "insmod" { print $2 }'
    done | awk '!seen[$0]++'
}
