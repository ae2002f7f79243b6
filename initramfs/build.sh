#!/bin/sh
# SPDX-License-Identifier: 0BSD
# Build nsbox's initramfs (a gzipped cpio, newc format, every file owned by
# 0:0) without root.  Called by initramfs/initramfs.mk; all input comes from
# the environment:
#   OUT       the archive to write (e.g. build/initramfs.cpio.gz)
#   NSBOX     the nsbox binary (static); its config.h beside it goes along
#   PROFILE   demo (default): nsbox + busybox-static + the demo script
#             test: also the test suite (/nsbox/tests) and the oracle tools
#             the tests use (iproute2's ip and bridge, iputils' ping, with
#             their shared libraries); util-linux is deliberately absent
#   KMODDIR   the kernel's module tree (lib/modules/VERSION, with modules.dep)
#   MODULES   module names to include with their dependencies (veth bridge);
#             they land flat in /lib/modules and are listed, dependencies
#             first, in /etc/modules, which init loads at boot
#   EXTRA     optional file list, one entry per line:
#                 SOURCE [DEST [MODE]]
#             SOURCE is a path on the build host (a directory is copied
#             whole; a relative one is relative to the list's directory); DEST is the
#             absolute path in the image (default: /SOURCE); MODE is
#             octal (default: SOURCE's).  Blank lines and lines starting with
#             '#' are ignored.  Entries are added last, so they may replace
#             anything, e.g. /etc/rc or /etc/hostname.
#   BUSYBOX   busybox-static binary (default /bin/busybox, or ORACLES's)
#   ORACLES   another architecture's root of Debian packages (make deps
#             ARCH=NAME: build/NAME/oracles/root): busybox and the oracles
#             come from there, with the shared libraries their ELF headers
#             name, instead of from this machine
#   TABLES    the tables build (nsbox-tables), which lists the applets when
#             NSBOX is another architecture's and does not run here
#   BBRUN     the program that runs ORACLES's busybox here (its qemu-user;
#             empty: it runs natively)
#   HOSTNAME_ the image's /etc/hostname (default nsbox)
set -eu
: "${OUT:?}" "${NSBOX:?}" "${PROFILE:=demo}" "${MODULES=veth bridge}" "${KMODDIR:=}"
: "${EXTRA:=}" "${HOSTNAME_:=nsbox}" "${ORACLES:=}" "${TABLES:=}" "${BBRUN:=}"
[ -n "$ORACLES" ] && : "${BUSYBOX:=$ORACLES/bin/busybox}"
: "${BUSYBOX:=/bin/busybox}"
TOP=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "initramfs: $*" >&2; exit 1; }

[ -x "$NSBOX" ] || die "no nsbox binary at $NSBOX"
file -L "$NSBOX" 2>/dev/null | grep -q 'statically linked' ||
	die "$NSBOX is not statically linked (SANITIZE=1 builds cannot boot)"
[ -x "$BUSYBOX" ] || die "no busybox at $BUSYBOX: apt-get install busybox-static"
[ -z "$ORACLES" ] || [ -d "$ORACLES" ] || die "no oracle root at $ORACLES: make deps ARCH=..."
[ -z "$TABLES" ] || [ -x "$TABLES" ] || die "no tables build at $TABLES"
[ -z "$ORACLES" ] || command -v readelf >/dev/null || die "readelf is missing: apt-get install binutils"
[ -z "$BBRUN" ] || command -v "$BBRUN" >/dev/null || die "$BBRUN is missing: apt-get install qemu-user-static"
command -v cpio >/dev/null || die "cpio is missing: apt-get install cpio"

abs() { case $1 in /*|'') echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
OUT=$(abs "$OUT"); NSBOX=$(abs "$NSBOX"); KMODDIR=$(abs "$KMODDIR")
EXTRA=$(abs "$EXTRA"); BUSYBOX=$(abs "$BUSYBOX")
ORACLES=$(abs "$ORACLES"); TABLES=$(abs "$TABLES")
STAGE=$OUT.d
rm -rf "$STAGE"
mkdir -p "$STAGE"
cd "$STAGE"

# ORACLES's file at PATH, its symbolic links followed inside ORACLES (an
# absolute target is ORACLES's, not this machine's); nothing when absent.
inroot() {	# PATH
	p=$1 n=0
	while [ -L "$ORACLES$p" ] && [ $n -lt 40 ]; do
		t=$(readlink "$ORACLES$p")
		case $t in /*) p=$t ;; *) p=${p%/*}/$t ;; esac
		n=$((n + 1))
	done
	[ -f "$ORACLES$p" ] && echo "$ORACLES$p"
}
# The program to copy to the image's PATH (/usr/bin/NAME, /usr/sbin/NAME):
# this machine's PATH itself, or ORACLES's NAME from any of its bin dirs.
oracle() {	# PATH
	if [ -z "$ORACLES" ]; then
		[ -x "$1" ] && echo "$1"
		return 0
	fi
	for d in /usr/sbin /usr/bin /sbin /bin; do
		f=$(inroot "$d/${1##*/}") && [ -x "$f" ] && { echo "$f"; return 0; }
	done
	return 0
}

# Debian's merged /usr layout, so that host paths (/usr/sbin/ip, /lib64/ld-...)
# are valid in the image too.
mkdir -p usr/bin usr/sbin usr/lib usr/lib64 usr/share/nsbox etc root dev proc sys run tmp mnt var/tmp
ln -s usr/bin bin; ln -s usr/sbin sbin; ln -s usr/lib lib; ln -s usr/lib64 lib64
chmod 1777 tmp var/tmp
chmod 700 root

# nsbox first: its applets win over busybox's of the same name.
cp "$NSBOX" usr/bin/nsbox
chmod 755 usr/bin/nsbox
ln -s usr/bin/nsbox init
ours=" "
# A foreign binary does not run here: the tables build lists the same applets.
for p in $(${TABLES:-"$NSBOX"} --list-full); do
	ln -s /usr/bin/nsbox "usr/$p"
	ours="$ours${p#*/} "
done
# busybox: /bin/sh and friends.  No busybox link for a name nsbox owns in any
# configuration (a busybox unshare must not pass for util-linux's).
cp "$BUSYBOX" usr/bin/busybox
chmod 755 usr/bin/busybox
# Debian's busybox runs its own applet for any bare command name it knows,
# ignoring PATH (FEATURE_PREFER_APPLETS): rename the clashing ones in our copy.
unprefer="unshare nsenter lsns pivot_root switch_root init linuxrc mkveth pivot"
# The test image brings coreutils' readlink (tests read several links at once).
gnu=
[ "$PROFILE" = test ] && [ -n "$(oracle /usr/bin/readlink)" ] && gnu="readlink"
# Tests take setpriv for util-linux's (an oracle): no busybox setpriv at all.
unprefer="$unprefer $gnu setpriv"
python3 "$TOP/initramfs/unprefer.py" usr/bin/busybox $unprefer
# ...and check that every other applet is still found.
mkdir -p .bbcheck && ln -s ../usr/bin/busybox .bbcheck/busybox
for n in $($BBRUN "$BUSYBOX" --list); do
	case " $unprefer " in *" $n "*) continue ;; esac
	if $BBRUN .bbcheck/busybox "$n" --help 2>&1 | grep -q 'applet not found'; then
		die "busybox: applet $n is no longer found after the rename"
	fi
done
rm -rf .bbcheck
for p in $($BBRUN "$BUSYBOX" --list-full); do
	n=${p##*/}
	case "$ours" in *" $n "*) continue ;; esac
	case " $unprefer " in *" $n "*) continue ;; esac
	case ${p%/*} in sbin|usr/sbin) d=usr/sbin ;; *) d=usr/bin ;; esac
	[ -e "$d/$n" ] || [ -L "$d/$n" ] || ln -s /usr/bin/busybox "$d/$n"
done

# /etc
echo "$HOSTNAME_" > etc/hostname
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > etc/passwd
printf 'root:x:0:\ntty:x:5:\nnogroup:x:65534:\n' > etc/group
printf '127.0.0.1 localhost\n' > etc/hosts
printf 'export PS1='"'"'\\h:\\w\\$ '"'"'\n' > etc/profile
: > etc/modules

# Kernel modules, with their dependencies from modules.dep, dependencies first.
if [ -n "$MODULES" ]; then
	[ -f "$KMODDIR/modules.dep" ] || die "no modules.dep in '$KMODDIR' (KMODDIR=)"
	mkdir -p usr/lib/modules
	for m in $MODULES; do
		alt=$(echo "$m" | tr _- -_)
		line=$(grep -m1 -E "(^|/)($m|$alt)\.ko(\.[a-z]+)?:" "$KMODDIR/modules.dep") ||
			die "module $m is not in $KMODDIR/modules.dep"
		# modules.dep lists a module's dependencies last-loaded first.
		deps=$(echo "${line#*:}" | tr ' ' '\n' | sed '/^$/d' | sed -n '1!G;h;$p')
		for path in $deps ${line%%:*}; do
			f=${path##*/}; base=${f%%.ko*}.ko
			grep -qx "$base" etc/modules && continue
			case $f in
			*.ko) cp "$KMODDIR/$path" "usr/lib/modules/$base" ;;
			*.ko.xz) xz -dc "$KMODDIR/$path" > "usr/lib/modules/$base" ;;
			*.ko.zst) zstd -qdc "$KMODDIR/$path" > "usr/lib/modules/$base" ;;
			*.ko.gz) gzip -dc "$KMODDIR/$path" > "usr/lib/modules/$base" ;;
			*) die "cannot handle module file $path" ;;
			esac
			echo "$base" >> etc/modules
		done
	done
fi

# The jobs init can run (nsbox.run=PATH).
for s in demo.sh vm-test.sh vm-status.sh; do
	cp "$TOP/initramfs/$s" usr/share/nsbox/
	chmod 755 "usr/share/nsbox/$s"
done

# A copy of a host program and the shared libraries it needs, at host paths.
copy_prog() {	# PATH
	[ -x "$1" ] || { echo "initramfs: note: $1 not found, not included" >&2; return 0; }
	mkdir -p ".${1%/*}"
	cp -L "$1" ".$1"
	ldd "$1" 2>/dev/null | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p' |
	while read -r lib; do
		[ -e ".$lib" ] && continue
		mkdir -p ".${lib%/*}"
		cp -L "$lib" ".$lib"
	done
}

# A foreign program and what it loads, from ORACLES: the ELF interpreter
# (readelf -l) and the libraries its NEEDED entries name, and theirs, each
# from the first of ORACLES's lib dirs that has it, at the same path here.
readelf_interp() { readelf -lW "$1" | sed -n 's/.*\[Requesting program interpreter: \(.*\)\]$/\1/p'; }
readelf_needed() { readelf -dW "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p'; }
copy_foreign() {	# SOURCE PATH
	mkdir -p ".${2%/*}"
	cp "$1" ".$2"
	queue=$2
	libdirs=$(cd "$ORACLES" && ls -d lib/*-linux-* usr/lib/*-linux-* lib usr/lib 2>/dev/null)
	while [ -n "$queue" ]; do
		set -- $queue
		f=$1
		shift
		queue=$*
		i=$(readelf_interp ".$f" 2>/dev/null)
		if [ -n "$i" ] && [ ! -e ".$i" ]; then
			src=$(inroot "$i") || die "$f: no interpreter $i in $ORACLES"
			mkdir -p ".${i%/*}"
			cp "$src" ".$i"
		fi
		for n in $(readelf_needed ".$f" 2>/dev/null); do
			found=
			for d in $libdirs; do
				[ -e "./$d/$n" ] && { found=1; break; }
				src=$(inroot "/$d/$n") || continue
				mkdir -p "./$d"
				cp "$src" "./$d/$n"
				queue="$queue /$d/$n" found=1
				break
			done
			[ -n "$found" ] || die "$f needs $n, which is not in $ORACLES's lib dirs"
		done
	done
}

if [ "$PROFILE" = test ]; then
	mkdir -p nsbox/build
	cp "$NSBOX" nsbox/build/nsbox
	[ -f "$(dirname "$NSBOX")/config.h" ] && cp "$(dirname "$NSBOX")/config.h" nsbox/build/
	cp -R "$TOP/tests" "$TOP/applets" "$TOP/configs" nsbox/
	[ -f "$TOP/Config.in" ] && cp "$TOP/Config.in" nsbox/
	rm -f nsbox/tests/*.orig nsbox/tests/*.rej
	# Oracles some tests use; each test skips itself when one is missing.
	# They replace busybox's links; the shell's bare "ip" and "ping" still
	# run busybox's (the rename trick cannot keep "ip" sorted): tests name
	# the oracles by absolute path.
	# comm: busybox-static has none, and tests/badinput.test needs it;
	# strace: the fault injector of tests/faults.test.
	for p in /usr/sbin/ip /usr/sbin/bridge /usr/bin/ping /usr/bin/comm /usr/bin/strace \
	  $(for g in $gnu; do echo /usr/bin/$g; done); do
		src=$(oracle "$p")
		[ -n "$src" ] || continue
		rm -f ".$p"
		if [ -n "$ORACLES" ]; then copy_foreign "$src" "$p"; else copy_prog "$p"; fi
	done
elif [ "$PROFILE" != demo ]; then
	die "unknown PROFILE '$PROFILE' (demo or test)"
fi

# EXTRA= entries.
if [ -n "$EXTRA" ]; then
	[ -f "$EXTRA" ] || die "EXTRA file list '$EXTRA' not found"
	while read -r src dest mode rest; do
		case $src in ''|'#'*) continue ;; esac
		dest=${dest:-/${src#/}}
		case $src in /*) ;; *) src=${EXTRA%/*}/$src ;; esac
		[ -e "$src" ] || die "EXTRA: $src not found"
		case $dest in /*) ;; *) die "EXTRA: destination '$dest' must be absolute" ;; esac
		case /$dest/ in */../*) die "EXTRA: destination '$dest' has a '..'" ;; esac
		mkdir -p ".${dest%/*}"
		rm -rf ".$dest"
		cp -RL "$src" ".$dest"
		[ -z "$mode" ] || chmod "$mode" ".$dest"
	done < "$EXTRA"
fi

# The same inputs make the same bytes: one mtime (SOURCE_DATE_EPOCH, or 0),
# sorted names, inode numbers from 1 and no device numbers, no gzip name/time.
find . -mindepth 1 -exec touch -h -d "@${SOURCE_DATE_EPOCH:-0}" {} +
find . -mindepth 1 | sed 's,^\./,,' | LC_ALL=C sort |
	cpio -o -H newc -R +0:+0 --reproducible --quiet | gzip -9n > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
cd / && rm -rf "$STAGE"
echo "  CPIO    $OUT ($PROFILE, $(wc -c < "$OUT") bytes)"
