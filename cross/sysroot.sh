#!/bin/sh
# SPDX-License-Identifier: 0BSD
# A musl sysroot for Debian's cross compiler, made without installing
# anything:
#   cross/sysroot.sh ARCH DIR
# Leaves DIR/lib (libc.a, crt*.o, and libc.so for STATIC=0 links but on
# mips), DIR/include (musl's headers), DIR/khdr
# (the kernel's UAPI headers: linux/, asm/, asm-generic/) and DIR/musl.specs,
# which points GNU-gcc at them as Debian's musl-gcc wrapper does natively:
#   GNU-gcc -specs DIR/musl.specs -isystem DIR/khdr ...
# musl and the headers come from Debian's packages (musl-dev:DEB and musl:DEB,
# linux-libc-dev-DEB-cross); for mips, which Debian 12 has no port for,
# libc.a is built from Debian's musl source package with mips-linux-gnu-gcc.
# A second run with DIR/khdr (and libc.so) present does nothing.
set -eu
arch=$1 dir=$2
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/cross/arch.sh"
. "$top/cross/apt.sh"
arch_vars "$arch" || apt_die "unknown ARCH '$arch' (one of: $ARCHES)"
[ -f "$dir/musl.specs" ] && [ -d "$dir/khdr" ] && { [ "$DEB" = - ] || [ -f "$dir/lib/libc.so" ]; } && exit 0
command -v "$GNU-gcc" >/dev/null ||
	apt_die "$GNU-gcc not found: run 'make deps ARCH=$arch' (gcc-$GNU)"
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
rm -rf "$dir/deb" "$dir/root" && mkdir -p "$dir/deb" "$dir/root"
cd "$dir/deb"

# The headers: Debian's cross packages are arch: all (mips has one too).
hdeb=$DEB
[ "$arch" = mips ] && hdeb=mips
apt_download "linux-libc-dev-$hdeb-cross"

if [ "$DEB" != - ]; then
	apt_foreign "$DEB"
	apt_download "musl-dev:$DEB" "musl:$DEB"
	apt_unpack "$dir/root"
	rm -rf "$dir/lib" "$dir/include"
	mv "$dir/root/usr/lib/$MUSL" "$dir/lib"
	mv "$dir/root/usr/include/$MUSL" "$dir/include"
	# the shared libc (musl's own loader too), and the loader's name
	for so in "$dir/root/lib/$MUSL/libc.so" "$dir/root/usr/lib/$MUSL/libc.so"; do
		[ -f "$so" ] && mv "$so" "$dir/lib/libc.so"
	done
	[ -f "$dir/lib/libc.so" ] || apt_die "musl:$DEB has no libc.so"
	ldso=$(cd "$dir/root" && ls lib/ld-musl-*.so.1 usr/lib/ld-musl-*.so.1 2>/dev/null | head -n 1)
	[ -n "$ldso" ] || apt_die "musl:$DEB has no ld-musl-*.so.1"
	echo "/lib/${ldso##*/}" > "$dir/lib/ldso"
else
	# Debian's musl source, through a private deb-src list (signed like
	# the binary lists): same archive and release as the installed system.
	apt_unpack "$dir/root"
	ver=$(apt-cache show musl-dev 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
	uri=$(apt-get download --print-uris musl-dev 2>/dev/null | sed -n "s,^'\([^']*\)/pool/.*,\1,p")
	. /etc/os-release
	[ -n "$ver" ] && [ -n "$uri" ] || apt_die "apt knows no musl-dev (apt-get update)"
	src=$dir/deb/src
	mkdir -p "$src/lists/partial" "$src/cache/archives/partial"
	echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $uri $VERSION_CODENAME main" > "$src/sources.list"
	aptsrc() {
		apt-get -q -o Dir::Etc::SourceList="$src/sources.list" -o Dir::Etc::SourceParts=/nonexistent \
			-o Dir::State::Lists="$src/lists" -o Dir::Cache="$src/cache" \
			-o Debug::NoLocking=1 -o APT::Sandbox::User="$(id -un)" "$@"
	}
	aptsrc update >/dev/null 2>&1 || apt_die "cannot read the archive's source lists"
	(cd src && aptsrc source -d "musl=$ver" >/dev/null 2>&1) || apt_die "cannot download musl $ver's source"
	(cd src && dpkg-source -q -x musl_"$ver".dsc musl >/dev/null 2>&1) || apt_die "cannot unpack musl_$ver.dsc"
	echo "sysroot: building musl $ver for $GNU (about a minute)" >&2
	(cd src/musl && ./configure -q --target="$GNU" CROSS_COMPILE="$GNU-" --prefix="$dir/root/musl" \
		--disable-shared >/dev/null && make -s -j"$(nproc)" >/dev/null 2>&1 && make -s install >/dev/null) ||
		apt_die "building musl for $GNU failed (in $dir/deb/src/musl)"
	rm -rf "$dir/lib" "$dir/include"
	mv "$dir/root/musl/lib" "$dir/lib"
	mv "$dir/root/musl/include" "$dir/include"
fi

# linux/, asm/ and asm-generic/ as the x86_64 build's kernel-headers links them.
rm -rf "$dir/khdr" "$dir/khdr.tmp" && mkdir -p "$dir/khdr.tmp"
for d in linux asm asm-generic; do
	mv "$dir/root/usr/$GNU/include/$d" "$dir/khdr.tmp/$d"
done
cd "$dir" && rm -rf deb root

# Debian's musl-gcc.specs, its paths pointing here; a dynamic link (STATIC=0)
# names musl's loader, as there.
ldso=
[ -f lib/ldso ] && ldso="-dynamic-linker $(cat lib/ldso) "
cat > musl.specs.tmp <<EOF
%rename cpp_options old_cpp_options

*cpp_options:
-nostdinc -isystem $dir/include -isystem include%s %(old_cpp_options)

*cc1:
%(cc1_cpu) -nostdinc -isystem $dir/include -isystem include%s

*link_libgcc:
-L$dir/lib -L .%s

*libgcc:
libgcc.a%s %:if-exists(libgcc_eh.a%s)

*startfile:
%{!shared: $dir/lib/Scrt1.o} $dir/lib/crti.o crtbeginS.o%s

*endfile:
crtendS.o%s $dir/lib/crtn.o

*link:
$ldso-nostdlib %{shared:-shared} %{static:-static} %{rdynamic:-export-dynamic}
EOF
mv musl.specs.tmp musl.specs
mv khdr.tmp khdr	# last: the Makefile waits for it
echo "sysroot: $dir (musl for $arch)" >&2
