/* SPDX-License-Identifier: 0BSD */
/*
 * Shared by the libFuzzer targets in tests/fuzz/.  The targets link
 * common/err.c instead of lib/err.c: there, die() and usage_error() format
 * their message (through lib/fmt.c, as the real ones do) and then, while
 * fuzz_armed is set, longjmp back to the target instead of exiting, so a
 * usage error is one more outcome to fuzz rather than the end of the process.
 * Outside an armed region they abort(), which libFuzzer reports as a crash.
 */
#ifndef NSBOX_FUZZ_H
#define NSBOX_FUZZ_H

#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

extern jmp_buf fuzz_jmp;
extern volatile int fuzz_armed;
extern int fuzz_status;		/* the exit status the code under test asked for */

/* A property the target checks: abort (a crash, with a reproducer) when false. */
#define FUZZ_CHECK(cond) do { if (!(cond)) fuzz_fail(#cond, __FILE__, __LINE__); } while (0)
_Noreturn void fuzz_fail(const char *what, const char *file, int line);

/* An exact-size, NUL-terminated heap copy, so ASan sees any read past the end. */
char *fuzz_strndup(const uint8_t *data, size_t n);
/*
 * Split an input of at least 5 bytes laid out as "4 bytes of an id, a name up
 * to a NUL, the rest": returns the name (malloc'd), the id, and where the
 * rest starts and how long it is.
 */
char *fuzz_id_name(const uint8_t *data, size_t size, uint32_t *id, const uint8_t **rest, size_t *restlen);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
