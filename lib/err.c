/* Error reporting: one line on stderr, "applet: message[: strerror]". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "fmt.h"

const char *applet_name = "nsbox";

void vmsg(int errnum, const char *fmt, va_list ap)
{
	char buf[1024];
	size_t n = fmt_str(buf, sizeof(buf), applet_name);

	n += fmt_str(buf + n, sizeof(buf) - n, ": ");
	n += fmt_v(buf + n, sizeof(buf) - n, fmt, ap);
	if (errnum) {
		n += fmt_str(buf + n, sizeof(buf) - n, ": ");
		n += fmt_str(buf + n, sizeof(buf) - n, strerror(errnum));
	}
	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
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
