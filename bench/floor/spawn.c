/* SPDX-License-Identifier: 0BSD */
/*
 * Not a floor: the lsns scaling helper.  spawn N CMD...: fork N children
 * that pause() forever, run CMD, and return its status.  Run as PID 1 of a
 * new pid namespace (unshare -fp --mount-proc), so that the children die
 * with it and /proc shows only them.
 */
#include <signal.h>
#include <sys/wait.h>
#include "floor.h"

int main(int argc, char **argv)
{
	unsigned long n = 0;
	int st;
	(void)argc;
	for (const char *p = argv[1]; *p; p++)
		n = n * 10 + (*p - '0');
	for (unsigned long i = 0; i < n; i++) {
		pid_t p = fork();
		if (p < 0)
			fail("fork");
		if (p == 0) {
			for (;;)
				pause();
		}
	}
	pid_t c = fork();
	if (c < 0)
		fail("fork");
	if (c == 0)
		exec_or_fail(argv + 2);
	while (waitpid(c, &st, 0) < 0)
		if (errno != EINTR)
			fail("waitpid");
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
