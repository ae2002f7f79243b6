#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Boot nsbox under QEMU and exit with the status of the job nsbox init ran:
#   initramfs/qemu.sh KERNEL INITRD TIMEOUT [KERNEL-ARG]...
# The console goes to stdout (and to $LOG when set, without CRs, at the end).  init
# writes the status to isa-debug-exit (nsbox.exitcode=isa); QEMU then exits
# with (status << 1) | 1, which is mapped back here; statuses above 127 come
# back as 127.  A status is trusted only with init's "nsbox-init: exit status
# N" line on the console (QEMU itself also exits 1 on its own errors), unless
# INTERACTIVE=1 (make qemu: QEMU in the terminal's foreground, which it puts in raw
# mode; the terminal's settings are restored afterwards, whatever became of QEMU).
# After TIMEOUT seconds QEMU is stopped: exit 124.
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
# The serial console on stdio, as -nographic has it, but with a (headless) display:
# under -nographic SeaBIOS writes to the serial port too, with terminal resets
# (ESC c, ESC [?7l: the screen cleared, line wrapping off) that reached the terminal.
set -- -accel "$accel" -smp "${SMP:-2}" -m "${MEM:-512}" -display none -vga none \
	-serial mon:stdio -no-reboot -nic none \
	-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$kernel" -initrd "$initrd" \
	-append "console=ttyS0 panic=-1 quiet nsbox.exitcode=isa $*"
[ "$accel" = kvm ] && set -- "$@" -cpu host

# timeout sends SIGTERM, on which QEMU quits, and SIGKILL 10 s later; it exits 124
# when it timed out.
if [ "${INTERACTIVE:-}" = 1 ]; then
	# --foreground: QEMU stays in the terminal's foreground process group, where it
	# may read and set the terminal (in a group of its own, SIGTTOU stopped it).
	tty=$(stty -g 2>/dev/null)
	timeout --foreground -k 10 "$limit" "$qemu" "$@"
	rc=$?
	[ -n "$tty" ] && stty "$tty" && printf '\033[?7h'	# settings, and line wrapping
	log=
else
	log=${LOG:-$(mktemp)}
	rcf=$(mktemp)
	# tee writes as it reads: the console streams live.
	{ timeout -k 10 "$limit" "$qemu" "$@" < /dev/null; echo $? > "$rcf"; } | tee "$rcf.log"
	rc=$(cat "$rcf")
	tr -d '\r' < "$rcf.log" > "$log"
	rm -f "$rcf" "$rcf.log"
fi

if [ "$rc" -eq 124 ]; then
	echo "qemu.sh: QEMU stopped after $limit s (the time limit)" >&2
	exit 124
fi
# Killed from outside (HUP, INT, KILL, TERM): 128+N, which a status from init
# cannot be when the console has no status line from it.
case $rc in 129|130|137|143)
	if [ -z "$log" ] || ! grep -q '^nsbox-init: exit status ' "$log"; then
		echo "qemu.sh: QEMU was killed by signal $((rc - 128))" >&2
		[ -z "${LOG:-}" ] && [ -n "$log" ] && rm -f "$log"
		exit "$rc"
	fi
esac
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
