/* SPDX-License-Identifier: 0BSD */
/*
 * malloc for the static musl build (the Makefile defines NSBOX_OWN_MALLOC
 * there; glibc builds keep libc's, which the sanitizers and valgrind need).
 *
 * Every nsbox process is short-lived or, as a reaper, allocates nothing in
 * its loop, so a bump allocator does: small blocks are carved from 128 KiB
 * mappings in order, and free and realloc reclaim or grow only the block
 * carved last (the usual case: a file read and freed, an array grown in a
 * loop).  Larger requests (over SMALL) get a mapping each, which realloc
 * moves with mremap and free unmaps, so lsns's big arrays grow without
 * copies.  It is smaller than musl's mallocng (bench/README.md, Layout
 * choices), and a run that allocates nothing touches none of its state.
 */
#ifdef NSBOX_OWN_MALLOC
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#define ALIGN	16
#define HDR	ALIGN			/* the block's size, kept just before it */
#define ARENA	(128 * 1024)
#define BIG	(64 * 1024)		/* a block this size or more has a mapping */
#define SMALL	(BIG - ALIGN)		/* the largest request carved from an arena */

static char *cur, *end;			/* the free part of the current arena */
static char *last;			/* the block carved last, or NULL */

static size_t *hdr(void *p)
{
	return (size_t *)((char *)p - HDR);
}

static size_t round_up(size_t n, size_t to)
{
	return (n + to - 1) & ~(to - 1);
}

/* A big block: its own mapping; its size is the mapping's, less the header. */
static void *big_alloc(size_t n)
{
	size_t len = round_up(n + HDR, 4096);
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return NULL;
	*(size_t *)p = len - HDR;
	return p + HDR;
}

void *malloc(size_t n)
{
	char *p;

	if (n > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	if (n > SMALL)
		return big_alloc(n);
	n = round_up(n ? n : 1, ALIGN);
	if ((size_t)(end - cur) < n + HDR) {
		p = mmap(NULL, ARENA, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED)
			return NULL;
		cur = p;
		end = p + ARENA;
	}
	p = cur + HDR;
	*hdr(p) = n;
	cur = p + n;
	return last = p;
}

void free(void *p)
{
	if (!p)
		return;
	if (*hdr(p) >= BIG)
		munmap(hdr(p), *hdr(p) + HDR);
	else if (p == last) {
		cur = (char *)hdr(p);
		last = NULL;
	}
}

void *calloc(size_t m, size_t n)
{
	void *p;

	if (n && m > SIZE_MAX / n) {
		errno = ENOMEM;
		return NULL;
	}
	if ((p = malloc(m * n)) && m * n <= SMALL)	/* a big block is a fresh mapping */
		memset(p, 0, m * n);
	return p;
}

void *realloc(void *p, size_t n)
{
	size_t old;
	char *q;

	if (!p)
		return malloc(n);
	old = *hdr(p);
	if (old >= BIG && n > SMALL && n <= SIZE_MAX / 2) {
		size_t len = round_up(n + HDR, 4096);
		q = mremap(hdr(p), old + HDR, len, MREMAP_MAYMOVE);
		if (q == MAP_FAILED)
			return NULL;
		*(size_t *)q = len - HDR;
		return q + HDR;
	}
	if (old < BIG && n <= old)
		return p;
	if (p == last && n <= SMALL && (size_t)(end - (char *)p) >= round_up(n ? n : 1, ALIGN)) {
		*hdr(p) = round_up(n ? n : 1, ALIGN);
		cur = (char *)p + *hdr(p);
		return p;
	}
	if (!(q = malloc(n)))
		return NULL;
	memcpy(q, p, old < n ? old : n);
	free(p);
	return q;
}
#endif
