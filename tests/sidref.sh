#!/bin/sh
# SPDX-License-Identifier: 0BSD
# The second reference for the differential tests: util-linux from Debian sid
# (2.42.x), next to the host's 2.38.1.
#
#   tests/sidref.sh DIR         make DIR (a minbase sid root, once; about 30-60 s)
#                               and DIR.bin/{lsns,unshare,nsenter}; print DIR.bin
#   tests/sidref.sh -q DIR      only print DIR.bin if it is already made
#
# On failure it prints nothing on stdout and the reason on stderr (and in
# DIR.fail, so that a test run asks only once): tests then skip with it.
#
# The commands run with the sid root's own dynamic loader and libraries but
# the machine's root directory, /proc and mount table: a chroot into DIR
# would show lsns a mountinfo cut to DIR (no /run/netns, no test mounts) and,
# from the private mount namespace a chroot with its own /proc needs, one
# more mount namespace than nsbox sees.  "DIR.bin/chroot CMD" runs CMD in
# the sid root itself (a private mount namespace, the root's own /proc), for
# what needs sid's whole userland.
set -u
quiet=
[ "${1:-}" = -q ] && { quiet=1; shift; }
[ $# -eq 1 ] || { echo "usage: $0 [-q] DIR" >&2; exit 2; }
case $1 in /*) D=$1 ;; *) D=$(pwd)/$1 ;; esac
B=$D.bin

fail() {
	echo "$*" > "$D.fail"
	echo "sidref: $*" >&2
	exit 1
}

wrappers() {
	ld=$(ls "$D"/usr/lib64/ld-linux-*.so.* "$D"/lib/*/ld-linux*.so.* 2>/dev/null | head -n 1)
	[ -n "$ld" ] || fail "no dynamic loader in $D"
	libs=$(ls -d "$D"/usr/lib/*-linux-gnu* | tr '\n' ':')
	mkdir -p "$B.tmp"
	for c in lsns unshare nsenter; do
		cat > "$B.tmp/$c" <<EOF
#!/bin/sh
exec "$ld" --library-path "$libs" --argv0 $c "$D/usr/bin/$c" "\$@"
EOF
		chmod 755 "$B.tmp/$c"
	done
	cat > "$B.tmp/chroot" <<EOF
#!/bin/sh
exec /usr/bin/unshare -m --propagation private sh -c 'mount -t proc proc "\$0/proc" && exec chroot "\$0" "\$@"' "$D" "\$@"
EOF
	chmod 755 "$B.tmp/chroot"
	v=$("$B.tmp/lsns" --version 2>&1) || fail "sid's lsns does not run: $v"
	rm -rf "$B" && mv "$B.tmp" "$B"
}

if [ -f "$D/.complete" ]; then
	[ -x "$B/lsns" ] || [ -n "$quiet" ] || wrappers
	[ -x "$B/lsns" ] || exit 1
	echo "$B"
	exit 0
fi
[ -n "$quiet" ] && exit 1
[ -f "$D.fail" ] && { echo "sidref: $(cat "$D.fail")" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "sidref: debootstrap needs root" >&2; exit 1; }
command -v debootstrap > /dev/null || PATH=$PATH:/usr/sbin
command -v debootstrap > /dev/null || fail "no debootstrap (make deps installs it)"
# The archive apt already uses: the first deb822 URIs line, else the first deb line.
mirror=$(sed -n 's/^URIs: *\([^ ]*\).*/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n 1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb  *\(\[[^]]*\]  *\)*\([^ ]*\).*/\2/p' /etc/apt/sources.list 2>/dev/null | head -n 1)
[ -n "$mirror" ] || fail "no Debian archive in /etc/apt/sources.list*"
rm -rf "$D" "$B"
mkdir -p "$(dirname "$D")"
# debootstrap mounts /proc and /sys in the target: a private mount namespace
# takes them away however it ends.
if ! unshare -m --propagation private debootstrap --variant=minbase sid "$D" "$mirror" > "$D.log" 2>&1; then
	tail -n 5 "$D.log" >&2
	rm -rf "$D"
	fail "debootstrap --variant=minbase sid failed (log: $D.log)"
fi
touch "$D/.complete"
wrappers
echo "$B"
