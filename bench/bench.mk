# SPDX-License-Identifier: 0BSD
# make bench [QUICK=1] [DRY=1] [CASES="size exec lsns mkveth boot"]: the benchmarks
# (bench/README.md).  Included from the top Makefile; everything goes under $(O)/bench.
#   bench-floor   builds the floor programs (bench/floor/*.c) and the timing driver
#   bench         also builds nsbox for defconfig, tiny_defconfig, allnoconfig and
#                 allnoconfig plus each single applet, then runs bench/bench.py

BENCH_O      := $(O)/bench
BENCH_CC     ?= musl-gcc
BENCH_CFLAGS := -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -Os -static \
                -isystem $(O)/kernel-headers -ffunction-sections -fdata-sections \
                -fno-asynchronous-unwind-tables -Wl,--gc-sections -Wl,--build-id=none \
                -Wl,-z,noseparate-code -Wl,-z,norelro -s
BENCH_FLOORS := $(basename $(notdir $(wildcard bench/floor/*.c)))
BENCH_CFGS   := defconfig tiny_defconfig allnoconfig $(APPLETS:%=only-%)

.PHONY: bench bench-floor bench-nsbox bench-cross
bench-floor: $(BENCH_FLOORS:%=$(BENCH_O)/floor/%) $(BENCH_O)/tbench

$(BENCH_O)/floor/%: bench/floor/%.c bench/floor/floor.h | $(O)/kernel-headers
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $<

$(BENCH_O)/tbench: bench/tbench.c | $(O)/kernel-headers
	@mkdir -p $(@D)
	$(if $(Q),@echo "  CC      $@")
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $<

# One build directory per configuration; only-NAME is allnoconfig plus CONFIG_NAME=y
# (with that applet's features at their defaults).
bench-nsbox: $(BENCH_CFGS:%=$(BENCH_O)/cfg/%/nsbox)
$(BENCH_O)/cfg/%/.config: Config.in $(wildcard applets/*.kconfig) $(wildcard configs/*defconfig)
	$(Q)d=$(@D); mkdir -p $$d; unset MAKEFLAGS; \
	case $* in \
	only-*) s=CONFIG_$$(echo $* | sed 's/^only-//' | tr a-z A-Z); \
	  $(MAKE) -s O=$$d allnoconfig >/dev/null && \
	  sed -i "s/^# $$s is not set$$/$$s=y/" $$d/.config && \
	  $(MAKE) -s O=$$d olddefconfig >/dev/null ;; \
	*) $(MAKE) -s O=$$d $* >/dev/null ;; \
	esac
$(BENCH_O)/cfg/%/nsbox: $(BENCH_O)/cfg/%/.config FORCE
	$(Q)unset MAKEFLAGS; $(MAKE) -s O=$(@D) >/dev/null

# The boot case (not with QUICK=1 or DRY=1) needs the kernel and the demo initramfs.
BENCH_BOOT := $(if $(filter 1,$(QUICK) $(DRY)),,$(filter boot,$(or $(CASES),boot)))
bench: bench-floor $(if $(filter size,$(or $(CASES),size)),bench-nsbox,$(BENCH_O)/cfg/defconfig/nsbox) \
       $(if $(BENCH_BOOT),$(KERNEL) $(INITRAMFS))
	$(Q)SIDREF=$(abspath $(SIDREF)) $(PYTHON) bench/bench.py --out $(BENCH_O) --kernel $(KERNEL) --initramfs $(INITRAMFS) \
	  $(if $(filter 1,$(QUICK)),--quick) $(if $(filter 1,$(DRY)),--dry) \
	  $(if $(CASES),--cases "$(CASES)")

# Every architecture's stripped sizes (and, TCG=1, its VM's boot + suite time).
bench-cross:
	$(Q)TCG=$(TCG) sh bench/cross.sh $(abspath $(BENCH_O))/cross $(or $(ARCHES),$(shell . cross/arch.sh; echo $$ARCHES))
