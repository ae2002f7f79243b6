#!/bin/sh
# SPDX-License-Identifier: 0BSD
# make test: the suite on the host, then inside the VM; the last line is the
# sum of both summaries.  Exits 1 when either failed.
#   initramfs/test-all.sh VMLOG [VAR=VALUE]... COMMAND...  (boots the VM suite)
log=$1
shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
sum='^[0-9][0-9]* passed, [0-9][0-9]* failed, [0-9][0-9]* skipped$'

echo "=== the test suite on the host"
{ sh tests/run.sh; echo $? > "$tmp/hrc"; } | tee "$tmp/host"
echo "=== the test suite in the VM (nsbox init as PID 1; console follows)"
rm -f "$log"
{ env LOG="$log" SUMMARY=1 "$@"; echo $? > "$tmp/vrc"; } | tee "$tmp/vm"
hrc=$(cat "$tmp/hrc") vrc=$(cat "$tmp/vrc")

host=$(grep "$sum" "$tmp/host" | tail -n 1)
vm=$(grep "$sum" "$log" 2>/dev/null | tail -n 1)
set -- ${host:-0 passed, 1 failed, 0 skipped}
p=$1 f=${3} s=$5
if [ -z "$vm" ]; then
	echo "FAIL: the VM suite did not finish (status $vrc; console in $log)"
	vm="0 passed, 1 failed, 0 skipped"
fi
set -- $vm
vf=$3
if [ "$vrc" -ne 0 ] && [ "$vf" -eq 0 ]; then
	echo "FAIL: the VM exited with status $vrc"
	vf=1
fi
p=$((p + $1)) f=$((f + vf)) s=$((s + $5))
echo "host: $host; VM: $vm"
echo "$p passed, $f failed, $s skipped"
[ "$hrc" -eq 0 ] && [ "$vrc" -eq 0 ] && [ "$f" -eq 0 ]
