/* SPDX-License-Identifier: 0BSD */
/* Error reporting in util-linux style: "applet: message[: strerror]". */
#ifndef NSBOX_ERR_H
#define NSBOX_ERR_H

#include <stdarg.h>

extern const char *applet_name;	/* set by the dispatcher before an applet runs */

/* glibc's strerror text for errnum, on every libc and architecture (lib/errtext.c). */
const char *errtext(int errnum);

void vmsg(int errnum, const char *fmt, va_list ap);
void warn(const char *fmt, ...);
void warn_errno(const char *fmt, ...);
_Noreturn void die(const char *fmt, ...);
_Noreturn void die_errno(const char *fmt, ...);
_Noreturn void die_status(int status, int errnum, const char *fmt, ...);
_Noreturn void usage_error(const char *fmt, ...);

#endif
