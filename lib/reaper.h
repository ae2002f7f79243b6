/* SPDX-License-Identifier: 0BSD */
/* A tiny init for containers: run one child, forward signals to it, reap orphans. */
#ifndef NSBOX_REAPER_H
#define NSBOX_REAPER_H

#include <sys/types.h>

/*
 * fork; the child runs child(arg), which must exec or _exit.  The parent
 * forwards every catchable signal to it (to its process group when group is
 * set: the child then leads a new process group, which also becomes the
 * terminal's foreground group when ours was), reaps all other children
 * (orphans; it makes itself a child subreaper so that they come to it), and
 * returns the child's exit status, or 128+N if it died from signal N.
 * Dies ("fork failed") when the child cannot be started.  The caller's signal
 * mask is restored before it returns; signals that arrived after the child
 * ended are discarded.
 */
int reaper(void (*child)(void *arg), void *arg, int group);

/*
 * Reap every child that has ended, without waiting.  Returns 1 when main was
 * among them, its exit status (128+N for signal N) then in *status; else 0.
 */
int reap_children(pid_t main, int *status);

#endif
