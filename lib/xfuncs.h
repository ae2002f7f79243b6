/* SPDX-License-Identifier: 0BSD */
/* Small wrappers: memory that never returns NULL, whole-file reads and writes. */
#ifndef NSBOX_XFUNCS_H
#define NSBOX_XFUNCS_H

#include <stddef.h>
#include <sys/types.h>

/*
 * No large static buffers: .data and .bss together fit in one page, so that
 * exec maps no separate bss (a mapping of its own measured 3-10 us a run on
 * the bench machine, 1-2% of "unshare -r true"; tests/build.test checks it).
 * Buffers of a kilobyte or more live on the stack of a function that only
 * the paths needing them call, or are allocated when first used.
 */

void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/*
 * openat(2) with O_CLOEXEC added; dies with "cannot open PATH: strerror".
 * nsbox opens files with openat(AT_FDCWD, ...), never open(): musl's open
 * follows an O_CLOEXEC open with an fcntl(F_SETFD) for kernels older than
 * 2.6.23, one system call per file for nothing.
 */
int xopen(const char *path, int flags);

/* Read up to size-1 bytes of a file into buf, NUL-terminated; length or -1. */
ssize_t read_file(const char *path, char *buf, size_t size);
/* Read a whole file into a malloc'd, NUL-terminated buffer; NULL on error. */
char *read_file_alloc(const char *path, size_t *len);
/* Write a string to a file in one write(2); 0 or -1 with errno set. */
int write_file(const char *path, const char *s);

ssize_t write_all(int fd, const void *buf, size_t n);

#endif
