/* SPDX-License-Identifier: 0BSD */
/* The namespace types: one table shared by every applet, indexed by NS_* in lsns's order. */
#ifndef NSBOX_NS_H
#define NSBOX_NS_H

enum { NS_MNT, NS_NET, NS_PID, NS_UTS, NS_IPC, NS_USER, NS_CGROUP, NS_TIME, NS_COUNT };

struct nstype {
	const char *name;	/* entry in /proc/PID/ns/, and lsns's TYPE: "mnt" */
	const char *opt;	/* unshare/nsenter long option: "mount" */
	char letter;		/* unshare/nsenter short option: 'm' */
	int flag;		/* CLONE_NEWNS */
	const char *children;	/* /proc/PID/ns/ entry to bind for persistence */
};

extern const struct nstype ns_types[NS_COUNT];

/* The NS_* index of a CLONE_NEW* flag, a /proc/PID/ns name or an option letter; -1 if none. */
int ns_index(int flag);
int ns_index_by_name(const char *name);
int ns_index_by_letter(int letter);

/* The CLONE_NEW* type of the namespace file fd: NS_GET_NSTYPE, or on a
 * kernel without it (Linux < 4.11) or under qemu-user 0 for any nsfs file (setns checks the
 * type then); -1 when fd is not a namespace. */
int ns_type_of(int fd);

#endif
