/* SPDX-License-Identifier: 0BSD */
/*
 * Random malloc, calloc, realloc and free against lib/alloc.c (built with
 * musl-gcc -DNSBOX_OWN_MALLOC, from tests/build.test): every live block must
 * keep its bytes and be 16-byte aligned, calloc's memory must be zero, and
 * sizes fall on both sides of the allocator's 64 KiB mapping threshold.
 * Prints "ok", or what went wrong and exits 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 48
static struct { unsigned char *p; size_t n; unsigned char tag; } b[N];
static unsigned long long rnd = 1;

static unsigned long next(void)
{
	rnd = rnd * 6364136223846793005ULL + 1442695040888963407ULL;
	return rnd >> 33;
}

static size_t size(void)
{
	switch (next() % 4) {
	case 0: return next() % 64;
	case 1: return next() % 4096;
	case 2: return 60000 + next() % 10000;	/* around the threshold */
	default: return next() % 140000;
	}
}

static void bad(const char *what, int i, size_t k)
{
	printf("%s: block %d, byte %zu of %zu\n", what, i, k, b[i].n);
	exit(1);
}

static void check(int i, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (b[i].p[k] != (unsigned char)(b[i].tag + k))
			bad("bytes changed", i, k);
}

static void fill(int i, size_t from)
{
	for (size_t k = from; k < b[i].n; k++)
		b[i].p[k] = b[i].tag + k;
}

int main(void)
{
	for (int it = 0; it < 6000; it++) {
		int i = next() % N;
		size_t n = size(), k;
		unsigned char *p;

		if (b[i].p)
			check(i, b[i].n);
		switch (next() % 4) {
		case 0:
			free(b[i].p);
			b[i].p = malloc(n);
			break;
		case 1:
			free(b[i].p);
			b[i].p = calloc(n ? 1 : 0, n);
			for (k = 0; k < n; k++)
				if (b[i].p[k])
					bad("calloc not zero", i, k);
			break;
		case 2:
			n += !n;	/* realloc(p, 0) may free p and return NULL */
			p = realloc(b[i].p, n);
			if (!p)
				bad("realloc failed", i, 0);
			b[i].p = p;
			k = b[i].n < n ? b[i].n : n;
			check(i, k);
			b[i].n = n;
			fill(i, k);
			goto aligned;
		default:
			free(b[i].p);
			b[i].p = NULL;
			b[i].n = 0;
			continue;
		}
		if (!b[i].p)
			bad("out of memory", i, 0);
		b[i].n = n;
		b[i].tag = next();
		fill(i, 0);
aligned:
		if ((uintptr_t)b[i].p % 16)
			bad("misaligned", i, 0);
	}
	puts("ok");
	return 0;
}
