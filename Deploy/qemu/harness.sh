# Sourced by the QEMU harnesses (Deploy/qemu/run-display-tests.sh, Deploy/appliance/run.sh): what
# both do around their own checks. Before sourcing, set `work` (the git-ignored work folder) and
# `harness` (the name the harness's own lines start with).
#   say TEXT / pass WHAT / fail WHAT   a harness line, one "PASS"/"FAIL" line per check (counted)
#   elapsed                            seconds since the harness started, as "N s"
#   need_tools TOOL...                 exits 2 naming the first missing one
#   find_probe                         sets probe: $WALLBOARD_DISPLAYTEST, else built (debug)
#   screendump FILE [DEVICE HEAD]      the real scanout, through the QEMU monitor at $run/mon.sock
#   guest_connect SOCKET / guest_disconnect / guest_send LINE   the host → guest serial line (fd 4)
#   harness_summary                    the last line, "NAME: N passed, M failed"; false on a failure
# Sets cache ($work/cache) and run ($work/run, this run's sockets, logs, screendumps).
export PATH="$PATH:/usr/sbin:/sbin"  # depmod, modprobe, debootstrap: not on a normal user's PATH
cache=$work/cache
run=$work/run
mkdir -p "$cache" "$run"
harness_started=$(date +%s)
passed=0
failed=0
say() { echo "$harness: $*"; }
pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
elapsed() { echo "$(( $(date +%s) - harness_started )) s"; }

need_tools() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { say "missing $tool: run Deploy/install-build-deps.sh --test"; exit 2; }
    done
}

find_probe() {
    local repo
    repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
    probe=${WALLBOARD_DISPLAYTEST:-}
    if [[ -z "$probe" ]]; then
        (cd "$repo" && swift build --product wallboard-displaytest >&2)
        probe="$(cd "$repo" && swift build --show-bin-path)/wallboard-displaytest"
    fi
    [[ -x "$probe" ]] || { say "no probe binary at $probe"; exit 2; }
}

screendump() {
    rm -f "$1"
    echo "screendump $1${2:+ $2}" | socat - "UNIX-CONNECT:$run/mon.sock" >/dev/null
    for _ in $(seq 1 50); do [[ -s "$1" ]] && break; sleep 0.1; done
    sleep 0.2  # QEMU writes the file in pieces: let it finish
}

# One connection for the whole boot: QEMU drops what it has not yet fed the guest's UART when a
# client hangs up, so a connection per command loses commands.
guest_connect() {
    local socket=$1
    for _ in $(seq 1 50); do [[ -S "$socket" ]] && break; sleep 0.1; done
    rm -f "$run/ctl.fifo"; mkfifo "$run/ctl.fifo"
    socat -u "PIPE:$run/ctl.fifo" "UNIX-CONNECT:$socket" &
    guest_socat_pid=$!
    exec 4>"$run/ctl.fifo"
}
guest_disconnect() { exec 4>&-; kill "$guest_socat_pid" 2>/dev/null || true; wait "$guest_socat_pid" 2>/dev/null || true; }
guest_send() { echo "$*" >&4; }

harness_summary() {
    say "total $(elapsed)"
    echo "$harness: $passed passed, $failed failed"
    (( failed == 0 ))
}
