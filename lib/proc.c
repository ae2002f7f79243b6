/* SPDX-License-Identifier: 0BSD */
/* /proc/PID readers: see proc.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "proc.h"
#include "xfuncs.h"

int proc_open(int procfd, const char *pid)
{
	return openat(procfd, pid, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

static int parse_int(const char *s, const char **end, int *out)
{
	long long v = 0;
	int neg = 0;

	if (*s == '-')
		neg = 1, s++;
	if (*s < '0' || *s > '9')
		return -1;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (*s++ - '0');
		if (v > 0x7fffffff)
			return -1;
	}
	*out = neg ? (int)-v : (int)v;
	*end = s;
	return 0;
}

int proc_parse_stat(const char *line, int *pid, char *state, int *ppid)
{
	const char *p = strrchr(line, ')'), *e;

	if (!p || parse_int(line, &e, pid) || strncmp(e, " (", 2))
		return -1;
	if (p[1] != ' ' || !p[2] || p[3] != ' ')
		return -1;
	*state = p[2];
	return parse_int(p + 4, &e, ppid);
}

int proc_stat(int dirfd, const char *path, int *pid, int *ppid)
{
	char buf[1024], state;

	if (read_file_at(dirfd, path, buf, sizeof(buf)) <= 0)
		return -1;
	return proc_parse_stat(buf, pid, &state, ppid);
}

char *proc_cmdline(int dirfd)
{
	char buf[8192 + 1];
	ssize_t i, n = read_file_at(dirfd, "cmdline", buf, sizeof(buf));

	if (n <= 0)
		return NULL;
	for (i = 0; i < n; i++)
		if (!buf[i])
			buf[i] = ' ';
	buf[n - 1] = 0;
	return xstrdup(buf);
}

char *proc_comm(int dirfd)
{
	char buf[256];
	ssize_t n = read_file_at(dirfd, "comm", buf, sizeof(buf));

	if (n <= 0)
		return NULL;
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		n--;
	buf[n] = 0;
	return xstrdup(buf);
}
