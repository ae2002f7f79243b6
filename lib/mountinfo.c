/* SPDX-License-Identifier: 0BSD */
/* /proc/PID/mountinfo parsing: see mountinfo.h and proc(5). */
#include <fcntl.h>
#include <linux/stat.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "mountinfo.h"
#include "num.h"
#include "xfuncs.h"

/* Undo the kernel's octal escapes (\040 for a space, \134 for a backslash...). */
static void unescape(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7'
		    && s[3] >= '0' && s[3] <= '7') {
			*d++ = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0'));
			s += 3;
		} else {
			*d++ = *s;
		}
	}
	*d = 0;
}

/* Cut the next space-separated word; NULL when there is none. */
static char *word(char **p)
{
	char *s = *p, *e;

	if (!s || !*s)
		return NULL;
	e = strchr(s, ' ');
	if (e) {
		*e = 0;
		*p = e + 1;
	} else {
		*p = s + strlen(s);
	}
	return s;
}

static int number(char *s, unsigned long long max, unsigned long long *v)
{
	return s ? parse_ull(s, max, v) : -1;
}

int mountinfo_parse(char *line, struct mountinfo *m)
{
	char *p = line, *w, *dev, *colon;
	unsigned long long v, maj, min;

	memset(m, 0, sizeof(*m));
	if (number(word(&p), ~0UL, &v))
		return -1;
	m->id = v;
	if (number(word(&p), ~0UL, &v))
		return -1;
	m->parent = v;
	dev = word(&p);
	colon = dev ? strchr(dev, ':') : NULL;
	if (!colon)
		return -1;
	*colon = 0;
	if (number(dev, ~0U, &maj) || number(colon + 1, ~0U, &min))
		return -1;
	m->major = maj, m->minor = min;
	m->root = word(&p);
	m->target = word(&p);
	m->options = word(&p);
	if (!m->options)
		return -1;
	/* optional fields run up to a lone "-" */
	m->optional = p;
	for (;;) {
		char *start = p;
		w = word(&p);
		if (!w)
			return -1;
		if (!strcmp(w, "-")) {
			if (start > m->optional)
				start[-1] = 0;	/* end the optional fields before the " -" */
			else
				m->optional = "";
			break;
		}
		if (*p)
			p[-1] = ' ';	/* keep "shared:1 master:2" as one string */
	}
	m->fstype = word(&p);
	m->source = word(&p);
	m->super = word(&p);
	if (!m->super)
		return -1;
	unescape(m->root);
	unescape(m->target);
	unescape(m->source);
	return 0;
}

void mounts_parse(struct mounts *t, char *text)
{
	char *line, *nl;
	int cap = 0;

	t->text = text;
	t->m = NULL;
	t->n = 0;
	for (line = text; *line; line = nl) {
		nl = line + strcspn(line, "\n");
		if (*nl)
			*nl++ = 0;
		t->m = xgrow(t->m, t->n, &cap, 32, sizeof(*t->m));
		t->n += !mountinfo_parse(line, &t->m[t->n]);
	}
}

int mounts_read(struct mounts *t)
{
	char *text = read_file_alloc_at(AT_FDCWD, "/proc/self/mountinfo", NULL);

	if (!text)
		return -1;
	mounts_parse(t, text);
	return 0;
}

const struct mountinfo *mounts_find(const struct mounts *t, unsigned long id)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->m[i].id == id)
			return &t->m[i];
	return NULL;
}

void mounts_free(struct mounts *t)
{
	free(t->m);
	free(t->text);
	t->m = NULL;
	t->text = NULL;
	t->n = 0;
}

int mount_id(const char *path, unsigned long *id)
{
	struct statx stx;

	if (syscall(SYS_statx, AT_FDCWD, path, 0, STATX_MNT_ID, &stx) < 0 || !(stx.stx_mask & STATX_MNT_ID))
		return -1;
	*id = stx.stx_mnt_id;
	return 0;
}

int is_mountpoint(const char *path)
{
	struct statx stx;

	if (syscall(SYS_statx, AT_FDCWD, path, AT_NO_AUTOMOUNT, STATX_BASIC_STATS, &stx) < 0)
		return -1;
	if (stx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT)
		return !!(stx.stx_attributes & STATX_ATTR_MOUNT_ROOT);
	{
		/* older kernels: compare with the parent directory */
		struct stat a, b;
		char up[4096];
		size_t n = strlen(path);

		if (n + 4 > sizeof(up) || stat(path, &a) < 0)
			return -1;
		memcpy(up, path, n);
		memcpy(up + n, "/..", 4);
		if (stat(up, &b) < 0)
			return -1;
		return a.st_dev != b.st_dev || a.st_ino == b.st_ino;
	}
}
