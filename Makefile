# SPDX-License-Identifier: 0BSD
# nsbox: one static binary of namespace tools.  "make help" lists the targets.

# ARCH=NAME: the target (cross/arch.sh); its outputs go to build/NAME, x86_64's to build.
ARCH     ?= x86_64
ARCHINFO := $(shell sh cross/arch.sh $(ARCH) GNU DEB QPKG 2>&1)
ifneq ($(words $(ARCHINFO)),3)
  $(error $(ARCHINFO))
endif
NATIVE   := $(filter x86_64,$(ARCH))
O        ?= $(if $(NATIVE),build,build/$(ARCH))
# The util-linux 2.42 reference root (tests/sidref.sh), shared by every build variant.
ifeq ($(origin SIDREF),undefined)
  SIDREF := $(if $(NATIVE),$(O),build)/sid
endif
PREFIX   ?= /usr
DESTDIR  ?=
PYTHON   := /usr/bin/python3
Q        := $(if $(V),,@)

ifeq ($(SANITIZE),1)
  ifeq ($(origin CC),default)
    CC := gcc
  endif
  O := $(if $(filter command line,$(origin O)),$(O),build/sanitize)
  OPT := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
  LDOPT := -fsanitize=address,undefined
else ifeq ($(VALGRIND),1)
  # valgrind replaces malloc (leak checks) only in a dynamic binary: glibc, dynamic, -g
  ifeq ($(origin CC),default)
    CC := gcc
  endif
  O := $(if $(filter command line,$(origin O)),$(O),build/valgrind)
  OPT := -O1 -g
  LDOPT :=
else
  # CC: musl-gcc for x86_64; for another ARCH, Debian's cross gcc with the musl
  # sysroot that cross/sysroot.sh unpacks into $(O)/sysroot.  CROSS_COMPILE=PREFIX
  # names a toolchain that brings its own libc and headers (Buildroot, OpenWrt).
  ifeq ($(origin CC),default)
    ifneq ($(CROSS_COMPILE),)
      CC := $(CROSS_COMPILE)gcc
    else ifneq ($(NATIVE),)
      CC := musl-gcc
    else
      SYSROOT ?= $(O)/sysroot
      CC := $(word 1,$(ARCHINFO))-gcc -specs $(SYSROOT)/musl.specs
    endif
  endif
  # A static binary is never relocated: -fno-pie keeps tables of pointers read-only.
  # STATIC=0 links against the system's shared libc (OpenWrt, Alpine), with RELRO.
  OPT := -Os -fno-pie -fno-asynchronous-unwind-tables -fno-unwind-tables
  LDOPT := -Wl,-z,noseparate-code $(if $(filter 0,$(STATIC)),-no-pie,-static -Wl,-z,norelro)
endif
CROSS_COMPILE ?= $(if $(NATIVE),,$(word 1,$(ARCHINFO))-)
# musl-gcc and the sysroot's specs see only musl's headers: lend them the kernel's
# (linux/, asm/, asm-generic/).  Linked statically with musl, nsbox brings its own
# malloc (lib/alloc.c) and lays out its hot code (applets/hot.ld).
ifeq ($(notdir $(CC)),musl-gcc)
  KHDR := $(O)/kernel-headers
else ifneq ($(SYSROOT),)
  KHDR := $(SYSROOT)/khdr
endif
ifeq ($(filter 1,$(SANITIZE) $(VALGRIND))$(filter 0,$(STATIC)),)
  MUSL := $(if $(KHDR),1,$(findstring musl,$(shell $(CC) -dumpmachine 2>/dev/null)))
endif
ifneq ($(KHDR),)
  OPT += -isystem $(KHDR)
endif
ifneq ($(MUSL),)
  OPT += -DNSBOX_OWN_MALLOC
  LDSCRIPT := applets/hot.ld
  LDOPT += -Wl,-T,$(LDSCRIPT)
  # i386's usual base, 0x08048000, starts the hot code half-way into a 64 KB window
  ifeq ($(ARCH),i386)
    LDOPT += -Wl,-Ttext-segment=0x08000000
  endif
endif
STRIP    ?= $(CROSS_COMPILE)strip

# CPPFLAGS, CFLAGS and LDFLAGS given to make (a distribution's or a firmware builder's,
# on the command line or in the environment) follow nsbox's own, as EXTRA_* do.
override CFLAGS  := -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror $(OPT) -ffunction-sections \
            -fdata-sections -ffile-prefix-map=$(CURDIR)/= -Ilib -Iapplets -I$(O) \
            $(CPPFLAGS) $(CFLAGS) $(EXTRA_CFLAGS)
override LDFLAGS := $(LDOPT) -Wl,--gc-sections -Wl,--build-id=none $(LDFLAGS) $(EXTRA_LDFLAGS)

CONFIG   := $(O)/.config
KCONFIG  := KCONFIG_CONFIG=$(CONFIG) srctree=. $(PYTHON)
CONFIG_TARGETS := defconfig allnoconfig allyesconfig oldconfig olddefconfig menuconfig \
                  savedefconfig $(notdir $(wildcard configs/*_defconfig))
NOBUILD_TARGETS := $(CONFIG_TARGETS) help clean distclean deps dist alpine

# A configuration or cleaning goal beside others ("make defconfig all", "make clean
# all"): one make per goal, in the order given, as in Linux and BusyBox, so that the
# build reads the .config the goals before it made.
MIXED := $(if $(filter $(NOBUILD_TARGETS),$(MAKECMDGOALS)),$(filter-out $(NOBUILD_TARGETS),$(MAKECMDGOALS)))
ifneq ($(MIXED),)
.PHONY: $(MAKECMDGOALS)
$(MAKECMDGOALS): one-goal-at-a-time
	@:
one-goal-at-a-time:
	$(Q)for g in $(MAKECMDGOALS); do $(MAKE) --no-print-directory $$g || exit 1; done
else

# The configuration decides which applets are compiled: applets/NAME.c needs CONFIG_NAME=y.
ifeq ($(filter $(NOBUILD_TARGETS),$(MAKECMDGOALS)),)
-include $(CONFIG)
endif
upper     = $(shell echo $(1) | tr a-z A-Z)
APPLETS  := $(basename $(notdir $(filter-out applets/main.c,$(wildcard applets/*.c))))
ENABLED  := $(foreach a,$(APPLETS),$(if $(filter y,$(CONFIG_$(call upper,$(a)))),$(a)))
OBJS     := $(O)/applets/main.o $(ENABLED:%=$(O)/applets/%.o) \
            $(patsubst lib/%.c,$(O)/lib/%.o,$(wildcard lib/*.c))
# The version is the VERSION file's.  Built from a git checkout of this tree with local
# changes, "git describe" is appended (0.2.0-g1a2b3c4-dirty, 0.2.0-3-g1a2b3c4-dirty after
# the tag v0.2.0); make dist writes the whole string into the tarball's VERSION.
VERSION  := $(shell cat VERSION)
ifeq ($(shell git rev-parse --show-toplevel 2>/dev/null),$(CURDIR))
  DESCRIBE := $(shell git describe --tags --always --dirty --match 'v$(VERSION)' 2>/dev/null)
  ifneq ($(filter %-dirty,$(DESCRIBE)),)
    VERSION := $(VERSION)-$(patsubst v$(VERSION)-%,%,$(if $(filter v%,$(DESCRIBE)),$(DESCRIBE),g$(DESCRIBE)))
  endif
endif

.PHONY: all help clean distclean deps dist alpine install completion test FORCE $(CONFIG_TARGETS)
all: $(O)/nsbox

help:
	@echo 'Build:'
	@echo '  all (default)     - build $(O)/nsbox (stripped) and $(O)/nsbox_unstripped'
	@echo '  install           - install the binary and its applet links into $$(DESTDIR)$$(PREFIX)'
	@echo '                      (hard links; SYMLINKS=1 for symbolic links), the man pages and'
	@echo '                      the bash completion'
	@echo '  completion        - $$(O)/nsbox.bash, the bash completion (from $$(O)/nsbox-tables,'
	@echo '                      the configuration built for this machine by HOSTCC=cc)'
	@echo '  clean             - remove the build outputs, keep the configuration'
	@echo '  distclean         - remove $(O) entirely'
	@echo '  dist              - $$(O)/nsbox-VERSION.tar.gz, a reproducible source tarball'
	@echo '  alpine            - $$(O)/alpine/: make dist'"'"'s tarball and contrib/alpine/APKBUILD with'
	@echo '                      its sha512sums and url (URL=..., default file://THIS-TREE);'
	@echo '                      abuild -r builds the package there'
	@echo '  deps              - install the Debian packages the build, tests and VM need,'
	@echo '                      and make the util-linux 2.42 reference root $$(SIDREF)'
	@echo '  help              - this list'
	@echo 'Configuration (kept in $$(O)/.config; with other goals too: make defconfig all):'
	@echo '  defconfig         - every applet and feature (configs/defconfig)'
	@echo '  NAME_defconfig    - configs/NAME_defconfig: $(notdir $(wildcard configs/*_defconfig))'
	@echo '  allnoconfig allyesconfig oldconfig olddefconfig menuconfig savedefconfig'
	@echo 'Tests:'
	@echo '  test              - run tests/*.test against $(O)/nsbox, then the suite inside the VM'
	@echo '                      (test-qemu); T=NAME...: those files, no VM (T=-NAME: all but'
	@echo '                      that one); VM=0: no VM;'
	@echo '                      TEST_HOST=1: against the host commands (util-linux), no VM;'
	@echo '                      TEST_HOST=sid: against util-linux 2.42 from $$(SIDREF)'
	@echo '  fuzz              - build the libFuzzer targets (tests/fuzz/), run each FUZZ_SECONDS=N'
	@echo '                      (20); FUZZ="opt num": only those; fuzz-build: build them only'
	@echo 'Booting nsbox as PID 1 (QEMU, TCG; ACCEL=kvm to opt in):'
	@echo '  run               - boot $$(O)/initramfs.cpio.gz and run the demo of every applet'
	@echo '  qemu              - boot it to an interactive shell'
	@echo '  test-qemu         - boot the test image and run the whole suite inside the VM'
	@echo '  initramfs         - $$(O)/initramfs.cpio.gz (initramfs-test: $$(O)/initramfs-test.cpio.gz)'
	@echo '  kernel            - fetch and unpack Debian'"'"'s kernel into $$(O)/kernel (once)'
	@echo '                      KERNEL=IMAGE KMODDIR=DIR: another kernel; MODULES="veth bridge";'
	@echo '                      EXTRA=FILE: more files; MEM=MiB, SMP=N (ARCH'"'"'s: 512, 2 on most),'
	@echo '                      QEMU_TIMEOUT=S (run: 600, the suite: 2400)'
	@echo 'Benchmarks (bench/README.md; as root):'
	@echo '  bench             - every case against the peers and the floor; QUICK=1: the fast'
	@echo '                      subset, DRY=1: one run of each, CASES="size exec lsns mkveth boot"'
	@echo '  bench-floor       - build only the floor programs and the timing driver'
	@echo '  bench-nsbox       - build only the benchmarked configurations'
	@echo '  bench-cross       - stripped sizes per ARCHES="..." (all seven) and configuration;'
	@echo '                      TCG=1: also each VM'"'"'s boot + whole suite time (bench/cross.sh)'
	@echo 'Variables:'
	@echo '  O=DIR             - the output directory (build)'
	@echo '  V=1               - show the commands'
	@echo '  CC=CC             - musl-gcc (static); CC=gcc or CC=clang build against glibc'
	@echo '  CFLAGS=... CPPFLAGS=... LDFLAGS=... - after nsbox'"'"'s own (so are EXTRA_CFLAGS, EXTRA_LDFLAGS)'
	@echo '  STRIP=strip'
	@echo '  STATIC=0          - link against the shared libc (default: static)'
	@echo '  SANITIZE=1        - glibc, ASan+UBSan, in $$(O)/sanitize (make SANITIZE=1 test)'
	@echo '  VALGRIND=1        - glibc, dynamic, -g, in $$(O)/valgrind (make VALGRIND=1 test)'
	@echo '  PREFIX=/usr DESTDIR=DIR SYMLINKS=1 - for install; INSTALL_INIT=1: sbin/init too;'
	@echo '                      FORCE=1: replace files that are not nsbox (in a live root);'
	@echo '                      LINKDIR=DIR: every applet link in DIR (Debian: /usr/lib/nsbox/bin);'
	@echo '                      MANPAGES=0: no man pages (MANDIR=PREFIX/share/man); COMPLETION=0:'
	@echo '                      no completion (BASHCOMPDIR=PREFIX/share/bash-completion/completions)'
	@echo 'Cross-building (README: Cross-building):'
	@echo '  ARCH=NAME         x86_64 (default), aarch64, arm, mips, mipsel, i386, s390x: build, run,'
	@echo '                    test in build/NAME; make test is the suite in that VM alone (T=NAME:'
	@echo '                    that file in the VM; mips: the host suite under qemu-mips-static)'
	@echo '  deps ARCH=NAME    its cross compiler and QEMU; unpacks its musl sysroot, kernel and'
	@echo '                    test programs under build/NAME (Debian packages)'
	@echo '  CROSS_COMPILE=PFX a toolchain with its own libc and headers (Buildroot, OpenWrt):'
	@echo '                    PFXgcc, PFXstrip; CC=... and STRIP=... override each'

# ---- configuration ----------------------------------------------------------
$(O):
	$(Q)mkdir -p $(O)

need-kconfig = $(if $(shell $(PYTHON) -c 'import kconfiglib' 2>/dev/null && echo ok),,\
  $(error kconfiglib is missing: run 'make deps' or 'apt-get install python3-kconfiglib'))

defconfig: | $(O)
	$(need-kconfig)
	$(Q)$(KCONFIG) -m defconfig --kconfig Config.in configs/defconfig
$(notdir $(wildcard configs/*_defconfig)): | $(O)
	$(need-kconfig)
	$(Q)$(KCONFIG) -m defconfig --kconfig Config.in configs/$@
allnoconfig allyesconfig oldconfig olddefconfig menuconfig: | $(O)
	$(need-kconfig)
	$(Q)$(KCONFIG) -m $@ Config.in
savedefconfig: | $(O)
	$(need-kconfig)
	$(Q)$(KCONFIG) -m savedefconfig --kconfig Config.in --out $(O)/defconfig
	@echo "wrote $(O)/defconfig"

# Made from configs/defconfig when missing; brought up to date (olddefconfig) when a
# Kconfig file changes.  make then re-reads it before deciding what to compile.
$(CONFIG): Config.in $(wildcard applets/*.kconfig) | $(O)
	$(need-kconfig)
	$(Q)if [ -f $@ ]; then $(KCONFIG) -m olddefconfig Config.in >/dev/null; \
	else echo "no $@: using configs/defconfig"; \
	  $(KCONFIG) -m defconfig --kconfig Config.in configs/defconfig; fi; touch $@

$(O)/kernel-headers:
	$(Q)mkdir -p $@ && for d in linux asm-generic; do ln -sfn /usr/include/$$d $@/$$d; done; \
	  ln -sfn /usr/include/$$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)/asm $@/asm

ifneq ($(SYSROOT),)
$(SYSROOT)/khdr:
	$(Q)sh cross/sysroot.sh $(ARCH) $(SYSROOT)
endif

# config.h is rewritten only when its contents change.
$(O)/config.h: $(CONFIG) Config.in $(wildcard applets/*.kconfig) configs/genheader.py
	$(need-kconfig)
	$(Q)$(KCONFIG) configs/genheader.py $(CONFIG) $@

$(O)/version-string.h: FORCE | $(O)
	$(Q)echo '#define NSBOX_VERSION "$(VERSION)"' > $@.tmp; \
	  cmp -s $@.tmp $@ && rm -f $@.tmp || mv $@.tmp $@

# ---- build --------------------------------------------------------------------
need-cc = $(if $(shell command -v $(firstword $(CC))),,$(error $(firstword $(CC)) not found: run \
  'make deps$(if $(NATIVE),, ARCH=$(ARCH))' or 'apt-get install $(if $(filter musl-gcc,$(CC)),musl-tools,\
  $(if $(filter $(word 1,$(ARCHINFO))-gcc,$(firstword $(CC))),gcc-$(word 1,$(ARCHINFO)),gcc))'))

$(O)/%.o: %.c | $(O)/config.h $(O) $(KHDR)
	$(need-cc)
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  CC      $<")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(O)/lib/version.o: $(O)/version-string.h

$(O)/nsbox_unstripped: $(OBJS) $(LDSCRIPT)
	$(if $(Q),@echo "  LD      $@")
	$(if $(and $(filter 0,$(STATIC)),$(SYSROOT)),$(Q)[ -f $(SYSROOT)/lib/libc.so ] || \
	  { echo "STATIC=0: $(SYSROOT) has no shared libc (mips: static only; else make deps ARCH=$(ARCH))" >&2; exit 1; })
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS)

$(O)/nsbox: $(O)/nsbox_unstripped
	$(if $(Q),@echo "  STRIP   $@")
	$(Q)$(if $(filter 1,$(SANITIZE) $(VALGRIND)),cp $< $@,$(STRIP) -s -R .comment -o $@ $<)

-include $(OBJS:.o=.d)

# The tables build, $(O)/nsbox-tables: the same sources and configuration compiled for
# the build machine (HOSTCC) with NSBOX_TABLES=1 (lib/opt.h), so that make install, the
# bash completion and tests/man.test can list the applets, their option tables, the
# namespace types and the signal names also when nsbox is cross-compiled.
HOSTCC   ?= cc
SRCS     := $(OBJS:$(O)/%.o=%.c)
$(O)/nsbox-tables: $(SRCS) $(wildcard lib/*.h applets/*.h) $(O)/config.h $(O)/version-string.h
	$(if $(Q),@echo "  HOSTCC  $@")
	$(Q)$(HOSTCC) -std=gnu11 -D_GNU_SOURCE -DNSBOX_TABLES=1 -w -Ilib -Iapplets -I$(O) -o $@ $(SRCS)

# The bash completion, generated from the tables build (completion/gen.sh).
completion: $(O)/nsbox.bash
$(O)/nsbox.bash: $(O)/nsbox-tables completion/gen.sh completion/nsbox.bash
	$(if $(Q),@echo "  GEN     $@")
	$(Q)sh completion/gen.sh $(O)/nsbox-tables > $@.tmp && mv $@.tmp $@

# ---- install ------------------------------------------------------------------
# The binary; the applet links as nsbox --list-full names them (or all in LINKDIR:
# Debian's /usr/lib/nsbox/bin), init only with INSTALL_INIT=1; the applets' man pages
# (MANPAGES=0: none); the bash completion, with a link per applet name (COMPLETION=0:
# none; with LINKDIR, whose applets are off PATH, the nsbox file alone: the names are
# util-linux's, and so are its completion files of those names).  The lists come from the tables build, which also runs when cross-compiling.
# Into a live root (no DESTDIR) a file that is not already nsbox's is replaced only
# with FORCE=1: every one is named first, and nothing is installed.
MANPAGES    ?= 1
COMPLETION  ?= 1
MANDIR      ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
INSTALL_ROOT = $(DESTDIR)$(PREFIX)
COMPDIR      = $(DESTDIR)$(BASHCOMPDIR)
install: $(O)/nsbox $(O)/nsbox-tables $(if $(filter 1,$(COMPLETION)),$(O)/nsbox.bash)
	$(Q)applets=$$($(O)/nsbox-tables --list) && full=$$($(O)/nsbox-tables --list-full) || exit 1; \
	links=$$(echo "$$full" | grep -v -x '$(if $(INSTALL_INIT),-,sbin/init)' | \
	  sed '$(if $(LINKDIR),s|^.*/|$(DESTDIR)$(LINKDIR)/|,s|^|$(INSTALL_ROOT)/|)'); \
	comps=$(if $(filter 1,$(COMPLETION)),$(if $(LINKDIR),,$$(echo "$$applets" | sed 's|^|$(COMPDIR)/|'))); \
	if [ -z "$(DESTDIR)$(FORCE)" ]; then bad=; \
	  for f in $$links $$comps; do \
	    case $$f in $(COMPDIR)/*) own=$(COMPDIR)/nsbox;; *) own=$(INSTALL_ROOT)/bin/nsbox;; esac; \
	    if { [ -e $$f ] || [ -L $$f ]; } && ! [ $$f -ef $$own ]; then \
	      echo "make install: $$f exists and is not nsbox" >&2; bad=1; fi; \
	  done; \
	  [ -z "$$bad" ] || { echo "make install: nothing installed (FORCE=1 replaces them)" >&2; exit 1; }; \
	fi; \
	install -D -m 0755 $(O)/nsbox $(INSTALL_ROOT)/bin/nsbox || exit 1; \
	for f in $$links; do \
	  d=$${f%/*}; mkdir -p $$d && rm -f $$f || exit 1; \
	  $(if $(SYMLINKS),ln -s $$(realpath -m --relative-to=$$d $(INSTALL_ROOT)/bin/nsbox),\
	    ln $(INSTALL_ROOT)/bin/nsbox) $$f || exit 1; \
	done; \
	$(if $(filter 1,$(MANPAGES)),for p in man/nsbox.1 $$(for a in $$applets; do echo man/nsbox-$$a.[18]; done); do \
	  [ ! -f $$p ] || install -D -m 0644 $$p $(DESTDIR)$(MANDIR)/man$${p##*.}/$${p##*/} || exit 1; \
	done;) \
	$(if $(filter 1,$(COMPLETION)),install -D -m 0644 $(O)/nsbox.bash $(COMPDIR)/nsbox || exit 1; \
	for f in $$comps; do ln -sf nsbox $$f || exit 1; done;) :

# ---- tests --------------------------------------------------------------------
# An ARCH with no VM (mips: Debian has no kernel for it): make test runs the host
# suite with its binary under qemu-user (binfmt_misc, make deps ARCH=NAME).
QEMU_USER := $(if $(NATIVE),,$(shell sh cross/arch.sh $(ARCH) QEMU USER | sed -n '1{/^-$$/!q};2p'))
ifneq ($(QEMU_USER),)
  VM := 0
endif
include initramfs/initramfs.mk

test: $(if $(TEST_HOST),,$(O)/nsbox $(O)/nsbox-tables $(O)/nsbox.bash)
	$(Q)O=$(O) SIDREF=$(abspath $(SIDREF)) $(if $(QEMU_USER),QEMU_USER=$(QEMU_USER)) $(TEST_RUN) $(TEST_T)

include bench/bench.mk

include tests/fuzz/fuzz.mk

# ---- release -------------------------------------------------------------------
# $(O)/nsbox-VERSION.tar.gz: the tracked files as they are in the work tree, reproducibly
# (names sorted, owner 0, modes normalised, every mtime the last commit's or
# $(SOURCE_DATE_EPOCH), gzip -n), with the version as this checkout computes it.
DIST      := nsbox-$(VERSION)
DIST_DATE  = $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct))
dist: | $(O)
	$(Q)[ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ] || \
	  { echo "make dist: needs a git checkout of nsbox" >&2; exit 1; }
	$(Q)rm -rf $(O)/dist && mkdir -p $(O)/dist/$(DIST) && \
	  git ls-files | while read -r f; do [ ! -e "$$f" ] || echo "$$f"; done | \
	    xargs cp -P --parents -t $(O)/dist/$(DIST) && \
	  echo $(VERSION) > $(O)/dist/$(DIST)/VERSION && \
	  tar -C $(O)/dist --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
	    --mode=u+rw,go-w,go+rX --mtime=@$(DIST_DATE) -cf - $(DIST) | gzip -9n > $(O)/$(DIST).tar.gz && \
	  rm -rf $(O)/dist
	@echo "wrote $(O)/$(DIST).tar.gz"

# $(O)/alpine/: what abuild -r needs for a local source: make dist's tarball, named after
# pkgver (nsbox-0.2.0.tar.gz, whatever the checkout's suffix), and beside it
# contrib/alpine/APKBUILD with the two lines only a release knows: url (URL=..., else
# this checkout) and sha512sums of that tarball, as "abuild checksum" writes them.
ALPINE_VER := $(firstword $(subst -, ,$(VERSION)))
URL ?= file://$(CURDIR)
alpine: | $(O)
	$(Q)$(MAKE) -s dist DIST=nsbox-$(ALPINE_VER) >/dev/null
	$(Q)rm -rf $(O)/alpine && mkdir -p $(O)/alpine && mv $(O)/nsbox-$(ALPINE_VER).tar.gz $(O)/alpine/ && \
	  { cat contrib/alpine/APKBUILD; echo 'url="$(URL)"'; echo 'sha512sums="'; \
	    (cd $(O)/alpine && sha512sum nsbox-$(ALPINE_VER).tar.gz); echo '"'; } > $(O)/alpine/APKBUILD
	@echo "wrote $(O)/alpine/APKBUILD and $(O)/alpine/nsbox-$(ALPINE_VER).tar.gz"

# ---- housekeeping -------------------------------------------------------------
DEPS := gcc make groff man-db musl-tools python3-kconfiglib cpio busybox-static qemu-system-x86 \
        iproute2 iputils-ping util-linux file kmod clang libclang-rt-14-dev valgrind hyperfine toybox uidmap strace \
        debootstrap tmux debhelper lintian
# Another ARCH: its cross compiler, its QEMU, and qemu-user (the image builder lists
# the foreign nsbox's and busybox's applets through it); dpkg-source for mips's musl.
ifeq ($(NATIVE),)
  DEPS += gcc-$(word 1,$(ARCHINFO)) $(word 3,$(ARCHINFO)) qemu-user-static $(if $(filter mips,$(ARCH)),dpkg-dev)
endif

deps:
	@missing=$$(for p in $(DEPS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -n "$$missing" ] && [ "$$(id -u)" != 0 ]; then \
	  echo "missing packages; as root run: apt-get install --no-install-recommends" $$missing; exit 1; \
	fi; \
	if [ -n "$$missing" ]; then \
	  echo "installing:" $$missing; \
	  apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	fi; \
	if [ "$$(id -u)" = 0 ]; then rm -f $(SIDREF).fail; tests/sidref.sh $(SIDREF) >/dev/null || true; fi
	$(if $(NATIVE),,$(Q)sh cross/deps.sh $(ARCH) $(O))

clean:
	$(Q)rm -rf $(O)/applets $(O)/lib $(O)/nsbox $(O)/nsbox_unstripped $(O)/config.h $(O)/version-string.h \
	  $(O)/nsbox-tables $(O)/nsbox.bash

distclean:
	$(Q)rm -rf $(O)

endif	# MIXED
