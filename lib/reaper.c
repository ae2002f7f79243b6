/* SPDX-License-Identifier: 0BSD */
/* The container reaper: see reaper.h. */
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "out.h"
#include "reaper.h"

int reap_children(pid_t main, int *status)
{
	int st, done = 0;
	pid_t pid;

	while ((pid = waitpid(-1, &st, WNOHANG)) > 0 || (pid < 0 && errno == EINTR))
		if (pid == main) {
			*status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
			done = 1;
		}
	return done;
}

int reaper(void (*child)(void *arg), void *arg, int group)
{
	sigset_t all, old;
	siginfo_t si;
	struct sigaction dfl = { .sa_handler = SIG_DFL }, oldchld;
	struct timespec zero = { 0, 0 };
	int status = 1, tty = 0;
	pid_t pid;

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	sigaction(SIGCHLD, &dfl, &oldchld);	/* SIG_IGN would reap behind our back */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
	if (group)
		tty = isatty(0) && tcgetpgrp(0) == getpgrp();
	out_flush();
	pid = fork();
	if (pid < 0) {
		sigprocmask(SIG_SETMASK, &old, NULL);
		die_errno("fork failed");
	}
	if (pid == 0) {
		if (group) {
			setpgid(0, 0);
			if (tty)	/* SIGTTOU is still blocked, so this works */
				tcsetpgrp(0, getpgrp());
		}
		sigaction(SIGCHLD, &oldchld, NULL);
		sigprocmask(SIG_SETMASK, &old, NULL);
		child(arg);
		_exit(127);
	}
	if (group)
		setpgid(pid, pid);	/* also here: no signal may miss the group */

	for (;;) {
		int sig = sigwaitinfo(&all, &si);

		if (sig < 0)
			continue;
		if (sig == SIGCHLD) {
			if (reap_children(pid, &status))
				break;
			continue;
		}
		kill(group ? -pid : pid, sig);
	}

	/* Drop what arrived meanwhile, reaping the zombies it announced. */
	while (sigtimedwait(&all, &si, &zero) > 0)
		reap_children(pid, &status);
	reap_children(pid, &status);
	if (tty)
		tcsetpgrp(0, getpgrp());
	sigaction(SIGCHLD, &oldchld, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return status;
}
