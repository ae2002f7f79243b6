# SPDX-License-Identifier: 0BSD
# Booting nsbox under QEMU: the initramfs, the kernel, make run/qemu/test-qemu.
# Included by the top Makefile.  Variables (see also initramfs/build.sh):
#   KERNEL=PATH    kernel image (default: Debian's linux-image-amd64, fetched
#                  once with apt-get download into $(O)/kernel and unpacked there)
#   KMODDIR=DIR    its module tree (lib/modules/VERSION; default: the package's)
#   MODULES=...    modules to put in the image (default: veth bridge)
#   EXTRA=FILE     extra files for the image: lines "SOURCE [DEST [MODE]]"
#   ACCEL=kvm      use KVM instead of TCG; MEM=MiB (512); SMP=N vCPUs (2)
#   QEMU_TIMEOUT=S the watchdog for make run/test-qemu (600 s); VM=0: make test
#                  skips the VM

KERNEL   ?= $(O)/kernel/vmlinuz
KMODDIR  ?= $(if $(filter $(O)/kernel/vmlinuz,$(KERNEL)),$(O)/kernel/modules)
MODULES  ?= veth bridge
EXTRA    ?=
QEMU_TIMEOUT ?= 600
INITRAMFS      := $(O)/initramfs.cpio.gz
INITRAMFS_TEST := $(O)/initramfs-test.cpio.gz
QEMU_RUN  = ACCEL=$(or $(ACCEL),tcg) MEM=$(or $(MEM),512) SMP=$(or $(SMP),2) sh initramfs/qemu.sh $(KERNEL)

.PHONY: initramfs initramfs-test kernel run qemu test-qemu

kernel: $(KERNEL)
$(O)/kernel/vmlinuz: | $(O)
	$(Q)sh initramfs/kernel.sh $(O)/kernel

build-initramfs = $(Q)OUT=$(1) PROFILE=$(2) NSBOX=$(O)/nsbox KMODDIR=$(KMODDIR) \
	MODULES="$(MODULES)" EXTRA="$(EXTRA)" HOSTNAME_=$(3) sh initramfs/build.sh

# Cheap to make (a second or two), so always remade: nothing stale boots.
initramfs: $(INITRAMFS)
$(INITRAMFS): $(O)/nsbox $(if $(KMODDIR),$(KERNEL)) FORCE
	$(call build-initramfs,$@,demo,nsbox)
initramfs-test: $(INITRAMFS_TEST)
$(INITRAMFS_TEST): $(O)/nsbox $(if $(KMODDIR),$(KERNEL)) FORCE
	$(call build-initramfs,$@,test,nsbox-vm)

# The demo: its exit status is make run's.
run: $(INITRAMFS) $(KERNEL)
	$(Q)$(QEMU_RUN) $(INITRAMFS) $(QEMU_TIMEOUT) nsbox.run=/usr/share/nsbox/demo.sh

qemu: $(INITRAMFS) $(KERNEL)
	$(Q)INTERACTIVE=1 $(QEMU_RUN) $(INITRAMFS) 86400

# The whole suite inside the VM; the last line is the suite's own summary.
test-qemu: $(INITRAMFS_TEST) $(KERNEL)
	$(Q)LOG=$(O)/test-qemu.log SUMMARY=1 $(QEMU_RUN) $(INITRAMFS_TEST) $(QEMU_TIMEOUT) \
	  nsbox.run=/usr/share/nsbox/vm-test.sh

# make test: the host suite, then (unless T=, TEST_HOST=, SANITIZE=1, VALGRIND=1 or VM=0)
# the suite in the VM, and the sum of both as the last line.
TEST_VM := $(if $(T)$(TEST_HOST)$(filter 1,$(SANITIZE) $(VALGRIND))$(filter 0,$(VM)),,1)
ifeq ($(TEST_VM),1)
test: $(INITRAMFS_TEST) $(KERNEL)
TEST_RUN = sh initramfs/test-all.sh $(O)/test-qemu.log $(QEMU_RUN) $(INITRAMFS_TEST) $(QEMU_TIMEOUT) \
	   nsbox.run=/usr/share/nsbox/vm-test.sh
else
TEST_RUN = sh tests/run.sh
endif
