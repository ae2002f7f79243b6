# SPDX-License-Identifier: 0BSD
# Booting nsbox under QEMU: the initramfs, the kernel, make run/qemu/test-qemu.
# Included by the top Makefile.  Variables (see also initramfs/build.sh):
#   KERNEL=PATH    kernel image (default: Debian's kernel for ARCH, linux-image-amd64
#                  on x86_64, fetched once with apt-get download into $(O)/kernel
#                  and unpacked there; make deps ARCH=NAME does it for NAME)
#   KMODDIR=DIR    its module tree (lib/modules/VERSION; default: the package's)
#   MODULES=...    modules to put in the image (default: veth bridge)
#   EXTRA=FILE     extra files for the image: lines "SOURCE [DEST [MODE]]"
#   ACCEL=kvm      use KVM instead of TCG; MEM=MiB, SMP=N vCPUs (ARCH's: 512, 2
#                  on most; cross/arch.sh)
#   QEMU_TIMEOUT=S the watchdog: make run's (600 s), the suite's in make test-qemu
#                  and make test (2400 s: TCG runs it in 8 min on x86_64, more on
#                  a loaded machine and off x86); VM=0: make test skips the VM
# Another ARCH (cross/arch.sh): its QEMU machine and console; the image takes busybox
# and the oracles from $(O)/oracles/root (make deps ARCH=NAME) and the applet list
# from the tables build, and lists busybox's applets through qemu-user.

KERNEL   ?= $(O)/kernel/vmlinuz
KMODDIR  ?= $(if $(filter $(O)/kernel/vmlinuz,$(KERNEL)),$(O)/kernel/modules)
MODULES  ?= veth bridge
EXTRA    ?=
QEMU_TIMEOUT ?=
RUN_TIMEOUT   = $(or $(QEMU_TIMEOUT),600)
SUITE_TIMEOUT = $(or $(QEMU_TIMEOUT),2400)
INITRAMFS      := $(O)/initramfs.cpio.gz
INITRAMFS_TEST := $(O)/initramfs-test.cpio.gz
QEMU_RUN  = ARCH=$(ARCH) ACCEL=$(or $(ACCEL),tcg) $(if $(MEM),MEM=$(MEM)) $(if $(SMP),SMP=$(SMP)) \
	    sh initramfs/qemu.sh $(KERNEL)
# What a foreign image is made of (nothing of it runs here but busybox, under BBRUN).
ifeq ($(NATIVE),)
  IMAGE_DEPS := $(O)/nsbox-tables
  IMAGE_ENV  := ORACLES=$(O)/oracles/root TABLES=$(O)/nsbox-tables \
		BBRUN=$(filter-out -,$(shell sh cross/arch.sh $(ARCH) USER))
endif

.PHONY: initramfs initramfs-test kernel run qemu test-qemu

kernel: $(KERNEL)
$(O)/kernel/vmlinuz: | $(O)
	$(Q)sh initramfs/kernel.sh $(O)/kernel $(ARCH)

build-initramfs = $(Q)OUT=$(1) PROFILE=$(2) NSBOX=$(O)/nsbox KMODDIR=$(KMODDIR) \
	MODULES="$(MODULES)" EXTRA="$(EXTRA)" HOSTNAME_=$(3) $(IMAGE_ENV) sh initramfs/build.sh

# Cheap to make (a second or two), so always remade: nothing stale boots.
initramfs: $(INITRAMFS)
$(INITRAMFS): $(O)/nsbox $(IMAGE_DEPS) $(if $(KMODDIR),$(KERNEL)) FORCE
	$(call build-initramfs,$@,demo,nsbox)
initramfs-test: $(INITRAMFS_TEST)
$(INITRAMFS_TEST): $(O)/nsbox $(IMAGE_DEPS) $(if $(KMODDIR),$(KERNEL)) FORCE
	$(call build-initramfs,$@,test,nsbox-vm)

# The demo: its exit status is make run's.
run: $(INITRAMFS) $(KERNEL)
	$(Q)$(QEMU_RUN) $(INITRAMFS) $(RUN_TIMEOUT) nsbox.run=/usr/share/nsbox/demo.sh

qemu: $(INITRAMFS) $(KERNEL)
	$(Q)INTERACTIVE=1 $(QEMU_RUN) $(INITRAMFS) 86400

# The whole suite inside the VM; the last line is the suite's own summary.
SUITE_RUN = LOG=$(O)/test-qemu.log SUMMARY=1 $(QEMU_RUN) $(INITRAMFS_TEST) $(SUITE_TIMEOUT) $(VM_TEST)
test-qemu: $(INITRAMFS_TEST) $(KERNEL)
	$(Q)$(SUITE_RUN)

# make test: the host suite, then (unless T=, TEST_HOST=, SANITIZE=1, VALGRIND=1 or VM=0)
# the suite in the VM, and the sum of both as the last line.  A foreign ARCH with a VM
# (its binary does not run here): the VM suite alone, T=NAME that file in the VM
# (nsbox.t=NAME); VM=0 runs the host suite, which needs the binary to run here.
comma := ,
space := $(eval) $(eval)
VM_TEST  = nsbox.run=/usr/share/nsbox/vm-test.sh $(if $(T),nsbox.t=$(subst $(space),$(comma),$(strip $(T))))
TEST_VM := $(if $(T)$(TEST_HOST)$(filter 1,$(SANITIZE) $(VALGRIND))$(filter 0,$(VM)),,1)
ifeq ($(NATIVE)$(filter 0,$(VM))$(TEST_HOST),)
test: $(INITRAMFS_TEST) $(KERNEL)
TEST_RUN = $(SUITE_RUN)
TEST_T :=
else ifeq ($(TEST_VM),1)
test: $(INITRAMFS_TEST) $(KERNEL)
TEST_RUN = sh initramfs/test-all.sh $(O)/test-qemu.log $(QEMU_RUN) $(INITRAMFS_TEST) $(SUITE_TIMEOUT) \
	   nsbox.run=/usr/share/nsbox/vm-test.sh
else
TEST_RUN = sh tests/run.sh
endif
TEST_T ?= $(T)
