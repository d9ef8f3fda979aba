#!/bin/sh
# Runs inside the booted appliance (root, from appliance-check.service) and checks the installed
# package as its users meet it. One "APPLIANCE PASS|FAIL what" line per check on ttyS0; when the
# real scanout must be looked at it prints "APPLIANCE shot NAME" and waits for the host's answer
# on ttyS1 (the host takes a screendump through the QEMU monitor and checks its pixels).
# alice is in group wallboard (a supervisor), bob is not.
set -u
conf=/etc/wallboard/wallboard.conf
pass() { echo "APPLIANCE PASS $*"; }
fail() { echo "APPLIANCE FAIL $*"; }
check() {  # check WHAT COMMAND...: passes when the command succeeds; its output is shown on failure
    what=$1; shift
    if "$@" >/tmp/check.out 2>&1; then pass "$what"; else fail "$what"; sed 's/^/    /' /tmp/check.out; fi
}
wait_until() {  # wait_until SECONDS COMMAND...
    seconds=$1; shift
    n=0
    until "$@" >/dev/null 2>&1; do
        n=$((n + 1)); [ $n -gt $((seconds * 2)) ] && return 1; sleep 0.5
    done
}
stty -F /dev/ttyS1 raw -echo 2>/dev/null
shot() {  # shot NAME: the host checks the scanout and answers PASS or FAIL
    echo "APPLIANCE shot $1"
    read -r answer </dev/ttyS1
    echo "APPLIANCE shot $1 answered $answer"
}
as() { user=$1; shift; runuser -u "$user" -- "$@"; }
active() { [ "$(systemctl is-active "$1")" = active ]; }
main_pid() { systemctl show -p MainPID --value wallboard; }
vt_mode() {  # KDGETMODE of tty1: 0 text, 1 graphics
    perl -e 'open(my $f, "<", "/dev/tty1") or die "tty1: $!"; my $m = pack("i", 0);
             ioctl($f, 0x4B3B, $m) or die "KDGETMODE: $!"; print unpack("i", $m), "\n"'
}
journal() { journalctl -b -q -o cat -u wallboard; }
status_has() { as alice wallboardctl status | grep -q "$1"; }

echo "APPLIANCE checks start"
# 1. Installed offline (dpkg in a chroot), yet enabled: the board came up at boot.
check "enabled by the package although it was installed offline" test "$(systemctl is-enabled wallboard)" = enabled
wait_until 120 active wallboard
check "active after boot" active wallboard
check "Type=notify, READY with the first frame on DRM" sh -c \
    'systemctl show -p Type -p StatusText wallboard | tee /dev/stderr | grep -q "^Type=notify" &&
     systemctl show -p StatusText --value wallboard | grep -q "drawing to drm"'
check "runs as the wallboard user, no capabilities" sh -c \
    'p=$(systemctl show -p MainPID --value wallboard); grep -E "^(Uid|CapEff|CapBnd)" /proc/$p/status | tee /dev/stderr |
     awk "/^Uid/ { u = \$2 } /^CapEff/ { e = \$2 } /^CapBnd/ { b = \$2 } END { exit !(u != 0 && e == \"0000000000000000\" && b == \"0000000000000000\") }"'
check "tty1 in graphics mode (KD_GRAPHICS) while the board runs" test "$(vt_mode)" = 1
check "journal: the console switch is logged" sh -c 'journalctl -b -q -o cat -u wallboard | grep "console: /dev/tty in graphics mode"'
check "journal: no ConfigurationDirectory mode warning" sh -c '! journalctl -b -q -u wallboard | grep "mode is different"'
check "no login prompt fighting the board on tty1" sh -c '! systemctl is-active getty@tty1'
journalctl -b -q -u wallboard -p warning | sed 's/^/    warning: /'
score=$(systemd-analyze security wallboard 2>/dev/null | sed -n 's/.*Overall exposure level for wallboard.service: \([0-9.]*\).*/\1/p')
check "systemd-analyze security: $score ≤ 2.5" awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.5) }'
check "consoleblank is 0 on Debian 12 (README)" test "$(cat /sys/module/kernel/parameters/consoleblank)" = 0

# 2. The feed, over the NIC, from a LAN address (IPAddressAllow=, the multicast join).
(printf 'Q id=999 waiting=30 oldest=200\n\n'; sleep 100000) | wallboard-publish send --interval 1 >/dev/null 2>/tmp/publish.log &
check "joins the multicast feed and accepts datagrams from the LAN" wait_until 60 status_has "accepted"
as alice wallboardctl status | sed 's/^/    /'
shot breach

# 3. Supervisors: in group wallboard, yes; outside it, no.
check "supervisor (group wallboard): status" as alice wallboardctl status
check "supervisor: threshold set, saved to the config" sh -c \
    'runuser -u alice -- wallboardctl threshold set 999 longest_wait red=45s && grep -q "^longest_wait.red = 45s" '"$conf"
check "config keeps group wallboard and mode 0664 after threshold set" test "$(stat -c '%a %G' $conf)" = "664 wallboard"
check "supervisor: message" as alice wallboardctl message "Appliance test banner" --for 1h
check "supervisor: snapshot (a PNG)" sh -c 'cd /tmp && runuser -u alice -- wallboardctl snapshot /tmp/alice.png && head -c 4 /tmp/alice.png | grep -q PNG'
check "outside the group: refused" sh -c '! runuser -u bob -- wallboardctl status 2>/tmp/bob.err && grep -q "permission denied" /tmp/bob.err'
check "outside the group: cannot edit the config" sh -c '! runuser -u bob -- sh -c "echo x >> '"$conf"'"'

# 4. Reload: a good edit is applied, a bad one refused with file:line and the board keeps running.
check "supervisor edits the config (README: nano as a member of the group)" \
    as alice sed -i 's/^title = .*/title = "APPLIANCE FLOOR"/' "$conf"
systemctl reload wallboard
check "reload: a good file is applied" wait_until 20 sh -c 'journalctl -b -q -o cat -u wallboard | grep -q "reloaded /etc/wallboard/wallboard.conf"'
as alice sh -c "echo 'longest_wiat.red = 20s' >> $conf"
mark=$(journal | grep -c "not applied" || true)
systemctl reload wallboard
check "reload: a bad file is refused with file:line" wait_until 20 sh -c \
    "[ \$(journalctl -b -q -o cat -u wallboard | grep -c 'wallboard.conf:[0-9]*:[0-9]*: unknown key') -gt 0 ]"
check "reload: the board keeps running its last good config" sh -c 'systemctl is-active wallboard && runuser -u alice -- wallboardctl status'
as alice sed -i '/^longest_wiat/d' "$conf"

# 4b. The audible alarm and its acknowledgement (a separate script: Deploy/appliance/check-sound.sh).
. /usr/local/sbin/appliance-check-sound

# 5. The watchdog restarts a hung agent (WatchdogSec=30s).
old=$(main_pid)
kill -STOP "$old"
check "watchdog: a stopped agent is restarted" wait_until 90 sh -c \
    "p=\$(systemctl show -p MainPID --value wallboard); [ \"\$p\" != 0 ] && [ \"\$p\" != $old ] && systemctl is-active wallboard"
check "watchdog: the journal says why" sh -c 'journalctl -b -q -u wallboard | grep -i "watchdog timeout"'
check "after the restart: the feed is joined again" wait_until 60 status_has "accepted"
check "after the restart: tty1 in graphics mode again" test "$(vt_mode)" = 1
shot restarted

# 6. Stop: the console and its login prompt come back.
systemctl stop wallboard
check "stop: tty1 back in text mode" test "$(vt_mode)" = 0
check "stop: a login prompt on tty1 (getty@tty1 started again)" wait_until 20 active getty@tty1
check "stop: agetty is running on tty1" wait_until 10 pgrep -t tty1 agetty
sleep 2
shot console

# 7. Removal: the same.
systemctl start wallboard
check "start again: board active, getty@tty1 stopped" sh -c 'systemctl is-active wallboard && ! systemctl is-active getty@tty1'
check "apt remove: the package goes" sh -c 'DEBIAN_FRONTEND=noninteractive apt-get remove -y wallboard >/tmp/remove.log 2>&1 || { cat /tmp/remove.log; exit 1; }'
check "apt remove: login prompt on tty1 again" wait_until 20 active getty@tty1
check "apt remove: tty1 in text mode" test "$(vt_mode)" = 0

echo "APPLIANCE checks done"
kill %1 2>/dev/null
systemctl poweroff
