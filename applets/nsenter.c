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
#include <stdbool.h>
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

static unsigned long parse_id(const char *s, bool *follow, const char *what)
{
	*follow = !strcmp(s, "follow");
	return *follow ? 0 : xparse_ull(s, 0xfffffffeu, what);
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

/* -r/-w DIR, given again: the last one wins; no DIR: none here (the target's, later). */
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

/* The command line, as parse_args leaves it. */
struct args {
	int asked;		/* CLONE_* of every namespace option given */
	int of_target;		/* of those, the ones without FILE: the target's */
	int files[NS_COUNT];	/* the FILEs, opened, by type; -1: none */
	bool all, no_fork, preserve, keepcaps, userparent, env, cgroup;
	bool set_uid, set_gid, follow_uid, follow_gid;
	unsigned long uid, gid;
	bool netsock;		/* -N FD given, */
	int sockfd;		/* and its FD */
	int rootfd, wdfd;	/* -r DIR, -w DIR, opened; -1: none */
	bool target_root, target_wd, target_wdns;	/* -r, -w, -W without DIR */
	const char *wdns;	/* -W DIR */
	char **prog;		/* the program and its arguments; NULL: a shell */
};

/* What the steps after parsing find out, and hand on. */
struct join {
	int want;		/* CLONE_* of every namespace to join */
	int fromtarget;		/* of those, the ones still to open from the target */
	int nsfd[NS_COUNT];	/* the namespaces opened, by type; -1: none (yet) */
	bool use_pidfd;		/* all of them in one setns(pidfd) */
	bool creds;		/* a user namespace is joined: set the ids, clear the groups */
	unsigned long uid, gid;	/* the ids to set: -S/-G's, or the target's (follow) */
	bool setgroups_failed;	/* before joining: fatal only if it fails inside too */
	int dumpable;		/* ours, restored before exec */
	int rootfd, wdfd, cgfd;	/* -1: none */
	const char *wdns;	/* NULL: none */
	char **env;		/* -e: the target's; NULL: ours */
};

static void parse_option(struct args *a, int c, char *arg)
{
	int i = ns_index_by_letter(c);

	if (i >= 0) {
		if (a->files[i] >= 0)
			close(a->files[i]);
		a->files[i] = -1;
		a->asked |= ns_types[i].flag;
		a->of_target &= ~ns_types[i].flag;
		if (arg)
			a->files[i] = open_nsfile(arg, &ns_types[i]);
		else
			a->of_target |= ns_types[i].flag;
		return;
	}
	switch (c) {
	case 'a': a->all = true; break;
	case 't':
		parse_target(arg);
		break;
	case 'N':
		a->sockfd = xparse_ull(arg, INT_MAX, "failed to parse file descriptor");
		a->netsock = true;
		break;
	case 'S':
		a->uid = parse_id(arg, &a->follow_uid, "failed to parse uid");
		a->set_uid = true;
		break;
	case 'G':
		a->gid = parse_id(arg, &a->follow_gid, "failed to parse gid");
		a->set_gid = true;
		break;
	case L_PRESERVE: a->preserve = true; break;
	case L_KEEPCAPS: a->keepcaps = true; break;
	case L_USERPARENT: a->userparent = true; break;
	case 'r':
		a->rootfd = dir_arg(a->rootfd, arg);
		a->target_root = !arg;
		break;
	case 'w':
		a->wdfd = dir_arg(a->wdfd, arg);
		a->target_wd = !arg;
		break;
	case 'W':
		a->wdns = arg;
		a->target_wdns = !arg;
		break;
	case 'e':
		if (!CONFIG_NSENTER_ENV)
			break;
		a->env = true;
		break;
	case 'F': a->no_fork = true; break;
	case 'c':
		if (!CONFIG_NSENTER_CGROUP)
			break;
		a->cgroup = true;
		break;
	}
}

static void parse_args(struct args *a, int argc, char **argv)
{
	struct optparse p;
	int c, i;

	memset(a, 0, sizeof(*a));
	a->rootfd = a->wdfd = -1;
	for (i = 0; i < NS_COUNT; i++)
		a->files[i] = -1;
	opt_init(&p, argc, argv, opts, usage);
	while ((c = opt_next(&p)) >= 0)
		parse_option(a, c, p.arg);
	a->prog = p.ind < argc ? argv + p.ind : NULL;
	fmt(procpath, sizeof(procpath), "/proc/%d", (int)pid);
}

/* Pin the target first: every /proc/PID lookup is checked against it. */
static void pin_target(void)
{
	if (pid && pidfd < 0 && (pidfd = syscall(SYS_pidfd_open, pid, 0)) < 0
	    && errno != ENOSYS && errno != ESRCH)
		die_errno("pidfd_open failed");	/* ENOSYS: Linux < 5.3; ESRCH: the open below says */
}

/* -a: every type of namespace of the target's that is not ours. */
static void add_all(struct join *j)
{
	struct stat st, self;
	char name[16], self_path[24];
	int k;

	for (k = 0; k < NS_COUNT; k++) {
		const struct nstype *t = &ns_types[order[k]];

		if (j->want & t->flag)
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
		j->want |= t->flag, j->fromtarget |= t->flag;
	}
}

/* The namespaces asked for (-a's too), and what needs a target without one. */
static void check_args(const struct args *a, struct join *j)
{
	*j = (struct join){ .want = a->asked, .fromtarget = a->of_target,
			    .rootfd = a->rootfd, .wdfd = a->wdfd, .cgfd = -1, .wdns = a->wdns };
	memcpy(j->nsfd, a->files, sizeof(j->nsfd));
	if (a->all)
		add_all(j);
	if (!pid && (j->fromtarget || a->netsock || (a->userparent && !j->want)))
		die("no target PID specified");
}

/* --user-parent: the owner of the first namespace given, in join order (as util-linux). */
static void user_parent(struct join *j)
{
	int i, k, fd;

	for (k = 0; k < NS_COUNT && j->nsfd[order[k]] < 0; k++)
		;
	if (k == NS_COUNT)
		die("no namespace specified");
	i = order[k];
	fd = ioctl(j->nsfd[i], i == NS_USER ? NS_GET_PARENT : NS_GET_USERNS);
	if (fd < 0)
		die_errno("cannot get the parent user namespace");
	if (j->nsfd[NS_USER] >= 0)
		close(j->nsfd[NS_USER]);
	j->nsfd[NS_USER] = fd;
	j->want |= CLONE_NEWUSER;
	/* our own user namespace cannot be re-entered: leave it out */
	if (own_userns(fd)) {
		close(fd);
		j->nsfd[NS_USER] = -1;
		j->want &= ~CLONE_NEWUSER;
	}
}

/* -W without DIR: the target's working directory, as a path inside its namespaces. */
static char *target_cwd(void)
{
	char *cwd = xmalloc(PATH_MAX);	/* not on the stack: every run would fault it */
	ssize_t n = readlinkat(proc_dir("cwd"), "cwd", cwd, PATH_MAX - 1);

	if (n < 0)
		die_errno("cannot read %s/cwd", procpath);
	cwd[n] = 0;
	return cwd;
}

/* Open what is to be taken from the target: its namespaces, directories, environment, cgroup. */
static void resolve_target(const struct args *a, struct join *j)
{
	if (a->netsock) {	/* it replaces -n, and the net of -a */
		if (j->nsfd[NS_NET] >= 0)
			close(j->nsfd[NS_NET]);
		j->nsfd[NS_NET] = socket_netns(a->sockfd);
		j->want |= CLONE_NEWNET;
		j->fromtarget &= ~CLONE_NEWNET;
	}
	/* The fast path: everything from the target, in one atomic setns. */
	j->use_pidfd = j->want && j->fromtarget == j->want && !a->userparent && pidfd >= 0;
	if (!j->use_pidfd)
		open_target_ns(j->nsfd, j->fromtarget);
	if (a->userparent)
		user_parent(j);
	if (a->target_root)
		j->rootfd = target_open("root", O_PATH | O_DIRECTORY);
	if (a->target_wd)
		j->wdfd = target_open("cwd", O_PATH | O_DIRECTORY);
	if (a->target_wdns)
		j->wdns = target_cwd();
	if (a->follow_uid || a->follow_gid)
		proc_dir("");	/* util-linux 2.42 names nothing: "... supplied for " */
	if (CONFIG_NSENTER_ENV && a->env)
		j->env = target_env();
	if (CONFIG_NSENTER_CGROUP && a->cgroup)
		j->cgfd = target_cgroup();
	if (!j->want && !a->all)
		die("no namespace specified");	/* after the target's files, as util-linux 2.42 */
}

/* util-linux's two passes over the files: the user namespace last if the others can do without it. */
static void join_files(int *nsfd)
{
	int i, k, pass;

	for (pass = 0; pass < 2; pass++)
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
}

/* Joining: nobody in the target may ptrace us until we exec. */
static void join_namespaces(const struct args *a, struct join *j)
{
	j->dumpable = prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (j->cgfd >= 0) {
		if (write(j->cgfd, "0", 1) != 1)
			die_errno("cannot join the cgroup of process %d", (int)pid);
		close(j->cgfd);
	}
	j->creds = (j->want & CLONE_NEWUSER) && !a->preserve;
	if (j->creds && setgroups(0, NULL) < 0)
		j->setgroups_failed = true;
	if (j->want & CLONE_NEWPID)
		PIDNS_ENTERED();
	if (j->use_pidfd && setns(pidfd, j->want) < 0) {
		if (errno != EINVAL)
			die_errno("reassociate to namespaces failed");
		/* Linux 5.3-5.7 (no setns on a pidfd), or our own user namespace: the files say */
		open_target_ns(j->nsfd, j->fromtarget);
		j->use_pidfd = false;
	}
	if (!j->use_pidfd)
		join_files(j->nsfd);
	if (pidfd >= 0)
		close(pidfd);
}

/* -r, -w, -W: the root, then the working directory (kept, if not given). */
static void enter_root_and_wd(struct join *j)
{
	if (j->rootfd >= 0 && j->wdfd < 0 && !j->wdns &&
	    (j->wdfd = openat(AT_FDCWD, ".", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		die_errno("cannot open current working directory");
	if (j->rootfd >= 0) {
		if (fchdir(j->rootfd) < 0)
			die_errno("change directory by root file descriptor failed");
		if (chroot(".") < 0)
			die_errno("chroot failed");
		if (chdir("/") < 0)
			die_errno("cannot change directory to %s", "/");
		close(j->rootfd);
	}
	if (j->wdns && (j->wdfd = openat(AT_FDCWD, j->wdns, O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0)
		die_errno("cannot open current working directory");
	if (j->wdfd >= 0) {
		if (fchdir(j->wdfd) < 0)
			die_errno("change directory by working directory file descriptor failed");
		close(j->wdfd);
	}
}

/* -S/-G follow: the target's ids, as seen from the namespaces we are in now. */
static void follow_ids(const struct args *a, struct join *j)
{
	struct stat st;

	if ((a->follow_uid || a->follow_gid) && fstat(procfd, &st) < 0)
		die_errno("cannot stat %s", procpath);
	j->uid = a->follow_uid ? st.st_uid : a->uid;
	j->gid = a->follow_gid ? st.st_gid : a->gid;
	if (procfd >= 0)
		close(procfd);
}

static void set_credentials(const struct args *a, const struct join *j)
{
	bool keepcaps = a->keepcaps && (j->want & CLONE_NEWUSER);
	bool set_gid = a->set_gid || j->creds, set_uid = a->set_uid || j->creds;

	if (keepcaps)
		prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0);
	if (set_gid && setgroups(0, NULL) < 0 && j->setgroups_failed)
		die_errno("setgroups failed");
	if (set_gid && setgid(j->gid) < 0)
		die_errno("setgid() failed");
	if (set_uid && setuid(j->uid) < 0)
		die_errno("setuid() failed");
	if (keepcaps)
		keep_caps();
}

int nsenter_main(int argc, char **argv)
{
	struct args a;
	struct join j;

	parse_args(&a, argc, argv);
	pin_target();
	check_args(&a, &j);
	resolve_target(&a, &j);
	join_namespaces(&a, &j);
	enter_root_and_wd(&j);
	if (j.env)
		environ = j.env;
	follow_ids(&a, &j);
	if ((j.want & CLONE_NEWPID) && !a.no_fork)
		fork_and_wait();
	set_credentials(&a, &j);
	prctl(PR_SET_DUMPABLE, j.dumpable, 0, 0, 0);
	if (a.prog)
		exec_or_die(a.prog);
	exec_shell();
}
