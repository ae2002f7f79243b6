#!/bin/sh
# SPDX-License-Identifier: 0BSD
# A job for boot tests (nsbox.run=/usr/share/nsbox/vm-status.sh): leaves an
# orphan behind, prints what init set up, and exits with nsbox.status=N, or,
# with nsbox.signal=SIG, sends SIG to init and waits to be stopped.
arg() { tr ' ' '\n' < /proc/cmdline | sed -n "s/^nsbox\.$1=//p"; }
(sleep 30 &)
echo "vm-status: hostname=$(hostname) lo_flags=$(cat /sys/class/net/lo/flags) modules=$(cut -d' ' -f1 /proc/modules | sort | tr '\n' ' ')"
sig=$(arg signal)
if [ -n "$sig" ]; then
	kill -s "$sig" 1
	sleep 60
	echo "vm-status: still running after SIG$sig to init"
fi
status=$(arg status)
exit "${status:-0}"
