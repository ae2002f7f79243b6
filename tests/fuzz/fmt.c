/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: the printf subset (lib/fmt.c), against glibc's snprintf.
 * The input drives a small generator: each step emits literal text or one
 * conversion from fmt.h's subset (flags '-' '0', a width or '*', a precision
 * for %s, h/l/ll/z, and s c d i u x o %) with an argument of the right type;
 * the buffer size is fuzzed too.  fmt must write exactly what snprintf
 * writes, truncated the same way, and return the length it wrote.
 * Left out on purpose (fmt.h does not promise them): a negative '*' width,
 * %h with a value outside short, '0' with %s or %c.
 */
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "fuzz.h"

#define MAXCONV 6

struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static unsigned long long word(struct in *in)
{
	unsigned long long v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | byte(in);
	return v;
}

union arg {
	int i;
	long l;
	long long ll;
	unsigned u;
	unsigned long ul;
	unsigned long long ull;
	const char *s;
};

static char strs[MAXCONV][64];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct in in = { data, size };
	char f[512], got[600], want[600];
	union arg a[MAXCONV][2];
	int kind[MAXCONV];	/* 0 pointer, 1 int, 2 long, 3 long long */
	int nconv = 0, len = 0, star[MAXCONV] = { 0 };
	size_t bufsize, n;

	bufsize = byte(&in) % 300;
	while (in.n && nconv < MAXCONV && len < 400) {
		unsigned c = byte(&in), flags = byte(&in), lng = byte(&in) % 5;
		char conv = "scdiuxo%"[c % 8];
		int width = -1, prec = -1;

		if (c & 0x80) {	/* literal text, no '%' */
			int k = byte(&in) % 8;
			while (k-- && len < 400) {
				char ch = (char)byte(&in);
				f[len++] = ch == '%' || !ch ? 'x' : ch;
			}
			continue;
		}
		f[len++] = '%';
		if (conv == '%') {	/* a bare "%%": fmt.h promises no flags on it */
			f[len++] = '%';
			continue;
		}
		if (flags & 1)
			f[len++] = '-';
		if ((flags & 2) && conv != 's' && conv != 'c')
			f[len++] = '0';
		if (flags & 4) {
			width = byte(&in) % 40;
			if (flags & 8) {
				f[len++] = '*';
				star[nconv] = 1;
			} else {
				len += snprintf(f + len, 8, "%d", width);
			}
		}
		if (conv == 's' && (flags & 16)) {
			prec = byte(&in) % 70;
			len += snprintf(f + len, 8, ".%d", prec);
		}
		if (conv == 's' || conv == 'c')
			lng = 0;
		static const char *const mods[] = { "", "l", "ll", "z", "h" };
		len += snprintf(f + len, 4, "%s", mods[lng]);
		f[len++] = conv;
		a[nconv][0].i = width;
		switch (conv) {
		case 's': {
			int k = byte(&in) % 64;
			for (int i = 0; i < k; i++)
				strs[nconv][i] = (char)(byte(&in) | 1);
			strs[nconv][k] = 0;
			a[nconv][1].s = (flags & 32) ? NULL : strs[nconv];
			if (!a[nconv][1].s && prec >= 0)	/* glibc prints "" for a short precision */
				a[nconv][1].s = strs[nconv];
			kind[nconv] = 0;
			break;
		}
		case 'c':
			a[nconv][1].i = (int)(byte(&in) | 1);
			kind[nconv] = 1;
			break;
		default: {
			unsigned long long v = word(&in);
			if (lng == 4)
				v = (conv == 'd' || conv == 'i') ? (unsigned long long)(long long)(short)v
				                                 : (unsigned short)v;
			int sig = conv == 'd' || conv == 'i';
			if (lng == 0 || lng == 4) {
				kind[nconv] = 1;
				if (sig) a[nconv][1].i = (int)v; else a[nconv][1].u = (unsigned)v;
			} else if (lng == 1) {
				kind[nconv] = 2;
				if (sig) a[nconv][1].l = (long)v; else a[nconv][1].ul = (unsigned long)v;
			} else {
				kind[nconv] = 3;
				if (sig) a[nconv][1].ll = (long long)v; else a[nconv][1].ull = v;
			}
		}
		}
		nconv++;
	}
	f[len] = 0;

	/*
	 * Call both with the same arguments: every argument goes in a 64-bit
	 * slot, ints sign-extended.  On x86-64 a va_arg(int) of such a slot reads
	 * its low half and pointers and longs are 64 bits, so both functions see
	 * exactly the typed arguments the format asks for.
	 */
	uint64_t slots[2 * MAXCONV];
	int ns = 0;
	for (int i = 0; i < nconv; i++) {
		if (star[i])
			slots[ns++] = (uint64_t)(int64_t)a[i][0].i;
		switch (kind[i]) {
		case 0: slots[ns++] = (uint64_t)(uintptr_t)a[i][1].s; break;
		case 1: slots[ns++] = (uint64_t)(int64_t)a[i][1].i; break;
		case 2: slots[ns++] = (uint64_t)a[i][1].ul; break;
		default: slots[ns++] = a[i][1].ull; break;
		}
	}
	for (int i = ns; i < 2 * MAXCONV; i++)
		slots[i] = 0;
#define S slots[0], slots[1], slots[2], slots[3], slots[4], slots[5], slots[6], slots[7], \
	  slots[8], slots[9], slots[10], slots[11]
	memset(got, 0x7f, sizeof(got));
	n = fmt(got, bufsize, f, S);
	int w = snprintf(want, sizeof(want), f, S);
	if (bufsize) {
		size_t exp = (size_t)w < bufsize - 1 ? (size_t)w : bufsize - 1;
		FUZZ_CHECK(n == exp);
		FUZZ_CHECK(!memcmp(got, want, exp) && got[exp] == 0);
	} else {
		FUZZ_CHECK(n == 0 && (unsigned char)got[0] == 0x7f);
	}
	return 0;
}
