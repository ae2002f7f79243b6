/* SPDX-License-Identifier: 0BSD */
/* Running the user's command, and passing its fate back to our caller. */
#ifndef NSBOX_EXEC_H
#define NSBOX_EXEC_H

#include <sys/types.h>

/* Called (if set) when an exec has failed, before the message: undo what
 * was to outlive only a successful exec.  errno is the exec's, kept. */
extern void (*exec_failed)(void);
/* execvp(argv[0], argv); dies on failure: "failed to execute X: strerror", status 127 or 126. */
_Noreturn void exec_or_die(char **argv);
/* $SHELL, else the passwd shell, else /bin/sh, run as a login shell ("-sh"); dies as exec_or_die. */
_Noreturn void exec_shell(void);

/* waitpid(pid, status, flags), retried on EINTR: pid, or -1 with errno set. */
pid_t wait_pid(pid_t pid, int *status, int flags);
/* Exit as the child did: its exit status, or die from the same signal. */
_Noreturn void exit_like(int status);

#endif
