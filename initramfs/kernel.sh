#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Fetch Debian's kernel package once and unpack it (not install it) under DIR:
#   initramfs/kernel.sh DIR
# Leaves DIR/vmlinuz and DIR/modules (the package's lib/modules/VERSION);
# a second run with both present does nothing.  Needs apt-get and dpkg-deb,
# not root when the package lists are fresh (apt-get update needs root).
set -eu
dir=$1
[ -f "$dir/vmlinuz" ] && [ -d "$dir/modules" ] && exit 0
mkdir -p "$dir/deb"
cd "$dir/deb"

# linux-image-amd64 is a metapackage: download what it depends on.
pkg() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		sed -n 's/^ *Depends: \(linux-image-[0-9][^ ]*\)$/\1/p' | head -n 1
}
fetch() {
	p=$(pkg) && [ -n "$p" ] && apt-get download -q "$p" >/dev/null 2>&1
}
if ! fetch; then
	echo "kernel.sh: apt-get download failed: running apt-get update and retrying" >&2
	apt-get update -qq >/dev/null 2>&1 || true
	fetch || { echo "kernel.sh: cannot download the Debian kernel package (linux-image-amd64)" >&2; exit 1; }
fi
deb=$(ls -t linux-image-*.deb | head -n 1)
rm -rf root && mkdir root
dpkg-deb -x "$deb" root
cd ..
ver=$(ls deb/root/lib/modules | head -n 1)
rm -rf modules && mv "deb/root/lib/modules/$ver" modules
cp "deb/root/boot/vmlinuz-$ver" vmlinuz.tmp && mv vmlinuz.tmp vmlinuz
rm -rf deb/root
# The package carries no modules.dep (depmod makes it at install time).
if [ ! -f modules/modules.dep ]; then
	if command -v depmod >/dev/null || [ -x /sbin/depmod ]; then
		rm -rf dm && mkdir -p dm/lib/modules && ln -s ../../../modules "dm/lib/modules/$ver"
		PATH=$PATH:/sbin:/usr/sbin depmod -b dm "$ver"
		rm -rf dm
	else	# no kmod: the same "path: dep dep" lines, from each module's depends=
		( cd modules
		  find kernel -name '*.ko*' > .paths
		  while read -r m; do
			deps=$(tr '\0' '\n' < "$m" | sed -n 's/^depends=//p' | tr ',' ' ')
			line="$m:"
			for d in $deps; do
				line="$line $(grep -m1 -e "/$d\.ko" -e "/$(echo "$d" | tr _ -)\.ko" .paths)"
			done
			echo "$line"
		  done < .paths > modules.dep
		  rm -f .paths )
	fi
fi
echo "kernel: $ver (from $deb)"
