/* SPDX-License-Identifier: 0BSD */
/*
 * tbench: interleaved wall-clock and peak-RSS measurement of whole commands.
 *
 *   tbench [-r REPS] [-w WARMUP] [-c CPU] [-m] [-R] [-o DIR] [-p PATTERN] [-T SECONDS]
 *          [-s SETUP] [-t TEARDOWN] -- NAME ARG... [--then ARG...] [--- NAME ARG...]...
 *
 * Each candidate (NAME and its command, or several commands joined by --then
 * and run one after another) runs once per round, in an order taken from a
 * Williams design: a Latin square of N rows (2N for odd N) in which every
 * candidate is measured in every position and, within a round, runs right
 * after every other candidate equally often (across the boundary between
 * rounds, nearly so).  A plain rotation (A B C, B C A, ...) keeps the same
 * neighbours in every round, so whatever one run leaves behind in the
 * caches always falls on the same next candidate.  A sample is the wall time
 * from fork to the reaping of the last command, taken with
 * clock_gettime(CLOCK_MONOTONIC), and the peak RSS that wait4() reports for
 * it (the largest of the command and every descendant it reaped).  SETUP
 * and TEARDOWN (sh -c strings) run around every sample, untimed.
 *
 *   -c  run on CPU only (tbench and, by inheritance, every command), so that
 *       a child never runs on another CPU than the parent that waits for it:
 *       unpinned, on a 2-vCPU VM, exec samples fall into two modes some
 *       100 us apart, in proportions that vary from run to run.
 *   -m  each command runs in a private mount namespace of its own (the
 *       child does unshare(CLONE_NEWNS) and makes / recursively private
 *       before exec), so mounts and pivots never reach the caller's.
 *   -p  also record the time at which PATTERN first appears in the
 *       command's stdout (a boot marker on QEMU's console).
 *   -o  save the first measured sample's stdout and stderr to DIR/NAME.out
 *       and DIR/NAME.err (otherwise stdout goes to /dev/null).
 *   -T  kill a sample's process group after SECONDS (status "timeout").
 *   -R  peak-RSS mode: instead of wait4()'s ru_maxrss (which reads 0 for
 *       small static programs on recent kernels: its source, the mm's RSS
 *       counter, is a per-CPU approximation that lags by up to 64 pages per
 *       CPU), trace the command and every process it forks with ptrace,
 *       and read the exact Rss from /proc/PID/smaps_rollup at each execve,
 *       exit_group and exit stop; MAXRSS_KB is the largest value seen in
 *       any one process.  Wall times in this mode include the tracing and
 *       mean nothing.
 *
 * Output, one line per sample: "S NAME ROUND WALL_NS MARK_NS MAXRSS_KB STATUS"
 * (MARK_NS -1 when no pattern or not seen; STATUS is the wait status, or -1
 * for a timeout).  Warm-up samples are run but not printed.
 * This is a host-side tool: stdio and glibc are fine here.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct cand {
	const char *name;
	char **cmd[16];		/* argv of each command, NULL-terminated */
	int ncmd;
};

static struct cand cands[64];
static int ncand;
static int opt_mntns, opt_timeout, opt_rss;
static const char *opt_outdir, *opt_pattern, *opt_setup, *opt_teardown;

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *msg)
{
	fprintf(stderr, "tbench: %s: %s\n", msg, strerror(errno));
	exit(2);
}

static void run_sh(const char *script)
{
	if (!script)
		return;
	pid_t pid = fork();
	if (pid < 0)
		die("fork");
	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", script, (char *)NULL);
		_exit(127);
	}
	int st;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "tbench: setup/teardown failed (status %d): %s\n", st, script);
		exit(2);
	}
}

static long read_rss(pid_t pid)
{
	char path[64], buf[4096];
	snprintf(path, sizeof path, "/proc/%d/smaps_rollup", (int)pid);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = 0;
	char *p = strstr(buf, "\nRss:");
	return p ? strtol(p + 5, NULL, 10) : 0;
}

/* Traced processes that run a measured program (exec'd, or forked from one):
 * the first exec of the driver's own fork still carries tbench's pages. */
static pid_t marked[4096];
static int nmarked;

static int is_marked(pid_t p)
{
	for (int i = 0; i < nmarked; i++)
		if (marked[i] == p)
			return 1;
	return 0;
}

static void mark(pid_t p)
{
	if (!is_marked(p) && nmarked < 4096)
		marked[nmarked++] = p;
}

/* -R: follow pid and its descendants to their ends; returns pid's wait status. */
static int trace_rss(pid_t pid, long *maxrss)
{
	int st, status = 0;
	nmarked = 0;
	if (waitpid(pid, &st, __WALL) != pid || !WIFSTOPPED(st))
		die("trace: first stop");
	ptrace(PTRACE_SETOPTIONS, pid, 0, PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEFORK |
	       PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT |
	       PTRACE_O_EXITKILL);
	ptrace(PTRACE_SYSCALL, pid, 0, 0);
	for (;;) {
		pid_t w = waitpid(-1, &st, __WALL);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			die("trace: waitpid");
		}
		if (WIFEXITED(st) || WIFSIGNALED(st)) {
			if (w == pid)
				status = st;
			continue;
		}
		if (!WIFSTOPPED(st))
			continue;
		int sig = WSTOPSIG(st), ev = st >> 16, inject = 0;
		if (sig == (SIGTRAP | 0x80)) {
			struct user_regs_struct regs;
			if (is_marked(w) && ptrace(PTRACE_GETREGS, w, 0, &regs) == 0 &&
			    (regs.orig_rax == SYS_execve || regs.orig_rax == SYS_execveat ||
			     regs.orig_rax == SYS_exit_group)) {
				long r = read_rss(w);
				if (r > *maxrss)
					*maxrss = r;
			}
		} else if (sig == SIGTRAP && ev) {
			unsigned long msg = 0;
			if (ev == PTRACE_EVENT_EXEC)
				mark(w);
			if ((ev == PTRACE_EVENT_FORK || ev == PTRACE_EVENT_VFORK || ev == PTRACE_EVENT_CLONE) &&
			    is_marked(w) && ptrace(PTRACE_GETEVENTMSG, w, 0, &msg) == 0)
				mark((pid_t)msg);
			if (ev == PTRACE_EVENT_EXIT && is_marked(w)) {
				long r = read_rss(w);
				if (r > *maxrss)
					*maxrss = r;
			}
		} else if (sig != SIGSTOP) {
			inject = sig;
		}
		ptrace(PTRACE_SYSCALL, w, 0, inject);
	}
	return status;
}

static volatile sig_atomic_t alarmed;
static void on_alarm(int sig) { (void)sig; alarmed = 1; }

/*
 * Position j of row `row` of the Williams design for ncand candidates: row 0
 * is 0, 1, N-1, 2, N-2, ...; row k adds k (mod N); for odd N, rows N..2N-1
 * are rows 0..N-1 reversed.
 */
static int order(int row, int j)
{
	if (row >= ncand) {
		row -= ncand;
		j = ncand - 1 - j;
	}
	int base = j % 2 ? (j + 1) / 2 : (ncand - j / 2) % ncand;
	return (base + row) % ncand;
}

/* One sample: run every command of candidate c in sequence. */
static void sample(struct cand *c, int round, int save)
{
	long long mark = -1, t0, t1;
	long maxrss = 0;
	int status = 0;
	char path[4096];
	int outfd = -1, errfd = -1;

	if (save && opt_outdir) {
		snprintf(path, sizeof path, "%s/%s.out", opt_outdir, c->name);
		outfd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		snprintf(path, sizeof path, "%s/%s.err", opt_outdir, c->name);
		errfd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (outfd < 0 || errfd < 0)
			die(path);
	} else {
		outfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
		if (opt_outdir) {
			snprintf(path, sizeof path, "%s/%s.err", opt_outdir, c->name);
			errfd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		}
	}

	run_sh(opt_setup);
	t0 = now_ns();
	for (int k = 0; k < c->ncmd && status == 0; k++) {
		int pfd[2] = { -1, -1 };
		if (opt_pattern && pipe2(pfd, O_CLOEXEC) < 0)
			die("pipe2");
		pid_t pid = fork();
		if (pid < 0)
			die("fork");
		if (pid == 0) {
			setpgid(0, 0);
			if (opt_pattern)
				dup2(pfd[1], 1);
			else if (outfd >= 0)
				dup2(outfd, 1);
			if (errfd >= 0)
				dup2(errfd, 2);
			if (opt_mntns) {
				if (unshare(CLONE_NEWNS) < 0 ||
				    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
					perror("tbench: private mount namespace");
					_exit(125);
				}
			}
			if (opt_rss && (ptrace(PTRACE_TRACEME, 0, 0, 0) < 0 || raise(SIGSTOP))) {
				perror("tbench: ptrace");
				_exit(125);
			}
			execvp(c->cmd[k][0], c->cmd[k]);
			fprintf(stderr, "tbench: cannot execute %s: %s\n", c->cmd[k][0], strerror(errno));
			_exit(127);
		}
		setpgid(pid, pid);
		if (opt_timeout) {
			alarmed = 0;
			alarm(opt_timeout);
		}
		if (opt_pattern) {
			/* Read the console until EOF, looking for the marker. */
			char buf[8192], win[8192 + 256];
			size_t plen = strlen(opt_pattern), keep = 0;
			close(pfd[1]);
			for (;;) {
				ssize_t n = read(pfd[0], buf, sizeof buf);
				if (n < 0 && errno == EINTR) {
					if (alarmed)
						break;
					continue;
				}
				if (n <= 0)
					break;
				if (save && outfd >= 0)
					(void)!write(outfd, buf, n);
				if (mark < 0) {
					memcpy(win + keep, buf, n);
					size_t wl = keep + n;
					if (memmem(win, wl, opt_pattern, plen))
						mark = now_ns() - t0;
					keep = wl < plen ? wl : plen - 1;
					memmove(win, win + wl - keep, keep);
				}
			}
			close(pfd[0]);
		}
		struct rusage ru;
		int st;
		if (opt_rss) {
			st = trace_rss(pid, &maxrss);
			memset(&ru, 0, sizeof ru);
		} else for (;;) {
			pid_t r = wait4(pid, &st, 0, &ru);
			if (r == pid)
				break;
			if (r < 0 && errno == EINTR) {
				if (alarmed) {
					kill(-pid, SIGKILL);
					alarmed = 0;
					status = -1;
				}
				continue;
			}
			die("wait4");
		}
		if (opt_timeout)
			alarm(0);
		if (status != -1)
			status = st;
		if (ru.ru_maxrss > maxrss)
			maxrss = ru.ru_maxrss;
		/* Nothing the command started may outlive the sample. */
		kill(-pid, SIGKILL);
	}
	t1 = now_ns();
	run_sh(opt_teardown);
	if (outfd >= 0)
		close(outfd);
	if (errfd >= 0)
		close(errfd);
	if (round >= 0)
		printf("S %s %d %lld %lld %ld %d\n", c->name, round, t1 - t0, mark, maxrss, status);
}

static void usage(void)
{
	fprintf(stderr, "usage: tbench [-r REPS] [-w WARMUP] [-c CPU] [-m] [-R] [-o DIR] [-p PATTERN] [-T SEC]"
		" [-s SETUP] [-t TEARDOWN] -- NAME ARG... [--then ARG...] [--- NAME ARG...]...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int reps = 10, warm = 1, i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if (a[0] != '-' || !a[1] || a[2])
			usage();
		switch (a[1]) {
		case 'm': opt_mntns = 1; continue;
		case 'R': opt_rss = 1; continue;
		}
		if (i + 1 >= argc)
			usage();
		const char *v = argv[++i];
		switch (a[1]) {
		case 'r': reps = atoi(v); break;
		case 'w': warm = atoi(v); break;
		case 'o': opt_outdir = v; break;
		case 'p': opt_pattern = v; break;
		case 'T': opt_timeout = atoi(v); break;
		case 's': opt_setup = v; break;
		case 't': opt_teardown = v; break;
		case 'c': {
			cpu_set_t set;
			CPU_ZERO(&set);
			CPU_SET(atoi(v), &set);
			if (sched_setaffinity(0, sizeof(set), &set) < 0) {
				perror("tbench: sched_setaffinity");
				exit(2);
			}
			break;
		}
		default: usage();
		}
	}
	/* Candidates: NAME ARG... separated by "---", commands by "--then". */
	while (i < argc) {
		if (ncand == 64)
			usage();
		struct cand *c = &cands[ncand++];
		c->name = argv[i++];
		c->cmd[c->ncmd++] = &argv[i];
		for (; i < argc; i++) {
			if (!strcmp(argv[i], "---")) {
				argv[i++] = NULL;
				break;
			}
			if (!strcmp(argv[i], "--then")) {
				if (c->ncmd == 16)
					usage();
				argv[i] = NULL;
				c->cmd[c->ncmd++] = &argv[i + 1];
			}
		}
		for (int k = 0; k < c->ncmd; k++)
			if (!c->cmd[k][0])
				usage();
	}
	if (!ncand || reps < 1)
		usage();

	struct sigaction sa = { .sa_handler = on_alarm };
	sigaction(SIGALRM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);

	int nrows = ncand % 2 ? 2 * ncand : ncand;
	for (int r = -warm; r < reps; r++)
		for (int j = 0; j < ncand; j++)
			sample(&cands[order(r < 0 ? 0 : r % nrows, j)], r < 0 ? -1 : r, r == 0);
	return 0;
}
