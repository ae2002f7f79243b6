/* SPDX-License-Identifier: 0BSD */
/*
 * Floor of "pivot ROOT CMD" (run by the benchmark in a private mount
 * namespace): bind ROOT onto itself, pivot_root(".", "."), detach the old
 * root, and exec CMD inside.
 */
#include <sys/mount.h>
#include <sys/syscall.h>
#include "floor.h"

int main(int argc, char **argv)
{
	(void)argc;
	if (mount(argv[1], argv[1], NULL, MS_BIND | MS_REC, NULL) < 0)
		fail("bind");
	if (chdir(argv[1]) < 0)
		fail("chdir");
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		fail("pivot_root");
	if (umount2(".", MNT_DETACH) < 0)
		fail("umount");
	if (chdir("/") < 0)
		fail("chdir /");
	exec_or_fail(argv + 2);
}
