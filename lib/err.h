/* SPDX-License-Identifier: 0BSD */
/*
 * Errors, util-linux style: one line on stderr, "applet: message[: strerror]".
 *
 * The rule, in applets/ and lib/ alike:
 *  - A function that can fail either reports the failure and exits, or
 *    returns it and prints nothing.  Never both.
 *  - Those that return give -1 (or NULL) with errno set, or a status; their
 *    caller, which knows what it was doing, says what failed: with warn*()
 *    (print, return, errno kept) when it carries on, die*() when it cannot.
 *  - Those that exit are die*() and usage_error() below, and the lib
 *    functions whose header says "dies" (xmalloc, xopen, exec_or_die...).
 *    They exit through exit(), so the atexit handlers run: buffered output
 *    is flushed and unshare's helper cleans up.  Only a forked child that
 *    must not run them (they belong to its parent) leaves with _exit().
 *  - An applet's main returns its exit status (or exits): 0, 1 for any
 *    failure, 126/127 when the command cannot be executed, and where
 *    util-linux has another status for a case, that one.
 *  - usage_error() prints the message (if any) and "Try 'APPLET --help'
 *    for more information.", and exits 1.
 */
#ifndef NSBOX_ERR_H
#define NSBOX_ERR_H

#include <stdarg.h>

extern const char *applet_name;	/* set by the dispatcher before an applet runs */

/* glibc's strerror text for errnum, on every libc and architecture (lib/errtext.c). */
const char *errtext(int errnum);

__attribute__((format(printf, 1, 2)))
void warn(const char *fmt, ...);
__attribute__((format(printf, 1, 2)))
void warn_errno(const char *fmt, ...);
__attribute__((format(printf, 1, 2)))
_Noreturn void die(const char *fmt, ...);
__attribute__((format(printf, 1, 2)))
_Noreturn void die_errno(const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
_Noreturn void die_status(int status, int errnum, const char *fmt, ...);
__attribute__((format(printf, 1, 2)))
_Noreturn void usage_error(const char *fmt, ...);	/* fmt may be NULL */

/* One line on stderr without the applet's name in front (errnum 0: no
 * strerror): for messages in the words of a peer that prints none, as netns
 * speaks as ip netns. */
__attribute__((format(printf, 2, 0)))
void vmsg_bare(int errnum, const char *fmt, va_list ap);

#endif
