/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: /etc/passwd and /etc/group lines (lib/passwd.c).
 * Input: 4 bytes of an id, a name up to a NUL, then the file's text, which
 * this target's read_file_alloc_at (standing in for lib/xfuncs.c) hands to the
 * parser as /etc/passwd or /etc/group.  Checked: every lookup returns 0 or
 * -1, fills NUL-terminated fields, and what it finds really matches.
 */
#include <string.h>
#include <sys/types.h>

#include "fuzz.h"
#include "passwd.h"
#include "xfuncs.h"

static const uint8_t *file;
static size_t filelen;

char *read_file_alloc_at(int dirfd, const char *path, size_t *lenp)
{
	(void)dirfd, (void)path;
	if (lenp)
		*lenp = filelen;
	return fuzz_strndup(file, filelen);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pwent pw;
	unsigned long gid;
	uint32_t id;
	char *name, grname[64];

	if (size < 5)
		return 0;
	name = fuzz_id_name(data, size, &id, &file, &filelen);

	memset(&pw, 0x55, sizeof(pw));
	if (!pw_byuid(id, &pw)) {
		FUZZ_CHECK(memchr(pw.name, 0, sizeof(pw.name)) && memchr(pw.shell, 0, sizeof(pw.shell)));
		FUZZ_CHECK(pw.uid == id);
	}
	memset(&pw, 0x55, sizeof(pw));
	if (!pw_byname(name, &pw)) {
		FUZZ_CHECK(memchr(pw.name, 0, sizeof(pw.name)) && memchr(pw.shell, 0, sizeof(pw.shell)));
		FUZZ_CHECK(!strncmp(pw.name, name, sizeof(pw.name) - 1));
	}
	gid = 77;
	if (!gr_byname(name, &gid)) {
		grname[0] = 0;
		/* the group found by name can be found by its gid (the first such line may differ) */
		FUZZ_CHECK(!gr_bygid(gid, grname) && memchr(grname, 0, sizeof(grname)));
	}
	memset(grname, 0x55, sizeof(grname));
	if (!gr_bygid(id, grname))
		FUZZ_CHECK(memchr(grname, 0, sizeof(grname)));
	free(name);
	return 0;
}
