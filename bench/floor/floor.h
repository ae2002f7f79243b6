/* SPDX-License-Identifier: 0BSD */
/*
 * Shared bits of the floor programs: each floor program makes exactly the
 * system calls its benchmark case needs, and nothing else (no stdio, no
 * option parsing), so that its time is what the kernel work costs.
 */
#ifndef FLOOR_H
#define FLOOR_H
#include <errno.h>
#include <string.h>
#include <unistd.h>

static inline __attribute__((noreturn)) void fail(const char *what)
{
	const char *e = strerror(errno);
	(void)!write(2, what, strlen(what));
	(void)!write(2, ": ", 2);
	(void)!write(2, e, strlen(e));
	(void)!write(2, "\n", 1);
	_exit(1);
}

/* Decimal digits of v into buf (no terminator); returns the length. */
static inline int utoa(unsigned long v, char *buf)
{
	char t[24];
	int n = 0, i = 0;
	do
		t[n++] = '0' + v % 10;
	while (v /= 10);
	while (n)
		buf[i++] = t[--n];
	return i;
}

static inline void exec_or_fail(char **argv)
{
	execvp(argv[0], argv);
	fail(argv[0]);
}
#endif
