#!/bin/sh
# The audible alarm on the booted appliance, sourced by check.sh (its pass/fail/check/as helpers)
# while 999 is in breach from the LAN feed. ALSA's snd-aloop is a real kernel sound card (loaded at
# boot by /etc/modules-load.d, as a board's HDMI audio driver is): the packaged agent, in its
# sandbox as the wallboard user, plays into the loopback's playback side; arecord on the capture
# side hears it. A supervisor's `wallboardctl ack` then silences it.
# Kept apart from check.sh so the appliance harness can change around it.

# Reads 16 kHz S16_LE mono raw PCM: "LOUD_SECONDS FREQUENCY PEAK" (frequency by zero crossings in
# the 10 ms windows that carry sound).
tone_of() {
    perl -e 'local $/; open(my $f, "<", $ARGV[0]) or die "$ARGV[0]: $!"; binmode $f; my @s = unpack("s<*", <$f>);
             my ($loud, $cross, $peak) = (0, 0, 0);
             for (my $i = 0; $i + 160 <= @s; $i += 160) {
                 my $max = 0; my $c = 0;
                 for my $j ($i .. $i + 159) { my $a = abs($s[$j]); $max = $a if $a > $max;
                     $c++ if $j > 0 && (($s[$j - 1] < 0) != ($s[$j] < 0)); }
                 $peak = $max if $max > $peak;
                 if ($max > 2000) { $loud++; $cross += $c; }
             }
             printf "%.2f %.0f %d\n", $loud * 0.01, $loud ? $cross / 2 / ($loud * 0.01) : 0, $peak;' "$1"
}
record() {  # record SECONDS FILE: the loopback's capture side, in the tone's own format
    arecord -q -D hw:Loopback,1,0 -t raw -f S16_LE -r 16000 -c 1 -d "$1" "$2"
}

check "sound: snd-aloop is a sound card at boot (/dev/snd/pcmC0D0p)" test -c /dev/snd/pcmC0D0p
# The supervisor points the alarm at the card and shortens the repeat (README: [alarm] device).
as alice sed -i 's/^#device = default/device = plughw:Loopback,0,0/; s/^#repeat = 30s/repeat = 2s/' "$conf"
reloads=$(journal | grep -c "reloaded /etc/wallboard/wallboard.conf" || true)
systemctl reload wallboard
check "sound: [alarm] device and repeat applied by reload" wait_until 20 sh -c \
    "[ \$(journalctl -b -q -o cat -u wallboard | grep -c 'reloaded /etc/wallboard/wallboard.conf') -gt $reloads ]"
record 6 /tmp/breach.raw
set -- $(tone_of /tmp/breach.raw)
echo "    in breach: $1 s of sound, $2 Hz, peak $3"
check "sound: the 880 Hz tone arrives through the sound card while 999 is in breach ($1 s, $2 Hz)" \
    awk -v s="$1" -v f="$2" 'BEGIN { exit !(s >= 0.6 && f >= 850 && f <= 910) }'
check "sound: status says it plays" sh -c 'runuser -u alice -- wallboardctl status | tee /dev/stderr | grep -q "^sound:    [a-z]* · breach through plughw:Loopback,0,0 · played [1-9]"'
check "sound: supervisor acknowledges (wallboardctl ack)" as alice wallboardctl ack
check "sound: status shows who acknowledged" sh -c 'runuser -u alice -- wallboardctl status | grep -q "^acknowledged: 999 by alice [0-9][0-9]:[0-9][0-9]"'
check "sound: the ack is audited with the caller from SO_PEERCRED" sh -c \
    'journalctl -b -q -o cat -u wallboard | grep -q "audit: alice (uid [0-9]*, pid [0-9]*) acknowledged the alarm of 999"'
sleep 1  # a tone already under way finishes (0.5 s)
record 5 /tmp/acknowledged.raw
set -- $(tone_of /tmp/acknowledged.raw)
echo "    acknowledged: $1 s of sound, peak $3"
check "sound: silent after the ack although 999 is still in breach ($1 s of sound)" \
    sh -c "[ \"$1\" = 0.00 ] && runuser -u alice -- wallboardctl status | grep -q '^queues:   999 breach'"
