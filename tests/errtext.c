/* SPDX-License-Identifier: 0BSD */
/*
 * Prints "N TEXT" for every N from FIRST to LAST, TEXT being lib/errtext.c's
 * errtext(N).  Built against glibc it also compares each text with glibc's
 * strerror(N), names every difference on stderr and exits 1 if there is one:
 * with a cross compiler and qemu-user, that checks the table on another
 * architecture's numbering.  Used by tests/strerror.test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

int main(int argc, char **argv)
{
	int first = argc > 2 ? atoi(argv[1]) : 0, last = argc > 2 ? atoi(argv[2]) : 200;
	int e, bad = 0;

	for (e = first; e <= last; e++) {
		const char *t = errtext(e);
		printf("%d %s\n", e, t);
#ifdef __GLIBC__
		if (strcmp(t, strerror(e))) {
			fprintf(stderr, "errno %d: \"%s\", glibc says \"%s\"\n", e, t, strerror(e));
			bad = 1;
		}
#endif
	}
	return bad;
}
