#!/usr/bin/env bash
# The appliance test: the real .deb, installed the way the README says into a Debian 12 root file
# system, booted under QEMU (TCG) with systemd, checked from inside the guest (check.sh) and on the
# real scanout (QEMU monitor screendump).
#
#   sudo Deploy/appliance/run.sh               build the .deb, run everything
#   WALLBOARD_DEB=path.deb ...                 use an already built package
#   WALLBOARD_DISPLAYTEST=/path/to/probe ...   the pixel checker (wallboard-displaytest; built if unset)
#
# Needs root (debootstrap, chroot) and Deploy/install-build-deps.sh --test. Network: only the Debian
# mirror named in this machine's apt sources (read at run time), for debootstrap on a cold cache;
# the guest's NIC is QEMU's restricted user network (no way out).
# Caches: the debootstrapped base root (Deploy/appliance/debian-root.sh, shared with the playbook
# test) in the git-ignored Deploy/appliance/work/cache; the kernel is shared with the display
# harness (Deploy/qemu/work/cache).
# Prints one "PASS"/"FAIL" line per check and "appliance: N passed, M failed" last; exit 1 on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WALLBOARD_APPLIANCE_WORK:-$here/work}
harness=appliance
. "$root/Deploy/qemu/harness.sh"

[[ $(id -u) -eq 0 ]] || { say "needs root (debootstrap and chroot)"; exit 2; }
need_tools debootstrap mke2fs qemu-system-x86_64 socat busybox cpio depmod dpkg-buildpackage lintian

# 1. The Debian 12 base root (Deploy/appliance/debian-root.sh: debootstrapped once, shared with the
#    playbook test) — in the background, while the package builds.
debian_root() { "$here/debian-root.sh" >"$run/base-root.path" 2>"$run/base-root.log"; }
debian_root &
bootstrap_pid=$!

# 2. The package, built as the README says.
arch=$(dpkg --print-architecture)
deb=${WALLBOARD_DEB:-}
if [[ -z "$deb" ]]; then
    deb=$("$root/Deploy/build-deb.sh" | tail -1)
fi
[[ -f "$deb" ]] || { say "no package at $deb"; exit 2; }
say "package $deb ($(elapsed))"
find_probe

# 3. The README's install steps, read from the README itself so the two cannot drift.
install_step=$(grep -m1 '^sudo apt install ./' "$root/README.md" | sed 's/ *#.*//; s/^sudo //')
supervisor_step=$(grep -m1 '^sudo adduser alice wallboard' "$root/README.md" | sed 's/ *#.*//; s/^sudo //')
[[ -n "$install_step" && -n "$supervisor_step" ]] || { say "README has no 'sudo apt install ./…' or 'sudo adduser alice wallboard' step"; exit 2; }
readme_deb=${install_step#apt install ./}
# The README builds on a Pi; this machine is $arch.
readme_deb=${readme_deb/_arm64.deb/_$arch.deb}
install_step=${install_step/_arm64.deb/_$arch.deb}
[[ "$(basename "$readme_deb")" == "$(basename "$deb")" ]] ||
    { fail "README installs $(basename "$readme_deb") but the build made $(basename "$deb")"; }

wait "$bootstrap_pid" || { cat "$run/base-root.log"; say "no base root file system"; exit 2; }
base=$(cat "$run/base-root.path")
say "base root file system ready ($(elapsed))"

# 4. The image: install the package offline (dpkg in a chroot, as an image builder does).
rootfs=$work/rootfs
rm -rf "$rootfs"
mkdir -p "$rootfs"
tar -C "$rootfs" -xf "$base"
mount -t proc proc "$rootfs/proc"
trap 'umount "$rootfs/proc" 2>/dev/null || true' EXIT
mkdir -p "$rootfs/root/$(dirname "$readme_deb")"
cp "$deb" "$rootfs/root/$readme_deb"
chroot "$rootfs" sh -c "cd /root && DEBIAN_FRONTEND=noninteractive $install_step -y" >"$run/install.log" 2>&1 ||
    { cat "$run/install.log"; fail "the README's install step failed in the image"; }
chroot "$rootfs" useradd --create-home --shell /bin/sh alice
chroot "$rootfs" useradd --create-home --shell /bin/sh bob
chroot "$rootfs" $supervisor_step >/dev/null
umount "$rootfs/proc"
trap - EXIT
# What the test adds around the package: a name, a machine id, the NIC's address, the checks.
echo appliance >"$rootfs/etc/hostname"
systemd-machine-id-setup --root="$rootfs" >/dev/null 2>&1 || echo 0123456789abcdef0123456789abcdef >"$rootfs/etc/machine-id"
mkdir -p "$rootfs/etc/systemd/network"
printf '[Match]\nName=en*\n\n[Network]\nAddress=10.0.2.15/24\nGateway=10.0.2.2\n' >"$rootfs/etc/systemd/network/10-lan.network"
chroot "$rootfs" systemctl enable systemd-networkd.service systemd-networkd-wait-online.service >/dev/null 2>&1
install -m 0755 "$here/check.sh" "$rootfs/usr/local/sbin/appliance-check"
install -m 0644 "$here/check-sound.sh" "$rootfs/usr/local/sbin/appliance-check-sound"
# The audible alarm's sound card: ALSA's loopback, loaded at boot as a board's audio driver is.
mkdir -p "$rootfs/etc/modules-load.d"
echo snd-aloop >"$rootfs/etc/modules-load.d/appliance-sound.conf"
install -m 0644 "$here/appliance-check.service" "$rootfs/etc/systemd/system/appliance-check.service"
chroot "$rootfs" systemctl enable appliance-check.service >/dev/null 2>&1

# The kernel (shared with the display harness) and the modules this machine needs: disk, ext4,
# the NIC, the two GPUs. udev loads them from the root file system.
. "$root/Deploy/qemu/kernel.sh"
kernel_fetch "$root/Deploy/qemu/work/cache" || exit 2
moddir=/lib/modules/$kver
mkdir -p "$rootfs$moddir"
cp "$kroot$moddir"/modules.order "$kroot$moddir"/modules.builtin* "$rootfs$moddir/"
for ko in $(kernel_modules_closure virtio_pci virtio_blk crc32c_generic ext4 virtio_net bochs virtio-gpu snd-aloop); do
    rel=${ko#"$kroot"}
    mkdir -p "$rootfs$(dirname "$rel")"
    cp "$ko" "$rootfs$rel"
done
depmod -b "$rootfs" "$kver"

# A small initramfs: busybox, and what it takes to mount the root disk.
tree=$work/initramfs
rm -rf "$tree"
mkdir -p "$tree"/{bin,proc,sys,dev,newroot}
cp "$(command -v busybox)" "$tree/bin/busybox"
for applet in sh mount umount insmod sleep mkdir switch_root poweroff echo; do ln -sf busybox "$tree/bin/$applet"; done
: >"$tree/modules.list"
for ko in $(kernel_modules_closure virtio_pci virtio_blk crc32c_generic ext4); do
    rel=${ko#"$kroot"}
    mkdir -p "$tree$(dirname "$rel")"
    cp "$ko" "$tree$rel"
    echo "$rel" >>"$tree/modules.list"
done
install -m 0755 "$here/init.sh" "$tree/init"
(cd "$tree" && find . | cpio -o -H newc --quiet) >"$work/initrd.cpio"

disk=$work/disk.img
rm -f "$disk"
size_mb=$(( $(du -sm "$rootfs" | cut -f1) + 400 ))
mke2fs -q -t ext4 -L root -d "$rootfs" "$disk" "${size_mb}M"
say "image ${size_mb} MB, kernel $kver ($(elapsed))"

# 5. Boot it. The guest's checks print to ttyS0 (serial.log); it asks for screendumps there and
#    reads the answer on ttyS1.
rm -f "$run"/*.sock "$run"/serial.log "$run"/*.ppm
boot_started=$(date +%s)
qemu-system-x86_64 -accel tcg -cpu max -m 1024 -smp 2 -kernel "$vmlinuz" -initrd "$work/initrd.cpio" \
    -append "console=ttyS0 root=/dev/vda rw quiet panic=-1 systemd.show_status=0 systemd.mask=serial-getty@ttyS0.service" \
    -drive "file=$disk,format=raw,if=virtio" -vga std -nic user,model=virtio-net-pci,restrict=on \
    -display none -no-reboot -serial "file:$run/serial.log" -serial "unix:$run/ctl.sock,server=on,wait=off" \
    -monitor "unix:$run/mon.sock,server=on,wait=off" >"$run/qemu.log" 2>&1 &
qemu_pid=$!
trap 'kill "$qemu_pid" 2>/dev/null || true' EXIT
guest_connect "$run/ctl.sock"

red_tile=3A1407   # Palette.redTile
hazard=F0E442     # Palette.hazard
spec() {  # the pixels each screendump must show
    case $1 in
    breach | restarted) echo "$red_tile>=0.03" ;;
    console) echo "$red_tile<0.005 $hazard<0.005" ;;
    esac
}
shot() {  # shot NAME: screendump of the real scanout, checked until it passes (up to 20 s)
    local name=$1 deadline=$(( $(date +%s) + 20 ))
    while :; do
        screendump "$run/$name.ppm"
        # shellcheck disable=SC2046
        if "$probe" check "$run/$name.ppm" $(spec "$name") >/dev/null 2>&1; then
            pass "scanout ($name): $(spec "$name")"; cp "$run/$name.ppm" "$work/"; guest_send PASS; return
        fi
        if (( $(date +%s) > deadline )); then
            fail "scanout ($name): $(spec "$name")"; "$probe" check "$run/$name.ppm" $(spec "$name") || true
            cp "$run/$name.ppm" "$work/" 2>/dev/null || true; guest_send FAIL; return
        fi
        sleep 1
    done
}

answered=0
deadline=$(( $(date +%s) + ${WALLBOARD_APPLIANCE_TIMEOUT:-900} ))
while :; do
    if grep -q "APPLIANCE checks done" "$run/serial.log" 2>/dev/null; then break; fi
    if ! kill -0 "$qemu_pid" 2>/dev/null; then fail "the guest stopped before its checks were done"; break; fi
    if (( $(date +%s) > deadline )); then fail "the guest's checks did not finish in time"; break; fi
    mapfile -t shots < <(tr -d '\r' <"$run/serial.log" 2>/dev/null | grep -a "^APPLIANCE shot [a-z]*$" || true)
    if (( ${#shots[@]} > answered )); then
        shot "${shots[$answered]#APPLIANCE shot }"
        answered=$((answered + 1))
    fi
    sleep 0.5
done
say "boot and checks: $(( $(date +%s) - boot_started )) s"
for _ in $(seq 1 60); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 0.5; done
kill "$qemu_pid" 2>/dev/null || true
wait "$qemu_pid" 2>/dev/null || true
guest_disconnect
cp "$run/serial.log" "$work/serial.log"

# The guest's own verdicts.
while read -r line; do
    case $line in
    "APPLIANCE PASS "*) pass "${line#APPLIANCE PASS }" ;;
    "APPLIANCE FAIL "*) fail "${line#APPLIANCE FAIL }" ;;
    "    "*) echo "$line" ;;
    esac
done < <(grep -a "^APPLIANCE \(PASS\|FAIL\)\|^    " "$run/serial.log" | tr -d '\r')
grep -q "APPLIANCE checks start" "$run/serial.log" || { fail "the checks never started"; tail -40 "$run/serial.log"; }
harness_summary
