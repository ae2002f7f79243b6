#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Boot nsbox under QEMU and exit with the status of the job nsbox init ran:
#   initramfs/qemu.sh KERNEL INITRD TIMEOUT [KERNEL-ARG]...
# ARCH (x86_64) picks the machine from cross/arch.sh: its QEMU, MACHINE,
# CONSOLE, SMP, MEM and EXIT.  The console goes to stdout (and to $LOG when
# set, without CRs, at the end).  EXIT=isa (x86_64, i386): init writes the
# status to isa-debug-exit (nsbox.exitcode=isa); QEMU then exits with
# (status << 1) | 1, which is mapped back here; statuses above 127 come back
# as 127.  EXIT=line (the others, which have no such device): the status is
# init's "nsbox-init: exit status N" line alone, after which init powers off
# and QEMU exits 0.  Either way a status is trusted only with that line on
# the console (QEMU itself also exits 1 on its own errors), unless
# INTERACTIVE=1 (make qemu: QEMU in the terminal's foreground, which it puts in raw
# mode; the terminal's settings are restored afterwards, whatever became of QEMU).
# After TIMEOUT seconds QEMU is stopped: exit 124.
# Environment: ARCH, ACCEL (tcg, or kvm to opt in), MEM (MiB; the arch's, 512
#   on most), SMP (vCPUs; the arch's, 2 on most: multi-threaded TCG, and lsns's
#   split scan runs), QEMU, LOG (console copy), SUMMARY=1 (the test suite:
#   its closing line is required, and repeated last).
set -u
kernel=$1 initrd=$2 limit=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
smp=${SMP:-} mem=${MEM:-} qemu=${QEMU:-}
. "$top/cross/arch.sh"
arch_vars "${ARCH:-x86_64}" || { echo "qemu.sh: unknown ARCH '$ARCH' (one of: $ARCHES)" >&2; exit 1; }
[ "$QEMU" != - ] || { echo "qemu.sh: $ARCH has no VM (no Debian kernel)" >&2; exit 1; }
qemu=${qemu:-$QEMU} SMP=${smp:-$SMP} MEM=${mem:-$MEM}
command -v "$qemu" >/dev/null ||
	{ echo "qemu.sh: $qemu not found: run 'make deps${ARCH:+ ARCH=$ARCH}' ($QPKG)" >&2; exit 1; }
[ -f "$kernel" ] || { echo "qemu.sh: no kernel at $kernel" >&2; exit 1; }
[ -f "$initrd" ] || { echo "qemu.sh: no initramfs at $initrd" >&2; exit 1; }
accel=${ACCEL:-tcg}
# The serial console on stdio, as -nographic has it, but with a (headless) display:
# under -nographic SeaBIOS writes to the serial port too, with terminal resets
# (ESC c, ESC [?7l: the screen cleared, line wrapping off) that reached the terminal.
# EXIT=line and interactive: the console is logged by QEMU itself (the status
# line must be read back, and the terminal is QEMU's).
ilog=
if [ "$EXIT" = isa ]; then
	exitdev="-device isa-debug-exit,iobase=0xf4,iosize=4" exitarg=" nsbox.exitcode=isa"
else
	exitdev= exitarg=
fi
if [ "${INTERACTIVE:-}" = 1 ] && [ "$EXIT" = line ]; then
	ilog=$(mktemp)
	serial="-chardev stdio,id=con,mux=on,signal=off,logfile=$ilog -serial chardev:con -mon chardev=con"
else
	serial="-serial mon:stdio"
fi
# $MACHINE, $exitdev and $serial split into their words (no spaces within one).
# shellcheck disable=SC2086
set -- $MACHINE -accel "$accel" -smp "$SMP" -m "$MEM" -display none -vga none \
	$serial -no-reboot -nic none \
	$exitdev -kernel "$kernel" -initrd "$initrd" \
	-append "console=$CONSOLE panic=-1 quiet$exitarg $*"
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
	if [ -n "$ilog" ]; then
		log=$(mktemp)
		tr -d '\r' < "$ilog" > "$log"
		rm -f "$ilog"
	fi
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
	if [ -z "$log" ] || ! grep -q 'nsbox-init: exit status [0-9]*$' "$log"; then
		echo "qemu.sh: QEMU was killed by signal $((rc - 128))" >&2
		[ -z "${LOG:-}" ] && [ -n "$log" ] && rm -f "$log"
		exit "$rc"
	fi
esac
# The line may follow the start of the job's last line: the job's session is
# hung up when it ends, and what the console had not sent yet is dropped.
said=
[ -n "$log" ] && said=$(sed -n 's/^.*nsbox-init: exit status \([0-9]*\)$/\1/p' "$log" | tail -n 1)
if [ "$EXIT" = line ]; then
	# No exit device: QEMU exits 0 when the machine powers off, and the
	# status is the line's alone.
	[ -n "$log" ] && [ -z "${LOG:-}" ] && rm -f "$log"
	if [ "$rc" -ne 0 ]; then
		echo "qemu.sh: QEMU exited with status $rc${said:+ after init said $said}" >&2
		exit 1
	fi
	if [ -z "$said" ]; then
		echo "qemu.sh: QEMU exited, but init reported no status" >&2
		exit 1
	fi
	status=$said
else
	if [ $((rc & 1)) -eq 0 ]; then
		echo "qemu.sh: QEMU exited with status $rc without a result from init" >&2
		exit 1
	fi
	status=$((rc >> 1))
	if [ -n "$log" ]; then
		[ -z "${LOG:-}" ] && rm -f "$log"
		if [ -z "$said" ]; then
			echo "qemu.sh: QEMU exited with status $rc, but init reported no status" >&2
			exit 1
		fi
		[ "$said" -gt 127 ] && said=127
		[ "$said" -eq "$status" ] || { echo "qemu.sh: init said $said, QEMU says $status" >&2; exit 1; }
	fi
fi
# The test suite: no success without its closing line.
if [ "${SUMMARY:-}" = 1 ] && [ -n "${LOG:-}" ]; then
	sum=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$LOG" | tail -n 1)
	if [ -z "$sum" ]; then
		echo "qemu.sh: the suite's closing line (N passed, N failed, N skipped) is missing" >&2
		[ "$status" -ne 0 ] || status=1
	fi
	[ -z "$sum" ] || echo "$sum"
fi
exit "$status"
