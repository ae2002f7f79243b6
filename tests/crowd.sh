#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Runs COMMAND on a crowded machine: while namespaces, links, mounts and processes
# that have nothing to do with it exist, as on a machine where other jobs run.
#   tests/crowd.sh COMMAND [ARG]...        (as root; .ci/run: tests/crowd.sh make test)
# The crowd: two "ip netns add" names, one holding a veth pair and the other bound
# onto a file under a tmpfs mount in /tmp, and two "unshare -n" sleepers.  Everything
# is removed again by name and PID, whatever COMMAND did; the exit status is COMMAND's.
set -u
[ "$(id -u)" = 0 ] || { echo "crowd.sh: needs root" >&2; exit 1; }
tag=nsbox-crowd-$$
dir= pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	for p in $pids; do wait "$p" 2>/dev/null; done
	if [ -n "$dir" ]; then
		umount "$dir/net" "$dir" 2>/dev/null
		rmdir "$dir"
	fi
	for n in a b; do ip netns del "$tag-$n" 2>/dev/null; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$tag-a" && ip netns add "$tag-b" &&
ip -n "$tag-a" link add crowd0 type veth peer name crowd1 &&
ip -n "$tag-a" link set crowd0 up && ip -n "$tag-a" link set crowd1 up &&
dir=$(mktemp -d "/tmp/$tag.XXXXXX") && mount -t tmpfs "$tag" "$dir" &&
: > "$dir/net" && mount --bind "/run/netns/$tag-b" "$dir/net" ||
	{ echo "crowd.sh: cannot make the crowd" >&2; exit 1; }
for i in 1 2; do
	unshare -n sleep 86400 &
	pids="$pids $!"
done
"$@"
