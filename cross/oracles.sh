#!/bin/sh
# SPDX-License-Identifier: 0BSD
# The test image's programs for a foreign ARCH, from its Debian packages
# (downloaded and unpacked, not installed):
#   cross/oracles.sh ARCH DIR
# Leaves DIR/root with busybox-static (the VM's shell) and the oracles the
# tests use (iproute2's ip and bridge, iputils' ping, coreutils' readlink
# and comm, strace) with the shared libraries they need: the packages'
# library dependencies, followed to the end.  initramfs/build.sh takes
# them from there (ORACLES=DIR/root).  A second run does nothing while
# DIR/stamp holds this script's checksum (a changed package list makes
# the root again).
set -eu
arch=$1 dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/cross/arch.sh"
. "$top/cross/apt.sh"
arch_vars "$arch" || apt_die "unknown ARCH '$arch' (one of: $ARCHES)"
[ "$DEB" != - ] || apt_die "Debian has no $arch packages"
stamp=$(cksum < "$top/cross/oracles.sh")
[ -d "$dir/root" ] && [ "$(cat "$dir/stamp" 2>/dev/null)" = "$stamp" ] && exit 0
apt_foreign "$DEB"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir/deb" "$dir/root.tmp" && mkdir -p "$dir/deb" "$dir/root.tmp"
cd "$dir/deb"

# The packages' dependencies named lib* (and zlib1g, libbpf's zlib), and
# theirs, until nothing is new.
want="busybox-static iproute2 iputils-ping coreutils strace"
todo=$want
while [ -n "$todo" ]; do
	new= q=
	for p in $todo; do q="$q $p:$DEB"; done
	for d in $(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
			--no-replaces --no-enhances $q 2>/dev/null |
		   sed -n 's/^ *|\{0,1\}\(Pre\)\{0,1\}Depends: \(lib[^ <>:]*\|zlib1g\)\(:[a-z0-9]*\)\{0,1\}$/\2/p'); do
		case " $want $new " in *" $d "*) continue ;; esac
		new="$new $d"
	done
	want="$want$new" todo=$new
done
pkgs=
for p in $want; do pkgs="$pkgs $p:$DEB"; done
apt_download $pkgs
apt_unpack "$dir/root.tmp"
cd "$dir" && rm -rf deb root.tmp/usr/share/doc root.tmp/usr/share/man root.tmp/usr/share/locale
rm -rf root && mv root.tmp root
echo "$stamp" > stamp
echo "oracles: $dir/root ($(echo $want | wc -w) $DEB packages)" >&2
