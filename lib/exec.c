/* SPDX-License-Identifier: 0BSD */
/* Running the user's command: see exec.h. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "err.h"
#include "exec.h"
#include "passwd.h"

void (*exec_failed)(void);

static void failed(void)
{
	int e = errno;

	if (exec_failed)
		exec_failed();
	errno = e;
}

void exec_or_die(char **argv)
{
	execvp(argv[0], argv);
	failed();
	die_status(errno == ENOENT ? 127 : 126, errno, "failed to execute %s", argv[0]);
}

void exec_shell(void)
{
	const char *sh = getenv("SHELL");
	struct pwent pw;
	char *argv[2], arg0[256];
	const char *base;

	if (!sh || !*sh)
		sh = pw_byuid(getuid(), &pw) == 0 && *pw.shell ? pw.shell : "/bin/sh";
	base = strrchr(sh, '/');
	base = base ? base + 1 : sh;
	arg0[0] = '-';
	strncpy(arg0 + 1, base, sizeof(arg0) - 2);
	arg0[sizeof(arg0) - 1] = 0;
	argv[0] = arg0;
	argv[1] = NULL;
	execv(sh, argv);
	failed();
	die_status(errno == ENOENT ? 127 : 126, errno, "failed to execute %s", sh);
}

pid_t wait_pid(pid_t pid, int *status, int flags)
{
	pid_t r;

	while ((r = waitpid(pid, status, flags)) < 0 && errno == EINTR)
		;
	return r;
}

void exit_like(int status)
{
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);
		struct rlimit nocore = { 0, 0 };
		sigset_t set;

		setrlimit(RLIMIT_CORE, &nocore);	/* the child already dumped, if it did */
		signal(sig, SIG_DFL);
		sigemptyset(&set);
		sigaddset(&set, sig);
		sigprocmask(SIG_UNBLOCK, &set, NULL);
		kill(getpid(), sig);
		_exit(128 + sig);
	}
	exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}
