/*
 * Floor of "lsns -n -o NS": read /proc, stat the 8 namespace links of every
 * process, and print each distinct namespace inode once, in ascending order.
 */
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
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
	char path[64] = "/proc/";
	struct dirent *d;
	DIR *dir = opendir("/proc");
	tab = calloc(cap, sizeof *tab);
	if (!dir || !tab)
		fail("/proc");
	while ((d = readdir(dir))) {
		if (d->d_name[0] < '1' || d->d_name[0] > '9')
			continue;
		size_t n = strlen(d->d_name);
		memcpy(path + 6, d->d_name, n);
		memcpy(path + 6 + n, "/ns/", 4);
		for (int t = 0; t < 8; t++) {
			struct stat st;
			strcpy(path + 10 + n, types[t]);
			if (stat(path, &st) == 0)
				add(st.st_ino);
		}
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
