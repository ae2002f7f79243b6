/* SPDX-License-Identifier: 0BSD */
/*
 * /proc/PID reading for process listers: the stat line (whose comm field may
 * hold spaces and parentheses), the owner uid, the command line and comm.
 * Every function takes a directory fd opened on /proc/PID (see proc_open).
 */
#ifndef NSBOX_PROC_H
#define NSBOX_PROC_H

#include <sys/types.h>

/* openat(procfd, "PID", O_DIRECTORY|O_CLOEXEC): an fd, or -1 with errno. */
int proc_open(int procfd, const char *pid);

/*
 * Parse a /proc/PID/stat line (NUL-terminated): the pid before " (", the
 * state and ppid after the LAST ')'.  0, or -1 when malformed.
 */
int proc_parse_stat(const char *line, int *pid, char *state, int *ppid);

/* Read and parse a stat file (DIRFD/PATH: "stat", or "PID/stat" under
 * /proc): 0, or -1 (the process is gone, or junk). */
int proc_stat(int dirfd, const char *path, int *pid, int *ppid);

/*
 * The command line, NULs turned into spaces: its first 8 KiB, of which the
 * last byte is dropped (util-linux's rule, one read(2)); NULL when the
 * file is empty or unreadable.  Then comm, trailing blanks trimmed.
 * Both return malloc'd strings.
 */
char *proc_cmdline(int dirfd);
char *proc_comm(int dirfd);

#endif
