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

/* A whole mount table: the well-formed lines of a mountinfo text, in its order. */
struct mounts {
	char *text;		/* the text, cut into the strings of m[] */
	struct mountinfo *m;
	int n;
};

/* Parse a mountinfo text (malloc'd; t owns it from now on) into t. */
void mounts_parse(struct mounts *t, char *text);
/* Read and parse /proc/self/mountinfo once: 0, or -1 with errno set. */
int mounts_read(struct mounts *t);
/* The mount with this id, or NULL. */
const struct mountinfo *mounts_find(const struct mounts *t, unsigned long id);
void mounts_free(struct mounts *t);

/* The id of the mount path is on, as in mountinfo (statx, Linux 5.8): 0, or -1. */
int mount_id(const char *path, unsigned long *id);
/* Is path a mount point (the root of a mount)?  1, 0, or -1 with errno. */
int is_mountpoint(const char *path);

#endif
