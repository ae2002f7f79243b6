#!/bin/sh
# SPDX-License-Identifier: 0BSD
# The test image's job (nsbox.run=/usr/share/nsbox/vm-test.sh): the whole
# suite, as root, under nsbox init, or with nsbox.t=NAME[,NAME]... (make test
# T=NAME for a foreign ARCH) those files.  init powers off with the suite's status.
# The binary is copied to /tmp, the tmpfs the tests' scratch space is on, so
# that tests may hard-link it.
cd /nsbox || exit 1
mkdir -p /tmp/nsbox-build && cp build/* /tmp/nsbox-build/ || exit 1
# A file may take longer than run.sh's 600 s under TCG off x86 (faults.test:
# 450 s on aarch64); QEMU's watchdog bounds the whole.
export O=/tmp/nsbox-build NSBOX=/tmp/nsbox-build/nsbox TMPDIR=/tmp TEST_TIMEOUT=1800
echo "nsbox VM: kernel $(uname -r), hostname $(hostname), modules: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')"
start=$(cut -d. -f1 /proc/uptime)
t=$(tr ' ' '\n' < /proc/cmdline | sed -n 's/^nsbox\.t=//p' | tr , ' ')
# shellcheck disable=SC2086
sh tests/run.sh $t
rc=$?
echo "nsbox VM: the suite took $(($(cut -d. -f1 /proc/uptime) - start)) s, booted $start s before"
exit $rc
