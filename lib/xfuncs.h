/* SPDX-License-Identifier: 0BSD */
/* Small wrappers: memory that never returns NULL, whole-file reads and writes. */
#ifndef NSBOX_XFUNCS_H
#define NSBOX_XFUNCS_H

#include <dirent.h>
#include <fcntl.h>		/* AT_FDCWD, O_* */
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/*
 * No large static buffers: .data and .bss together fit in one page, so that
 * exec maps no separate bss (what that saves: bench/README.md, Layout
 * choices; tests/build.test checks the layout).
 * Buffers of a kilobyte or more live on the stack of a function that only
 * the paths needing them call, or are allocated when first used.
 */

void *xmalloc(size_t n);
void *xzalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Room for element n of array p, which holds *cap elements of size bytes: when it is full,
 * *cap becomes first (the first time) or doubles, and p moves. */
void *xgrow(void *p, int n, int *cap, int first, size_t size);

/*
 * openat(2) with O_CLOEXEC added; dies with "cannot open PATH: strerror".
 * nsbox opens files with openat(AT_FDCWD, ...), never open(): musl's open
 * follows an O_CLOEXEC open with an fcntl(F_SETFD) for kernels older than
 * 2.6.23, one system call per file for nothing.
 */
int xopen(const char *path, int flags);

/*
 * opendir(3) of name relative to dirfd (or AT_FDCWD), by openat(2): the same
 * one system call on every architecture (musl's opendir calls open, which
 * aarch64 lacks).  NULL with errno set, and nothing left open.
 */
DIR *opendir_at(int dirfd, const char *name);

/*
 * Read the file name (relative to dirfd, or AT_FDCWD; NULL: the open file
 * dirfd, left open) to its end, with as many read(2)s as it takes,
 * NUL-terminated: into buf, at most size-1 bytes
 * (the length, or -1 with errno set), or into a malloc'd buffer (NULL with
 * errno set; its length in *len unless len is NULL).
 */
ssize_t read_file_at(int dirfd, const char *name, char *buf, size_t size);
char *read_file_alloc_at(int dirfd, const char *name, size_t *len);
/* Write a string to a file in one write(2); 0 or -1 with errno set. */
int write_file(const char *path, const char *s);

ssize_t write_all(int fd, const void *buf, size_t n);

/*
 * Make fd the standard input, output and error (dup2: not close-on-exec
 * there), and close it unless it is one of them: 0, or -1 with errno set.
 */
int fd_to_stdio(int fd);

/* Do two stat(2) results describe the same file? */
static inline int same_file(const struct stat *a, const struct stat *b)
{
	return a->st_ino == b->st_ino && a->st_dev == b->st_dev;
}

#endif
