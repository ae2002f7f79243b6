/* SPDX-License-Identifier: 0BSD */
/* Where output goes: a buffer in front of standard output (see out.h). */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "out.h"
#include "xfuncs.h"

/* Allocated by the first write: static, it would be bss past .data's page (see xfuncs.h). */
#define OBUF 4096
static char *obuf;
static size_t olen;
static int oerr;

int out_flush(void)
{
	size_t off = 0;

	while (off < olen) {
		ssize_t w = write(1, obuf + off, olen - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			oerr = w < 0 ? errno : EIO;
			break;
		}
		off += w;
	}
	olen = 0;
	if (oerr) {
		errno = oerr;
		return -1;
	}
	return 0;
}

void out_write(const void *p, size_t n)
{
	const char *s = p;

	if (n && !obuf)
		obuf = xmalloc(OBUF);
	while (n) {
		size_t room = OBUF - olen, k = n < room ? n : room;
		memcpy(obuf + olen, s, k);
		olen += k, s += k, n -= k;
		if (olen == OBUF)
			out_flush();
	}
}
