/* SPDX-License-Identifier: 0BSD */
/* User-namespace ID maps: see idmap.h. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "idmap.h"
#include "xfuncs.h"

#define ID_MAX 0xffffffffUL

/* Digits in [s, end) up to the first non-digit: the end of them, or NULL. */
static const char *num(const char *s, const char *end, unsigned long *v)
{
	unsigned long long x = 0;
	const char *p = s;

	while (p < end && *p >= '0' && *p <= '9') {
		x = x * 10 + (*p++ - '0');
		if (x > ID_MAX)
			return NULL;
	}
	if (p == s)
		return NULL;
	*v = x;
	return p;
}

static int valid(unsigned long inner, unsigned long outer, unsigned long count)
{
	return count && count - 1 <= ID_MAX - inner && count - 1 <= ID_MAX - outer;
}

int idmap_parse_spec(const char *s, struct idrange *r)
{
	const char *end = s + strlen(s), *p = s;
	unsigned long v[3];
	char sep = 0;
	int i;

	if (!strcmp(s, "auto"))
		return IDMAP_AUTO;
	if (!strcmp(s, "subids"))
		return IDMAP_SUBIDS;
	if (!strcmp(s, "all"))
		return IDMAP_ALL;
	for (i = 0; i < 3; i++) {
		if (i && (*p != (sep ? sep : (sep = *p)) || (sep != ':' && sep != ',')))
			return -1;
		if (!(p = num(p + !!i, end, &v[i])))
			return -1;
	}
	if (p != end)
		return -1;
	if (sep == ':')
		r->inner = v[0], r->outer = v[1];
	else
		r->outer = v[0], r->inner = v[1];
	r->count = v[2];
	return valid(r->inner, r->outer, r->count) ? IDMAP_RANGE : -1;
}

int idmap_subid_find(const char *text, size_t len, const char *name,
		     unsigned long id, struct idrange *r)
{
	const char *end = text + len, *line, *nl, *colon, *p;
	unsigned long owner, start, count;

	for (line = text; line < end; line = nl + 1) {
		nl = memchr(line, '\n', end - line);
		if (!nl)
			nl = end;
		colon = memchr(line, ':', nl - line);
		if (!colon || *line == '#')
			continue;
		if (!(name && (size_t)(colon - line) == strlen(name) && !memcmp(line, name, colon - line))
		    && !(num(line, colon, &owner) == colon && owner == id))
			continue;
		p = num(colon + 1, nl, &start);
		if (!p || p == nl || *p != ':' || !(p = num(p + 1, nl, &count)) || p != nl
		    || !valid(0, start, count))
			continue;
		r->inner = 0;
		r->outer = start;
		r->count = count;
		return 0;
	}
	return -1;
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	return p;
}

int idmap_parse_proc(const char *text, size_t len, struct idmap *m)
{
	const char *end = text + len, *p = text, *nl;
	unsigned long v[3];
	int i, added = 0;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', end - p);
		if (!nl)
			nl = end;
		for (i = 0; i < 3; i++) {
			p = skip_blank(p, nl);
			if (!(p = num(p, nl, &v[i])))
				return -1;
		}
		if (skip_blank(p, nl) != nl || idmap_add(m, v[0], v[0], v[2]))
			return -1;
		added++;
	}
	return added;
}

int idmap_add(struct idmap *m, unsigned long inner, unsigned long outer, unsigned long count)
{
	if (m->n >= IDMAP_MAX || inner > ID_MAX || outer > ID_MAX || !valid(inner, outer, count))
		return -1;
	m->r[m->n].inner = inner;
	m->r[m->n].outer = outer;
	m->r[m->n].count = count;
	m->n++;
	return 0;
}

size_t idmap_format(const struct idmap *m, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	for (i = 0; i < m->n; i++) {
		n += fmt(buf + n, size - n, "%lu %lu %lu\n", m->r[i].inner, m->r[i].outer, m->r[i].count);
		if (n >= size - 1)
			return 0;
	}
	return n;
}

/* newuidmap PID INNER OUTER COUNT...: the numbers live in one buffer. */
int idmap_run_helper(pid_t pid, const char *which, const struct idmap *m)
{
	char prog[16], nums[(3 * IDMAP_MAX + 1) * 12], *argv[3 * IDMAP_MAX + 3], *p = nums;
	int i, k = 0, st;
	pid_t child;

	fmt(prog, sizeof(prog), "new%smap", which);
	argv[k++] = prog;
	p += fmt(argv[k++] = p, 12, "%d", (int)pid) + 1;
	for (i = 0; i < m->n; i++) {
		p += fmt(argv[k++] = p, 12, "%lu", m->r[i].inner) + 1;
		p += fmt(argv[k++] = p, 12, "%lu", m->r[i].outer) + 1;
		p += fmt(argv[k++] = p, 12, "%lu", m->r[i].count) + 1;
	}
	argv[k] = NULL;
	child = fork();
	if (child < 0)
		return -1;
	if (!child) {
		int e;

		execvp(prog, argv);
		e = errno;
		warn_errno("failed to execute %s", prog);
		_exit(e == ENOENT ? 127 : 126);
	}
	return wait_pid(child, &st, 0) < 0 ? -1 : st;
}

int idmap_write_file(pid_t pid, const char *which, const struct idmap *m)
{
	char path[64], buf[IDMAP_MAX * 36];

	fmt(path, sizeof(path), "/proc/%d/%s_map", (int)pid, which);
	idmap_format(m, buf, sizeof(buf));
	return write_file(path, buf);
}
