/* SPDX-License-Identifier: 0BSD */
/*
 * Signal names, as util-linux takes them: "KILL" or "SIGKILL", in any case.
 * The numbers come from the C library's SIG* constants, which differ between
 * architectures (SIGUSR1 is 10 on x86 and ARM, 16 on MIPS, 30 on SPARC and
 * Alpha), so a name never stands for a position in a list.
 */
#ifndef NSBOX_SIG_H
#define NSBOX_SIG_H

struct signame {
	unsigned char sig;
	char name[7];		/* without "SIG" */
};

extern const struct signame sig_names[];	/* ends with { 0, "" } */

/* A signal name (with or without "SIG", any case) or number (1 to NSIG-1): the number, or -1. */
int sig_parse(const char *s);

#endif
