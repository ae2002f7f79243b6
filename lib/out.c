/* SPDX-License-Identifier: 0BSD */
/* Text output on top of out_write() (lib/outbuf.c): strings, characters, formats. */
#include <stdarg.h>
#include <string.h>

#include "fmt.h"
#include "out.h"

void out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void out_putc(char c)
{
	out_write(&c, 1);
}

void out_printf(const char *f, ...)
{
	char buf[1024];
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = fmt_v(buf, sizeof(buf), f, ap);
	va_end(ap);
	out_write(buf, n);
}
