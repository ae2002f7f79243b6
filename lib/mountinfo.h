/* SPDX-License-Identifier: 0BSD */
/* /proc/PID/mountinfo parsing, and small mount-table questions. */
#ifndef NSBOX_MOUNTINFO_H
#define NSBOX_MOUNTINFO_H

struct mountinfo {
	unsigned long id, parent;
	unsigned major, minor;
	char *root;		/* root of the mount within its filesystem, unescaped */
	char *target;		/* mount point, unescaped */
	char *options;		/* per-mount options: "rw,nosuid" */
	char *optional;		/* optional fields: "shared:1 master:2", or "" */
	char *fstype;
	char *source;
	char *super;		/* per-superblock options */
};

/*
 * Parse one mountinfo line in place (the line is modified; no newline).
 * Returns 0, or -1 when the line is malformed.
 */
int mountinfo_parse(char *line, struct mountinfo *m);

/*
 * Iterate over a whole mountinfo text, held in a writable buffer: returns 0
 * and fills m for each well-formed line, -1 at the end.  *pos starts at buf.
 */
int mountinfo_next(char **pos, struct mountinfo *m);

/* Is path a mount point (the root of a mount)?  1, 0, or -1 with errno. */
int is_mountpoint(const char *path);

#endif
