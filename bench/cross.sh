#!/bin/sh
# SPDX-License-Identifier: 0BSD
# make bench-cross: nsbox's stripped size for each architecture and
# configuration, and with TCG=1 the time of each VM's boot plus the whole
# suite (make test-qemu ARCH=NAME, QEMU TCG), as markdown tables.
#   bench/cross.sh OUT ARCH...
# Builds go to OUT/ARCH/CFG; each ARCH needs its compiler and sysroot
# (make deps ARCH=NAME), and is reported as missing otherwise.
# Configurations: defconfig, defconfig linked against the shared musl
# (defconfig-dynamic: STATIC=0; - where the sysroot has none, mips),
# tiny_defconfig, allnoconfig, and allnoconfig plus one applet (only-NAME),
# as make bench builds them for x86_64.
set -u
out=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s "$@"; }
applets=$(ls applets/*.c | sed -n 's|^applets/\(.*\)\.c$|\1|p' | grep -v -x main)
cfgs="defconfig defconfig-dynamic tiny_defconfig allnoconfig"
for a in $applets; do cfgs="$cfgs only-$a"; done

size() {	# ARCH CFG: the stripped size in bytes, or - when it does not build
	d=$out/$1/$2 sr=
	[ "$1" = x86_64 ] || sr="SYSROOT=$top/build/$1/sysroot"
	mkdir -p "$d"
	case $2 in
	defconfig-dynamic)
		mk O="$d" ARCH="$1" $sr defconfig > /dev/null &&
		mk O="$d" ARCH="$1" $sr STATIC=0 > /dev/null 2>&1 && wc -c < "$d/nsbox" | tr -d ' ' || echo -
		return ;;
	only-*)	s=CONFIG_$(echo "${2#only-}" | tr a-z A-Z)
		mk O="$d" ARCH="$1" $sr allnoconfig > /dev/null &&
		sed -i "s/^# $s is not set\$/$s=y/" "$d/.config" &&
		mk O="$d" ARCH="$1" $sr olddefconfig > /dev/null ;;
	*)	mk O="$d" ARCH="$1" $sr "$2" > /dev/null ;;
	esac && mk O="$d" ARCH="$1" $sr > /dev/null 2>&1 && wc -c < "$d/nsbox" | tr -d ' ' || echo -
}

printf '| configuration |'; for a in "$@"; do printf ' %s |' "$a"; done; echo
printf '|---|'; for a in "$@"; do printf -- '---:|'; done; echo
for c in $cfgs; do
	printf '| %s |' "$c"
	for a in "$@"; do
		if [ "$a" != x86_64 ] && [ ! -d "build/$a/sysroot/khdr" ]; then printf ' no sysroot |'; continue; fi
		printf ' %s |' "$(size "$a" "$c")"
	done
	echo
done

[ "${TCG:-0}" = 1 ] || exit 0
echo
echo '| arch | boot + whole suite (TCG) | result |'
echo '|---|---:|---|'
for a in "$@"; do
	[ "$(sh cross/arch.sh "$a" QEMU)" != - ] || { echo "| $a | - | no VM (qemu-user: make test ARCH=$a) |"; continue; }
	t0=$(date +%s)
	r=$(mk ARCH="$a" test-qemu 2>&1 | tail -n 1)
	echo "| $a | $(( $(date +%s) - t0 )) s | $r |"
done
