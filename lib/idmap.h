/* SPDX-License-Identifier: 0BSD */
/*
 * User-namespace ID maps: parsing the --map-users/--map-groups specs,
 * /etc/subuid and /etc/subgid lines and /proc/PID/uid_map text, and writing
 * a map for a process.  The parsers are pure (text in, struct out): they
 * neither allocate nor touch files, so a fuzzer can call them directly.
 */
#ifndef NSBOX_IDMAP_H
#define NSBOX_IDMAP_H

#include <stddef.h>
#include <sys/types.h>

#define IDMAP_MAX 64		/* ranges in one map (the kernel takes 340) */

struct idrange {
	unsigned long inner, outer, count;
};

struct idmap {
	int n;
	struct idrange r[IDMAP_MAX];
};

/* What a --map-users/--map-groups argument asked for. */
enum { IDMAP_RANGE, IDMAP_AUTO, IDMAP_SUBIDS, IDMAP_ALL };

/*
 * Parse "INNER:OUTER:COUNT", the old "OUTER,INNER,COUNT", or one of the
 * words auto, subids, all.  Returns the IDMAP_* kind (filling *r for
 * IDMAP_RANGE), or -1 when s is malformed: IDs must be decimal, fit in 32
 * bits, COUNT must be at least 1 and the range must not wrap.
 */
int idmap_parse_spec(const char *s, struct idrange *r);

/*
 * Find the first /etc/subuid or /etc/subgid line ("OWNER:START:COUNT")
 * whose OWNER is name (when not NULL) or the decimal id.  text is the whole
 * file, not necessarily NUL-terminated (len bytes).  Fills r->outer = START,
 * r->count = COUNT (r->inner = 0) and returns 0, or -1 when no valid line
 * matches.  Comments (#) and malformed lines are skipped.
 */
int idmap_subid_find(const char *text, size_t len, const char *name,
		     unsigned long id, struct idrange *r);

/*
 * Add the identity of every range in a /proc/PID/uid_map text ("INNER
 * OUTER COUNT" lines): for each line, INNER:INNER:COUNT, as seen from the
 * namespace that reads it.  Returns the number of ranges added, or -1 on a
 * malformed line or when m is full.
 */
int idmap_parse_proc(const char *text, size_t len, struct idmap *m);

/* Append a range; -1 when the map is full or the range is invalid. */
int idmap_add(struct idmap *m, unsigned long inner, unsigned long outer, unsigned long count);

/* The kernel's text form, "INNER OUTER COUNT\n" per range; the length, or 0 when it does not fit. */
size_t idmap_format(const struct idmap *m, char *buf, size_t size);

/*
 * Install m as the "uid" or "gid" map (which) of process pid, printing
 * nothing: as root, in one write(2) to /proc/PID/{uid,gid}_map (0, or -1
 * with errno set); otherwise through newuidmap or newgidmap, whose wait
 * status idmap_run_helper returns (-1 with errno when it cannot fork).  A
 * helper that cannot be executed says so itself and exits 127 (not
 * installed) or 126.
 */
int idmap_write_file(pid_t pid, const char *which, const struct idmap *m);
int idmap_run_helper(pid_t pid, const char *which, const struct idmap *m);

#endif
