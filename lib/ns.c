/* SPDX-License-Identifier: 0BSD */
/* The namespace types. */
#include <sched.h>
#include <string.h>

#include "ns.h"

#ifndef CLONE_NEWCGROUP
#define CLONE_NEWCGROUP 0x02000000
#endif
#ifndef CLONE_NEWTIME
#define CLONE_NEWTIME 0x00000080
#endif

const struct nstype ns_types[NS_COUNT] = {
	{ "mnt",    "mount",  'm', CLONE_NEWNS,     "mnt" },
	{ "net",    "net",    'n', CLONE_NEWNET,    "net" },
	{ "pid",    "pid",    'p', CLONE_NEWPID,    "pid_for_children" },
	{ "uts",    "uts",    'u', CLONE_NEWUTS,    "uts" },
	{ "ipc",    "ipc",    'i', CLONE_NEWIPC,    "ipc" },
	{ "user",   "user",   'U', CLONE_NEWUSER,   "user" },
	{ "cgroup", "cgroup", 'C', CLONE_NEWCGROUP, "cgroup" },
	{ "time",   "time",   'T', CLONE_NEWTIME,   "time_for_children" },
};

const struct nstype *ns_by_name(const char *name)
{
	int i;

	for (i = 0; i < NS_COUNT; i++)
		if (!strcmp(ns_types[i].name, name))
			return &ns_types[i];
	return NULL;
}

const struct nstype *ns_by_flag(int flag)
{
	int i;

	for (i = 0; i < NS_COUNT; i++)
		if (ns_types[i].flag == flag)
			return &ns_types[i];
	return NULL;
}
