/* SPDX-License-Identifier: 0BSD */
/*
 * lib/sig.c's names against the C library's own (glibc's sigabbrev_np): every
 * name stands for the libc constant of that name, every signal libc names
 * below SIGRTMIN is in the table, and sig_parse takes each name with and
 * without "SIG", in any case.  Prints "ok", or one line per fault.  Built
 * and run by tests/build.test (and by a cross build's test, under QEMU).
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "sig.h"

/* Is libc's name for the signal this name, or its other name (glibc calls 29 POLL, not IO)? */
static int same_signal(const char *libc, const char *name)
{
	static const char *const alias[][2] = { { "IOT", "ABRT" }, { "CLD", "CHLD" }, { "POLL", "IO" } };

	if (!strcmp(libc, name))
		return 1;
	for (size_t i = 0; i < sizeof(alias) / sizeof(alias[0]); i++)
		if ((!strcmp(name, alias[i][0]) && !strcmp(libc, alias[i][1]))
		    || (!strcmp(name, alias[i][1]) && !strcmp(libc, alias[i][0])))
			return 1;
	return 0;
}

int main(void)
{
	const struct signame *n;
	int bad = 0;

	for (n = sig_names; n->sig; n++) {
		const char *libc = sigabbrev_np(n->sig);
		char lower[16], prefixed[16];
		size_t i;

		if (!libc || !same_signal(libc, n->name))
			printf("%s: %d is %s here\n", n->name, n->sig, libc ? libc : "no signal"), bad = 1;
		for (i = 0; n->name[i]; i++)
			lower[i] = n->name[i] | 0x20;
		lower[i] = 0;
		snprintf(prefixed, sizeof(prefixed), "sIg%s", n->name);
		if (sig_parse(n->name) != n->sig || sig_parse(lower) != n->sig || sig_parse(prefixed) != n->sig)
			printf("%s: sig_parse does not give %d\n", n->name, n->sig), bad = 1;
	}
	for (int s = 1; s < SIGRTMIN; s++) {
		const char *libc = sigabbrev_np(s);

		if (libc && sig_parse(libc) != s)
			printf("%s (%d): not in the table\n", libc, s), bad = 1;
	}
	if (sig_parse("SIG") != -1 || sig_parse("USR") != -1 || sig_parse("0") != -1 || sig_parse("") != -1)
		printf("sig_parse takes a name that is none\n"), bad = 1;
	puts(bad ? "bad" : "ok");
	return bad;
}
