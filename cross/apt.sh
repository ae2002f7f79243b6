# SPDX-License-Identifier: 0BSD
# Sourced by the scripts that take Debian packages apart instead of
# installing them (cross/sysroot.sh, cross/oracles.sh, initramfs/kernel.sh).
# apt-get download and dpkg-deb -x need no root; what does (apt-get update,
# dpkg --add-architecture) is done when we are root, and otherwise printed.

apt_die() { echo "${0##*/}: $*" >&2; exit 1; }

# Make DEB's packages (a Debian architecture, or - for arch: all) known to apt.
apt_foreign() {	# DEB
	[ "$1" = - ] || [ "$1" = "$(dpkg --print-architecture)" ] && return 0
	dpkg --print-foreign-architectures | grep -qx "$1" && return 0
	[ "$(id -u)" = 0 ] || apt_die "apt knows no $1 packages: as root run
    dpkg --add-architecture $1 && apt-get -o DPkg::Lock::Timeout=600 update"
	echo "${0##*/}: dpkg --add-architecture $1 && apt-get update" >&2
	dpkg --add-architecture "$1" &&
		apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || apt_die "apt-get update failed"
}

# Download PKG... (PKG or PKG:ARCH) into the current directory; once, then
# again after an apt-get update when the lists are stale.
apt_download() {	# PKG...
	apt-get download -q "$@" >/dev/null 2>"${TMPDIR:-/tmp}/apt.$$" && { rm -f "${TMPDIR:-/tmp}/apt.$$"; return 0; }
	if [ "$(id -u)" = 0 ]; then
		echo "${0##*/}: apt-get download failed: running apt-get update and retrying" >&2
		apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null 2>&1 || true
		apt-get download -q "$@" >/dev/null 2>"${TMPDIR:-/tmp}/apt.$$" && { rm -f "${TMPDIR:-/tmp}/apt.$$"; return 0; }
	fi
	sed 's/^/    /' "${TMPDIR:-/tmp}/apt.$$" >&2; rm -f "${TMPDIR:-/tmp}/apt.$$"
	apt_die "cannot download $*$( [ "$(id -u)" = 0 ] || echo ' (as root: apt-get update)')"
}

# The package a metapackage depends on first (linux-image-arm64 -> linux-image-6.1.0-N-arm64).
apt_target() {	# PKG[:ARCH]
	apt-cache depends "$1" 2>/dev/null | sed -n 's/^ *Depends: \([^ <>]*\)$/\1/p' | head -n 1
}

# Unpack every .deb of the current directory into DIR.
apt_unpack() {	# DIR
	for d in *.deb; do dpkg-deb -x "$d" "$1" || apt_die "cannot unpack $d"; done
}
