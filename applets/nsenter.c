/* SPDX-License-Identifier: 0BSD */
/*
 * nsenter: run a program in the namespaces of another process, or in
 * namespaces held by files.  util-linux compatible.
 *
 * With -t, and only namespaces of the target requested, all of them are
 * joined with one setns(pidfd, flags) (Linux 5.8+), which enters all or
 * none; its failure is reported in util-linux 2.42's words.  Otherwise
 * (older kernels, FILE arguments, --user-parent, or when that call fails
 * with EINVAL: Linux 5.3-5.7, or our own user namespace) every
 * namespace file is opened first, through one /proc/PID directory fd that
 * the pidfd proves is still the target, and joined in util-linux's two
 * passes: the user namespace last if the others can be entered without
 * it, else first.  The process is non-dumpable from the first setns until
 * just before exec, and every fd it opens is close-on-exec and closed.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "caps.h"
#include "compat.h"
#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "mountinfo.h"
#include "ns.h"
#include "num.h"
#include "opt.h"
#include "xfuncs.h"

static const char usage[] =
	"\n"
	"Usage:\n"
	" nsenter [options] [<program> [<argument>...]]\n"
	"\n"
	"Run a program with namespaces of other processes.\n"
	"\n"
	"Options:\n"
	" -a, --all              enter all namespaces\n"
	" -t, --target <pid>[:<inode>]  target process (pinned by its pidfd inode)\n"
	" -m, --mount[=<file>]   enter mount namespace\n"
	" -u, --uts[=<file>]     enter UTS namespace (hostname etc)\n"
	" -i, --ipc[=<file>]     enter System V IPC namespace\n"
	" -n, --net[=<file>]     enter network namespace\n"
	" -N, --net-socket <fd>  enter socket's network namespace (needs --target)\n"
	" -p, --pid[=<file>]     enter pid namespace\n"
	" -C, --cgroup[=<file>]  enter cgroup namespace\n"
	" -U, --user[=<file>]    enter user namespace\n"
	"     --user-parent      enter parent user namespace\n"
	" -T, --time[=<file>]    enter time namespace\n"
	" -S, --setuid <uid>|follow  set uid in entered namespace\n"
	" -G, --setgid <gid>|follow  set gid in entered namespace\n"
	"     --preserve-credentials do not touch uids or gids\n"
	"     --keep-caps        retain capabilities granted in user namespaces\n"
	" -r, --root[=<dir>]     set the root directory\n"
	" -w, --wd[=<dir>]       set the working directory\n"
	" -W, --wdns[=<dir>]     set the working directory in namespace\n"
#if CONFIG_NSENTER_ENV
	" -e, --env              inherit environment variables from target process\n"
#endif
	" -F, --no-fork          do not fork before exec'ing <program>\n"
#if CONFIG_NSENTER_CGROUP
	" -c, --join-cgroup      join the cgroup of the target process\n"
#endif
	"\n"
	" -h, --help             display this help\n"
	" -V, --version          display version\n"
	"\n"
	"See nsbox-nsenter(1).\n";

enum { L_PRESERVE = OPT_LONG, L_KEEPCAPS, L_USERPARENT };

static const struct opt opts[] = {
	{ 'a', "all", OPT_NONE },
	{ 't', "target", OPT_REQ },
	{ 'm', "mount", OPT_OPT },
	{ 'u', "uts", OPT_OPT },
	{ 'i', "ipc", OPT_OPT },
	{ 'n', "net", OPT_OPT },
	{ 'N', "net-socket", OPT_REQ },
	{ 'p', "pid", OPT_OPT },
	{ 'C', "cgroup", OPT_OPT },
	{ 'U', "user", OPT_OPT },
	{ 'T', "time", OPT_OPT },
	{ 'S', "setuid", OPT_REQ },
	{ 'G', "setgid", OPT_REQ },
	{ L_PRESERVE, "preserve-credentials", OPT_NONE },
	{ L_KEEPCAPS, "keep-caps", OPT_NONE },
	{ L_USERPARENT, "user-parent", OPT_NONE },
	{ 'r', "root", OPT_OPT },
	{ 'w', "wd", OPT_OPT },
	{ 'W', "wdns", OPT_OPT },
	IF_NSENTER_ENV({ 'e', "env", OPT_NONE },)
	{ 'F', "no-fork", OPT_NONE },
	IF_NSENTER_CGROUP({ 'c', "join-cgroup", OPT_NONE },)
	{ 0 }
};

/* util-linux's order: user first (or last, in the second pass), then the rest. */
static const unsigned char order[NS_COUNT] = {
	NS_USER, NS_CGROUP, NS_IPC, NS_UTS, NS_NET, NS_PID, NS_MNT, NS_TIME
};

#ifdef __SANITIZE_ADDRESS__
/*
 * LeakSanitizer checks at exit from a helper it clones; after setns into a
 * pid namespace that helper is born there, cannot see us, and spins forever.
 */
static int in_pidns;
int __lsan_is_turned_off(void)
{
	return in_pidns;
}
#define PIDNS_ENTERED() (in_pidns = 1)
#else
#define PIDNS_ENTERED() ((void)0)
#endif

static pid_t pid;		/* -t */
static int pidfd = -1;		/* the target, pinned */
static int procfd = -1;		/* /proc/PID, checked against pidfd */
static char procpath[24];

/*
 * /proc/PID as a directory fd, known to be the process pidfd refers to; -1
 * (and errno) when it cannot be opened.  Without -t it is /proc/0: ENOENT.
 */
static int proc_open(void)
{
	if (procfd < 0) {
		procfd = openat(AT_FDCWD, procpath, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (procfd >= 0 && pidfd >= 0 && syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) < 0 && errno == ESRCH)
			die("target process %d exited", (int)pid);
	}
	return procfd;
}

static int proc_dir(const char *what)
{
	if (!pid)
		die("neither filename nor target pid supplied for %s", what);
	if (proc_open() < 0)
		die_errno("cannot open %s/%s", procpath, what);
	return procfd;
}

static int target_open(const char *name, int flags)
{
	int fd = openat(proc_dir(name), name, flags | O_CLOEXEC);

	if (fd < 0)
		die_errno("cannot open %s/%s", procpath, name);
	return fd;
}

/*
 * -t PID[:INODE]: with INODE (the pidfd's inode on pidfs, Linux 6.9+), the
 * process must be the one that inode names, not a later one with its PID.
 */
static void parse_target(char *s)
{
	char *colon = strchr(s, ':');
	unsigned long long v, ino = 0;
	struct statfs sf;
	struct stat st;

	if (colon)
		*colon = 0;
	if (parse_ull(s, INT_MAX, &v) || !v || (colon && (parse_ull(colon + 1, ~0ULL, &ino) || !ino))) {
		die("invalid PID argument");	/* util-linux 2.42's words: it does not name it */
	}
	if (colon)
		*colon = ':';
	pid = v;
	if (pidfd >= 0)
		close(pidfd);
	pidfd = -1;
	if (!ino)
		return;
	pidfd = syscall(SYS_pidfd_open, pid, 0);
	if (pidfd >= 0 && (fstatfs(pidfd, &sf) < 0 || sf.f_type != PIDFS_MAGIC))
		errno = EOPNOTSUPP;
	else if (pidfd >= 0 && (fstat(pidfd, &st) < 0 || st.st_ino != ino))
		errno = ESRCH;
	else if (pidfd >= 0)
		return;
	die_errno("failed to obtain a valid file descriptor for PID %d", (int)pid);
}

/* -N FD: the network namespace of the target's socket FD (Linux 5.6+). */
static int socket_netns(int fd)
{
	int sk, ns;

	if (pidfd < 0)
		die_errno("failed to pidfd_open() for %d", (int)pid);
	sk = syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	if (sk < 0)
		die_errno("pidfd_getfd(%d, %d)", pidfd, fd);
	ns = ioctl(sk, SIOCGSKNS);
	if (ns < 0)
		die_errno("ioctl(%d, SIOCGSKNS)", sk);
	close(sk);
	return ns;
}

static const char *kind(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return "file";
	switch (st.st_mode & S_IFMT) {
	case S_IFREG: return "regular file";
	case S_IFDIR: return "directory";
	case S_IFCHR: return "character device";
	case S_IFBLK: return "block device";
	case S_IFIFO: return "fifo";
	case S_IFSOCK: return "socket";
	}
	return "file";
}

/* --net=FILE and friends: open now, and insist on the right nsfs type. */
static int open_nsfile(const char *path, const struct nstype *t)
{
	int fd = xopen(path, O_RDONLY), type = ns_type_of(fd), is = ns_index(type);

	if (type < 0)
		die("%s is a %s, not a %s namespace", path, kind(fd), t->name);
	if (type && type != t->flag)
		die("%s is a %s namespace, not a %s namespace", path,
		    is >= 0 ? ns_types[is].name : "unknown", t->name);
	return fd;
}

/* Is the user namespace fd ours?  setns(2) into it fails with EINVAL. */
static int own_userns(int fd)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat("/proc/self/ns/user", &b) == 0 && same_file(&a, &b);
}

static unsigned long parse_id(const char *s, int *follow, const char *what)
{
	if (!strcmp(s, "follow")) {
		*follow = 1;
		return 0;
	}
	*follow = 0;
	return xparse_ull(s, 0xfffffffeu, what);
}

/* Mirror a stopped child, then leave as it did. */
static void fork_and_wait(void)
{
	pid_t child;
	int st;

	signal(SIGCHLD, SIG_DFL);
	child = fork();
	if (child < 0)
		die_errno("fork failed");
	if (!child)
		return;
	for (;;) {
		if (wait_pid(child, &st, WUNTRACED) < 0)
			die_errno("waitpid failed");
		if (!WIFSTOPPED(st))
			break;
		kill(getpid(), SIGSTOP);
		kill(child, SIGCONT);
	}
	exit_like(st);
}

#if CONFIG_NSENTER_ENV
/* -e: the target's environment replaces ours. */
static char **target_env(void)
{
	int fd = target_open("environ", O_RDONLY);
	size_t len, n = 1, i;
	char *buf = read_file_alloc_at(fd, NULL, &len), **env, **e;

	if (!buf)
		die_errno("failed to get environment variables");
	close(fd);
	for (i = 0; i < len; i++)
		n += !buf[i];
	e = env = xmalloc((n + 1) * sizeof(char *));
	for (i = 0; i < len; i += strlen(buf + i) + 1)
		if (strchr(buf + i, '='))
			*e++ = buf + i;
	*e = NULL;
	return env;
}
#endif

#if CONFIG_NSENTER_CGROUP
/* -c: cgroup.procs of the target's cgroup v2 group, opened for writing. */
static int target_cgroup(void)
{
	int fd = target_open("cgroup", O_RDONLY), i;
	char buf[4096], *p = buf, path[PATH_MAX];
	struct mounts t;
	size_t rl;

	if (read_file_at(fd, NULL, buf, sizeof(buf)) < 0)
		*buf = 0;	/* the process is gone: no group */
	close(fd);
	while (p && strncmp(p, "0::", 3))
		if ((p = strchr(p, '\n')))
			p++;
	if (!p)
		die("no cgroup v2 group for process %d", (int)pid);
	p += 3;
	p[strcspn(p, "\n")] = 0;
	if (mounts_read(&t) < 0)
		die_errno("cannot open %s", "/proc/self/mountinfo");
	for (i = 0; i < t.n; i++) {
		const struct mountinfo *m = &t.m[i];
		if (strcmp(m->fstype, "cgroup2"))
			continue;
		rl = strcmp(m->root, "/") ? strlen(m->root) : 0;
		if (strncmp(p, m->root, rl) || (p[rl] && p[rl] != '/'))
			continue;
		fmt(path, sizeof(path), "%s%s/cgroup.procs", m->target, p + rl);
		mounts_free(&t);
		return xopen(path, O_WRONLY);
	}
	die("no cgroup v2 mount holds %s", p);
}
#endif

/* -r/-w DIR, given again: the last one wins; no DIR means the target's (-1). */
static int dir_arg(int fd, const char *dir)
{
	if (fd >= 0)
		close(fd);
	return dir ? xopen(dir, O_PATH | O_DIRECTORY) : -1;
}

static void open_target_ns(int *nsfd, int types)
{
	char name[16];
	int i, k;

	for (k = 0; k < NS_COUNT; k++) {
		i = order[k];
		if (!(types & ns_types[i].flag))
			continue;
		fmt(name, sizeof(name), "ns/%s", ns_types[i].name);
		nsfd[i] = target_open(name, O_RDONLY);
	}
}

int nsenter_main(int argc, char **argv)
{
	struct optparse p;
	int nsfd[NS_COUNT], want = 0, fromtarget = 0, all = 0, do_fork = -1;
	int preserve = 0, keepcaps = 0, userparent = 0, force_uid = 0, force_gid = 0;
	int follow_uid = 0, follow_gid = 0, sgerr = 0, dumpable, use_pidfd;
	int rootfd = -1, wdfd = -1, do_root = 0, do_wd = 0, do_wdns = 0, cgfd = -1, sockfd = -1;
	char *wdns = NULL, **env = NULL;
	unsigned long uid = 0, gid = 0;
	struct stat st, self;
	int c, i, k, pass;

	for (i = 0; i < NS_COUNT; i++)
		nsfd[i] = -1;
	opt_init(&p, argc, argv, opts, usage);
	while ((c = opt_next(&p)) >= 0) {
		if ((i = ns_index_by_letter(c)) >= 0) {
			if (nsfd[i] >= 0)
				close(nsfd[i]);
			nsfd[i] = -1;
			want |= ns_types[i].flag;
			fromtarget &= ~ns_types[i].flag;
			if (p.arg)
				nsfd[i] = open_nsfile(p.arg, &ns_types[i]);
			else
				fromtarget |= ns_types[i].flag;
			continue;
		}
		switch (c) {
		case 'a': all = 1; break;
		case 't':
			parse_target(p.arg);
			break;
		case 'N':
			sockfd = xparse_ull(p.arg, INT_MAX, "failed to parse file descriptor");
			break;
		case 'S':
			uid = parse_id(p.arg, &follow_uid, "failed to parse uid");
			force_uid = 1;
			break;
		case 'G':
			gid = parse_id(p.arg, &follow_gid, "failed to parse gid");
			force_gid = 1;
			break;
		case L_PRESERVE: preserve = 1; break;
		case L_KEEPCAPS: keepcaps = 1; break;
		case L_USERPARENT: userparent = 1; break;
		case 'r':
			rootfd = dir_arg(rootfd, p.arg);
			do_root = !p.arg;
			break;
		case 'w':
			wdfd = dir_arg(wdfd, p.arg);
			do_wd = !p.arg;
			break;
		case 'W':
			wdns = p.arg;
			do_wdns = !p.arg;
			break;
		case 'e': env = argv; break;	/* just a mark, for now */
		case 'F': do_fork = 0; break;
		case 'c': cgfd = -2; break;
		}
	}
	fmt(procpath, sizeof(procpath), "/proc/%d", (int)pid);

	/* Pin the target first: every /proc/PID lookup is checked against it. */
	if (pid && pidfd < 0 && (pidfd = syscall(SYS_pidfd_open, pid, 0)) < 0
	    && errno != ENOSYS && errno != ESRCH)
		die_errno("pidfd_open failed");	/* ENOSYS: Linux < 5.3; ESRCH: the open below says */
	if (all) {
		for (k = 0; k < NS_COUNT; k++) {
			const struct nstype *t = &ns_types[order[k]];
			char name[16], self_path[24];

			if (want & t->flag)
				continue;
			fmt(self_path, sizeof(self_path), "/proc/self/ns/%s", t->name);
			if (stat(self_path, &self) < 0) {
				if (errno == ENOENT)
					continue;	/* a type this kernel lacks */
				die_errno("cannot stat %s", self_path);
			}
			/*
			 * util-linux 2.42 must see the user namespace (even without
			 * -t: /proc/0); any other that cannot be seen is joined, and
			 * joining says why (a zombie: setns fails with ESRCH).
			 */
			fmt(name, sizeof(name), "ns/%s", t->name);
			if ((pid || t->flag == CLONE_NEWUSER) && proc_open() >= 0 && fstatat(procfd, name, &st, 0) == 0) {
				if (same_file(&st, &self))
					continue;
			} else if (t->flag == CLONE_NEWUSER) {
				die_errno("stat of %s/%s failed", procpath, name);
			}
			want |= t->flag, fromtarget |= t->flag;
		}
	}
	if (!pid && (fromtarget || sockfd >= 0 || (userparent && !want)))
		die("no target PID specified");
	if (sockfd >= 0) {	/* it replaces -n, and the net of -a */
		if (nsfd[NS_NET] >= 0)
			close(nsfd[NS_NET]);
		nsfd[NS_NET] = socket_netns(sockfd);
		want |= CLONE_NEWNET;
		fromtarget &= ~CLONE_NEWNET;
	}

	/* The fast path: everything from the target, in one atomic setns. */
	use_pidfd = want && fromtarget == want && !userparent && pidfd >= 0;
	if (!use_pidfd)
		open_target_ns(nsfd, fromtarget);
	if (userparent) {
		/* the first namespace given, in join order (as util-linux) */
		for (k = 0; k < NS_COUNT && nsfd[order[k]] < 0; k++)
			;
		if (k == NS_COUNT)
			die("no namespace specified");
		i = order[k];
		k = ioctl(nsfd[i], i == NS_USER ? NS_GET_PARENT : NS_GET_USERNS);
		if (k < 0)
			die_errno("cannot get the parent user namespace");
		if (nsfd[NS_USER] >= 0)
			close(nsfd[NS_USER]);
		nsfd[NS_USER] = k;
		want |= CLONE_NEWUSER;
		/* our own user namespace cannot be re-entered: leave it out */
		if (fstat(k, &st) == 0 && stat("/proc/self/ns/user", &self) == 0 && same_file(&st, &self)) {
			close(k);
			nsfd[NS_USER] = -1;
			want &= ~CLONE_NEWUSER;
		}
	}
	if (do_root)
		rootfd = target_open("root", O_PATH | O_DIRECTORY);
	if (do_wd)
		wdfd = target_open("cwd", O_PATH | O_DIRECTORY);
	if (do_wdns) {
		char *cwd = xmalloc(PATH_MAX);	/* not on the stack: every run would fault it */
		ssize_t n = readlinkat(proc_dir("cwd"), "cwd", cwd, PATH_MAX - 1);

		if (n < 0)
			die_errno("cannot read %s/cwd", procpath);
		cwd[n] = 0;
		wdns = cwd;
	}
	if (follow_uid || follow_gid)
		proc_dir("");	/* util-linux 2.42 names nothing: "... supplied for " */
#if CONFIG_NSENTER_ENV
	if (env)
		env = target_env();
#endif
#if CONFIG_NSENTER_CGROUP
	if (cgfd == -2)
		cgfd = target_cgroup();
#endif
	if (!want && !all)
		die("no namespace specified");	/* after the target's files, as util-linux 2.42 */

	/* Joining: nobody in the target may ptrace us until we exec. */
	dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (cgfd >= 0) {
		if (write(cgfd, "0", 1) != 1)
			die_errno("cannot join the cgroup of process %d", (int)pid);
		close(cgfd);
	}
	if ((want & CLONE_NEWUSER) && !preserve) {
		force_uid = force_gid = 1;
		if (setgroups(0, NULL) < 0)
			sgerr = 1;	/* fatal only if it fails inside too */
	}
	if (want & CLONE_NEWPID)
		PIDNS_ENTERED();
	if (use_pidfd && setns(pidfd, want) < 0) {
		if (errno != EINVAL)
			die_errno("reassociate to namespaces failed");
		/* Linux 5.3-5.7 (no setns on a pidfd), or our own user namespace: the files say */
		open_target_ns(nsfd, fromtarget);
		use_pidfd = 0;
	}
	for (pass = 0; !use_pidfd && pass < 2; pass++)
		for (k = !pass; k < NS_COUNT; k++) {
			i = order[k];
			if (nsfd[i] < 0)
				continue;
			if (setns(nsfd[i], ns_types[i].flag) < 0) {
				if (pass && errno == EINVAL && i == NS_USER && own_userns(nsfd[i]))
					die("reassociate to namespace 'ns/user' failed: %s (it is nsenter's"
					    " own user namespace, which setns cannot enter)", errtext(EINVAL));
				if (pass)
					die_errno("reassociate to namespace 'ns/%s' failed", ns_types[i].name);
				continue;
			}
			close(nsfd[i]);
			nsfd[i] = -1;
		}
	if (pidfd >= 0)
		close(pidfd);

	if (rootfd >= 0 && wdfd < 0 && !wdns && (wdfd = openat(AT_FDCWD, ".", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		die_errno("cannot open current working directory");
	if (rootfd >= 0) {
		if (fchdir(rootfd) < 0)
			die_errno("change directory by root file descriptor failed");
		if (chroot(".") < 0)
			die_errno("chroot failed");
		if (chdir("/") < 0)
			die_errno("cannot change directory to %s", "/");
		close(rootfd);
	}
	if (wdns && (wdfd = openat(AT_FDCWD, wdns, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		die_errno("cannot open current working directory");
	if (wdfd >= 0) {
		if (fchdir(wdfd) < 0)
			die_errno("change directory by working directory file descriptor failed");
		close(wdfd);
	}
	if (env)
		environ = env;

	/* follow: the target's ids, as seen from the namespaces we are in now */
	if ((follow_uid || follow_gid) && fstat(procfd, &st) < 0)
		die_errno("cannot stat %s", procpath);
	if (follow_uid)
		uid = st.st_uid;
	if (follow_gid)
		gid = st.st_gid;
	if (procfd >= 0)
		close(procfd);

	if ((want & CLONE_NEWPID) && do_fork)
		fork_and_wait();

	if (keepcaps && (want & CLONE_NEWUSER))
		prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0);
	if (force_gid && setgroups(0, NULL) < 0 && sgerr)
		die_errno("setgroups failed");
	if (force_gid && setgid(gid) < 0)
		die_errno("setgid() failed");
	if (force_uid && setuid(uid) < 0)
		die_errno("setuid() failed");
	if (keepcaps && (want & CLONE_NEWUSER))
		keep_caps();

	prctl(PR_SET_DUMPABLE, dumpable, 0, 0, 0);
	if (p.ind < argc)
		exec_or_die(argv + p.ind);
	exec_shell();
}
