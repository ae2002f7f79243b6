# SPDX-License-Identifier: 0BSD
# libFuzzer targets (included from the top Makefile).
#
#   make fuzz [FUZZ_SECONDS=N] [FUZZ=name...]
#
# builds each tests/fuzz/NAME.c with clang, ASan, UBSan and libFuzzer into
# $(O)/fuzz/NAME, then runs it for FUZZ_SECONDS (default 20) on a working
# corpus ($(O)/fuzz/corpus/NAME, seeded from tests/fuzz/corpus/NAME).  A crash,
# a leak, a timeout or a failed property stops make with the reproducer left
# in $(O)/fuzz/NAME-crash-*, -leak-*, -timeout-*; rerun it with
# "$(O)/fuzz/NAME FILE".  Each target's lib/ sources are listed below
# (FUZZ_DEPS: sources the target #includes itself, to reach static functions).

FUZZ_SECONDS ?= 20
FUZZ_CC      ?= clang
FUZZ_OUT     := $(O)/fuzz
FUZZ_CFLAGS  := -std=gnu11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer -Wall -Wextra -Werror \
                -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                -Ilib -Itests/fuzz/common
FUZZ_COMMON  := tests/fuzz/common/err.c lib/fmt.c	# err.c formats through lib/fmt

FUZZ_LIBS_opt       := lib/opt.c
FUZZ_LDFLAGS_opt    := -Wl,--wrap=exit
FUZZ_LIBS_num       := lib/num.c
FUZZ_LIBS_mountinfo := lib/mountinfo.c lib/num.c lib/xfuncs.c
FUZZ_LIBS_passwd    := lib/passwd.c lib/num.c
FUZZ_LIBS_fmt       :=	# lib/fmt.c is common
FUZZ_LIBS_inet      := lib/inet.c
FUZZ_LIBS_idmap     := lib/idmap.c lib/xfuncs.c lib/exec.c lib/passwd.c lib/num.c
FUZZ_LIBS_netlink   :=	# it #includes lib/netlink.c
FUZZ_DEPS_netlink   := lib/netlink.c lib/netlink.h
FUZZ_LIBS_proc      := lib/proc.c lib/xfuncs.c
FUZZ_LIBS_table     := lib/table.c lib/num.c lib/xfuncs.c lib/out.c
FUZZ_LIBS_filter    := lib/filter.c lib/xfuncs.c lib/errtext.c
FUZZ_LDFLAGS_filter := -Wl,--wrap=regcomp

FUZZ ?= $(basename $(notdir $(wildcard tests/fuzz/*.c)))

.PHONY: fuzz fuzz-build
.SECONDEXPANSION:
fuzz-deps = $(FUZZ_LIBS_$(1)) $(wildcard $(FUZZ_LIBS_$(1):.c=.h)) $(FUZZ_DEPS_$(1))
fuzz-build: $(FUZZ:%=$(FUZZ_OUT)/%)

$(FUZZ_OUT)/%: tests/fuzz/%.c $(FUZZ_COMMON) tests/fuzz/common/fuzz.h $$(call fuzz-deps,$$*)
	$(if $(shell command -v $(FUZZ_CC)),,$(error $(FUZZ_CC) not found: run 'make deps'))
	@mkdir -p $(dir $@)
	$(if $(Q),@echo "  FUZZCC  $@")
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_COMMON) $(FUZZ_LIBS_$*) $(FUZZ_LDFLAGS_$*)

# One target after another (they are CPU-bound); stop at the first finding.
fuzz: fuzz-build
	$(Q)for t in $(FUZZ); do \
	  mkdir -p $(FUZZ_OUT)/corpus/$$t; \
	  seeds=tests/fuzz/corpus/$$t; [ -d $$seeds ] || seeds=; \
	  $(FUZZ_OUT)/$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ_OUT)/$$t- \
	    $(FUZZ_OUT)/corpus/$$t $$seeds > $(FUZZ_OUT)/$$t.log 2>&1; rc=$$?; \
	  printf '  FUZZ    %-12s %s\n' $$t "$$(grep -E '^#[0-9]+' $(FUZZ_OUT)/$$t.log | tail -n 1 | \
	    sed 's/^\(#[0-9]*\)[^c]*\(cov: [0-9]*\) \(ft: [0-9]*\) \(corp: [^ ]*\).*/\1 \2 \3 \4/')"; \
	  if [ $$rc -ne 0 ]; then \
	    tail -n 40 $(FUZZ_OUT)/$$t.log; \
	    echo "fuzz: $$t failed (status $$rc); reproducer: $$(ls $(FUZZ_OUT)/$$t-* 2>/dev/null | tr '\n' ' ')" >&2; \
	    exit 1; \
	  fi; \
	done
