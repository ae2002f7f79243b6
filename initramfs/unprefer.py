#!/usr/bin/python3
# SPDX-License-Identifier: 0BSD
# initramfs/unprefer.py BUSYBOX NAME...: rename applets inside a copy of
# busybox (in place) so that it no longer runs them itself.
#
# Debian's busybox-static is built with FEATURE_PREFER_APPLETS and
# SH_STANDALONE: its sh, env, timeout, xargs... run a busybox applet whenever
# a command's bare name is one (busybox's own unshare, nsenter, init...),
# ignoring PATH.  nsbox's applets would never run by name.  The applet name
# table is a sorted run of NUL-terminated names starting "[\0[[\0"; changing
# a name's last letter to upper case keeps the table sorted (every applet
# name is lower case, so no name can collide) and makes lookups of the real
# name fail, so busybox falls back to PATH.
import re, sys

path, names = sys.argv[1], sys.argv[2:]
data = bytearray(open(path, 'rb').read())
start = data.find(b'[\0[[\0')
if start < 0 or data.find(b'[\0[[\0', start + 1) >= 0:
    sys.exit('unprefer: no unique applet table in ' + path)
end = data.find(b'\0\0', start)
for name in names:
    n = name.encode()
    m = re.search(b'\0' + re.escape(n) + b'\0', data[start - 1:end + 1])
    if not m:
        continue	# not an applet of this busybox
    i = start - 1 + m.start() + len(n)	# the name's last letter
    data[i:i + 1] = data[i:i + 1].upper()
names_now = bytes(data[start:end]).split(b'\0')
if names_now != sorted(names_now):
    sys.exit('unprefer: renaming %s would unsort busybox\'s applet table' % ' '.join(names))
open(path, 'wb').write(data)
