/* SPDX-License-Identifier: 0BSD */
/* The namespace types: see ns.h. */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/vfs.h>
#include <linux/magic.h>

#include "compat.h"
#include "ns.h"

const struct nstype ns_types[NS_COUNT] = {
	[NS_MNT]    = { "mnt",    "mount",  'm', CLONE_NEWNS,     "mnt" },
	[NS_NET]    = { "net",    "net",    'n', CLONE_NEWNET,    "net" },
	[NS_PID]    = { "pid",    "pid",    'p', CLONE_NEWPID,    "pid_for_children" },
	[NS_UTS]    = { "uts",    "uts",    'u', CLONE_NEWUTS,    "uts" },
	[NS_IPC]    = { "ipc",    "ipc",    'i', CLONE_NEWIPC,    "ipc" },
	[NS_USER]   = { "user",   "user",   'U', CLONE_NEWUSER,   "user" },
	[NS_CGROUP] = { "cgroup", "cgroup", 'C', CLONE_NEWCGROUP, "cgroup" },
	[NS_TIME]   = { "time",   "time",   'T', CLONE_NEWTIME,   "time_for_children" },
};

int ns_index(int flag)
{
	int i;

	for (i = 0; i < NS_COUNT; i++)
		if (ns_types[i].flag == flag)
			return i;
	return -1;
}

int ns_index_by_name(const char *name)
{
	int i;

	for (i = 0; i < NS_COUNT; i++)
		if (!strcmp(ns_types[i].name, name))
			return i;
	return -1;
}

int ns_index_by_letter(int letter)
{
	int i;

	for (i = 0; i < NS_COUNT; i++)
		if (ns_types[i].letter == letter)
			return i;
	return -1;
}

int ns_type_of(int fd)
{
	struct statfs sfs;
	int t = ioctl(fd, NS_GET_NSTYPE);

	if (t >= 0)
		return t;
	/* a kernel before 4.11 says ENOTTY; qemu-user, which passes no nsfs ioctl, ENOSYS */
	return (errno == ENOTTY || errno == ENOSYS) && fstatfs(fd, &sfs) == 0 && sfs.f_type == NSFS_MAGIC ? 0 : -1;
}
