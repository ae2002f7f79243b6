/* SPDX-License-Identifier: 0BSD */
/* ASCII case, whatever the locale (nsbox never sets one; glibc's strcasecmp would heed it). */
#ifndef NSBOX_ASCII_H
#define NSBOX_ASCII_H

#include <stddef.h>

/* Are the n bytes at s the upper-case word w, in any case? */
static inline int ascii_caseeq(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i] >= 'a' && s[i] <= 'z' ? s[i] - 'a' + 'A' : s[i];
		if (c != w[i])
			return 0;
	}
	return !w[n];
}

#endif
