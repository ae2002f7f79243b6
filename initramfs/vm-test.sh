#!/bin/sh
# The test image's job (nsbox.run=/usr/share/nsbox/vm-test.sh): the whole
# suite, as root, under nsbox init.  init powers off with the suite's status.
cd /nsbox || exit 1
export O=/nsbox/build NSBOX=/nsbox/build/nsbox TMPDIR=/tmp
echo "nsbox VM: kernel $(uname -r), hostname $(hostname), modules: $(cut -d' ' -f1 /proc/modules | tr '\n' ' ')"
sh tests/run.sh
