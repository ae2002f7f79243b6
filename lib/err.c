/* Error reporting: one line on stderr, "applet: message[: strerror]". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "fmt.h"
#include "xfuncs.h"

const char *applet_name = "nsbox";

/*
 * Room for the longest single argument the kernel passes (MAX_ARG_STRLEN,
 * 128 KiB) and the rest of the line, so that the reason at the end of a
 * message about a very long argument is never cut off.  It is bss: it costs
 * no file size, and memory only for the pages a message touches.
 */
static char msgbuf[132 * 1024] LARGE;

void vmsg(int errnum, const char *fmt, va_list ap)
{
	char *buf = msgbuf;
	size_t n = fmt_str(buf, sizeof(msgbuf), applet_name);

	n += fmt_str(buf + n, sizeof(msgbuf) - n, ": ");
	n += fmt_v(buf + n, sizeof(msgbuf) - n, fmt, ap);
	if (errnum) {
		n += fmt_str(buf + n, sizeof(msgbuf) - n, ": ");
		n += fmt_str(buf + n, sizeof(msgbuf) - n, strerror(errnum));
	}
	if (n > sizeof(msgbuf) - 2)
		n = sizeof(msgbuf) - 2;
	buf[n++] = '\n';
	(void)!write(2, buf, n);
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
