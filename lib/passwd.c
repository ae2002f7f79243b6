/* SPDX-License-Identifier: 0BSD */
/* /etc/passwd and /etc/group lookups: name:x:id:gid:...:shell lines. */
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "num.h"
#include "passwd.h"
#include "xfuncs.h"

/* Split a line into at most n ':'-separated fields; returns the count. */
static int split(char *line, char **f, int n)
{
	int i = 0;

	f[i++] = line;
	while (i < n && (line = strchr(line, ':'))) {
		*line++ = 0;
		f[i++] = line;
	}
	return i;
}

/*
 * Find the line of path whose field 0 equals name (when name is set) or whose
 * field 2 equals id; fill f[] with its fields.  Returns the buffer to free.
 */
static char *find(const char *path, const char *name, unsigned long id, char **f, int nf)
{
	char *buf = read_file_alloc_at(AT_FDCWD, path, NULL), *line, *nl;
	unsigned long long v;

	if (!buf)
		return NULL;
	for (line = buf; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		if (split(line, f, nf) >= 3 && (name ? !strcmp(f[0], name)
				: !parse_ull(f[2], ~0UL, &v) && v == id))
			return buf;
		if (!nl)
			break;
	}
	free(buf);
	return NULL;
}

static int pw_find(const char *name, unsigned long uid, struct pwent *pw)
{
	char *f[7] = { 0 }, *buf = find("/etc/passwd", name, uid, f, 7);
	unsigned long long v;

	if (!buf)
		return -1;
	fmt_str(pw->name, sizeof(pw->name), f[0]);
	pw->uid = !parse_ull(f[2], ~0UL, &v) ? v : 0;
	pw->gid = f[3] && !parse_ull(f[3], ~0UL, &v) ? v : 0;
	fmt_str(pw->shell, sizeof(pw->shell), f[6] ? f[6] : "");
	free(buf);
	return 0;
}

int pw_byuid(unsigned long uid, struct pwent *pw)
{
	return pw_find(NULL, uid, pw);
}

int pw_byname(const char *name, struct pwent *pw)
{
	return pw_find(name, 0, pw);
}

int gr_byname(const char *name, unsigned long *gid)
{
	char *f[4] = { 0 }, *buf = find("/etc/group", name, 0, f, 4);
	unsigned long long v;
	int r = -1;

	if (buf && !parse_ull(f[2], ~0UL, &v)) {
		*gid = v;
		r = 0;
	}
	free(buf);
	return r;
}

int gr_bygid(unsigned long gid, char name[64])
{
	char *f[4] = { 0 }, *buf = find("/etc/group", NULL, gid, f, 4);

	if (!buf)
		return -1;
	fmt_str(name, 64, f[0]);
	free(buf);
	return 0;
}
