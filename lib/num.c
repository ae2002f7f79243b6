/* SPDX-License-Identifier: 0BSD */
/* Checked number parsing. */
#include "err.h"
#include "num.h"

int parse_ull(const char *s, unsigned long long max, unsigned long long *out)
{
	unsigned long long v = 0;

	if (!s || !*s)
		return -1;
	for (; *s; s++) {
		unsigned d = (unsigned char)*s - '0';
		if (d > 9 || d > max || v > (max - d) / 10)	/* d > max: max - d would wrap */
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

int parse_ll(const char *s, long long min, long long max, long long *out)
{
	unsigned long long u;
	int neg = s && *s == '-';

	if (s && (*s == '-' || *s == '+'))
		s++;
	if (parse_ull(s, neg ? -(unsigned long long)min : (unsigned long long)max, &u))
		return -1;
	*out = neg ? -(long long)(u - 1) - 1 : (long long)u;
	return *out < min || *out > max ? -1 : 0;
}

unsigned long long xparse_ull(const char *s, unsigned long long max, const char *what)
{
	unsigned long long v;

	if (parse_ull(s, max, &v))
		die("%s: '%s'", what, s);
	return v;
}
