/* SPDX-License-Identifier: 0BSD */
/*
 * Floor of "unshare -fpmiu --mount-proc CMD": new pid, mount, ipc and uts
 * namespaces; the child makes / private (so nothing reaches the parent's
 * mounts), mounts a fresh /proc and runs CMD; the parent passes its status on.
 * As the unshare issue requires (and util-linux does), the parent blocks
 * SIGINT and SIGTERM while it waits; the child unblocks them.
 */
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include "floor.h"

int main(int argc, char **argv)
{
	int st;
	pid_t pid;
	sigset_t block, old;
	(void)argc;
	if (unshare(CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWUTS) < 0)
		fail("unshare");
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	pid = fork();
	if (pid < 0)
		fail("fork");
	if (pid == 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		if (mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
			fail("mount /");
		if (mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
			fail("mount /proc");
		exec_or_fail(argv + 1);
	}
	if (waitpid(pid, &st, 0) < 0)
		fail("waitpid");
	if (WIFSIGNALED(st))
		kill(getpid(), WTERMSIG(st));
	return WEXITSTATUS(st);
}
