#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Runs tests/*.test (or tests/NAME.test for each NAME given; not those given
# as -NAME) and ends with "N passed, N failed, N skipped".  Exits 1 when
# anything failed.
#   O=DIR          the build directory holding nsbox (default: build)
#   NSBOX=PATH     the binary to test (default: $O/nsbox)
#   TEST_HOST=1    test the host's commands (util-linux) instead of nsbox
#   TEST_HOST=sid  the same with util-linux 2.42 from the sid root first on PATH
#   SIDREF=DIR     the sid reference root (tests/sidref.sh; default: $O/sid)
#   TEST_TIMEOUT=S the time one .test file may take (default: 600)
#   QEMU_USER=PROG $NSBOX is a foreign binary run by that qemu-user (below)

TOP=$(cd "$(dirname "$0")/.." && pwd)
O=${O:-build}
case $O in /*) ;; *) O=$TOP/$O ;; esac
NSBOX=${NSBOX:-$O/nsbox}
TESTDIR=$(mktemp -d "${TMPDIR:-/tmp}/nsbox-test.XXXXXX") || exit 1
RESULTS=$TESTDIR/results
trap 'rm -rf "$TESTDIR"' EXIT
trap 'exit 130' INT TERM
: > "$RESULTS"

# The util-linux 2.42 reference (tests/sidref.sh): SIDBIN holds its lsns,
# unshare and nsenter; without it SIDSKIP says why, and the cases skip.
SIDREF=${SIDREF:-$O/sid}
SIDSKIP=
SIDBIN=$("$TOP/tests/sidref.sh" "$SIDREF" 2> "$TESTDIR/sidref.err") ||
	SIDSKIP=$(sed 's/^sidref: //' "$TESTDIR/sidref.err" | tail -n 1)
[ -n "$SIDBIN" ] || SIDSKIP=${SIDSKIP:-tests/sidref.sh failed}
if [ "$TEST_HOST" = sid ]; then
	[ -n "$SIDBIN" ] || { echo "run.sh: TEST_HOST=sid: $SIDSKIP" >&2; exit 1; }
	PATH=$SIDBIN:$PATH
fi

if [ -n "$TEST_HOST" ]; then
	HOSTMODE=1
	NSBOX=
	OPTIONFLAGS=
else
	HOSTMODE=
	case $NSBOX in /*) ;; *) NSBOX=$(pwd)/$NSBOX ;; esac
	[ -x "$NSBOX" ] || { echo "run.sh: no binary at $NSBOX: run make first" >&2; exit 1; }
	mkdir -p "$TESTDIR/bin"
	for a in $("$NSBOX" --list); do ln -s "$NSBOX" "$TESTDIR/bin/$a"; done
	PATH=$TESTDIR/bin:$PATH
	cfg=$(dirname "$NSBOX")/config.h
	OPTIONFLAGS=$( [ -f "$cfg" ] && sed -n 's/^#define \(CONFIG_[A-Z0-9_]*\) 1$/\1/p' "$cfg" | tr '\n' ' ')
fi
# QEMU_USER=PROGRAM (make test ARCH=mips): $NSBOX is another architecture's and
# runs through that qemu-user (binfmt_misc).  What qemu-user cannot do is probed
# once; the tests that need it skip, naming the limitation (harness.sh).
QEMU_NS= QEMU_NSIOCTL= QEMU_SKNS= QEMU_NSID= QEMU_VETH= QEMU_OPENAT2= TARGET_SIGS=
if [ -n "$QEMU_USER" ] && [ -z "$HOSTMODE" ]; then
	"$NSBOX" --list > /dev/null 2>&1 ||
		{ echo "run.sh: $NSBOX does not run here: make deps ARCH=... registers $QEMU_USER" >&2; exit 1; }
	"$NSBOX" unshare -U true 2>&1 | grep -q 'Invalid argument' &&
		QEMU_NS="$QEMU_USER runs the program with threads of its own: the kernel refuses a multithreaded process a new user namespace and setns into a mount namespace (EINVAL) or a time namespace (EUSERS); the VMs run it"
	"$NSBOX" lsns -n -o NS,ONS 2>&1 | grep -q 'Function not implemented' &&
		QEMU_NSIOCTL="$QEMU_USER passes no nsfs ioctls (NS_GET_NSTYPE, NS_GET_USERNS: ENOSYS)"
	"$NSBOX" nsenter -t $$ -N 1 true 2>&1 | grep -q 'SIOCGSKNS): Function not implemented' &&
		QEMU_SKNS="$QEMU_USER passes no SIOCGSKNS ioctl (ENOSYS), which nsenter -N needs"
	"$NSBOX" netns list-id 2>&1 | grep -q 'Operation not supported' &&
		QEMU_NSID="$QEMU_USER translates no RTM_*NSID netlink messages (EOPNOTSUPP)"
	# As root, in a mount or network namespace of the probe's own
	if [ "$(id -u)" = 0 ]; then
		_m=$(unshare -n "$NSBOX" mkveth nsbxq0 nsbxq1 2>&1) ||
			QEMU_VETH="$QEMU_USER fails mkveth's netlink requests here ($_m); the VMs run them"
		_d=$(mktemp -d)
		unshare -m "$NSBOX" pivot -f --mount-proc "$_d" /x 2>&1 | grep -q 'no openat2' &&
			QEMU_OPENAT2="$QEMU_USER has no openat2 (ENOSYS), which pivot resolves the new root's paths with"
		rmdir "$_d"
	fi
	# The target's signal names 1..31 where its numbers are not the host's: MIPS
	# (ELF e_machine 8).  The shells here are the host's: kill -l would be wrong.
	[ "$(od -An -tu1 -j18 -N2 "$NSBOX" | awk '{ print $1 + $2 }')" = 8 ] &&
		TARGET_SIGS="HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM USR1 USR2 CHLD PWR WINCH URG IO STOP TSTP CONT TTIN TTOU VTALRM PROF XCPU XFSZ"
fi
export QEMU_USER QEMU_NS QEMU_NSIOCTL QEMU_SKNS QEMU_NSID QEMU_VETH QEMU_OPENAT2 TARGET_SIGS
# make exports its command line (ARCH=mips): the tests' own builds of the tree are
# the build machine's.
unset ARCH CROSS_COMPILE
# VALGRIND=1 (make VALGRIND=1 test: a dynamic glibc build): $VG is valgrind's
# command line, for tests to put in front of invocations that do not fork.
VG=
if [ -n "$VALGRIND" ] && [ -z "$HOSTMODE" ]; then
	command -v valgrind >/dev/null || { echo "run.sh: VALGRIND=1 needs valgrind" >&2; exit 1; }
	VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect"
	VG="$VG --errors-for-leak-kinds=definite,indirect --child-silent-after-fork=yes --vgdb=no"
	# its reports go to files (the status says 99), so stderr stays the applet's;
	# the suppressions are valgrind's own false positives (see the file)
	VG="$VG --log-file=$TESTDIR/valgrind.%p.log --suppressions=$TOP/tests/valgrind.supp"
fi
export PATH HOSTMODE NSBOX OPTIONFLAGS TESTDIR RESULTS TOP VG SIDBIN SIDSKIP

# NAME runs that file; -NAME leaves it out of the rest (or of the named ones).
files= skip= bad=
for t in "$@"; do
	f=$TOP/tests/${t#-}.test
	case $t in
	-*) skip="$skip $f"; [ -f "$f" ] || bad="$bad $f" ;;
	*) files="$files $f" ;;
	esac
done
[ -n "$files" ] || files=$(ls "$TOP"/tests/*.test)
files="$(for f in $files; do case "$skip " in *" $f "*) ;; *) echo "$f" ;; esac; done)$bad"

for f in $files; do
	name=$(basename "$f" .test)
	if [ ! -f "$f" ]; then
		echo "FAIL: $name (no such test file)"; echo FAIL >> "$RESULTS"; continue
	fi
	if [ -n "$HOSTMODE" ]; then
		C=$(command -v "$name" 2>/dev/null) || C=/nonexistent/$name
	elif [ "$name" = nsbox ]; then
		C=$NSBOX
	else
		C=$TESTDIR/bin/$name
	fi
	export C
	timeout -s KILL "${TEST_TIMEOUT:-600}" sh -c '. "$TOP/tests/harness.sh"; . "$1"' sh "$f"
	rc=$?
	if [ $rc -eq 137 ]; then
		echo "FAIL: $name (timed out after ${TEST_TIMEOUT:-600} s)"; echo FAIL >> "$RESULTS"
	elif [ $rc -ne 0 ]; then
		echo "FAIL: $name (the test file exited with status $rc)"; echo FAIL >> "$RESULTS"
	fi
done

pass=$(grep -c '^PASS' "$RESULTS")
fail=$(grep -c '^FAIL' "$RESULTS")
skip=$(grep -c '^SKIP' "$RESULTS")
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
