# SPDX-License-Identifier: 0BSD
# nsbox's test harness, sourced by tests/run.sh before each *.test file.
# POSIX sh: it runs under bash on the host and BusyBox ash in the VM.
#
#   testing NAME COMMAND EXPECTED_STDOUT INFILE STDIN
#	Run COMMAND (through eval, in a subshell, in a scratch directory) with
#	STDIN on its standard input and INFILE written to the file "input".
#	It passes when its stdout equals EXPECTED_STDOUT and it exits 0; to test
#	a failure, end COMMAND with "; echo $?" or use testerr.  The three text
#	arguments take printf %b escapes (\n, \t, \\).
#   testcmd NAME ARGS EXPECTED_STDOUT INFILE STDIN
#	The same, with the applet under test ($C) put in front of ARGS.
#   testerr NAME COMMAND EXPECTED_STATUS EXPECTED_STDERR
#	Run COMMAND; pass when it exits with EXPECTED_STATUS and writes exactly
#	EXPECTED_STDERR to stderr (stdout is ignored).
#   optional CONFIG_X	skip the rest of the file unless CONFIG_X is enabled
#   skipnot COMMAND...	skip the next test unless COMMAND succeeds
#   needroot		skip the next test unless we are root
#   needns		skip the next test under qemu-user when it needs what qemu-user's
#			threads keep from a process (user namespaces, setns into a mount
#			or time namespace: tests/run.sh's QEMU_NS) or nsfs ioctls
#   qemu_user_needs WHAT	under qemu-user, skip the rest of the file without WHAT
#   nsboxonly		skip the next test in host mode (TEST_HOST=1)
#   nsboxfile		skip the rest of the file in host mode
#   detach_nsfs		in a private mount namespace: detach every nsfs mount (ip netns
#			add, unshare --net=FILE) its copy of the host's table holds, so
#			that lsns -P and the like see only what the test makes
#
# Variables: $C (the applet under test), $NSBOX (the nsbox binary; empty in
# host mode), $HOSTMODE (1 in host mode), $TOP (source tree), $TESTDIR (scratch).
# $VG: empty, or under "make VALGRIND=1 test" a valgrind command line (exit 99
# on any memory error or leak) to put in front of invocations that do not fork:
#	testerr "bad option" "\$VG \$C --bogus" 1 "..."

_skipnext=
_skipall=

_result() {	# PASS|FAIL|SKIP NAME [REASON]
	echo "$1" >> "$RESULTS"
	if [ -n "$3" ]; then echo "$1: $2 ($3)"; else echo "$1: $2"; fi
}

_skipped() {	# NAME; true (and reported) when the test is to be skipped
	if [ -n "$_skipall" ]; then
		_result SKIP "$1" "$_skipall"
	elif [ -n "$_skipnext" ]; then
		_result SKIP "$1" "$_skipnext"
	else
		return 1
	fi
	_skipnext=
	return 0
}

_scratch() {
	_w="$TESTDIR/work"
	rm -rf "$_w" && mkdir -p "$_w"
}

testing() {
	if [ $# -ne 5 ]; then
		_result FAIL "${1:-?}" "testing takes 5 arguments, got $#"
		return
	fi
	_skipped "$1" && return
	_scratch
	printf '%b' "$3" > "$TESTDIR/expected"
	printf '%b' "$4" > "$_w/input"
	printf '%b' "$5" | (cd "$_w" && eval "$2") > "$TESTDIR/actual" 2> "$TESTDIR/stderr"
	_rc=$?
	if cmp -s "$TESTDIR/expected" "$TESTDIR/actual" && [ $_rc -eq 0 ]; then
		_result PASS "$1"
		return
	fi
	_result FAIL "$1"
	echo "  command: $2"
	[ $_rc -eq 0 ] || echo "  exit status $_rc"
	diff -u "$TESTDIR/expected" "$TESTDIR/actual" | sed 's/^/  /'
	[ -s "$TESTDIR/stderr" ] && sed 's/^/  stderr: /' "$TESTDIR/stderr" | head -20
	return 0
}

testcmd() {
	if [ $# -ne 5 ]; then
		_result FAIL "${1:-?}" "testcmd takes 5 arguments, got $#"
		return
	fi
	testing "$1" "\"\$C\" $2" "$3" "$4" "$5"
}

testerr() {
	if [ $# -ne 4 ]; then
		_result FAIL "${1:-?}" "testerr takes 4 arguments, got $#"
		return
	fi
	_skipped "$1" && return
	_scratch
	printf '%b' "$4" > "$TESTDIR/expected"
	(cd "$_w" && eval "$2") < /dev/null > /dev/null 2> "$TESTDIR/actual"
	_rc=$?
	if cmp -s "$TESTDIR/expected" "$TESTDIR/actual" && [ "$_rc" = "$3" ]; then
		_result PASS "$1"
		return
	fi
	_result FAIL "$1"
	echo "  command: $2"
	[ "$_rc" = "$3" ] || echo "  exit status $_rc, expected $3"
	diff -u "$TESTDIR/expected" "$TESTDIR/actual" | sed 's/^/  /'
	return 0
}

optional() {
	[ -n "$HOSTMODE" ] && return
	case " $OPTIONFLAGS " in
	*" $1 "*) ;;
	*) _skipall="$1 is not enabled" ;;
	esac
}

skipnot() {
	[ -n "$_skipnext" ] && return
	("$@") > /dev/null 2>&1 || _skipnext="needs: $*"
}

needroot() {
	[ -n "$_skipnext" ] && return
	[ "$(id -u)" = 0 ] || _skipnext="needs root"
}

needns() {
	[ -n "$_skipnext" ] && return
	[ -z "$QEMU_NS$QEMU_NSIOCTL" ] || _skipnext=${QEMU_NS:-$QEMU_NSIOCTL}
}

# Under qemu-user (make test ARCH=mips, tests/run.sh): skip the rest of the file
# when it needs what qemu-user lacks (tests/run.sh's probes): nsfs ioctls (lsns),
# namespaces a threaded process may not make, mkveth's netlink, openat2 (pivot).
qemu_user_needs() {	# nsioctl|ns|veth|openat2
	case $1 in
	nsioctl) [ -z "$QEMU_NSIOCTL" ] || _skipall=$QEMU_NSIOCTL ;;
	ns) [ -z "$QEMU_NS" ] || _skipall=$QEMU_NS ;;
	veth) [ -z "$QEMU_VETH" ] || _skipall=$QEMU_VETH ;;
	openat2) [ -z "$QEMU_OPENAT2" ] || _skipall=$QEMU_OPENAT2 ;;
	esac
	return 0
}

# The name of signal N on the target: tests/run.sh's TARGET_SIGS under qemu-user
# when its numbers differ from the host's (MIPS), else the shell's.
signame() {	# N
	if [ -n "$TARGET_SIGS" ]; then set -- "$1" $TARGET_SIGS; eval "echo \${$(($1 + 1))}"; else kill -l "$1"; fi
}

# Debian 12's armhf (armmp) and mipsel (malta) kernels are built without time namespaces.
needtimens() {
	[ -n "$_skipnext" ] && return
	[ -e /proc/self/ns/time ] || _skipnext="the kernel has no time namespaces (no CONFIG_TIME_NS)"
}

nsboxonly() {
	[ -n "$_skipnext" ] && return
	[ -n "$HOSTMODE" ] && _skipnext="nsbox only"
	return 0
}

nsboxfile() {
	[ -n "$HOSTMODE" ] && _skipall="nsbox only"
	return 0
}

detach_nsfs() {
	while _m=$(sed -n 's/^[^ ]* [^ ]* [^ ]* [^ ]* \([^ ]*\) .* - nsfs .*/\1/p' /proc/self/mountinfo | head -n 1) &&
	      [ -n "$_m" ]; do
		umount -l "$(printf '%b' "$_m")" || return 1
	done
}
