/* SPDX-License-Identifier: 0BSD */
/* Running the user's command, and passing its fate back to our caller. */
#ifndef NSBOX_EXEC_H
#define NSBOX_EXEC_H

#include <sys/types.h>

/* execvp(argv[0], argv); on failure "failed to execute X: strerror", exit 127 or 126. */
_Noreturn void exec_or_die(char **argv);
/* $SHELL, else the passwd shell, else /bin/sh, run as a login shell ("-sh"). */
_Noreturn void exec_shell(void);

/* Wait for pid (retrying on EINTR); returns the raw wait status. */
int wait_pid(pid_t pid);
/* Exit as the child did: its exit status, or die from the same signal. */
_Noreturn void exit_like(int status);

#endif
