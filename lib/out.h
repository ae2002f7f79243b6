/* SPDX-License-Identifier: 0BSD */
/*
 * Buffered output to standard output, without stdio.  out_write() and
 * out_flush() (lib/outbuf.c) are the sink; the rest (lib/out.c) builds on
 * out_write() alone, so a test can put its own sink underneath.
 */
#ifndef NSBOX_OUT_H
#define NSBOX_OUT_H

#include <stddef.h>

void out_write(const void *p, size_t n);
void out_puts(const char *s);
void out_putc(char c);
__attribute__((format(printf, 1, 2))) void out_printf(const char *fmt, ...);
int out_flush(void);	/* 0, or -1 with errno set */

#endif
