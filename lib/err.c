/* SPDX-License-Identifier: 0BSD */
/* Error reporting: one line on stderr, "applet: message[: strerror]". */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "err.h"
#include "fmt.h"
#include "xfuncs.h"

const char *applet_name = "nsbox";

/*
 * Room for the longest single argument the kernel passes (MAX_ARG_STRLEN,
 * 128 KiB) and the rest of the line, so that the reason at the end of a
 * message about a very long argument is never cut off.  Allocated only while
 * a message is written (a block this big is a mapping of its own, in musl's
 * build and glibc's alike): as static storage it would be bss past the page
 * of .data (see xfuncs.h).  If it cannot be had, a long message is cut.
 */
#define MSGMAX (132 * 1024)

/* "name: message[: strerror]\n" in one write; no "name: " when name is NULL. */
static void emit(const char *name, int errnum, const char *fmt, va_list ap)
{
	int e = errno;
	char small[512];
	char *buf = malloc(MSGMAX);
	size_t size = MSGMAX, n = 0;

	if (!buf)
		buf = small, size = sizeof(small);
	if (name) {
		n = fmt_str(buf, size, name);
		n += fmt_str(buf + n, size - n, ": ");
	}
	n += fmt_v(buf + n, size - n, fmt, ap);
	if (errnum) {
		n += fmt_str(buf + n, size - n, ": ");
		n += fmt_str(buf + n, size - n, errtext(errnum));
	}
	if (n > size - 2)
		n = size - 2;
	buf[n++] = '\n';
	(void)!write(2, buf, n);
	if (buf != small)
		free(buf);
	errno = e;
}

static void vmsg(int errnum, const char *fmt, va_list ap)
{
	emit(applet_name, errnum, fmt, ap);
}

void vmsg_bare(int errnum, const char *fmt, va_list ap)
{
	emit(NULL, errnum, fmt, ap);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

void warn_errno(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(e, fmt, ap);
	va_end(ap);
	errno = e;
}

void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	exit(1);
}

void die_errno(const char *fmt, ...)
{
	int e = errno;
	va_list ap;
	va_start(ap, fmt);
	vmsg(e, fmt, ap);
	va_end(ap);
	exit(1);
}

void die_status(int status, int errnum, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsg(errnum, fmt, ap);
	va_end(ap);
	exit(status);
}

void usage_error(const char *fmt, ...)
{
	char buf[256];
	size_t n = 0;
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vmsg(0, fmt, ap);
		va_end(ap);
	}
	n += fmt_str(buf + n, sizeof(buf) - n, "Try '");
	n += fmt_str(buf + n, sizeof(buf) - n, applet_name);
	n += fmt_str(buf + n, sizeof(buf) - n, " --help' for more information.\n");
	(void)!write(2, buf, n);
	exit(1);
}
