/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: filter expressions (lib/filter.c).  Input: the expression, a
 * NUL, then the line's cells, NUL-separated (none: every cell empty).
 * Properties: a failed parse says why and where (an offset inside the
 * expression) and leaves nothing allocated; a parsed one matches any line
 * with 1, 0 or a cast's errno; "!(E)" parses whenever E does and matches
 * the opposite way.
 */
#include <errno.h>
#include <regex.h>
#include <string.h>

#include "filter.h"
#include "fmt.h"
#include "fuzz.h"

/*
 * glibc's regcomp takes time exponential in repetitions over what may match
 * empty ("T^2++*+++++", "(((u?)?)?)+++"): a libc property that util-linux
 * shares and musl, nsbox's libc, lacks.  The fuzzer is after lib/filter.c,
 * so here a pattern with more than 4 repetition operators fails as regcomp
 * fails out of memory.
 */
int __real_regcomp(regex_t *re, const char *pattern, int flags);
int __wrap_regcomp(regex_t *re, const char *pattern, int flags)
{
	const char *s;
	int ops = 0;

	for (s = pattern; *s; s++)
		ops += *s == '*' || *s == '+' || *s == '?' || *s == '{';
	return ops > 4 ? REG_ESPACE : __real_regcomp(re, pattern, flags);
}

struct line { char *cell[8]; int n; };

static const char *cell(void *ctx, int col)
{
	struct line *l = ctx;

	return col < l->n ? l->cell[col] : NULL;
}

static void bind_all(struct filter *f)
{
	int i;

	for (i = 0; i < f->nholders; i++)
		filter_bind(f, i, i % 8, strlen(filter_holder(f, i)) % 2 ? FL_U64 : FL_STR);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter f, g;
	struct line l = { .n = 0 };
	size_t n = strnlen((const char *)data, size), at, k;
	char *expr = fuzz_strndup(data, n), *neg;
	int r, s;

	for (at = n + 1; at < size && l.n < 8; at += k + 1) {
		k = strnlen((const char *)data + at, size - at);
		l.cell[l.n++] = fuzz_strndup(data + at, k);
	}
	if (filter_parse(&f, expr)) {
		FUZZ_CHECK(f.err[0] && f.errpos >= 0 && (size_t)f.errpos <= n);
		FUZZ_CHECK(!f.root && !f.holders);
		goto out;
	}
	bind_all(&f);
	r = filter_match(&f, cell, &l);
	FUZZ_CHECK(r == 0 || r == 1 || r == -EINVAL || r == -ERANGE);

	neg = malloc(n + 4);
	fmt(neg, n + 4, "!(%s)", expr);
	s = filter_parse(&g, neg);
	FUZZ_CHECK(!*expr || !s || strstr(g.err, "too deeply"));
	if (*expr && !s) {
		bind_all(&g);
		s = filter_match(&g, cell, &l);
		FUZZ_CHECK(r < 0 ? s == r : s == !r);
		filter_free(&g);
	}
	free(neg);
	filter_free(&f);
out:
	while (l.n)
		free(l.cell[--l.n]);
	free(expr);
	return 0;
}
