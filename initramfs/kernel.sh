#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Fetch Debian's kernel package for ARCH (default x86_64) once and unpack it
# (not install it) under DIR:
#   initramfs/kernel.sh DIR [ARCH]
# Leaves DIR/vmlinuz (the image QEMU boots: vmlinuz, or malta's ELF vmlinux),
# DIR/config (the kernel's configuration) and DIR/modules (the package's
# lib/modules/VERSION); a second run with them present does nothing.  Needs
# apt-get and dpkg-deb, not root when the package lists are fresh (apt-get
# update needs root).
set -eu
dir=$1 arch=${2:-x86_64}
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/cross/arch.sh"
. "$top/cross/apt.sh"
arch_vars "$arch" || apt_die "unknown ARCH '$arch' (one of: $ARCHES)"
[ "$KPKG" != - ] || apt_die "Debian has no $arch kernel"
[ -f "$dir/vmlinuz" ] && [ -d "$dir/modules" ] && [ -f "$dir/config" ] && exit 0
apt_foreign "$DEB"
mkdir -p "$dir/deb"
cd "$dir/deb"
rm -f ./*.deb

# KPKG is a metapackage: download what it depends on.
meta=$KPKG
[ "$arch" = x86_64 ] || meta=$KPKG:$DEB
p=$(apt_target "$meta")
[ -n "$p" ] || { [ "$(id -u)" = 0 ] && apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1; p=$(apt_target "$meta"); }
[ -n "$p" ] || apt_die "apt knows no $meta (apt-get update)"
apt_download "$p"
deb=$(ls -t linux-image-*.deb | head -n 1)
rm -rf root && mkdir root
dpkg-deb -x "$deb" root
cd ..
ver=$(ls deb/root/lib/modules | head -n 1)
rm -rf modules && mv "deb/root/lib/modules/$ver" modules
img=deb/root/boot/vmlinuz-$ver
[ -f "$img" ] || img=deb/root/boot/vmlinux-$ver
cp "$img" vmlinuz.tmp && mv vmlinuz.tmp vmlinuz
cp "deb/root/boot/config-$ver" config
rm -rf deb
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
echo "kernel: $ver for $arch (from $deb)"
