/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: /proc/PID/mountinfo parsing (lib/mountinfo.c).
 * Input: a mountinfo text.  Checked: mounts_parse takes it whole, every
 * field of a line it accepts is a NUL-terminated string inside the buffer
 * (or the static ""), and mounts_find finds each mount by its id.
 */
#include <string.h>

#include "fuzz.h"
#include "mountinfo.h"

static char *buf;
static size_t len;

static void inside(const char *s)
{
	FUZZ_CHECK(s);
	if (!*s)
		return;
	FUZZ_CHECK(s >= buf && s + strlen(s) <= buf + len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mounts t;
	struct mountinfo m;

	buf = fuzz_strndup(data, size);
	len = size;
	mounts_parse(&t, buf);
	FUZZ_CHECK(t.n >= 0 && (t.n == 0 || t.m));
	for (int i = 0; i < t.n; i++) {
		const struct mountinfo *p = &t.m[i], *f = mounts_find(&t, p->id);

		inside(p->root), inside(p->target), inside(p->options), inside(p->optional);
		inside(p->fstype), inside(p->source), inside(p->super);
		FUZZ_CHECK(!strchr(p->options, ' ') && !strchr(p->fstype, ' '));
		FUZZ_CHECK(strcmp(p->optional, "-"));
		FUZZ_CHECK(f && f->id == p->id && f <= p);
	}

	/* one line on its own */
	{
		char *one = fuzz_strndup(data, strnlen((const char *)data, size));
		if (!mountinfo_parse(one, &m))
			FUZZ_CHECK(m.super && m.fstype && m.source && m.target && m.root);
		free(one);
	}
	mounts_free(&t);	/* frees buf */
	return 0;
}
