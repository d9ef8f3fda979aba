#!/bin/sh
# /init of the test initramfs (busybox). Loads the GPU driver named by wbgpu= on the kernel
# command line, then runs the scenario steps the host sends on the second serial port (ttyS1),
# one line each: "run ARGS..." starts wallboard-displaytest show ARGS in the background,
# "start CMD..." starts any command in the background (the agent), "sh CMD..." runs a shell
# line (feeds, setup), "term" sends the background program SIGTERM and reports its exit status,
# "off" powers off.
# Every line this prints goes to ttyS0 (serial.log on the host), which the host watches.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
gpu=$(sed -n 's/.*wbgpu=\([a-z]*\).*/\1/p' /proc/cmdline)
echo "WB boot gpu=$gpu"
while read -r module; do insmod "$module" || echo "WB insmod failed: $module"; done < "/modules-$gpu.list"
n=0
while [ ! -e /dev/dri/card0 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
[ -e /dev/dri/card0 ] && echo "WB card0 present" || echo "WB no /dev/dri/card0"
[ -e /dev/fb0 ] && echo "WB fb0 present"
stty -F /dev/ttyS1 raw -echo 2>/dev/null
exec 3</dev/ttyS1
pid=""
echo "WB ready-for-commands"
while read -r command args <&3; do
    case "$command" in
    run)
        /bin/wallboard-displaytest show $args &
        pid=$!
        ;;
    start)
        $args &
        pid=$!
        ;;
    sh)
        eval "$args"
        echo "WB sh done"
        ;;
    term)
        kill -TERM "$pid"
        wait "$pid"
        echo "WB exit status $?"
        ;;
    off)
        echo "WB poweroff"
        poweroff -f
        ;;
    *) echo "WB unknown command '$command'" ;;
    esac
done
poweroff -f
