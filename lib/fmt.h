/* SPDX-License-Identifier: 0BSD */
/*
 * A small printf subset, so that nsbox needs none of libc's stdio.
 * Conversions: %s %c %d %i %u %x %o %%, length modifiers h l ll z,
 * flags '-' and '0', a width (or '*'), and a precision for %s ('.N' or '.*').
 * Output is truncated to the buffer; the return value is the length written
 * (not counting the terminating NUL, which is always written when size > 0).
 */
#ifndef NSBOX_FMT_H
#define NSBOX_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Checked by the compiler as printf formats (the subset is a subset of printf's). */
__attribute__((format(printf, 3, 0))) size_t fmt_v(char *buf, size_t size, const char *fmt, va_list ap);
__attribute__((format(printf, 3, 4))) size_t fmt(char *buf, size_t size, const char *fmt, ...);
size_t fmt_str(char *buf, size_t size, const char *s);
size_t fmt_ull(char *buf, unsigned long long v, unsigned base);	/* no NUL; buf >= 23 */

#endif
