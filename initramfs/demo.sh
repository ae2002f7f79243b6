#!/bin/sh
# SPDX-License-Identifier: 0BSD
# The demo `make run` boots (nsbox.run=/usr/share/nsbox/demo.sh), run by
# nsbox init as PID 1: two containers, each with its own hostname, pid, mount
# and network namespace, wired together with mkveth, pinging each other; one
# of them pivoted into a small root of its own, the other in a network
# namespace named with netns (as "ip netns add" names one); lsns showing it
# all.  Every step is checked: the first failure ends the demo with status 1.

step() { printf '\n=== %s\n' "$*"; }
show() { echo "\$ $*"; "$@"; }
fail() { printf '\nDEMO FAILED: %s\n' "$*"; cleanup; exit 1; }
pids=
cleanup() { for p in $pids; do kill -KILL "$p" 2>/dev/null; done; netns delete beta 2>/dev/null; }

# The container's first process (PID 1 inside), a child of unshare --fork.
child_of() {	# PID
	i=0
	while [ $i -lt 100 ]; do
		c=$(cat "/proc/$1/task/$1/children" 2>/dev/null)
		[ -n "$c" ] && { echo ${c%% *}; return 0; }
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# Wait until container PID has taken hostname NAME.
wait_hostname() {	# PID NAME
	i=0
	while [ $i -lt 100 ]; do
		[ "$(nsenter -t "$1" -u hostname 2>/dev/null)" = "$2" ] && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
nsid() { readlink "/proc/$1/ns/$2"; }

step "nsbox $(nsbox --version | sed -n '1s/^nsbox //p') is PID 1 of this machine ($(uname -r), hostname $(hostname))"
show nsbox --list
for a in init unshare nsenter mkveth netns pivot lsns; do
	nsbox --list | grep -qx "$a" || fail "this nsbox has no '$a' applet (enable CONFIG_$(echo $a | tr a-z A-Z))"
done
[ "$(cat /proc/1/comm)" = init ] || fail "PID 1 is $(cat /proc/1/comm), not nsbox init"
show cat /etc/modules
grep -q '^veth ' /proc/modules || fail "veth.ko is not loaded"

step "a small root for container alpha: busybox and nsbox in a tmpfs"
root=/tmp/alpha-root
mkdir -p $root/bin $root/proc $root/dev $root/sys $root/tmp || fail "mkdir $root"
cp /usr/bin/busybox /usr/bin/nsbox $root/bin/ || fail "cannot populate $root"
for n in $(busybox --list); do [ -e "$root/bin/$n" ] || ln -s busybox "$root/bin/$n"; done
echo "alpha's own root: no host files here" > $root/README
show ls $root

step "container alpha: unshare -fpmnu --mount-proc, hostname alpha, pivot into $root"
unshare -fpmnu --mount-proc sh -c "hostname alpha && exec pivot --mount-proc $root /bin/sleep 1000" &
pids="$pids $!"
A=$(child_of $!) || fail "container alpha did not start"
pids="$A $pids"
wait_hostname "$A" alpha || fail "container alpha has no hostname alpha"
echo "alpha runs as PID $A here"

step "container beta: a named network namespace (netns add), then netns exec beta unshare -fpmu --mount-proc, nsbox init as its PID 1"
show netns add beta || fail "netns add beta failed"
show netns list
netns exec beta unshare -fpmu --mount-proc sh -c "hostname beta && exec init -- sleep 1000" &
pids="$pids $!"
B=$(child_of $!) || fail "container beta did not start"
pids="$B $pids"
wait_hostname "$B" beta || fail "container beta has no hostname beta"
echo "beta runs as PID $B here"
show netns identify "$B"
show netns pids beta
[ "$(netns identify "$B")" = beta ] || fail "netns identify does not name beta's namespace"

step "each has its own namespaces"
for ns in pid uts net mnt; do
	h=$(nsid 1 $ns) a=$(nsid "$A" $ns) b=$(nsid "$B" $ns)
	echo "$ns: host $h, alpha $a, beta $b"
	[ "$a" != "$h" ] && [ "$b" != "$h" ] && [ "$a" != "$b" ] || fail "$ns namespaces are not distinct"
done
show nsenter -t "$A" -u hostname
show nsenter -t "$B" -u hostname
[ "$(hostname)" != alpha ] && [ "$(hostname)" != beta ] || fail "the host's hostname changed"

step "inside alpha: PID 1 and a root of its own (nsenter -a)"
show nsenter -t "$A" -a sh -c 'echo "I am PID $$ of $(hostname)"; ps; ls /; cat /README'
[ "$(nsenter -t "$A" -a cat /README)" = "alpha's own root: no host files here" ] || fail "alpha does not see its own root"
nsenter -t "$A" -a test -e /usr/share/nsbox/demo.sh && fail "alpha can see the host's files"
show nsenter -t "$A" -a cat /proc/self/mountinfo
show nsenter -t "$B" -a ps

step "wire them: mkveth with addresses, one end in each"
show mkveth -n "$A" -a 10.0.0.1/24 -N beta -A 10.0.0.2/24 veth-alpha veth-beta || fail "mkveth failed"
show nsenter -t "$A" -n ip addr show veth-alpha
show netns exec beta ip addr show veth-beta
ip link show veth-alpha >/dev/null 2>&1 && fail "veth-alpha leaked into the host's namespace"

step "ping across"
show nsenter -t "$A" -a ping -c 2 -W 5 10.0.0.2 || fail "alpha cannot ping beta"
show nsenter -t "$B" -a ping -c 2 -W 5 10.0.0.1 || fail "beta cannot ping alpha"

step "lsns: every namespace on this machine"
show lsns || fail "lsns failed"
for ns in uts net pid; do
	lsns -t $ns | grep -q "^ *$(nsid "$A" $ns | tr -dc 0-9) " || fail "lsns does not show alpha's $ns namespace"
done
show lsns -t uts

step "tear down"
cleanup
wait
pids=
show netns list
[ -z "$(netns list)" ] || fail "netns delete left a name behind"
echo
echo "DEMO PASSED: two containers, own hostnames and pid namespaces, netns, veth, ping, pivot, lsns"
exit 0
