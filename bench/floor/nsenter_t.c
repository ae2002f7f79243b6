/* SPDX-License-Identifier: 0BSD */
/*
 * Floor of "nsenter -t PID -a CMD" (MODE a) and "nsenter -t PID -n CMD"
 * (MODE n):  nsenter_t MODE PID CMD...
 * -a joins every namespace of PID that differs from ours (the user namespace
 * too, so it is compared), with one setns(pidfd, flags); a pid namespace
 * needs a fork.  As the nsenter issue requires, the process is non-dumpable
 * from before setns until just before exec (PR_GET_DUMPABLE keeps what to
 * restore).
 */
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "floor.h"

static const struct { const char *name; int flag; } types[] = {
	{ "cgroup", CLONE_NEWCGROUP }, { "ipc", CLONE_NEWIPC }, { "uts", CLONE_NEWUTS },
	{ "net", CLONE_NEWNET }, { "pid", CLONE_NEWPID }, { "mnt", CLONE_NEWNS },
	{ "time", 0x80 /* CLONE_NEWTIME */ }, { "user", CLONE_NEWUSER },
};

int main(int argc, char **argv)
{
	char path[64] = "/proc/", self[32] = "/proc/self/ns/";
	int flags = 0, pidfd, st;
	unsigned long pid = 0;
	(void)argc;
	for (const char *p = argv[2]; *p; p++)
		pid = pid * 10 + (*p - '0');
	int n = 6 + utoa(pid, path + 6);
	memcpy(path + n, "/ns/", 4);
	n += 4;
	if (argv[1][0] == 'n') {
		flags = CLONE_NEWNET;
	} else {
		for (unsigned i = 0; i < sizeof types / sizeof types[0]; i++) {
			struct stat a, b;
			strcpy(path + n, types[i].name);
			strcpy(self + 14, types[i].name);
			if (stat(path, &a) == 0 && stat(self, &b) == 0 &&
			    (a.st_ino != b.st_ino || a.st_dev != b.st_dev))
				flags |= types[i].flag;
		}
	}
	pidfd = syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0)
		fail("pidfd_open");
	int dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (setns(pidfd, flags) < 0)
		fail("setns");
	close(pidfd);
	if (!(flags & CLONE_NEWPID)) {
		prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
		exec_or_fail(argv + 3);
	}
	pid_t c = fork();
	if (c < 0)
		fail("fork");
	if (c == 0) {
		prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
		exec_or_fail(argv + 3);
	}
	if (waitpid(c, &st, 0) < 0)
		fail("waitpid");
	if (WIFSIGNALED(st))
		kill(getpid(), WTERMSIG(st));
	return WEXITSTATUS(st);
}
