#!/bin/sh
# SPDX-License-Identifier: 0BSD
# make deps ARCH=NAME, after the packages: what NAME's build and tests
# unpack under DIR (build/NAME), once each: the musl sysroot, the kernel
# with its modules, the test image's programs; for mips, which runs its
# suite under qemu-user, the binfmt_misc entry that makes its binaries
# run as systemd-binfmt makes it on a booted Debian.
#   cross/deps.sh NAME DIR
set -eu
arch=$1 dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/cross/arch.sh"
. "$top/cross/apt.sh"
arch_vars "$arch" || apt_die "unknown ARCH '$arch' (one of: $ARCHES)"
apt_foreign "$DEB"
sh "$top/cross/sysroot.sh" "$arch" "$dir/sysroot"
[ "$KPKG" = - ] || sh "$top/initramfs/kernel.sh" "$dir/kernel" "$arch"
[ "$DEB" = - ] || sh "$top/cross/oracles.sh" "$arch" "$dir/oracles"
[ "$USER" != - ] && [ "$QEMU" = - ] || exit 0

bf=/proc/sys/fs/binfmt_misc
name=${USER%-static}
[ -e "$bf/$name" ] && exit 0
conf=/usr/lib/binfmt.d/$name.conf
[ -f "$conf" ] || apt_die "no $conf: apt-get install qemu-user-static"
if [ "$(id -u)" != 0 ]; then
	echo "deps: $arch binaries do not run here; as root run:
    [ -e $bf/register ] || mount -t binfmt_misc binfmt_misc $bf; cat $conf > $bf/register" >&2
	exit 1
fi
[ -e "$bf/register" ] || mount -t binfmt_misc binfmt_misc "$bf"
cat "$conf" > "$bf/register"
echo "deps: $arch binaries run through $(sed 's/.*:\([^:]*\):[^:]*$/\1/' "$conf")" >&2
