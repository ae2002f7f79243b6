#!/bin/sh
# SPDX-License-Identifier: 0BSD
# The architectures nsbox is built and booted for: one table, read by the
# Makefile and the scripts in cross/ and initramfs/.
#   sh cross/arch.sh NAME VAR...   prints the values of VAR... for NAME
#   . cross/arch.sh; arch_vars NAME  defines them in the caller (1: unknown NAME)
# Variables:
#   DEB       Debian's name of the architecture (- for mips: no Debian port)
#   GNU       Debian's cross compiler triple (CROSS_COMPILE=$GNU-)
#   MUSL      the musl triple of musl-dev's directories
#   QEMU      the qemu-system program that boots it (- for none)
#   QPKG      the Debian package that has it (mips: qemu-user's)
#   MACHINE   its machine and CPU options
#   CONSOLE   the kernel's console device
#   KPKG      Debian's kernel package (a metapackage)
#   SMP       the most vCPUs the guest is stable with
#   MEM       the most memory (MiB) the kernel can use there
#   USER      the qemu-user program that runs its binaries
#   EXIT      how the status reaches QEMU: isa (isa-debug-exit) or line
#             (init's "nsbox-init: exit status N" line, then power-off)
arch_vars() {
	SMP=2 MEM=512 EXIT=line CONSOLE=ttyS0
	case $1 in
	x86_64)	DEB=amd64 GNU=x86_64-linux-gnu MUSL=x86_64-linux-musl
		QEMU=qemu-system-x86_64 MACHINE= KPKG=linux-image-amd64
		QPKG=qemu-system-x86 USER=- EXIT=isa ;;
	aarch64) DEB=arm64 GNU=aarch64-linux-gnu MUSL=aarch64-linux-musl
		# pointer authentication emulated costs TCG about half its speed
		QEMU=qemu-system-aarch64 MACHINE="-M virt -cpu max,pauth=off"
		CONSOLE=ttyAMA0 KPKG=linux-image-arm64 QPKG=qemu-system-arm USER=qemu-aarch64-static ;;
	arm)	DEB=armhf GNU=arm-linux-gnueabihf MUSL=arm-linux-musleabihf
		QEMU=qemu-system-arm MACHINE="-M virt -cpu cortex-a15"
		CONSOLE=ttyAMA0 KPKG=linux-image-armmp-lpae QPKG=qemu-system-arm USER=qemu-arm-static ;;
	mipsel)	DEB=mipsel GNU=mipsel-linux-gnu MUSL=mipsel-linux-musl
		# malta: the kernel sees at most 256 MiB; with 2 vCPUs it stalls
		QEMU=qemu-system-mipsel MACHINE="-M malta -cpu 24Kf"
		KPKG=linux-image-4kc-malta QPKG=qemu-system-mips SMP=1 MEM=256
		USER=qemu-mipsel-static ;;
	mips)	DEB=- GNU=mips-linux-gnu MUSL=mips-linux-musl
		QEMU=- MACHINE= KPKG=- QPKG=qemu-user-static USER=qemu-mips-static ;;
	i386)	DEB=i386 GNU=i686-linux-gnu MUSL=i386-linux-musl
		QEMU=qemu-system-i386 MACHINE="-cpu max" KPKG=linux-image-686
		QPKG=qemu-system-x86 USER=- EXIT=isa ;;
	s390x)	DEB=s390x GNU=s390x-linux-gnu MUSL=s390x-linux-musl
		QEMU=qemu-system-s390x MACHINE="-M s390-ccw-virtio -cpu max"
		CONSOLE=ttysclp0 KPKG=linux-image-s390x QPKG=qemu-system-misc USER=qemu-s390x-static ;;
	*)	return 1 ;;
	esac
}
ARCHES="x86_64 aarch64 arm mips mipsel i386 s390x"

# Run (not sourced): print the values asked for.
if [ "${0##*/}" = arch.sh ]; then
	arch_vars "${1:-}" || { echo "unknown ARCH '${1:-}' (one of: $ARCHES)" >&2; exit 1; }
	shift
	for v in "$@"; do eval "printf '%s\\n' \"\$$v\""; done
fi
