/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: user-namespace ID maps (lib/idmap.c): --map-users specs,
 * /etc/subuid lines and /proc/PID/uid_map text.
 * Input: 4 bytes of an id, a name up to a NUL, then the text.  Checked: an
 * accepted range is valid (count >= 1, 32-bit, no wrap) and survives a
 * print-and-parse round trip; a subid line found really is in the text and
 * belongs to the name or the id; a parsed uid_map formats and parses back to
 * the same map; nothing reads past the (unterminated) text.
 */
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "idmap.h"

#define ID_MAX 0xffffffffUL

static int valid(const struct idrange *r)
{
	return r->count >= 1 && r->inner <= ID_MAX && r->outer <= ID_MAX &&
	       r->count - 1 <= ID_MAX - r->inner && r->count - 1 <= ID_MAX - r->outer;
}

/* Is there a line "OWNER:START:COUNT" with these START and COUNT (leading zeros allowed)? */
static int has_line(const char *text, size_t len, const struct idrange *r)
{
	const char *end = text + len, *line, *nl;
	char tmp[4200], *p, *e;	/* longer than any input (-max_len=4096) */

	for (line = text; line < end; line = nl + 1) {
		nl = memchr(line, '\n', end - line);
		if (!nl)
			nl = end;
		if ((size_t)(nl - line) >= sizeof(tmp))
			continue;
		memcpy(tmp, line, nl - line);
		tmp[nl - line] = 0;
		if (!(p = strchr(tmp, ':')) || p[1] < '0' || p[1] > '9')
			continue;
		if (strtoul(p + 1, &e, 10) != r->outer || *e != ':' || e[1] < '0' || e[1] > '9')
			continue;
		if (strtoul(e + 1, &e, 10) == r->count && !*e)
			return 1;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct idrange r, r2;
	static struct idmap m, m2;
	char *name, *text, *spec, buf[64], big[IDMAP_MAX * 40];
	uint32_t id;
	const uint8_t *rest;
	size_t tlen, flen;
	int k;

	if (size < 5)
		return 0;
	name = fuzz_id_name(data, size, &id, &rest, &tlen);
	/* exactly tlen bytes, no terminator: ASan catches a read past them */
	text = malloc(tlen ? tlen : 1);
	memcpy(text, rest, tlen);

	/* the spec: the name field, as --map-users would get it */
	k = idmap_parse_spec(name, &r);
	FUZZ_CHECK(k >= -1 && k <= IDMAP_ALL);
	if (k == IDMAP_RANGE) {
		FUZZ_CHECK(valid(&r));
		snprintf(buf, sizeof(buf), "%lu:%lu:%lu", r.inner, r.outer, r.count);
		FUZZ_CHECK(idmap_parse_spec(buf, &r2) == IDMAP_RANGE && !memcmp(&r, &r2, sizeof(r)));
		snprintf(buf, sizeof(buf), "%lu,%lu,%lu", r.outer, r.inner, r.count);
		FUZZ_CHECK(idmap_parse_spec(buf, &r2) == IDMAP_RANGE && !memcmp(&r, &r2, sizeof(r)));
	}
	/* the same text as a spec too */
	spec = fuzz_strndup((const uint8_t *)text, strnlen(text, tlen));
	if (idmap_parse_spec(spec, &r) == IDMAP_RANGE)
		FUZZ_CHECK(valid(&r));
	free(spec);

	/* /etc/subuid, by name and by id */
	if (!idmap_subid_find(text, tlen, *name ? name : NULL, id, &r)) {
		FUZZ_CHECK(r.inner == 0 && valid(&r));
		FUZZ_CHECK(has_line(text, tlen, &r));
	}

	/* /proc/PID/uid_map */
	memset(&m, 0, sizeof(m));
	k = idmap_parse_proc(text, tlen, &m);
	FUZZ_CHECK(k >= -1 && k <= IDMAP_MAX && m.n <= IDMAP_MAX);
	if (k > 0) {
		FUZZ_CHECK(k == m.n);
		for (int i = 0; i < m.n; i++)
			FUZZ_CHECK(valid(&m.r[i]) && m.r[i].inner == m.r[i].outer);
		flen = idmap_format(&m, big, sizeof(big));
		FUZZ_CHECK(flen > 0 && flen < sizeof(big) && strlen(big) == flen);
		memset(&m2, 0, sizeof(m2));
		FUZZ_CHECK(idmap_parse_proc(big, flen, &m2) == m.n && !memcmp(&m, &m2, sizeof(m)));
		/* a buffer too small: 0, never an overflow */
		FUZZ_CHECK(idmap_format(&m, buf, (flen < sizeof(buf) ? flen : sizeof(buf))) == 0);
	}
	free(text);
	free(name);
	return 0;
}
