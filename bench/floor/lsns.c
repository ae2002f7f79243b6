/* SPDX-License-Identifier: 0BSD */
/*
 * Floor of "lsns -n -o NS": read /proc, read the 8 namespace links of every
 * process (one O_PATH open of PID/ns, then a one-component readlinkat each,
 * the cheapest walk), and print each distinct namespace inode once, in
 * ascending order.  One process, one CPU.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include "floor.h"

static const char *const types[] = { "cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts" };
static unsigned long *tab;		/* open-addressing set of inodes, 0 = empty */
static size_t cap = 1024, used;

static void add(unsigned long ino)
{
	size_t i = (ino * 0x9E3779B97F4A7C15ul) & (cap - 1);
	while (tab[i]) {
		if (tab[i] == ino)
			return;
		i = (i + 1) & (cap - 1);
	}
	tab[i] = ino;
	if (++used * 2 > cap) {
		unsigned long *old = tab;
		size_t ocap = cap;
		cap *= 2;
		used = 0;
		tab = calloc(cap, sizeof *tab);
		if (!tab)
			fail("calloc");
		for (size_t j = 0; j < ocap; j++)
			if (old[j])
				add(old[j]);
		free(old);
	}
}

static int cmp(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
	return x < y ? -1 : x > y;
}

int main(void)
{
	char path[32];
	struct dirent *d;
	DIR *dir = opendir("/proc");
	tab = calloc(cap, sizeof *tab);
	if (!dir || !tab)
		fail("/proc");
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		size_t n = strlen(d->d_name);
		memcpy(path, d->d_name, n);
		memcpy(path + n, "/ns", 4);
		int fd = openat(dirfd(dir), path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0)
			continue;
		for (int t = 0; t < 8; t++) {
			char link[64];
			ssize_t len = readlinkat(fd, types[t], link, sizeof link - 1);
			unsigned long ino = 0;
			if (len < 0)
				continue;
			link[len] = 0;
			for (char *b = strchr(link, '['); b && *++b >= '0' && *b <= '9';)
				ino = ino * 10 + (*b - '0');
			add(ino);
		}
		close(fd);
	}
	size_t k = 0;
	for (size_t j = 0; j < cap; j++)
		if (tab[j])
			tab[k++] = tab[j];
	qsort(tab, k, sizeof *tab, cmp);
	char *out = malloc(k * 21 + 1), *p = out;
	if (!out)
		fail("malloc");
	for (size_t j = 0; j < k; j++) {
		p += utoa(tab[j], p);
		*p++ = '\n';
	}
	if (write(1, out, p - out) != p - out)
		fail("write");
	return 0;
}
