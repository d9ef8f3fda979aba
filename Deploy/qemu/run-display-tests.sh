#!/usr/bin/env bash
# Wallboard's display tests on a real Linux kernel: boots Debian's kernel in QEMU (TCG, no KVM
# needed) with an emulated GPU — `-vga std` (bochs DRM driver) and `virtio-gpu-pci` (virtio-gpu) —
# runs wallboard-displaytest through DRMDisplay and FbdevDisplay inside a busybox initramfs, grabs
# the REAL scanout with the QEMU monitor's `screendump` and checks pixels.
#
#   Deploy/qemu/run-display-tests.sh            build the probe (debug), run both GPUs
#   WALLBOARD_DISPLAYTEST=/path/to/binary ...   use an already built probe (the XCTest does)
#
# Needs: qemu-system-x86 busybox-static cpio socat kmod (Deploy/install-build-deps.sh --test).
# Downloads (once, cached in Deploy/qemu/work/cache, git-ignored): the Debian kernel package via
# `apt-get download` — extracted with dpkg-deb, never installed.
# Prints one "PASS"/"FAIL" line per check and "qemu-display: N passed, M failed" last; exit 1 on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${WALLBOARD_QEMU_WORK:-$here/work}
harness=qemu-display
. "$here/harness.sh"
need_tools qemu-system-x86_64 busybox cpio socat depmod dpkg-deb

# 1. The probe and the shared libraries it needs (copied into the initramfs at the same paths).
find_probe

# 2. The kernel (Deploy/qemu/kernel.sh: downloaded once, extracted).
. "$here/kernel.sh"
kernel_fetch "$cache" || exit 2

# 3. The initramfs: busybox applets, the GPU module closures, the probe and its libraries.
initrd=$work/initrd.cpio
tree=$work/initramfs
rm -rf "$tree"
mkdir -p "$tree"/{bin,proc,sys,dev,tmp}
cp "$(command -v busybox)" "$tree/bin/busybox"
for applet in $("$tree/bin/busybox" --list); do
    [[ "$applet" == busybox ]] || ln -sf busybox "$tree/bin/$applet"
done
for gpu in bochs virtio; do
    case $gpu in
    bochs) modules="bochs" ;;
    virtio) modules="virtio_pci virtio-gpu" ;;
    esac
    : > "$tree/modules-$gpu.list"
    # shellcheck disable=SC2086
    for ko in $(kernel_modules_closure $modules); do
        rel=${ko#"$kroot"}
        mkdir -p "$tree$(dirname "$rel")"
        cp "$ko" "$tree$rel"
        echo "$rel" >> "$tree/modules-$gpu.list"
    done
done
# The agent and the publisher, when built beside the probe: the agent scenario draws a real board.
bindir=$(dirname "$probe")
binaries=("$probe")
agent=no
if [[ -x "$bindir/wallboard" && -x "$bindir/wallboard-publish" ]]; then
    agent=yes
    binaries+=("$bindir/wallboard" "$bindir/wallboard-publish")
    cp "$bindir/wallboard" "$bindir/wallboard-publish" "$tree/bin/"
    mkdir -p "$tree/bin/Fonts"
    cp "$root"/Fonts/*.otf "$tree/bin/Fonts/"
    cp "$here/agent-test.conf" "$tree/agent-test.conf"
    cp "$here/agent-multihead.conf" "$tree/agent-multihead.conf"
    cp "$here/agent-schedule.conf" "$tree/agent-schedule.conf"
fi
cp "$probe" "$tree/bin/wallboard-displaytest"
for lib in $(ldd "${binaries[@]}" | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' | sort -u); do
    mkdir -p "$tree$(dirname "$lib")"
    cp -L "$lib" "$tree$lib"
done
cp "$here/init.sh" "$tree/init"
chmod +x "$tree/init"
(cd "$tree" && find . | cpio -o -H newc --quiet > "$initrd")
say "kernel $kver, initramfs $(( $(stat -c %s "$initrd") / 1048576 )) MB, probe $probe"

# 4. One boot per GPU; the host drives the guest through a second serial port.
probe_check() { "$probe" check "$@"; }

boot() {  # boot GPU: starts QEMU in the background
    local gpu=$1
    rm -f "$run"/*
    local display=(-vga std)
    [[ $gpu == virtio ]] && display=(-vga none -device virtio-gpu-pci)
    # Two outputs (the guest sees Virtual-1 and Virtual-2); init.sh loads the virtio modules for it.
    [[ $gpu == virtio2 ]] && display=(-vga none -device virtio-gpu-pci,max_outputs=2,id=gpu0)
    qemu-system-x86_64 -accel tcg -cpu max -m 1024 -smp 1 -kernel "$vmlinuz" -initrd "$initrd" \
        -append "console=ttyS0 quiet panic=-1 wbgpu=$gpu" -display none -no-reboot \
        "${display[@]}" -serial "file:$run/serial.log" -serial "unix:$run/ctl.sock,server=on,wait=off" \
        -monitor "unix:$run/mon.sock,server=on,wait=off" >"$run/qemu.log" 2>&1 &
    qemu_pid=$!
}

wait_for() {  # wait_for PATTERN SECONDS: a line in the serial log
    local deadline=$(( $(date +%s) + $2 ))
    while ! grep -q -- "$1" "$run/serial.log" 2>/dev/null; do
        if (( $(date +%s) > deadline )) || ! kill -0 "$qemu_pid" 2>/dev/null; then
            echo "--- serial log (waiting for '$1') ---"; cat "$run/serial.log" 2>/dev/null || true; echo "---"
            return 1
        fi
        sleep 0.2
    done
}

send() { guest_send "$@"; }

shot() {  # shot NAME [HEAD]: screendump of the real scanout (HEAD: that output of device gpu0)
    screendump "$run/$1.ppm" "${2:+gpu0 $2}"
    cp "$run/$1.ppm" "$work/$1.ppm" 2>/dev/null || true
}

check() {  # check NAME WHAT SPEC...
    local name=$1 what=$2; shift 2
    if out=$(probe_check "$run/$name.ppm" "$@" 2>&1); then pass "$what"; else fail "$what"; echo "$out"; fi
}

# Quadrants: red, green / blue, white; the yellow square ends in the middle; the squares it
# left behind on its way (x = 0.1) must be repainted in both buffers.
upright=(0.25,0.25=FF0000 0.75,0.25=00FF00 0.25,0.75=0000FF 0.75,0.75=FFFFFF 0.5,0.5=FFFF00
         0.1,0.47=FF0000 0.1,0.53=0000FF)
# Mounted 90° clockwise: every quadrant moves one place clockwise, the square's path is vertical.
quarter=(0.75,0.25=FF0000 0.75,0.75=00FF00 0.25,0.25=0000FF 0.25,0.75=FFFFFF 0.5,0.5=FFFF00
         0.47,0.1=0000FF 0.53,0.1=FF0000)
console=(0.25,0.25!=FF0000 0.75,0.25!=00FF00 0.5,0.5!=FFFF00)

# The console's mode on tty1 (the VT the kernel's console shows), asked inside the guest with
# KDGETMODE: graphics while a board draws (the console must not draw over it), text again after
# the board stops (or the console stays dark: the fbdev agent left it so before Display.close()).
vt_mode_is() {  # vt_mode_is text|graphics WHAT
    local want=$1 what=$2 before deadline
    before=$(grep -c "VT-MODE" "$run/serial.log" || true)
    send "sh /bin/wallboard-displaytest vt-mode /dev/tty1"
    deadline=$(( $(date +%s) + 20 ))
    while (( $(grep -c "VT-MODE" "$run/serial.log" || true) <= before )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "VT-MODE" "$run/serial.log" | tail -1 | grep -q "VT-MODE $want"; then pass "$what"
    else fail "$what"; grep "VT-MODE\|wallboard-displaytest" "$run/serial.log" | tail -2; fi
}

wait_term() {  # wait_term SECONDS: SIGTERM to the background program, wait for its exit status
    local exits deadline
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    deadline=$(( $(date +%s) + $1 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    grep "WB exit status" "$run/serial.log" | tail -1 | grep -q "status 0"
}

scenario() {  # scenario GPU LABEL "ARGS" CHECKS...: run, check the scanout, SIGTERM, check the console
    local gpu=$1 label=$2 args=$3; shift 3
    local before
    before=$(grep -c "READY" "$run/serial.log" || true)
    send "run $args"
    local deadline=$(( $(date +%s) + 60 ))
    while (( $(grep -c "READY" "$run/serial.log" || true) <= before )); do
        if (( $(date +%s) > deadline )) || grep -q "wallboard-displaytest:" "$run/serial.log"; then
            fail "$gpu $label: probe did not get ready"; cat "$run/serial.log"; send "term"; return
        fi
        sleep 0.2
    done
    grep "READY" "$run/serial.log" | tail -1 | sed 's/^/    /'
    # fbdev emulation flushes its shadow buffer a few ms later: give the screen up to 3 s to show it.
    for attempt in 1 2 3 4 5 6; do
        shot "$gpu-$label"
        probe_check "$run/$gpu-$label.ppm" "$@" >/dev/null 2>&1 && break
        sleep 0.5
    done
    check "$gpu-$label" "$gpu $label: test pattern on the real scanout" "$@"
    vt_mode_is graphics "$gpu $label: VT in graphics mode while drawing"
    local exits
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    deadline=$(( $(date +%s) + 20 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )); do
        (( $(date +%s) > deadline )) && break
        sleep 0.2
    done
    if grep "WB exit status" "$run/serial.log" | tail -1 | grep -q "status 0" && grep -q RESTORED "$run/serial.log"; then
        pass "$gpu $label: exits 0 on SIGTERM"
    else
        fail "$gpu $label: exit on SIGTERM"; tail -5 "$run/serial.log"
    fi
    sleep 0.5
    shot "$gpu-$label-after"
    check "$gpu-$label-after" "$gpu $label: console restored after SIGTERM (pattern gone)" "${console[@]}"
    vt_mode_is text "$gpu $label: VT back in text mode after SIGTERM"
}

until_shows() {  # until_shows NAME WHAT SECONDS CHECK...: screendumps until the checks pass
    local name=$1 what=$2 seconds=$3; shift 3
    local deadline=$(( $(date +%s) + seconds ))
    while :; do
        shot "$name" "${head:-}"
        if probe_check "$run/$name.ppm" "$@" >/dev/null 2>&1; then pass "$what"; return 0; fi
        if (( $(date +%s) > deadline )); then
            fail "$what"; probe_check "$run/$name.ppm" "$@" || true; tail -20 "$run/serial.log"; return 1
        fi
        sleep 1
    done
}

# Hot-plug: the kernel forces the connector off and on again through sysfs (drm_sysfs
# status_store: a real connector state change), and a "change" uevent for card0 is raised through
# sysfs, as the kernel does on a cable pull (bochs has no hot-plug interrupt to raise one itself).
# The probe must report the unplug (uevent netlink socket → drmModeGetConnectorCurrent), then on
# return set the mode again and repaint the last frame.
hotplug_scenario() {
    local gpu=$1
    local before
    before=$(grep -c "READY" "$run/serial.log" || true)
    send "run --display drm"
    local deadline=$(( $(date +%s) + 60 ))
    while (( $(grep -c "READY" "$run/serial.log" || true) <= before )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    local events
    events=$(grep -c "EVENT" "$run/serial.log" || true)
    send "sh for s in /sys/class/drm/card0-*/status; do echo off > \$s; done; echo change > /sys/class/drm/card0/uevent"
    deadline=$(( $(date +%s) + 20 ))
    while ! grep "EVENT" "$run/serial.log" | tail -n +$((events + 1)) | grep -q "EVENT disconnected" && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "EVENT" "$run/serial.log" | tail -n +$((events + 1)) | grep -q "EVENT disconnected.*(kernel event)"; then
        pass "$gpu hotplug: unplug seen through the uevent socket"
    else
        fail "$gpu hotplug: unplug not seen through the uevent socket"; tail -5 "$run/serial.log"
    fi
    send "sh for s in /sys/class/drm/card0-*/status; do echo on > \$s; done; echo change > /sys/class/drm/card0/uevent"
    deadline=$(( $(date +%s) + 20 ))
    while ! grep "EVENT" "$run/serial.log" | tail -n +$((events + 1)) | grep -q "EVENT redrawn\|EVENT resized" && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "EVENT" "$run/serial.log" | tail -n +$((events + 1)) | grep -q "EVENT redrawn\|EVENT resized"; then
        pass "$gpu hotplug: monitor back, mode set again"
    else
        fail "$gpu hotplug: return not seen"; tail -5 "$run/serial.log"
    fi
    until_shows "$gpu-hotplug" "$gpu hotplug: the board is back on the scanout" 10 "${upright[@]}" || true
    local exits
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    deadline=$(( $(date +%s) + 20 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
}

# The agent itself (Deploy/qemu/agent-test.conf: one queue, red at 10 waiting, stale after 8 s, lost after 12 s):
# a breach fed with wallboard-publish on loopback multicast must show a red tile on the real
# scanout; when the feed stops, FEED LOST (black and hazard yellow); after SIGTERM, the console.
red_tile=3A1407   # Palette.redTile
hazard=F0E442     # Palette.hazard
agent_scenario() {
    local gpu=$1
    send "sh ip link set lo up; ip link set lo multicast on"
    send "start /bin/wallboard --config /agent-test.conf --display drm --socket /tmp/wallboard.sock"
    send "sh (printf 'Q id=999 waiting=30 oldest=200\\n\\n'; sleep 100000) | /bin/wallboard-publish send --interface lo --ttl 0 --interval 1 >/dev/null & echo \$! > /tmp/feed.pid"
    until_shows "$gpu-agent-breach" "$gpu agent: a red tile where a breach was fed" 120 "$red_tile>=0.10" "$hazard<0.01" || true
    send "sh kill \$(cat /tmp/feed.pid)"
    until_shows "$gpu-agent-lost" "$gpu agent: FEED LOST after the feed stops" 120 "$hazard>=0.05" "$red_tile<0.01" || true
    local exits
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    local deadline=$(( $(date +%s) + 30 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "WB exit status" "$run/serial.log" | tail -1 | grep -q "status 0"; then pass "$gpu agent: exits 0 on SIGTERM"
    else fail "$gpu agent: exit on SIGTERM"; tail -20 "$run/serial.log"; fi
    sleep 0.5
    until_shows "$gpu-agent-after" "$gpu agent: console restored after SIGTERM" 10 "$hazard<0.01" "$red_tile<0.01" || true
    vt_mode_is text "$gpu agent: VT back in text mode after SIGTERM"
}

# The agent on fbdev: the VT goes to graphics mode while it draws and back to text mode on SIGTERM
# (the agent exits with exit(), which runs no deinit: only an explicit Display.close() restores it).
agent_fbdev_scenario() {
    local gpu=$1 frames deadline
    frames=$(grep -c "first frame presented" "$run/serial.log" || true)
    send "start /bin/wallboard --config /agent-test.conf --display fbdev --simulate --socket /tmp/wallboard.sock"
    deadline=$(( $(date +%s) + 60 ))
    while (( $(grep -c "first frame presented" "$run/serial.log" || true) <= frames )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    vt_mode_is graphics "$gpu agent fbdev: VT in graphics mode while the board is drawn"
    if wait_term 30; then pass "$gpu agent fbdev: exits 0 on SIGTERM"
    else fail "$gpu agent fbdev: exit on SIGTERM"; tail -20 "$run/serial.log"; fi
    vt_mode_is text "$gpu agent fbdev: VT back in text mode after SIGTERM"
}

# Multi-head: one agent, two virtio-gpu outputs, `views = 999 | 101`. Virtual-2 has no monitor
# attached on the host side, so the kernel is told it is connected (sysfs status "on", as the
# hot-plug scenario does). Screen 1 must show the fed 999 breach (red tile), screen 2 only 101
# (tiles, no red); SIGTERM must give both screens back.
multihead_scenario() {
    send "sh ip link set lo up; ip link set lo multicast on; echo on > /sys/class/drm/card0-Virtual-2/status"
    send "start /bin/wallboard --config /agent-multihead.conf --display drm --socket /tmp/wallboard.sock"
    send "sh (printf 'Q id=999 waiting=30 oldest=200\\nQ id=101 waiting=1 oldest=5\\n\\n'; sleep 100000) | /bin/wallboard-publish send --interface lo --ttl 0 --interval 1 >/dev/null & echo \$! > /tmp/feed.pid"
    head=0 until_shows "multihead-0" "multihead: screen 1 shows its view (999, red)" 120 "$red_tile>=0.10" || true
    head=1 until_shows "multihead-1" "multihead: screen 2 shows its own view (101, no red)" 30 "$red_tile<0.01" "18202A>=0.10" || true
    if grep -q "display: head 1: drm /dev/dri/card0 Virtual-2" "$run/serial.log"; then pass "multihead: the agent drives Virtual-2 as head 1"
    else fail "multihead: head 1 not opened"; grep "display" "$run/serial.log" | tail -5; fi
    # One VT owner for both heads (DRMDevice, once per card): graphics while they draw, text once both closed.
    vt_mode_is graphics "multihead: VT in graphics mode while both heads draw"
    local exits
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    local deadline=$(( $(date +%s) + 30 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "WB exit status" "$run/serial.log" | tail -1 | grep -q "status 0"; then pass "multihead: exits 0 on SIGTERM"
    else fail "multihead: exit on SIGTERM"; tail -20 "$run/serial.log"; fi
    vt_mode_is text "multihead: VT back in text mode after SIGTERM"
}

# ---- Pages and the [display] on schedule (issue 16) -------------------------------------------
# One agent, two queues, one tile per page: two screendumps must show the two pages (999's
# normal tile, then 101's amber one). Then the guest rewrites the config's `on =` from its own
# clock — a range an hour ahead (the screen must go off), then 00:00-24:00 (on again) — and the
# agent's 1 s config check applies it: the connector's DPMS, read back from sysfs inside the guest
# (the real driver's state), must say Off then On, and the scanout must lose and regain the
# board. The guest has no network time, so the clock is first marked synchronised as an NTP
# daemon would (an unsynchronised board ignores its schedule and stays on).
tile=18202A       # Palette.tile
amber_tile=2A2109 # Palette.amberTile
dpms_is() {  # dpms_is On|Off WHAT: the connector's DPMS state as the kernel reports it
    local want=$1 what=$2 before deadline
    deadline=$(( $(date +%s) + 15 ))
    while :; do
        before=$(grep -c "WB DPMS" "$run/serial.log" || true)
        send "sh for f in /sys/class/drm/card0-*/dpms; do echo \"WB DPMS \$(cat \$f)\"; done"
        while (( $(grep -c "WB DPMS" "$run/serial.log" || true) <= before )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
        if grep "WB DPMS" "$run/serial.log" | tail -1 | grep -q "WB DPMS $want"; then pass "$what"; return 0; fi
        if (( $(date +%s) > deadline )); then fail "$what"; grep "WB DPMS\|display:" "$run/serial.log" | tail -4; return 1; fi
        sleep 0.5
    done
}
schedule_scenario() {
    local gpu=$1 exits deadline
    send "sh /bin/wallboard-displaytest clock-sync"
    send "sh sed 's/ON_RANGE/00:00-24:00/' /agent-schedule.conf > /tmp/schedule.conf"
    send "start /bin/wallboard --config /tmp/schedule.conf --display drm --socket /tmp/wallboard.sock"
    send "sh (printf 'Q id=999 waiting=1 oldest=5\\nQ id=101 waiting=6 oldest=40\\n\\n'; sleep 100000) | /bin/wallboard-publish send --interface lo --ttl 0 --interval 1 >/dev/null & echo \$! > /tmp/feed.pid"
    until_shows "$gpu-page-1" "$gpu pages: page with 999 (normal tile, no amber)" 60 "$tile>=0.10" "$amber_tile<0.01" || true
    until_shows "$gpu-page-2" "$gpu pages: the page turns to 101 (amber tile)" 10 "$amber_tile>=0.10" || true
    dpms_is On "$gpu schedule: DPMS On inside the schedule"
    # An hour from now for an hour: the guest's clock is outside it.
    send "sh sed \"s/ON_RANGE/\$(date -d @\$((\$(date +%s) + 3600)) +%H:%M)-\$(date -d @\$((\$(date +%s) + 7200)) +%H:%M)/\" /agent-schedule.conf > /tmp/next.conf && mv /tmp/next.conf /tmp/schedule.conf"
    dpms_is Off "$gpu schedule: DPMS Off outside the schedule (connector property, read back from sysfs)"
    until_shows "$gpu-schedule-off" "$gpu schedule: the board is gone from the scanout while off (blanked black)" 10 "000000>=0.99" || true
    send "sh sed 's/ON_RANGE/00:00-24:00/' /agent-schedule.conf > /tmp/next.conf && mv /tmp/next.conf /tmp/schedule.conf"
    dpms_is On "$gpu schedule: DPMS On again when the schedule says on"
    until_shows "$gpu-schedule-on" "$gpu schedule: the board is back on the scanout" 10 "$tile>=0.10" || true
    if grep -q "display: screen off by schedule" "$run/serial.log"; then pass "$gpu schedule: the agent logs why the screen went off"
    else fail "$gpu schedule: no 'screen off by schedule' log line"; grep "display:" "$run/serial.log" | tail -5; fi
    # FEED LOST lights a scheduled-off panel (wake_on = breach): off again with the feed flowing
    # (lost after 3 s of silence), then the publisher stops and the panel must come back on.
    send "sh sed \"s/ON_RANGE/\$(date -d @\$((\$(date +%s) + 3600)) +%H:%M)-\$(date -d @\$((\$(date +%s) + 7200)) +%H:%M)/; s/^wake_on = never/wake_on = breach/; s/^stale_after = 30s/stale_after = 2s/; s/^lost_after = 60s/lost_after = 3s/\" /agent-schedule.conf > /tmp/next.conf && mv /tmp/next.conf /tmp/schedule.conf"
    dpms_is Off "$gpu schedule: DPMS Off outside the schedule while the feed flows (wake_on = breach)"
    send "sh kill \$(cat /tmp/feed.pid)"
    dpms_is On "$gpu schedule: DPMS On outside the schedule once the feed is lost"
    if grep -q "display: screen on: woken outside the schedule because the feed is lost" "$run/serial.log"; then pass "$gpu schedule: the agent logs that FEED LOST woke the panel"
    else fail "$gpu schedule: no 'woken … because the feed is lost' log line"; grep "display:" "$run/serial.log" | tail -5; fi
    exits=$(grep -c "WB exit status" "$run/serial.log" || true)
    send "term"
    deadline=$(( $(date +%s) + 30 ))
    while (( $(grep -c "WB exit status" "$run/serial.log" || true) <= exits )) && (( $(date +%s) <= deadline )); do sleep 0.2; done
    if grep "WB exit status" "$run/serial.log" | tail -1 | grep -q "status 0"; then pass "$gpu schedule: exits 0 on SIGTERM"
    else fail "$gpu schedule: exit on SIGTERM"; tail -20 "$run/serial.log"; fi
}
# ---- end of the pages and schedule block -------------------------------------------------------

for gpu in ${WALLBOARD_QEMU_GPUS:-bochs virtio virtio2}; do
    t0=$(date +%s)
    boot "$gpu"
    if ! wait_for "WB ready-for-commands" 90; then
        fail "$gpu: guest did not boot"; kill "$qemu_pid" 2>/dev/null || true; continue
    fi
    guest_connect "$run/ctl.sock"
    if [[ $gpu == virtio2 ]]; then
        if [[ $agent == yes ]]; then multihead_scenario; else say "wallboard not built: multihead scenario skipped"; fi
        send "off"; guest_disconnect
        for _ in $(seq 1 50); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 0.2; done
        kill "$qemu_pid" 2>/dev/null || true; wait "$qemu_pid" 2>/dev/null || true
        cp "$run/serial.log" "$work/$gpu-serial.log"
        say "$gpu boot and checks: $(( $(date +%s) - t0 )) s"
        continue
    fi
    if grep -q "WB card0 present" "$run/serial.log"; then pass "$gpu: DRM driver loaded, /dev/dri/card0 present"
    else fail "$gpu: no /dev/dri/card0"; fi
    scenario "$gpu" drm "--display drm" "${upright[@]}"
    scenario "$gpu" drm-rotated "--display drm --rotation 90" "${quarter[@]}"
    scenario "$gpu" drm-single-buffer "--display drm --single-buffer" "${upright[@]}"
    scenario "$gpu" fbdev "--display fbdev" "${upright[@]}"
    hotplug_scenario "$gpu"
    if [[ $agent == yes ]]; then agent_scenario "$gpu"; schedule_scenario "$gpu"; agent_fbdev_scenario "$gpu"
    else say "wallboard not built beside the probe: agent scenario skipped"; fi
    send "off"
    guest_disconnect
    for _ in $(seq 1 50); do kill -0 "$qemu_pid" 2>/dev/null || break; sleep 0.2; done
    kill "$qemu_pid" 2>/dev/null || true
    wait "$qemu_pid" 2>/dev/null || true
    cp "$run/serial.log" "$work/$gpu-serial.log"
    say "$gpu boot and checks: $(( $(date +%s) - t0 )) s"
done

harness_summary
