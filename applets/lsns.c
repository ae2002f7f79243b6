/* SPDX-License-Identifier: 0BSD */
/*
 * lsns: list namespaces, with util-linux 2.42's output, in linear time.
 *
 * One pass over /proc (per process an O_PATH fd on PID/ns for its owner and
 * one readlink per namespace type; split with a forked helper when /proc is
 * long and there is more than one CPU), hash tables for processes by pid and
 * namespaces by inode, and per namespace (not per process) the optional
 * work: NS_GET_PARENT/NS_GET_USERNS only for PNS, ONS and the owner/parent
 * trees, RTM_GETNSID only for NETNSID, mountinfo only for NSFS, the command
 * line only for the rows printed.  The fds (namespaces held by an nsfs fd
 * or a socket) are read in the same pass, in the views that list
 * namespaces.  A process that vanishes mid-scan is left out entirely.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ascii.h"
#include "compat.h"
#include "config.h"
#include "exec.h"
#include "err.h"
#include "filter.h"
#include "fmt.h"
#include "mountinfo.h"
#include "netlink.h"
#include "ns.h"
#include "num.h"
#include "opt.h"
#include "out.h"
#include "passwd.h"
#include "proc.h"
#include "table.h"
#include "xfuncs.h"

static const char usage[] =
	"\n"
	"Usage:\n"
	" lsns [options] [<namespace ID>]\n"
	"\n"
	"List system namespaces.\n"
	"\n"
	"Options:\n"
	IF_LSNS_JSON(" -J, --json             use JSON output format\n")
	" -l, --list             use list format output\n"
	" -n, --noheadings       don't print headings\n"
	" -o, --output <list>    define which output columns to use\n"
	"     --output-all       output all columns\n"
	" -P, --persistent       namespaces without processes\n"
	" -p, --task <pid>       print process namespaces\n"
	IF_LSNS_FILTER(" -Q, --filter <expr>    apply display filter\n")
	" -r, --raw              use the raw output format\n"
	" -u, --notruncate       don't truncate text in columns\n"
	" -W, --nowrap           don't use multi-line representation\n"
	" -t, --type <name>      namespace type (mnt, net, ipc, user, pid, uts, cgroup, time)\n"
	" -T, --tree[=<rel>]     use tree format (parent, owner, or process)\n"
	"\n"
	" -H, --list-columns     list the available columns\n"
	" -h, --help             display this help\n"
	" -V, --version          display version\n"
	"\n"
	"See nsbox-lsns(8).\n";

enum { C_NS, C_TYPE, C_PATH, C_NPROCS, C_PID, C_PPID, C_COMMAND, C_UID, C_USER,
       C_NETNSID, C_NSFS, C_PNS, C_ONS, NCOLINFO };

static const struct { char name[8]; unsigned char hint, flags; } infos[NCOLINFO] = {
	{ "NS", 10, TB_RIGHT | TB_NUMBER }, { "TYPE", 5, 0 }, { "PATH", 0, 0 },
	{ "NPROCS", 5, TB_RIGHT | TB_NUMBER }, { "PID", 5, TB_RIGHT | TB_NUMBER },
	{ "PPID", 5, TB_RIGHT | TB_NUMBER }, { "COMMAND", 0, TB_TRUNC },
	{ "UID", 0, TB_RIGHT | TB_NUMBER }, { "USER", 0, 0 }, { "NETNSID", 0, TB_RIGHT },
	{ "NSFS", 0, TB_WRAPNL }, { "PNS", 10, TB_RIGHT | TB_NUMBER },
	{ "ONS", 10, TB_RIGHT | TB_NUMBER },
};

static const char *const helps[NCOLINFO] = {
	"namespace identifier (inode number)", "kind of namespace", "path to the namespace",
	"number of processes in the namespace", "lowest PID in the namespace", "PPID of the PID",
	"command line of the PID", "UID of the PID", "username of the PID",
	"namespace ID as used by network subsystem",
	"nsfs mountpoint (usually used network subsystem)",
	"parent namespace identifier (inode number)", "owner namespace identifier (inode number)",
};

enum { TREE_NONE, TREE_PROCESS, TREE_OWNER, TREE_PARENT };
enum { R_PARENT, R_OWNER };

struct proc {
	int pid, ppid;
	unsigned uid;
	int hnext;			/* pid hash chain (index) */
	int parent;			/* index, or -1 */
	struct tb_line *outline;
	int ns[NS_COUNT];		/* namespace index, or -1 */
};

struct nsent {
	unsigned long ino;
	int type, nprocs, proc;		/* proc: lowest pid's index, or -1 */
	int hnext;
	unsigned long rel_id[2];
	int rel[2];			/* index, or -1 */
	unsigned uid_fallback;
	int nsid;			/* NETNSID without processes: -2 none, -1 unassigned */
	struct tb_line *outline;
	char *nsfs;
};

static struct proc *procs;
static int nprocs, procs_cap;
static struct nsent *nss;
static int nns, nss_cap;
static int *phash, *nhash;
static unsigned phsize, nhsize;

/* The command line, parsed (parse_args), then completed (choose_columns). */
static struct {
	int tree, raw, json, notrunc, nowrap, noheadings, list, persist, collist;
	int want[NS_COUNT], ntypes;	/* -t; none given: all types */
	int pid;			/* -p, or 0 */
	int nsarg;			/* a namespace argument was given: */
	unsigned long long ns;		/* its inode (0 filters nothing, as in util-linux) */
	const char *output;		/* -o */
} args;

/* the -o columns, then those only -Q names (not shown) */
static int columns[NCOLINFO * 3], ncolumns, nshown;
static struct filter flt;
static int want_nsid;

static int has_column(int id)
{
	int i;

	for (i = 0; i < ncolumns; i++)
		if (columns[i] == id)
			return 1;
	return 0;
}

/* ---- hash tables ------------------------------------------------------------- */

static unsigned hash(unsigned long v, unsigned size)
{
	return (unsigned)((v * 0x9e3779b97f4a7c15ULL) >> 32) & (size - 1);
}

static struct proc *proc_find(int pid)
{
	int i;

	if (!phsize)
		return NULL;
	for (i = phash[hash(pid, phsize)]; i >= 0; i = procs[i].hnext)
		if (procs[i].pid == pid)
			return &procs[i];
	return NULL;
}

static void rehash_procs(void)
{
	int i;

	free(phash);
	phsize = 1024;
	while (phsize < 2u * nprocs)
		phsize *= 2;
	phash = xmalloc(phsize * sizeof(int));
	memset(phash, 0xff, phsize * sizeof(int));
	for (i = 0; i < nprocs; i++) {
		unsigned h = hash(procs[i].pid, phsize);
		procs[i].hnext = phash[h];
		phash[h] = i;
	}
}

static int ns_find(unsigned long ino)
{
	int i;

	if (!nhsize)
		return -1;
	for (i = nhash[hash(ino, nhsize)]; i >= 0; i = nss[i].hnext)
		if (nss[i].ino == ino)
			return i;
	return -1;
}

static int ns_add(int type, unsigned long ino)
{
	struct nsent *n;
	unsigned h;
	int i;

	nss = xgrow(nss, nns, &nss_cap, 64, sizeof(*nss));
	if (2u * (nns + 1) > nhsize) {
		free(nhash);
		nhsize = nhsize ? 2 * nhsize : 256;
		nhash = xmalloc(nhsize * sizeof(int));
		memset(nhash, 0xff, nhsize * sizeof(int));
		for (i = 0; i < nns; i++) {
			h = hash(nss[i].ino, nhsize);
			nss[i].hnext = nhash[h];
			nhash[h] = i;
		}
	}
	n = &nss[nns];
	memset(n, 0, sizeof(*n));
	n->ino = ino;
	n->type = type;
	n->proc = n->rel[0] = n->rel[1] = -1;
	n->nsid = -2;
	h = hash(ino, nhsize);
	n->hnext = nhash[h];
	nhash[h] = nns;
	return nns++;
}

/* ---- the scan ---------------------------------------------------------------------- */

/* An fd that may hold a namespace no process is in: nsfs (ino) or a socket (ino 0). */
struct held {
	int fd;
	unsigned long long ino;
};
#define HELD_MAX 4

/* What the scan learns of one process. */
struct rec {
	int pid;
	unsigned uid;
	unsigned long ino[NS_COUNT];
	int nheld;			/* HELD_MAX + 1: more than fit, look again */
	struct held held[HELD_MAX];
	char what[16];			/* after an error: what could not be read, "ns/net" */
};

/*
 * A /proc/PID file that cannot be read because the process has exited
 * (ENOENT, ESRCH) or is not ours to look into (EACCES) is passed over.
 * Anything else (EMFILE, ENOMEM, EIO...) is an error: said, and the status is 1.
 */
static int passed_over(int err)
{
	return err == ENOENT || err == ESRCH || err == EACCES;
}

static _Noreturn void proc_fail(int pid, const char *what, int err)
{
	errno = err;
	die_errno("cannot read /proc/%d%s%s", pid, *what ? "/" : "", what);
}

static int scan_held;			/* the scan also looks at the fds */
static struct { int pid; struct held h; } *pending;	/* h.fd -1: all of pid's */
static int npending, pending_cap;

/* "net:[4026531840]", an nsfs fd's link: the inode if of a type asked for, else 0. */
static unsigned long long nsfs_link(char *link)
{
	char *b = strchr(link, ':');
	unsigned long long ino;
	size_t n;
	int t;

	if (link[0] == '/' || !b || b[1] != '[' || (n = strlen(b)) < 4 || b[n - 1] != ']')
		return 0;
	b[n - 1] = *b = 0;
	t = ns_index_by_name(link);
	if (t < 0 || !args.want[t] || parse_ull(b + 2, ~0ULL, &ino))
		return 0;
	return ino;
}

/*
 * The fds of process PID that may hold a namespace: nsfs fds of a type asked
 * for (their link names the namespace, so a known one costs no open) and,
 * when network namespaces are asked for, sockets.  fn(ctx, fd, ino) for
 * each, until it returns nonzero.
 */
typedef int held_fn(void *ctx, int fd, unsigned long long ino);

/* 0, or the errno of what (16 bytes: "fd", "fd/N") could not be read. */
static int scan_fds(int procfd, int pid, held_fn *fn, void *ctx, char *what)
{
	char path[24], link[64];
	struct dirent *e;
	int fd, err = 0;
	DIR *d;

	fmt(path, sizeof(path), "%d/fd", pid);
	fmt(what, 16, "fd");
	if (!(d = opendir_at(procfd, path)))
		return passed_over(errno) ? 0 : errno;
	fd = dirfd(d);
	while (errno = 0, (e = readdir(d))) {
		unsigned long long num, ino;
		ssize_t n;
		if (parse_ull(e->d_name, INT_MAX, &num))
			continue;
		if ((n = readlinkat(fd, e->d_name, link, sizeof(link) - 1)) < 0) {
			fmt(what, 16, "fd/%s", e->d_name);
			if (passed_over(errno))
				continue;
			err = errno;
			break;
		}
		link[n] = 0;
		if (!strncmp(link, "socket:[", 8) ? args.want[NS_NET] && fn(ctx, num, 0)
						  : (ino = nsfs_link(link)) && fn(ctx, num, ino))
			break;
	}
	if (!e && errno && !passed_over(errno))	/* readdir failed, not by an exit */
		err = errno;
	closedir(d);
	return err;
}

static int keep_held(void *ctx, int fd, unsigned long long ino)
{
	struct rec *r = ctx;

	if (r->nheld == HELD_MAX) {
		r->nheld++;
		return 1;
	}
	r->held[r->nheld].fd = fd;
	r->held[r->nheld++].ino = ino;
	return 0;
}

static void add_pending(int pid, int fd, unsigned long long ino)
{
	pending = xgrow(pending, npending, &pending_cap, 16, sizeof(*pending));
	pending[npending].pid = pid;
	pending[npending].h.fd = fd;
	pending[npending++].h.ino = ino;
}

/* The namespace inodes of the process behind nsfd (PID/ns): 0, -1 when a
 * type was not there (gone? a type this kernel lacks?), or an errno. */
static int read_inodes(int nsfd, struct rec *r)
{
	int i, missing = 0;

	for (i = 0; i < NS_COUNT; i++) {
		char link[64], *b;
		ssize_t n;
		r->ino[i] = 0;
		if (!args.want[i])
			continue;
		n = readlinkat(nsfd, ns_types[i].name, link, sizeof(link) - 1);
		if (n < 0 && !passed_over(errno)) {
			fmt(r->what, sizeof(r->what), "ns/%s", ns_types[i].name);
			return errno;
		}
		if (n < 0) {
			missing |= errno != EACCES;	/* EACCES: not ours to see */
			continue;
		}
		link[n] = 0;
		b = strchr(link, '[');
		while (b && *++b >= '0' && *b <= '9')
			r->ino[i] = r->ino[i] * 10 + (*b - '0');
	}
	return -missing;
}

/* Scan /proc/PID: 0 and *r filled; -1 when it has gone; or an errno (r->what says of what). */
static int scan_process(int procfd, int pid, struct rec *r)
{
	struct stat st;
	int nsfd, st_ns = 0;
	char name[12], path[24];

	/*
	 * One walk to PID/ns (whose owner is the process's), then a
	 * one-component readlink per type ("mnt:[4026531841]"): the kernel's
	 * cheapest way to the inodes.
	 */
	r->pid = pid;
	fmt(r->what, sizeof(r->what), "ns");
	fmt(name, sizeof(name), "%d", pid);
	fmt(path, sizeof(path), "%s/ns", name);
	nsfd = openat(procfd, path, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (nsfd < 0 || fstat(nsfd, &st))
		st_ns = errno;
	else
		st_ns = read_inodes(nsfd, r);
	if (nsfd >= 0)
		close(nsfd);
	if (st_ns > 0)
		return passed_over(st_ns) ? -1 : st_ns;
	r->uid = st.st_uid;
	/* A type missing: keep the process only if it still lives. */
	if (st_ns < 0 && fstatat(procfd, name, &st, 0))
		return passed_over(errno) ? -1 : (*r->what = 0, errno);
	r->nheld = 0;
	return scan_held ? scan_fds(procfd, pid, keep_held, r, r->what) : 0;
}

static void add_process(const struct rec *r)
{
	struct proc *p;
	int i;

	procs = xgrow(procs, nprocs, &procs_cap, 1024, sizeof(*procs));
	p = &procs[nprocs++];
	p->pid = r->pid;
	p->ppid = 0;
	p->uid = r->uid;
	p->outline = NULL;
	p->parent = -1;
	for (i = 0; i < NS_COUNT; i++) {
		int n = -1;
		if (r->ino[i]) {
			n = ns_find(r->ino[i]);
			if (n < 0)
				n = ns_add(i, r->ino[i]);
			nss[n].nprocs++;
			if (nss[n].proc < 0 || procs[nss[n].proc].pid > r->pid)
				nss[n].proc = p - procs;
		}
		p->ns[i] = n;
	}
	if (r->nheld > HELD_MAX)
		add_pending(r->pid, -1, 0);
	else
		for (i = 0; i < r->nheld; i++)
			add_pending(r->pid, r->held[i].fd, r->held[i].ino);
}

/*
 * The scan is nearly all kernel time (path walks in /proc), so on a machine
 * with more than one CPU a long list is split: a forked helper scans the
 * upper half into shared memory while this process scans the lower half.
 * If the helper cannot be made or does not finish, its half is scanned here.
 */
#define SPLIT_MIN 256

struct half {
	volatile int done;
	int n, err;			/* err: the scan of r[n] failed with it */
	struct rec r[];
};

static void scan_range(int procfd, const int *pids, int n)
{
	struct rec r;
	int i, st;

	for (i = 0; i < n; i++)
		if (!(st = scan_process(procfd, pids[i], &r)))
			add_process(&r);
		else if (st > 0)
			proc_fail(r.pid, r.what, st);
}

static void scan_pids(int procfd, const int *pids, int n)
{
	int lo = n / 2, i;
	size_t size = sizeof(struct half) + (n - lo) * sizeof(struct rec);
	struct half *h = MAP_FAILED;
	pid_t child = -1;

	if (n >= SPLIT_MIN && sysconf(_SC_NPROCESSORS_ONLN) > 1)
		h = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (h != MAP_FAILED)
		child = fork();
	if (child == 0) {
		for (i = lo; i < n && !h->err; i++) {
			int st = scan_process(procfd, pids[i], &h->r[h->n]);
			if (st > 0)
				h->err = st;
			else if (!st)
				h->n++;
		}
		h->done = 1;
		_exit(0);
	}
	if (child < 0) {
		scan_range(procfd, pids, n);
		if (h != MAP_FAILED)
			munmap(h, size);
		return;
	}
	scan_range(procfd, pids, lo);
	wait_pid(child, NULL, 0);	/* gone, or never ours: h->done tells */
	if (h->done && h->err)
		proc_fail(h->r[h->n].pid, h->r[h->n].what, h->err);
	if (h->done)
		for (i = 0; i < h->n; i++)
			add_process(&h->r[i]);
	else
		scan_range(procfd, pids + lo, n - lo);
	munmap(h, size);
}

/*
 * PPIDs cost a /proc/PID/stat read each, so only the processes that can be
 * shown get one: every namespace's lowest PID, and with a namespace argument
 * all of its processes.  One that has exited since the scan keeps PPID 0.
 */
static void read_ppids(int procfd, int fltr)
{
	int i, pid;
	char path[24];

	for (i = 0; i < nns; i++)
		if (nss[i].proc >= 0)
			procs[nss[i].proc].ppid = -1;
	for (i = 0; fltr >= 0 && i < nprocs; i++)
		if (procs[i].ns[nss[fltr].type] == fltr)
			procs[i].ppid = -1;
	for (i = 0; i < nprocs; i++) {
		if (procs[i].ppid != -1)
			continue;
		fmt(path, sizeof(path), "%d/stat", procs[i].pid);
		errno = 0;
		if (proc_stat(procfd, path, &pid, &procs[i].ppid)) {
			if (errno && !passed_over(errno))
				proc_fail(procs[i].pid, "stat", errno);
			procs[i].ppid = 0;
		}
	}
}

/* need_ppid: 0 no, 1 yes; fltr_ns: the namespace argument, or 0. */
static void read_processes(int need_ppid, unsigned long long fltr_ns)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int *pids = NULL, npids = 0, cap = 0, i;

	if (!d)
		die_errno("cannot open /proc");
	while (errno = 0, (e = readdir(d))) {
		unsigned long long pid;
		if (e->d_name[0] == '0' || parse_ull(e->d_name, INT_MAX, &pid))
			continue;
		pids = xgrow(pids, npids, &cap, 1024, sizeof(*pids));
		pids[npids++] = pid;
	}
	if (errno)
		die_errno("cannot read /proc");
	scan_pids(dirfd(d), pids, npids);
	free(pids);
	if (need_ppid)
		read_ppids(dirfd(d), fltr_ns ? ns_find(fltr_ns) : -1);
	closedir(d);
	rehash_procs();
	for (i = 0; i < nprocs; i++) {
		struct proc *pp = proc_find(procs[i].ppid);
		procs[i].parent = pp ? pp - procs : -1;
	}
}

/* ---- relations: NS_GET_PARENT / NS_GET_USERNS ------------------------------------- */

static int procfd = -1;

/* The namespace's file, through its lowest process: an fd, or -1 when there is none (now). */
static int open_ns(const struct nsent *n)
{
	char path[40];
	int pid = n->proc >= 0 ? procs[n->proc].pid : 0, fd;

	if (!pid)
		return -1;
	fmt(path, sizeof(path), "%d/ns/%s", pid, ns_types[n->type].name);
	fd = openat(procfd, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 && !passed_over(errno))
		proc_fail(pid, strchr(path, '/') + 1, errno);
	return fd;
}

/*
 * An NS_GET_* ioctl.  A kernel without them (before 4.9) answers ENOTTY:
 * util-linux then says so and exits 2, and so does lsns here, but only for
 * the views that need them (the default ones do not).  EPERM (the related
 * namespace is out of our sight) and EINVAL (a type without that relation)
 * are answers; any other error ends the run.
 */
static int ns_ioctl(int fd, unsigned long req, const char *name, void *arg)
{
	int r = ioctl(fd, req, arg);

	if (r < 0 && errno == ENOTTY)
		die_status(2, 0, "Unsupported ioctl %s", name);
	if (r < 0 && errno != EPERM && errno != EINVAL)
		die_errno("ioctl %s failed", name);
	return r;
}

/* The related namespace's fd and inode (0 when none or not permitted). */
static int related(int fd, int type, int rela, unsigned long *ino)
{
	struct stat st;
	int r;

	*ino = 0;
	if (rela == R_PARENT && type != NS_PID && type != NS_USER)
		return -1;
	r = rela == R_PARENT ? ns_ioctl(fd, NS_GET_PARENT, "NS_GET_PARENT", NULL)
			     : ns_ioctl(fd, NS_GET_USERNS, "NS_GET_USERNS", NULL);
	if (r < 0)
		return -1;
	if (fstat(r, &st)) {
		close(r);
		return -1;
	}
	*ino = st.st_ino;
	return r;
}

static void read_relations(void)
{
	int i, r;

	for (i = 0; i < nns; i++) {
		int fd = open_ns(&nss[i]);
		if (fd < 0)
			continue;
		for (r = 0; r < 2; r++) {
			int x = related(fd, nss[i].type, r, &nss[i].rel_id[r]);
			if (x >= 0)
				close(x);
		}
		close(fd);
	}
}

/* A namespace without processes, known from an nsfs fd (util-linux's "ghost"). */
static int add_ns_for_fd(int fd, unsigned long ino)
{
	int type = ns_index(ns_ioctl(fd, NS_GET_NSTYPE, "NS_GET_NSTYPE", NULL)), n, pfd, ofd, k;
	unsigned long pino, oino;
	unsigned uid = 0;

	if (type < 0 || !args.want[type])
		return -1;
	pfd = related(fd, type, R_PARENT, &pino);
	ofd = related(fd, type, R_OWNER, &oino);
	n = ns_add(type, ino);
	if (type == NS_NET && want_nsid && (nss[n].nsid = nl_get_nsid(fd)) == -2)
		die_errno("cannot get the NETNSID of namespace %lu", ino);
	nss[n].rel_id[R_PARENT] = pino;
	nss[n].rel_id[R_OWNER] = oino;
	if (!ns_ioctl(fd, NS_GET_OWNER_UID, "NS_GET_OWNER_UID", &uid))
		nss[n].uid_fallback = uid;
	if ((type == NS_USER || type == NS_PID) && pino != ino && pino) {
		k = ns_find(pino);
		if (k < 0) {
			k = pfd >= 0 ? add_ns_for_fd(pfd, pino) : -1;
			if (pino == oino)
				nss[n].rel[R_OWNER] = k;
		}
		nss[n].rel[R_PARENT] = k;
	}
	if (nss[n].rel[R_OWNER] < 0 && oino) {
		k = ns_find(oino);
		if (k < 0 && ofd >= 0)
			k = add_ns_for_fd(ofd, oino);
		nss[n].rel[R_OWNER] = k;
	}
	if (pfd >= 0)
		close(pfd);
	if (ofd >= 0)
		close(ofd);
	return n;
}

static void read_ghost(int i, int rela)
{
	unsigned long ino;
	int fd, x;

	if (nss[i].proc < 0)
		return;
	nss[i].rel[rela] = ns_find(nss[i].rel_id[rela]);
	if (nss[i].rel[rela] >= 0)
		return;
	fd = open_ns(&nss[i]);
	if (fd < 0)
		return;
	x = related(fd, nss[i].type, rela, &ino);
	close(fd);
	if (x < 0)
		return;
	if (ino == nss[i].rel_id[rela])
		nss[i].rel[rela] = add_ns_for_fd(x, ino);
	close(x);
}

static void connect_namespaces(void)
{
	int orphan[2] = { -1, -1 }, i, r, n = nns;

	for (i = 0; i < n; i++) {
		struct nsent *s = &nss[i];
		if (s->type == NS_USER || s->type == NS_PID)
			s->rel[R_PARENT] = ns_find(s->rel_id[R_PARENT]);
		s->rel[R_OWNER] = ns_find(s->rel_id[R_OWNER]);
		for (r = 0; r < 2; r++) {
			if (s->rel_id[r] && s->rel[r] < 0) {
				s->rel[r] = orphan[r];	/* a stack linked through rel[] */
				orphan[r] = i;
			}
		}
	}
	for (r = 0; r < 2; r++) {
		while (orphan[r] >= 0) {
			int cur = orphan[r];
			orphan[r] = nss[cur].rel[r];
			nss[cur].rel[r] = -1;
			read_ghost(cur, r);
		}
	}
}

static void read_mounts(struct mounts *t)
{
	if (mounts_read(t) < 0)
		die_errno("failed to parse /proc/self/mountinfo");
}

/* An nsfs mount's namespace ("TYPE:[INO]" as its root): INO, with m->root cut to TYPE; or 0. */
static unsigned long long nsfs_mount(struct mountinfo *m)
{
	char *b = strchr(m->root, ':'), *e;
	unsigned long long ino;

	if (strcmp(m->fstype, "nsfs") || !b || b[1] != '[' || !(e = strchr(b, ']')) || e[1])
		return 0;
	*e = 0;
	if (parse_ull(b + 2, ~0ULL, &ino))
		return 0;
	*b = 0;
	return ino;
}

/* ---- namespaces without processes (util-linux 2.39-2.42) ------------------------ */

/* An nsfs fd on a namespace not yet known (the callers check): add it, if of a type asked for. */
static void add_held(int fd, unsigned long ino)
{
	if (fd < 0)
		return;
	add_ns_for_fd(fd, ino);
	close(fd);
}

/* Namespaces held by an nsfs bind mount ("ip netns add", "unshare --net=FILE"). */
static void read_bound(void)
{
	struct mounts t;
	int i;

	read_mounts(&t);
	for (i = 0; i < t.n; i++) {
		unsigned long long ino = nsfs_mount(&t.m[i]);
		int type = ino ? ns_index_by_name(t.m[i].root) : -1, fd;
		if (type < 0 || !args.want[type] || ns_find(ino) >= 0)
			continue;
		fd = openat(AT_FDCWD, t.m[i].target, O_RDONLY | O_CLOEXEC);
		if (fd < 0 && !passed_over(errno))
			die_errno("cannot open %s", t.m[i].target);
		add_held(fd, ino);
	}
	mounts_free(&t);
}

/*
 * The network namespace of socket FD of process PID (pidfd_getfd, then
 * SIOCGSKNS), if no process is in it.  *pidfd: the process's pidfd, opened
 * on its first socket (-2 when that failed).  A best effort (it takes the
 * right to ptrace the process, and Linux 5.6): only running out of memory
 * or descriptors is an error.
 */
static void sock_fail(int pid, int fd, const char *what)
{
	if (errno == EMFILE || errno == ENFILE || errno == ENOMEM)
		die_errno("cannot get the network namespace of /proc/%d/fd/%d: %s", pid, fd, what);
}

static void add_sock_ns(int pid, int fd, int *pidfd)
{
	struct stat st;
	int sk, nsfd;

	if (*pidfd == -1 && (*pidfd = syscall(SYS_pidfd_open, pid, 0)) < 0) {
		sock_fail(pid, fd, "pidfd_open");
		*pidfd = -2;
	}
	if (*pidfd < 0)
		return;
	if ((sk = syscall(SYS_pidfd_getfd, *pidfd, fd, 0)) < 0) {
		sock_fail(pid, fd, "pidfd_getfd");
		return;
	}
	nsfd = ioctl(sk, SIOCGSKNS);
	close(sk);
	if (nsfd < 0) {
		sock_fail(pid, fd, "SIOCGSKNS");
		return;
	}
	if (!fstat(nsfd, &st) && ns_find(st.st_ino) < 0)
		add_ns_for_fd(nsfd, st.st_ino);
	close(nsfd);
}

/* Process pid's fd that may hold a namespace: add the namespace if no process is in it. */
struct fdctx { int procfd, pid, pidfd; };

static int add_fd_ns(void *ctx, int fd, unsigned long long ino)
{
	struct fdctx *c = ctx;
	char path[40];

	if (!ino) {
		add_sock_ns(c->pid, fd, &c->pidfd);
	} else if (ns_find(ino) < 0) {
		int nsfd;
		fmt(path, sizeof(path), "%d/fd/%d", c->pid, fd);
		nsfd = openat(c->procfd, path, O_RDONLY | O_CLOEXEC);
		if (nsfd < 0 && !passed_over(errno))
			proc_fail(c->pid, path + strcspn(path, "/") + 1, errno);
		add_held(nsfd, ino);
	}
	return 0;
}

/*
 * As util-linux 2.42 does, every view that lists namespaces also lists those
 * no process is in: held by an open fd, by a socket (network namespaces) or
 * by an nsfs bind mount.  The scan noted the fds (all processes' with all).
 */
static void read_held(int procfd, int all)
{
	struct fdctx c = { procfd, 0, -1 };
	int i;

	for (i = 0; i < (all ? nprocs : npending); i++) {
		int pid = all ? procs[i].pid : pending[i].pid, err;
		char what[16];
		if (pid != c.pid && c.pidfd >= 0)
			close(c.pidfd);
		if (pid != c.pid)
			c.pidfd = -1;
		c.pid = pid;
		if (!all && pending[i].h.fd >= 0)
			add_fd_ns(&c, pending[i].h.fd, pending[i].h.ino);
		else if ((err = scan_fds(procfd, pid, add_fd_ns, &c, what)))
			proc_fail(pid, what, err);
	}
	if (c.pidfd >= 0)
		close(c.pidfd);
	free(pending);
	read_bound();
}

/* ---- NSFS: nsfs mounts, from /proc/self/mountinfo -------------------------------- */

static int path_included(const char *set, const char *elt, char sep)
{
	size_t n = strlen(elt);
	const char *t = set;

	while (*t && strncmp(t, elt, n))
		t++;
	if (!*t)
		t = NULL;

	if (!t)
		return 0;
	if (t == set && (!set[n] || set[n] == sep))
		return 1;
	return t > set && t[-1] == sep && (t[n] == sep || !t[n]);
}

static void read_nsfs(void)
{
	struct mounts t;
	char sep = args.nowrap ? ',' : '\n';
	int i;

	read_mounts(&t);
	for (i = 0; i < t.n; i++) {
		struct mountinfo *m = &t.m[i];
		unsigned long long ino = nsfs_mount(m);
		int n;
		size_t tl;

		if (!ino || (n = ns_find(ino)) < 0 || strcmp(m->root, ns_types[nss[n].type].name))
			continue;
		tl = strlen(m->target);
		if (!nss[n].nsfs) {
			nss[n].nsfs = xstrdup(m->target);
		} else if (!path_included(nss[n].nsfs, m->target, sep)) {
			size_t l = strlen(nss[n].nsfs);
			nss[n].nsfs = xrealloc(nss[n].nsfs, l + tl + 2);
			nss[n].nsfs[l] = sep;
			memcpy(nss[n].nsfs + l + 1, m->target, tl + 1);
		}
	}
	mounts_free(&t);
}

/* ---- output -------------------------------------------------------------------------- */

static struct table tab;

struct ucache { unsigned uid; char *name; struct ucache *next; };
static struct ucache *users;

static const char *user_name(unsigned uid)
{
	struct ucache *u;
	struct pwent pw;
	char num[24];

	for (u = users; u; u = u->next)
		if (u->uid == uid)
			return u->name;
	u = xmalloc(sizeof(*u));
	u->uid = uid;
	if (pw_byuid(uid, &pw)) {
		fmt(num, sizeof(num), "%u", uid);
		u->name = xstrdup(num);
	} else {
		u->name = xstrdup(pw.name);
	}
	u->next = users;
	users = u;
	return u->name;
}

static char *num(unsigned long long v)
{
	char b[24];

	b[fmt_ull(b, v, 10)] = 0;
	return xstrdup(b);
}

static char *snum(long long v)
{
	char b[24];

	fmt(b, sizeof(b), "%lld", v);
	return xstrdup(b);
}

/* The command line (for a kernel thread, comm); NULL when the process has gone. */
static char *command(int pid)
{
	char name[16];
	const char *what = "";
	int fd;
	char *s = NULL;

	fmt(name, sizeof(name), "%d", pid);
	fd = proc_open(procfd, name);
	errno = fd < 0 ? errno : 0;
	if (fd >= 0 && !(s = proc_cmdline(fd)) && !errno)
		s = proc_comm(fd), what = "comm";
	else if (fd >= 0 && !s)
		what = "cmdline";
	if (!s && errno && !passed_over(errno))
		proc_fail(pid, what, errno);
	if (fd >= 0)
		close(fd);
	return s;
}

static int netnsid(const struct nsent *n)
{
	int fd = open_ns(n), id;

	if (fd < 0)
		return -2;
	id = nl_get_nsid(fd);
	if (id == -2)
		die_errno("cannot get the NETNSID of namespace %lu", n->ino);
	close(fd);
	return id;
}

/* The text of column id in the line of namespace n and process p (or none). */
static char *cell(int id, struct nsent *n, struct proc *p)
{
	char *s = NULL, b[64];

	switch (id) {
	case C_NS: s = num(n->ino); break;
	case C_TYPE: s = xstrdup(ns_types[n->type].name); break;
	case C_PATH:
		if (p) {
			fmt(b, sizeof(b), "/proc/%d/ns/%s", p->pid, ns_types[n->type].name);
			s = xstrdup(b);
		}
		break;
	case C_NPROCS: s = snum(n->nprocs); break;
	case C_PID: if (p) s = snum(p->pid); break;
	case C_PPID: if (p) s = snum(p->ppid); break;
	case C_COMMAND: if (p) s = command(p->pid); break;
	case C_UID: s = snum((int)(p ? p->uid : n->uid_fallback)); break;
	case C_USER: s = xstrdup(user_name(p ? p->uid : n->uid_fallback)); break;
	case C_NETNSID:
		if (n->type == NS_NET && (p || n->nsid > -2)) {
			int nsid = p ? netnsid(n) : n->nsid;
			if (nsid >= 0)
				s = snum(nsid);
			else if (nsid == -1)
				s = xstrdup("unassigned");
		}
		break;
	case C_NSFS: if (n->nsfs) s = xstrdup(n->nsfs); break;
	case C_PNS: s = num(n->rel_id[R_PARENT]); break;
	case C_ONS: s = num(n->rel_id[R_OWNER]); break;
	}
	return s;
}

/* -Q's view of a line: its cells, by index in columns[] */
static const char *filter_cell_of(void *cells, int i)
{
	return ((char **)cells)[i];
}

/* The line of namespace n and process p, if it passes -Q: a new table line, or NULL. */
static struct tb_line *add_line(struct nsent *n, struct proc *p)
{
	struct tb_line *parent = NULL, *l;
	char *cells[NCOLINFO * 3];
	int i, r;

	if (args.tree == TREE_PROCESS && p && p->parent >= 0)
		parent = procs[p->parent].outline;
	else if (args.tree == TREE_PARENT && n->rel[R_PARENT] >= 0)
		parent = nss[n->rel[R_PARENT]].outline;
	else if (args.tree == TREE_OWNER && n->rel[R_OWNER] >= 0)
		parent = nss[n->rel[R_OWNER]].outline;
	for (i = 0; i < ncolumns; i++)
		cells[i] = cell(columns[i], n, p);
	r = CONFIG_LSNS_FILTER ? filter_match(&flt, filter_cell_of, cells) : 1;
	if (r < 0) {
		errno = -r;
		die_errno("failed to apply filter");
	}
	for (i = r ? nshown : 0; i < ncolumns; i++)
		free(cells[i]);
	if (!r)
		return NULL;
	l = tb_add(&tab, parent);
	for (i = 0; i < nshown; i++)
		tb_set(l, i, cells[i]);
	if (args.tree == TREE_OWNER || args.tree == TREE_PARENT)
		n->outline = l;
	else if (p)
		p->outline = l;
	return l;
}

static void show_namespace(struct nsent *n)
{
	int o = n->rel[R_OWNER], pa = n->rel[R_PARENT];

	if (args.tree == TREE_OWNER && o >= 0 && !nss[o].outline)
		show_namespace(&nss[o]);
	else if (args.tree == TREE_PARENT) {
		if (pa >= 0) {
			if (!nss[pa].outline)
				show_namespace(&nss[pa]);
		} else if (o >= 0 && !nss[o].outline) {
			show_namespace(&nss[o]);
		}
	}
	add_line(n, n->proc >= 0 ? &procs[n->proc] : NULL);
}

static void show_process(struct proc *p, int type)
{
	if (args.tree == TREE_PROCESS && p->parent >= 0 && !procs[p->parent].outline &&
	    procs[p->parent].ns[type] == p->ns[type])
		show_process(&procs[p->parent], type);
	add_line(&nss[p->ns[type]], p);
}

/* Heap sort of namespace indices by inode. */
static void sift(int *v, int i, int n)
{
	for (;;) {
		int c = 2 * i + 1, t;
		if (c >= n)
			return;
		if (c + 1 < n && nss[v[c + 1]].ino > nss[v[c]].ino)
			c++;
		if (nss[v[c]].ino <= nss[v[i]].ino)
			return;
		t = v[c], v[c] = v[i], v[i] = t;
		i = c;
	}
}

static void sort_ns(int *v, int n)
{
	int i, t;

	for (i = n / 2 - 1; i >= 0; i--)
		sift(v, i, n);
	for (i = n - 1; i > 0; i--) {
		t = v[0], v[0] = v[i], v[i] = t;
		sift(v, 0, i);
	}
}

static void init_table(void)
{
	struct tb_col *cols = xzalloc(nshown * sizeof(*cols));
	int i;

	for (i = 0; i < nshown; i++) {
		int id = columns[i], f = infos[id].flags;
		if (args.notrunc)
			f &= ~TB_TRUNC;
		if (args.tree == TREE_PROCESS && id == C_COMMAND)
			f |= TB_TREE;
		if (args.nowrap)
			f &= ~TB_WRAPNL;
		if ((args.tree == TREE_OWNER || args.tree == TREE_PARENT) && id == C_NS)
			f = (f | TB_TREE) & ~TB_RIGHT;
		cols[i].name = infos[id].name;
		cols[i].hint = infos[id].hint;
		cols[i].flags = f;
	}
	tab.cols = cols;
	tab.ncols = nshown;
	tab.raw = args.raw;
	tab.json = args.json;
	tab.noheadings = args.noheadings;
	tab.utf8 = -1;
	tab.name = "namespaces";
}

/* -H: the columns, their JSON types and what they show (util-linux 2.41) */
static int list_columns(void)
{
	static struct tb_col cols[] = {
		{ .name = "holder", .flags = TB_RIGHT }, { .name = "type" }, { .name = "description" },
	};
	struct table t = { .cols = cols, .ncols = 3, .raw = args.raw, .json = args.json,
			   .noheadings = 1, .utf8 = -1, .name = "lsns-columns" };
	int i;

	for (i = 0; i < NCOLINFO; i++) {
		struct tb_line *l = tb_add(&t, NULL);
		tb_set(l, 0, xstrdup(infos[i].name));
		tb_set(l, 1, xstrdup(infos[i].flags & TB_NUMBER ? "<integer>" : "<string>"));
		tb_set(l, 2, xstrdup(helps[i]));
	}
	tb_print(&t);
	return 0;
}

/* ---- options ---------------------------------------------------------------------- */

/*
 * util-linux's -o list rules: "+LIST" appends; an unknown name is quoted with
 * the rest of the list.  An empty name fails silently there: here it is named.
 */
static int column_id(const char *name, size_t n)
{
	int i;

	for (i = 0; i < NCOLINFO; i++)
		if (ascii_caseeq(name, n, infos[i].name))
			return i;
	warn("unknown column: %s", name);
	return -1;
}

static int add_columns(const char *arg)
{
	const char *list = arg + (*arg == '+'), *p, *b, *e;
	int k = 1;

	if (*arg != '+')
		ncolumns = 0;
	if (!*list) {
		warn("no column in '%s'", arg);
		return -1;
	}
	for (b = p = list; *p; p++) {
		int id;
		if (ncolumns >= NCOLINFO * 2)
			return -1;
		if (!b)
			b = p;
		e = *p == ',' ? p : NULL;
		if (!p[1])
			e = p + 1;
		if (!e)
			continue;
		if (e <= b) {
			warn("column %d of '%s' is empty", k, arg);
			return -1;
		}
		if ((id = column_id(b, e - b)) < 0)
			return -1;
		columns[ncolumns++] = id;
		if (!*e)
			break;
		b = NULL;
		k++;
	}
	return 0;
}

/* util-linux's mutually exclusive pairs of options */
static void exclusive(int c)
{
	static const struct { char a, b; const char *msg; } pairs[] = {
		{ 'J', 'r', "--json and --raw" }, { 'P', 'p', "--persistent and --task" },
	};
	static int seen[2];	/* per pair, the option of it given first */
	int k;

	for (k = 0; k < 2; k++) {
		if (c != pairs[k].a && c != pairs[k].b)
			continue;
		if (seen[k] && seen[k] != c)
			die("options %s cannot be combined", pairs[k].msg);
		seen[k] = c;
	}
}

static const struct opt opts[] = {
	IF_LSNS_JSON({ 'J', "json", OPT_NONE },)
	{ 'l', "list", OPT_NONE },
	{ 'n', "noheadings", OPT_NONE },
	{ 'o', "output", OPT_REQ },
	{ OPT_LONG, "output-all", OPT_NONE },
	{ 'P', "persistent", OPT_NONE },
	{ 'p', "task", OPT_REQ },
	IF_LSNS_FILTER({ 'Q', "filter", OPT_REQ },)
	{ 'r', "raw", OPT_NONE },
	{ 'u', "notruncate", OPT_NONE },
	{ 'W', "nowrap", OPT_NONE },
	{ 't', "type", OPT_REQ },
	{ 'T', "tree", OPT_OPT },
	{ 'H', "list-columns", OPT_NONE },
	{ 0 }
};

/* -p PID: util-linux's messages (leading blanks are skipped, as strtol does) */
static int parse_task(const char *arg)
{
	const char *a = arg, *d;
	long long v;

	while (*a == ' ' || (*a >= '\t' && *a <= '\r'))
		a++;
	if (!parse_ll(a, 1, 0x7fffffff, &v))
		return v;
	d = a + (*a == '-' || *a == '+');
	if (!*d || d[strspn(d, "0123456789")])
		die("invalid PID argument: '%s'", arg);
	die("invalid PID argument: '%s': Numerical result out of range", arg);
}

/* -T[REL], --tree[=REL] */
static int parse_tree(const char *a)
{
	if (!a)
		return TREE_OWNER;
	if (*a == '=')
		a++;
	if (!strcmp(a, "parent"))
		return TREE_PARENT;
	if (!strcmp(a, "process"))
		return TREE_PROCESS;
	if (strcmp(a, "owner"))
		die("unknown tree type: %s", a);
	return TREE_OWNER;
}

static void parse_option(int c, const char *arg)
{
	int t;

	exclusive(c);
	switch (c) {
	case 'J': args.json = 1; break;
	case 'l': args.list = 1; break;
	case 'o': args.output = arg; break;
	case 'P': args.persist = 1; break;
	case OPT_LONG:
		for (ncolumns = 0; ncolumns < NCOLINFO; ncolumns++)
			columns[ncolumns] = ncolumns;
		break;
	case 'p': args.pid = parse_task(arg); break;
	case 'Q':	/* parsed at once, as util-linux does; the last one counts */
		if (!CONFIG_LSNS_FILTER)
			break;
		filter_free(&flt);
		if (filter_parse(&flt, arg))
			die("failed to parse \"%s\": %s", arg, flt.err);
		break;
	case 'n': args.noheadings = 1; break;
	case 'r': args.nowrap = args.raw = 1; break;
	case 'u': args.notrunc = 1; break;
	case 't':
		if ((t = ns_index_by_name(arg)) < 0)
			die("unknown namespace type: %s", arg);
		args.want[t] = 1;
		args.ntypes++;
		break;
	case 'W': args.nowrap = 1; break;
	case 'H': args.collist = 1; break;
	case 'T': args.tree = parse_tree(arg); break;
	}
}

static void parse_args(int argc, char **argv)
{
	struct optparse p;
	int c, i;

	opt_init(&p, argc, argv, opts, usage);
	p.permute = 1;
	while ((c = opt_next(&p)) >= 0)
		parse_option(c, p.arg);
	if (!args.ntypes)
		for (i = 0; i < NS_COUNT; i++)
			args.want[i] = 1;
	if (p.ind < argc) {
		if (args.pid)
			die("--task is mutually exclusive with <namespace>");
		if (parse_ull(argv[p.ind], ~0ULL, &args.ns))
			die("invalid namespace argument: '%s'", argv[p.ind]);
		args.nsarg = 1;
	}
}

/*
 * -Q's column names: each is the first column of its name (any case), one
 * not shown is added after the shown ones.  Every unknown name is told, then
 * the run ends (util-linux's messages).
 */
static int bind_filter(void)
{
	int i, k, id, bad = 0;

	for (i = 0; i < flt.nholders; i++) {
		const char *name = filter_holder(&flt, i);
		if ((id = column_id(name, strlen(name))) < 0) {
			bad++;
			continue;
		}
		for (k = 0; k < ncolumns && columns[k] != id; k++)
			;
		if (k == ncolumns)
			columns[ncolumns++] = id;
		filter_bind(&flt, i, k, infos[id].flags & TB_NUMBER ? FL_U64 : FL_STR);
	}
	if (bad)
		die("failed to initialize filter");
	return 0;
}

/* The columns and the tree the options leave to their defaults; 0, or -1 for a bad -o. */
static int choose_columns(void)
{
	static const unsigned char by_ns[] = { C_PID, C_PPID, C_USER, C_COMMAND };
	static const unsigned char all[] = { C_NS, C_TYPE, C_NPROCS, C_PID, C_USER, C_NETNSID,
					      C_NSFS, C_COMMAND };
	int net = args.ntypes && args.want[NS_NET], outall = ncolumns > 0;
	size_t i;

	if (!args.tree && !args.list && (args.nsarg || !outall))
		args.tree = TREE_PROCESS;
	if (!ncolumns && args.nsarg)
		for (i = 0; i < sizeof(by_ns); i++)
			columns[ncolumns++] = by_ns[i];
	if (!ncolumns)
		for (i = 0; i < sizeof(all); i++)
			if (net || (all[i] != C_NETNSID && all[i] != C_NSFS))
				columns[ncolumns++] = all[i];
	if (args.output && add_columns(args.output) < 0)
		return -1;
	nshown = ncolumns;
	return CONFIG_LSNS_FILTER ? bind_filter() : 0;
}

/* Everything the columns and views need, read once. */
static void scan(void)
{
	int rel = args.tree == TREE_OWNER || args.tree == TREE_PARENT;

	procfd = openat(AT_FDCWD, "/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (procfd < 0)
		die_errno("cannot open /proc");
	scan_held = !args.pid && !args.ns;
	read_processes(args.tree == TREE_PROCESS || has_column(C_PPID), args.ns);
	if (has_column(C_PNS) || has_column(C_ONS) || rel)
		read_relations();
	want_nsid = has_column(C_NETNSID);
	if (scan_held || (args.ns && ns_find(args.ns) < 0))
		read_held(procfd, !scan_held);
	if (rel)
		connect_namespaces();
	if (has_column(C_NSFS))
		read_nsfs();
}

/* The namespace argument: its processes, as a tree. */
static void show_ns_processes(void)
{
	int n = ns_find(args.ns), i;

	if (n < 0)
		die("not found namespace: %llu", args.ns);
	for (i = 0; i < nprocs; i++)
		if (procs[i].ns[nss[n].type] == n && !procs[i].outline)
			show_process(&procs[i], nss[n].type);
}

/* Every namespace asked for, by inode (-p: those of that process). */
static void show_namespaces(void)
{
	int *order = xmalloc((nns + 1) * sizeof(int)), i;
	struct proc *fp = args.pid ? proc_find(args.pid) : NULL;

	for (i = 0; i < nns; i++)
		order[i] = i;
	sort_ns(order, nns);
	for (i = 0; i < nns; i++) {
		struct nsent *n = &nss[order[i]];
		if (args.pid && (!fp || fp->ns[n->type] != order[i]))
			continue;
		if (args.persist && (n->nprocs || !args.want[n->type]))
			continue;
		if (!n->outline)
			show_namespace(n);
	}
	free(order);
}

int lsns_main(int argc, char **argv)
{
	parse_args(argc, argv);
	if (args.collist)
		return list_columns();
	if (choose_columns() < 0)
		return 1;
	scan();
	init_table();
	if (args.ns)
		show_ns_processes();
	else
		show_namespaces();
	tb_print(&tab);
	return 0;
}
