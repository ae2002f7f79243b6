/* SPDX-License-Identifier: 0BSD */
/* The namespace types: one table shared by every applet. */
#ifndef NSBOX_NS_H
#define NSBOX_NS_H

struct nstype {
	const char *name;	/* entry in /proc/PID/ns/, and lsns's TYPE: "mnt" */
	const char *opt;	/* unshare/nsenter long option: "mount" */
	char letter;		/* unshare/nsenter short option: 'm' */
	int flag;		/* CLONE_NEWNS */
	const char *children;	/* /proc/PID/ns/ entry to bind for persistence */
};

#define NS_COUNT 8
extern const struct nstype ns_types[NS_COUNT];	/* in lsns order: mnt net pid uts ipc user cgroup time */

const struct nstype *ns_by_name(const char *name);
const struct nstype *ns_by_flag(int flag);

#endif
