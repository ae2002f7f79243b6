/* SPDX-License-Identifier: 0BSD */
/* Floor of "unshare -r CMD": a user namespace with root mapped to us. */
#include <fcntl.h>
#include <sched.h>
#include "floor.h"

static void put(const char *file, const char *s, int len)
{
	int fd = openat(AT_FDCWD, file, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, s, len) != len)
		fail(file);
	close(fd);
}

static void map(const char *file, unsigned id)
{
	char buf[32] = "0 ";
	int n = 2 + utoa(id, buf + 2);
	memcpy(buf + n, " 1\n", 3);
	put(file, buf, n + 3);
}

int main(int argc, char **argv)
{
	unsigned uid = getuid(), gid = getgid();
	(void)argc;
	if (unshare(CLONE_NEWUSER) < 0)
		fail("unshare");
	map("/proc/self/uid_map", uid);
	put("/proc/self/setgroups", "deny", 4);
	map("/proc/self/gid_map", gid);
	exec_or_fail(argv + 1);
}
