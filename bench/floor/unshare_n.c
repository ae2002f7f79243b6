/* SPDX-License-Identifier: 0BSD */
/* Floor of "unshare -n CMD". */
#include <sched.h>
#include "floor.h"

int main(int argc, char **argv)
{
	(void)argc;
	if (unshare(CLONE_NEWNET) < 0)
		fail("unshare");
	exec_or_fail(argv + 1);
}
