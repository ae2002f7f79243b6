#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Boot nsbox under QEMU and exit with the status of the job nsbox init ran:
#   initramfs/qemu.sh KERNEL INITRD TIMEOUT [KERNEL-ARG]...
# The console goes to stdout (and to $LOG when set, without CRs, at the end).  init
# writes the status to isa-debug-exit (nsbox.exitcode=isa); QEMU then exits
# with (status << 1) | 1, which is mapped back here; statuses above 127 come
# back as 127.  A status is trusted only with init's "nsbox-init: exit status
# N" line on the console (QEMU itself also exits 1 on its own errors), unless
# INTERACTIVE=1.  After TIMEOUT seconds QEMU is killed: exit 124.
# Environment: ACCEL (tcg, or kvm to opt in), MEM (MiB, 512), SMP (vCPUs, 2:
#   multi-threaded TCG, and lsns's split scan runs), QEMU,
#   LOG (console copy), SUMMARY=1 (repeat the test suite's closing line last).
set -u
kernel=$1 initrd=$2 limit=$3
shift 3
qemu=${QEMU:-qemu-system-x86_64}
command -v "$qemu" >/dev/null || { echo "qemu.sh: $qemu not found: run 'make deps' (qemu-system-x86)" >&2; exit 1; }
[ -f "$kernel" ] || { echo "qemu.sh: no kernel at $kernel" >&2; exit 1; }
[ -f "$initrd" ] || { echo "qemu.sh: no initramfs at $initrd" >&2; exit 1; }
accel=${ACCEL:-tcg}
set -- -accel "$accel" -smp "${SMP:-2}" -m "${MEM:-512}" -nographic -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 quiet nsbox.exitcode=isa $*"
[ "$accel" = kvm ] && set -- "$@" -cpu host

if [ "${INTERACTIVE:-}" = 1 ]; then
	timeout -s KILL "$limit" "$qemu" "$@"
	rc=$?
	log=
else
	log=${LOG:-$(mktemp)}
	rcf=$(mktemp)
	# tee writes as it reads: the console streams live.
	{ timeout -s KILL "$limit" "$qemu" "$@" < /dev/null; echo $? > "$rcf"; } | tee "$rcf.log"
	rc=$(cat "$rcf")
	tr -d '\r' < "$rcf.log" > "$log"
	rm -f "$rcf" "$rcf.log"
fi

if [ "$rc" -eq 137 ]; then
	echo "qemu.sh: QEMU killed after $limit s (TIMEOUT)" >&2
	exit 124
fi
if [ $((rc & 1)) -eq 0 ]; then
	echo "qemu.sh: QEMU exited with status $rc without a result from init" >&2
	exit 1
fi
status=$((rc >> 1))
if [ -n "$log" ]; then
	said=$(sed -n 's/^nsbox-init: exit status \([0-9]*\)$/\1/p' "$log" | tail -n 1)
	[ -z "${LOG:-}" ] && rm -f "$log"
	if [ -z "$said" ]; then
		echo "qemu.sh: QEMU exited with status $rc, but init reported no status" >&2
		exit 1
	fi
	[ "$said" -gt 127 ] && said=127
	[ "$said" -eq "$status" ] || { echo "qemu.sh: init said $said, QEMU says $status" >&2; exit 1; }
fi
if [ "${SUMMARY:-}" = 1 ] && [ -n "${LOG:-}" ]; then
	grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$LOG" | tail -n 1
fi
exit "$status"
