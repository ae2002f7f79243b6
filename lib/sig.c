/* SPDX-License-Identifier: 0BSD */
/* Signal names: see sig.h. */
#include <signal.h>
#include <string.h>

#include "ascii.h"
#include "num.h"
#include "sig.h"

/* util-linux's names; those only some architectures have are kept where they exist. */
const struct signame sig_names[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" }, { SIGILL, "ILL" },
	{ SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" }, { SIGIOT, "IOT" }, { SIGBUS, "BUS" },
#ifdef SIGEMT
	{ SIGEMT, "EMT" },
#endif
	{ SIGFPE, "FPE" }, { SIGKILL, "KILL" }, { SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" },
	{ SIGUSR2, "USR2" }, { SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" },
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "STKFLT" },
#endif
	{ SIGCHLD, "CHLD" },
#ifdef SIGCLD
	{ SIGCLD, "CLD" },
#endif
	{ SIGCONT, "CONT" }, { SIGSTOP, "STOP" }, { SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" },
	{ SIGTTOU, "TTOU" }, { SIGURG, "URG" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
	{ SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" }, { SIGWINCH, "WINCH" }, { SIGIO, "IO" },
#ifdef SIGPOLL
	{ SIGPOLL, "POLL" },
#endif
#ifdef SIGINFO
	{ SIGINFO, "INFO" },
#endif
#ifdef SIGPWR
	{ SIGPWR, "PWR" },
#endif
#ifdef SIGLOST
	{ SIGLOST, "LOST" },
#endif
	{ SIGSYS, "SYS" },
	{ 0, "" }
};

int sig_parse(const char *s)
{
	const struct signame *n;
	unsigned long long v;

	if (!parse_ull(s, NSIG - 1, &v) && v)
		return v;
	if (ascii_caseeq(s, 3, "SIG"))
		s += 3;
	for (n = sig_names; n->sig; n++)
		if (ascii_caseeq(s, strlen(s), n->name))
			return n->sig;
	return -1;
}
