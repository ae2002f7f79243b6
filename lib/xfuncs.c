/* SPDX-License-Identifier: 0BSD */
/* Small wrappers: see xfuncs.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "xfuncs.h"

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xzalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void *xgrow(void *p, int n, int *cap, int first, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : first;
	return xrealloc(p, (size_t)*cap * size);
}

int xopen(const char *path, int flags)
{
	int fd = openat(AT_FDCWD, path, flags | O_CLOEXEC);

	if (fd < 0)
		die_errno("cannot open %s", path);
	return fd;
}

DIR *opendir_at(int dirfd, const char *name)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC), e;
	DIR *d = fd < 0 ? NULL : fdopendir(fd);

	if (!d && fd >= 0) {
		e = errno;
		close(fd);
		errno = e;
	}
	return d;
}

ssize_t write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t off = 0;

	while (off < n) {
		ssize_t w = write(fd, p + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		off += w;
	}
	return off;
}

/* Read fd until EOF or size-1 bytes; NUL-terminates.  The length, or -1 with errno. */
static ssize_t read_fd(int fd, char *buf, size_t size)
{
	size_t len = 0;

	while (len < size - 1) {
		ssize_t r = read(fd, buf + len, size - 1 - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (!r)
			break;
		len += r;
	}
	buf[len] = 0;
	return len;
}

/* openat(dirfd, name) for reading, or dirfd itself when name is NULL; -1 with errno. */
static int open_at(int dirfd, const char *name)
{
	return name ? openat(dirfd, name, O_RDONLY | O_CLOEXEC) : dirfd;
}

/* Close what open_at opened, keeping errno; returns r. */
static ssize_t close_keep(int fd, const char *name, ssize_t r)
{
	int e = errno;

	if (name)
		close(fd);
	errno = e;
	return r;
}

ssize_t read_file_at(int dirfd, const char *name, char *buf, size_t size)
{
	int fd = open_at(dirfd, name);

	return fd < 0 ? -1 : close_keep(fd, name, read_fd(fd, buf, size));
}

char *read_file_alloc_at(int dirfd, const char *name, size_t *lenp)
{
	int fd = open_at(dirfd, name);
	size_t size = 4096, len = 0;
	char *buf;
	ssize_t r;

	if (fd < 0)
		return NULL;
	buf = xmalloc(size);
	while ((r = read_fd(fd, buf + len, size - len)) > 0 && (len += r) == size - 1)
		buf = xrealloc(buf, size *= 2);
	if (close_keep(fd, name, r) < 0) {
		free(buf);
		return NULL;
	}
	if (lenp)
		*lenp = len;
	return buf;
}

int write_file(const char *path, const char *s)
{
	int fd = openat(AT_FDCWD, path, O_WRONLY | O_CLOEXEC), e;
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, s, strlen(s));
	e = errno;
	close(fd);
	if (n != (ssize_t)strlen(s)) {
		errno = n < 0 ? e : EIO;
		return -1;
	}
	return 0;
}

int fd_to_stdio(int fd)
{
	int i;

	for (i = 0; i < 3; i++)
		if (fd == i ? fcntl(fd, F_SETFD, 0) < 0 : dup2(fd, i) < 0)
			return -1;
	if (fd > 2)
		close(fd);
	return 0;
}
