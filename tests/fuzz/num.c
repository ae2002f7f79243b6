/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: checked number parsing (lib/num.c), against strtoull/strtoll.
 * Input: 8 bytes of the limit, then the string.  parse_ull must accept exactly
 * the non-empty all-digit strings whose value is <= max, and agree with
 * strtoull on the value; parse_ll likewise for [min, max] with one sign.
 */
#include <errno.h>
#include <string.h>

#include "fuzz.h"
#include "num.h"

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned long long max, u, ref;
	long long min, smax, l, sref;
	char *s, *end;
	int r, ok;

	if (size < 8)
		return 0;
	memcpy(&max, data, 8);
	s = fuzz_strndup(data + 8, size - 8);

	/* unsigned, with the fuzzed limit and the ones the applets use */
	unsigned long long maxes[] = { max, ~0ULL, ~0UL, ~0U, 4194304, 0 };
	for (size_t i = 0; i < sizeof(maxes) / sizeof(maxes[0]); i++) {
		u = 12345;
		r = parse_ull(s, maxes[i], &u);
		errno = 0;
		ref = strtoull(s, &end, 10);
		ok = all_digits(s) && errno != ERANGE && ref <= maxes[i];
		FUZZ_CHECK(r == (ok ? 0 : -1));
		FUZZ_CHECK(ok ? u == ref : u == 12345);	/* untouched on failure */
	}

	/* signed: a range built from the limit (min <= 0 <= smax) */
	smax = (long long)(max >> 1);
	min = -(long long)(max >> 1) - (long long)(max & 1);
	long long mins[] = { min, -9223372036854775807LL - 1, 0, -1 };
	long long smaxes[] = { smax, 9223372036854775807LL, 0, 65535 };
	for (size_t i = 0; i < sizeof(mins) / sizeof(mins[0]); i++) {
		const char *d = s + (*s == '-' || *s == '+');
		r = parse_ll(s, mins[i], smaxes[i], &l);
		errno = 0;
		sref = strtoll(s, &end, 10);
		ok = all_digits(d) && errno != ERANGE && sref >= mins[i] && sref <= smaxes[i];
		FUZZ_CHECK(r == (ok ? 0 : -1));
		if (ok)
			FUZZ_CHECK(l == sref);
	}

	/* xparse_ull dies (here: returns through longjmp) exactly when parse_ull fails */
	fuzz_armed = 1;
	fuzz_status = 0;
	if (!setjmp(fuzz_jmp)) {
		u = xparse_ull(s, max, "failed to parse number");
		fuzz_armed = 0;
		FUZZ_CHECK(!parse_ull(s, max, &ref) && ref == u);
	} else {
		FUZZ_CHECK(fuzz_status == 1 && parse_ull(s, max, &ref) == -1);
	}
	fuzz_armed = 0;
	free(s);
	return 0;
}
