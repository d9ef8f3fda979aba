#!/bin/sh
# /init of the appliance's small initramfs (busybox): load what it takes to reach the root disk
# (virtio-blk, ext4), mount it and hand over to its systemd. Everything else — the GPU, the NIC —
# udev loads from the root file system, as on a real board.
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
while read -r module; do insmod "$module" 2>/dev/null || true; done < /modules.list
n=0
while [ ! -b /dev/vda ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n + 1)); done
mkdir -p /newroot
mount -t ext4 -o rw /dev/vda /newroot || { echo "APPLIANCE FAIL initramfs: cannot mount /dev/vda"; poweroff -f; }
umount /proc /sys
mount --move /dev /newroot/dev 2>/dev/null || umount /dev
exec switch_root /newroot /sbin/init
