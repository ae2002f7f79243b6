/* SPDX-License-Identifier: 0BSD */
/*
 * pivot_root, switch_root and pivot: change the root filesystem.  One applet
 * answering to three names; which one ran is in applet_name.
 *
 * pivot_root NEW_ROOT PUT_OLD	util-linux's command: the raw system call
 * switch_root NEW_ROOT INIT	leave an initramfs for the real root (PID 1)
 * pivot NEW_ROOT [COMMAND]	what a container runtime does, as one command
 *
 * pivot never changes its caller's mount table: it first moves itself into a
 * mount namespace of its own (a copy of the caller's), and does all of its
 * mounting there.  When anything fails, the process exits and that namespace
 * disappears with it; there is nothing to undo.
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "compat.h"
#include "config.h"
#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "mountinfo.h"
#include "opt.h"
#include "xfuncs.h"

/* musl's fchdir() falls back to /proc/self/fd; O_PATH fds need no fallback */
#define fchdir_raw(fd) syscall(SYS_fchdir, fd)

static const char pivot_root_usage[] =
	"\n"
	"Usage:\n"
	" pivot_root [options] new_root put_old\n"
	"\n"
	"Change the root filesystem.\n"
	"\n"
	"Options:\n"
	" -h, --help     display this help\n"
	" -V, --version  display version\n"
	"\n"
	"See nsbox-pivot_root(8).\n";

/* ---- why did pivot_root(2) fail? ------------------------------------------ */

/* Is the mount path is on (up: that mount's parent) "shared", or "rootfs" (the initramfs)? */
static int mount_is(const char *path, int up, const char *what)
{
	struct mounts t;
	const struct mountinfo *m;
	unsigned long id;
	int r = 0;

	if (mount_id(path, &id) < 0 || mounts_read(&t) < 0)
		return 0;
	m = mounts_find(&t, id);
	if (m && up)
		m = mounts_find(&t, m->parent);
	if (m && *what == 'r')	/* a mount without a parent */
		r = !strcmp(m->fstype, "rootfs") || m->parent == m->id;
	else if (m)
		for (const char *s = m->optional; s && *s && !r; s = strchr(s, ' '))
			r = !strncmp(s += *s == ' ', "shared:", 7);
	mounts_free(&t);
	return r;
}

static int same_mount(const char *a, const char *b)
{
	unsigned long x, y;

	return !mount_id(a, &x) && !mount_id(b, &y) && x == y;
}

/* Is old at or underneath new?  1, 0, or -1 when we cannot tell.  Walks up by "..". */
static int under(const char *new, const char *old)
{
	struct stat n, a, b;
	char p[4096];
	size_t len = fmt(p, sizeof(p), "%s", old);

	if (stat(new, &n) < 0 || stat(p, &a) < 0)
		return -1;
	for (int i = 0; i < 256 && len + 4 < sizeof(p); i++) {
		if (same_file(&a, &n))
			return 1;
		memcpy(p + len, "/..", 4);
		len += 3;
		if (stat(p, &b) < 0)
			return -1;
		if (same_file(&b, &a))
			return 0;	/* reached the root */
		a = b;
	}
	return -1;
}

/* Put the likely cause of a pivot_root(new, old) failure with err in buf ("" if unknown). */
static void explain(int err, const char *new, const char *old, char *buf, size_t n)
{
	*buf = 0;
	if (err == EBUSY) {
		if (same_mount(new, "/") && is_mountpoint(new) == 1)
			fmt(buf, n, "%s is the current root", new);
		else if (same_mount(new, "/"))
			fmt(buf, n, "%s is on the current root's mount, not a mount of its own"
			    " (mount --bind %s %s first)", new, new, new);
		else if (same_mount(old, "/"))
			fmt(buf, n, "%s is on the current root's mount", old);
	} else if (err == EINVAL) {
		if (mount_is(old, 0, "shared"))
			fmt(buf, n, "%s is on a shared mount (mount --make-rprivate / first)", old);
		else if (mount_is(new, 1, "shared"))
			fmt(buf, n, "the mount %s is on is shared (mount --make-rprivate / first)", new);
		else if (mount_is("/", 1, "shared") || mount_is("/", 0, "shared"))
			fmt(buf, n, "the root mount is shared (mount --make-rprivate / first)");
		else if (mount_is("/", 0, "rootfs"))
			fmt(buf, n, "the current root is the initramfs rootfs, which cannot be"
			    " pivoted (use switch_root)");
		else if (is_mountpoint("/") == 0)
			fmt(buf, n, "the current root is not a mount point (in a chroot?)");
		else if (is_mountpoint(new) == 0)
			fmt(buf, n, "%s is not a mount point (mount --bind %s %s first)", new, new, new);
		else if (!under(new, old))
			fmt(buf, n, "%s is not at or underneath %s", old, new);
	}
}

static int pivot_root_main(int argc, char **argv)
{
	static const struct opt opts[] = { { 0 } };
	struct optparse p;
	char why[512];
	int e;

	opt_init(&p, argc, argv, opts, pivot_root_usage);
	while (opt_next(&p) >= 0)
		;
	if (argc - p.ind != 2)
		usage_error("bad usage");
	if (syscall(SYS_pivot_root, argv[p.ind], argv[p.ind + 1]) == 0)
		return 0;
	e = errno;
	warn_errno("failed to change root from `%s' to `%s'", argv[p.ind], argv[p.ind + 1]);
	explain(e, argv[p.ind], argv[p.ind + 1], why, sizeof(why));
	if (*why)
		warn("%s", why);
	return 1;
}

/* ---- switch_root --------------------------------------------------------- */

static const char switch_root_usage[] =
	"\n"
	"Usage:\n"
	" switch_root [options] <newrootdir> <init> <args to init>\n"
	"\n"
	"As PID 1: move /dev /proc /sys /run into newrootdir (a mount point),\n"
	"delete the old root's files if it is the initramfs, make newrootdir\n"
	"the root, and execute init.  Any other ramfs or tmpfs root (a\n"
	"container's) is refused.\n"
	"\n"
	"Options:\n"
	" -c, --console DEV  reopen stdin, stdout and stderr on DEV after the switch\n"
	" -h, --help         display this help\n"
	" -V, --version      display version\n"
	"\n"
	"See nsbox-switch_root(8).\n";

/* Delete everything under dfd that is on device dev; closes dfd. */
static void remove_tree(int dfd, dev_t dev)
{
	struct ent { uint64_t ino; int64_t off; unsigned short reclen; unsigned char type; char name[]; };
	char buf[2048];
	struct stat st;
	long n;

	while ((n = syscall(SYS_getdents64, dfd, buf, sizeof(buf))) > 0)
		for (long off = 0; off < n; off += ((struct ent *)(buf + off))->reclen) {
			const char *e = ((struct ent *)(buf + off))->name;
			int fd;

			if ((e[0] == '.' && (!e[1] || (e[1] == '.' && !e[2])))
			    || fstatat(dfd, e, &st, AT_SYMLINK_NOFOLLOW) < 0 || st.st_dev != dev)
				continue;	/* another filesystem: a mount point, left alone */
			if (S_ISDIR(st.st_mode)) {
				fd = openat(dfd, e, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
				if (fd >= 0)
					remove_tree(fd, dev);
			}
			unlinkat(dfd, e, S_ISDIR(st.st_mode) ? AT_REMOVEDIR : 0);
		}
	close(dfd);
}

/* Why the files of / are not ours to delete, or NULL when they are: only the
 * machine's PID 1 on the initramfs (rootfs) owns them.  A container's PID 1 may
 * share that rootfs with the machine, or see a tmpfs someone else filled. */
static const char *not_initramfs(void)
{
	struct stat st;

	if (stat("/proc/self/ns/pid", &st) < 0)
		return "cannot tell whether this is the machine's PID 1 (no /proc?)";
	if (st.st_ino != NSBOX_PID_NS_INIT_INO)
		return "this is PID 1 of a pid namespace, not the machine's";
	if (!mount_is("/", 0, "rootfs"))
		return "/ is not the initramfs (rootfs)";
	return NULL;
}

/*
 * A failed call that some kernels lack: on ENOSYS say which, and the Linux
 * version that added it (the README's minimum-kernel table); else errno.
 */
__attribute__((format(printf, 2, 3)))
static _Noreturn void die_call(const char *call, const char *fmt, ...)
{
	static const char since[] = "open_tree\0" "5.2\0" "move_mount\0" "5.2\0" "fsopen\0" "5.2\0"
				    "openat2\0" "5.6\0" "faccessat2\0" "5.8\0" "mount_setattr\0" "5.12\0";
	const char *s;
	char what[4200];
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	fmt_v(what, sizeof(what), fmt, ap);
	va_end(ap);
	errno = e;

	for (s = since; errno == ENOSYS && *s; s += strlen(s) + 1, s += strlen(s) + 1)
		if (!strcmp(s, call))
			die("%s: the kernel has no %s (Linux %s added it)", what, call, s + strlen(s) + 1);
	die_errno("%s", what);
}

/*
 * switch_root's check of init, resolved inside newroot (fd): 0, or -1 with
 * errno.  Without openat2 (Linux < 5.6) an absolute symlink resolves
 * against the old root, and without faccessat2 (Linux < 5.8) only the mode
 * bits are checked: weaker, but PID 1 must not die on an older kernel.
 */
static int init_check(int fd, const char *init, struct stat *st)
{
	struct compat_open_how how = { O_PATH | O_CLOEXEC, 0, RESOLVE_IN_ROOT };
	int c = syscall(SYS_openat2, fd, init, &how, sizeof(how)), r;

	if (c < 0 && errno == ENOSYS)
		c = openat(fd, init + strspn(init, "/"), O_PATH | O_CLOEXEC);
	if (c < 0)
		return -1;
	r = syscall(SYS_faccessat2, c, "", X_OK, AT_EMPTY_PATH);
	if (r < 0 && errno == ENOSYS)
		r = fstat(c, st) < 0 ? -1 : st->st_mode & 0111 ? 0 : (errno = EACCES, -1);
	if (r == 0)
		r = fstat(c, st);
	close(c);
	return r;
}

/* Everything that can be checked before anything changes: a PID 1 that dies
 * panics the machine.  nst: newroot's stat. */
static void switch_root_check(const char *newroot, const char *init, struct stat *nst)
{
	struct stat st;
	int fd;

	if (getpid() != 1)
		die("must be run as PID 1");
	if (stat(newroot, nst) < 0)
		die_errno("cannot access %s", newroot);
	if (!S_ISDIR(nst->st_mode))
		die("%s is not a directory", newroot);
	if (is_mountpoint(newroot) != 1)
		die("%s is not a mount point", newroot);
	fd = openat(AT_FDCWD, newroot, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || init_check(fd, init, &st) < 0)
		die_errno("cannot execute %s in %s", init, newroot);
	if (!S_ISREG(st.st_mode))
		die("cannot execute %s in %s: not a regular file", init, newroot);
	close(fd);
}

/* Move /dev /proc /sys /run into newroot (on device dev), or drop them. */
static void move_api_mounts(const char *newroot, dev_t dev)
{
	static const char *const moved[] = { "/dev", "/proc", "/sys", "/run" };
	char path[4096];
	struct stat st;

	for (unsigned i = 0; i < sizeof(moved) / sizeof(moved[0]); i++) {
		if (is_mountpoint(moved[i]) != 1)
			continue;
		fmt(path, sizeof(path), "%s%s", newroot, moved[i]);
		/* A missing directory, or one with a mount of its own: drop ours. */
		if (stat(path, &st) < 0 || st.st_dev != dev) {
			umount2(moved[i], MNT_DETACH);
			continue;
		}
		if (mount(moved[i], path, NULL, MS_MOVE, NULL) < 0) {
			warn_errno("failed to move %s to %s", moved[i], path);
			umount2(moved[i], MNT_DETACH);
		}
	}
}

static int switch_root_main(int argc, char **argv)
{
	static const struct opt opts[] = { { 'c', "console", OPT_REQ }, { 0 } };
	struct optparse p;
	const char *console = NULL, *newroot;
	struct stat st, rst, nst;
	struct statfs sfs;
	const char *why;
	int oldfd, fd, wipe;

	opt_init(&p, argc, argv, opts, switch_root_usage);
	while (opt_next(&p) >= 0)
		console = p.arg;
	if (argc - p.ind < 2)
		usage_error("not enough arguments");
	newroot = argv[p.ind];
	switch_root_check(newroot, argv[p.ind + 1], &nst);
	if (stat("/", &rst) < 0)
		die_errno("cannot access /");
	oldfd = xopen("/", O_RDONLY | O_DIRECTORY);
	wipe = fstatfs(oldfd, &sfs) == 0 && (sfs.f_type == RAMFS_MAGIC || sfs.f_type == TMPFS_MAGIC);
	if (wipe && (why = not_initramfs()))
		die("refusing to delete the files of /: %s", why);

	move_api_mounts(newroot, nst.st_dev);
	if (chdir(newroot) < 0)
		die_errno("cannot change directory to %s", newroot);
	if (mount(".", "/", NULL, MS_MOVE, NULL) < 0)
		die_errno("failed to move %s to /", newroot);
	if (chroot(".") < 0 || chdir("/") < 0)
		die_errno("failed to change root to %s", newroot);
	/* The old root: delete it only if it lives in memory, and only its own files. */
	if (wipe && fstat(oldfd, &st) == 0 && st.st_dev == rst.st_dev && st.st_dev != nst.st_dev)
		remove_tree(oldfd, st.st_dev);
	else
		close(oldfd);
	if (console) {
		fd = openat(AT_FDCWD, console, O_RDWR | O_NOCTTY | O_CLOEXEC);
		if (fd < 0 || fd_to_stdio(fd) < 0)
			warn_errno("cannot open %s", console);
	}
	exec_or_die(argv + p.ind + 1);
}
/* ---- pivot --------------------------------------------------------------- */

static const char pivot_usage[] =
	"\n"
	"Usage:\n"
	" pivot [options] <newroot> [<command> [<arg>...]]\n"
	"\n"
	"Run command (default /bin/sh) with newroot as its root, in a mount\n"
	"namespace of its own, the old root detached.\n"
	"\n"
	"Options:\n"
	" -f, --force             run even in the initial mount namespace\n"
	"     --propagation MODE  private (default) or slave\n"
	"     --mount-proc        mount proc on /proc\n"
	"     --mount-sys         mount sysfs read-only on /sys\n"
	"     --mount-dev         a tmpfs on /dev: null zero full random urandom tty, pts, shm\n"
	"     --bind SRC[:DST]    bind SRC on DST in newroot (repeatable)\n"
	"     --ro-bind SRC[:DST] the same, read-only\n"
	"     --ro                make newroot read-only\n"
	"     --keep-old DIR      keep the old root at DIR in newroot\n"
	" -h, --help              display this help\n"
	" -V, --version           display version\n"
	"\n"
	"See nsbox-pivot(8).\n";

enum { O_PROP = OPT_LONG, O_PROC, O_SYS, O_DEV, O_BIND, O_ROBIND, O_RO, O_KEEP };

/* An O_PATH fd for path inside the new root, resolved as the new root would see it. */
static int in_root(int rootfd, const char *path, uint64_t resolve)
{
	struct compat_open_how how = { O_PATH | O_CLOEXEC, 0, resolve };
	int fd = syscall(SYS_openat2, rootfd, path, &how, sizeof(how));

	if (fd < 0)
		die_call("openat2", "cannot access %s in the new root", path);
	return fd;
}

static void set_attr(int fd, unsigned attr, const char *what)
{
	struct compat_mount_attr a = { attr, 0, 0, 0 };

	if (syscall(SYS_mount_setattr, fd, "", AT_EMPTY_PATH | AT_RECURSIVE, &a, sizeof(a)) < 0)
		die_call("mount_setattr", "cannot make %s read-only", what);
}

/* Attach the detached mount mfd on path (relative to dfd); closes mfd. */
static void attach(int mfd, int dfd, const char *path, const char *what)
{
	if (syscall(SYS_move_mount, mfd, "", dfd, path,
		    MOVE_MOUNT_F_EMPTY_PATH | (*path ? 0 : MOVE_MOUNT_T_EMPTY_PATH)) < 0)
		die_call("move_mount", "cannot mount %s", what);
	close(mfd);
}

/* A new, detached filesystem mount: opts is "key=value" strings, then NULL. */
static int new_fs(const char *type, unsigned attr, const char *const *opts)
{
	int fd = syscall(SYS_fsopen, type, FSOPEN_CLOEXEC), mfd = -1;

	for (; fd >= 0 && *opts; opts++) {
		const char *eq = strchr(*opts, '=');
		char key[32];

		fmt(key, sizeof(key), "%.*s", (int)(eq - *opts), *opts);
		if (syscall(SYS_fsconfig, fd, FSCONFIG_SET_STRING, key, eq + 1, 0) < 0)
			break;
	}
	if (fd >= 0 && !*opts && syscall(SYS_fsconfig, fd, FSCONFIG_CMD_CREATE, NULL, NULL, 0) == 0)
		mfd = syscall(SYS_fsmount, fd, FSMOUNT_CLOEXEC, attr);
	if (mfd < 0)
		die_call("fsopen", "cannot mount %s", type);
	close(fd);
	return mfd;
}

static int tree(const char *src)
{
	int fd = syscall(SYS_open_tree, AT_FDCWD, src, OPEN_TREE_CLONE | O_CLOEXEC | AT_RECURSIVE);

	if (fd < 0)
		die_call("open_tree", "cannot bind %s", src);
	return fd;
}

static void mount_dev(int rootfd)
{
	static const char *const nodes[] = { "null", "zero", "full", "random", "urandom", "tty" };
	static const char *const tmpfs_opts[] = { "source=tmpfs", "mode=755", "size=64k", NULL };
	static const char *const shm_opts[] = { "source=shm", "mode=1777", NULL };
	static const char *const pts_opts[] = { "source=devpts", "ptmxmode=666", "mode=620", NULL };
	static const char *const links[][2] = {
		{ "pts/ptmx", "ptmx" }, { "/proc/self/fd", "fd" }, { "/proc/self/fd/0", "stdin" },
		{ "/proc/self/fd/1", "stdout" }, { "/proc/self/fd/2", "stderr" },
	};
	int dev = new_fs("tmpfs", MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC, tmpfs_opts), fd;
	char src[16];

	/* fill the tmpfs while it is still detached: nobody can see it half-made */
	for (unsigned i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		fd = openat(dev, nodes[i], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0)
			die_errno("cannot create /dev/%s", nodes[i]);
		close(fd);
	}
	for (unsigned i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlinkat(links[i][0], dev, links[i][1]) < 0)
			die_errno("cannot create /dev/%s", links[i][1]);
	if (mkdirat(dev, "pts", 0755) < 0 || mkdirat(dev, "shm", 0755) < 0)
		die_errno("cannot create /dev/pts or /dev/shm");
	/* Mounting onto a detached tree needs Linux 6.15+: attach it first. */
	fd = in_root(rootfd, "dev", RESOLVE_IN_ROOT);
	attach(dev, fd, "", "tmpfs on /dev");
	close(fd);
	dev = in_root(rootfd, "dev", RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS);
	for (unsigned i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		fmt(src, sizeof(src), "/dev/%s", nodes[i]);
		attach(tree(src), dev, nodes[i], src);
	}
	attach(new_fs("devpts", MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC, pts_opts), dev, "pts", "devpts on /dev/pts");
	attach(new_fs("tmpfs", MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, shm_opts), dev, "shm", "tmpfs on /dev/shm");
	close(dev);
}

static void bind_one(int rootfd, char *spec, int ro)
{
	char *colon = strchr(spec, ':');
	const char *dst = colon ? colon + 1 : spec;
	int t, fd;

	if (colon)
		*colon = 0;
	t = tree(spec);
	if (ro)
		set_attr(t, MOUNT_ATTR_RDONLY, spec);
	fd = in_root(rootfd, dst, RESOLVE_IN_ROOT);
	attach(t, fd, "", spec);
	close(fd);
}

/* Is this the initial mount namespace?  1, 0, or -1 when we cannot tell. */
static int initial_mntns(void)
{
	struct stat self, init;

	if (stat("/proc/self/ns/mnt", &self) < 0)
		return -1;	/* errno says why */
	if (self.st_ino == NSBOX_MNT_NS_INIT_INO)
		return 1;
	/* Before Linux 6.18 the initial namespace has no fixed inode: ask PID 1. */
	if (self.st_ino >= 0xF0000000U && getpid() != 1 && stat("/proc/1/ns/mnt", &init) == 0)
		return same_file(&self, &init);
	return 0;
}

/* runc's msMoveRoot: drop (or cover) the host's /proc and /sys, which stay
 * in the namespace under the new root, then move the new root onto /. */
static void move_root(void)
{
	static const char *const hide[] = { "/proc", "/sys" };

	for (unsigned i = 0; i < 2; i++)
		if (is_mountpoint(hide[i]) == 1 && umount2(hide[i], MNT_DETACH) < 0
		    && mount("none", hide[i], "tmpfs", MS_RDONLY, "size=0") < 0)
			die_errno("cannot hide %s", hide[i]);
	if (mount(".", "/", NULL, MS_MOVE, NULL) < 0)
		die_errno("cannot move the new root onto /");
	if (chroot(".") < 0)
		die_errno("chroot failed");
}

/* pivot's command line. */
struct pivot_args {
	const char *root, *keep;	/* keep: --keep-old DIR, or NULL */
	char **cmd;
	unsigned long prop;		/* MS_PRIVATE or MS_SLAVE */
	unsigned long what;		/* bit c - O_PROC for --mount-proc ... --ro */
	int force, nbinds;
	char **binds;			/* --bind and --ro-bind, in the order given */
	char *robind;			/* robind[i]: binds[i] is read-only */
};

#define PIVOT_HAS(a, opt) ((a)->what & 1UL << ((opt) - O_PROC))

static void pivot_parse(int argc, char **argv, struct pivot_args *a)
{
	static const struct opt opts[] = {
		{ 'f', "force", OPT_NONE },
		{ O_PROP, "propagation", OPT_REQ },
		{ O_PROC, "mount-proc", OPT_NONE },
		{ O_SYS, "mount-sys", OPT_NONE },
		{ O_DEV, "mount-dev", OPT_NONE },
		{ O_BIND, "bind", OPT_REQ },
		{ O_ROBIND, "ro-bind", OPT_REQ },
		{ O_RO, "ro", OPT_NONE },
		{ O_KEEP, "keep-old", OPT_REQ },
		{ 0 }
	};
	static char *shell[] = { "/bin/sh", NULL };
	struct optparse p;
	int c;

	a->prop = MS_PRIVATE;
	opt_init(&p, argc, argv, opts, pivot_usage);
	while ((c = opt_next(&p)) >= 0) {
		if (c == 'f')
			a->force = 1;
		else if (c == O_PROP) {
			if (!strcmp(p.arg, "slave"))
				a->prop = MS_SLAVE;
			else if (strcmp(p.arg, "private"))
				usage_error("unsupported propagation mode: %s", p.arg);
		} else if (c == O_KEEP)
			a->keep = p.arg;
		else if (c == O_BIND || c == O_ROBIND) {
			size_t n = strlen(p.arg);

			if (!n || *p.arg == ':' || p.arg[n - 1] == ':')
				usage_error("bad bind specification: '%s'", p.arg);
			a->robind[a->nbinds] = c == O_ROBIND;
			a->binds[a->nbinds++] = p.arg;
		}
		else if (c >= O_PROC && c <= O_RO)
			a->what |= 1UL << (c - O_PROC);
	}
	if (p.ind >= argc)
		usage_error("no new root specified");
	a->root = argv[p.ind];
	a->cmd = p.ind + 1 < argc ? argv + p.ind + 1 : shell;
}

static void pivot_check(const struct pivot_args *a)
{
	struct stat st;
	int e;

	if (stat(a->root, &st) < 0)
		die_errno("cannot access %s", a->root);
	if (!S_ISDIR(st.st_mode))
		die("%s is not a directory", a->root);
	e = initial_mntns();
	if (e > 0 && !a->force)
		die("refusing to run in the initial mount namespace (run it under 'unshare -m', or use -f)");
	if (e < 0 && !a->force)
		die("cannot tell whether this is the initial mount namespace (/proc/self/ns/mnt: %s): use -f",
		    errtext(errno));
}

/* A mount namespace of our own, propagation set, the new root a mount: its fd.
 * From here on, only our own copy of the mount table changes. */
static int own_mntns(const struct pivot_args *a)
{
	if (unshare(CLONE_NEWNS) < 0)
		die_errno("unshare failed");
	if (mount("none", "/", NULL, MS_REC | a->prop, NULL) < 0) {
		if (errno == EINVAL && is_mountpoint("/") == 0)
			die("cannot change root filesystem propagation: the current root is not"
			    " a mount point (in a chroot?)");
		die_errno("cannot change root filesystem propagation");
	}
	if (is_mountpoint(a->root) != 1 && mount(a->root, a->root, NULL, MS_BIND | MS_REC, NULL) < 0)
		die_errno("cannot bind %s onto itself", a->root);
	return xopen(a->root, O_PATH | O_DIRECTORY);
}

/* Attach a new filesystem of type on dir in the new root. */
static void mount_in(int rootfd, const char *dir, const char *type, unsigned attr, const char *const *opts)
{
	int fd = in_root(rootfd, dir, RESOLVE_IN_ROOT);

	attach(new_fs(type, attr, opts), fd, "", type);
	close(fd);
}

/* --ro, --mount-proc, --mount-sys, --mount-dev and the binds, in that order. */
static void fill_root(int rootfd, const struct pivot_args *a)
{
	static const char *const proc_opts[] = { "source=proc", NULL };
	static const char *const sys_opts[] = { "source=sysfs", NULL };

	if (PIVOT_HAS(a, O_RO))
		set_attr(rootfd, MOUNT_ATTR_RDONLY, a->root);
	if (PIVOT_HAS(a, O_PROC))
		mount_in(rootfd, "proc", "proc", MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC,
			 proc_opts);
	if (PIVOT_HAS(a, O_SYS))
		mount_in(rootfd, "sys", "sysfs", MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV
			 | MOUNT_ATTR_NOEXEC, sys_opts);
	if (PIVOT_HAS(a, O_DEV))
		mount_dev(rootfd);
	for (int i = 0; i < a->nbinds; i++)
		bind_one(rootfd, a->binds[i], a->robind[i]);
}

/* --keep-old DIR, relative to the new root: pivot_root resolves put_old
 * itself, so allow no symlink and no escape. */
static const char *keep_dir(int rootfd, const char *arg)
{
	struct compat_open_how how = { O_PATH | O_DIRECTORY | O_CLOEXEC, 0, RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS };
	const char *keep = arg;
	int fd;

	while (*keep == '/')
		keep++;
	fd = *keep ? syscall(SYS_openat2, rootfd, keep, &how, sizeof(how)) : (errno = EINVAL, -1);
	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR || errno == ENOSYS))
		die_call("openat2", "--keep-old %s", arg);
	if (fd < 0)
		die("--keep-old %s: not a directory inside the new root (no symlink, no ..)", arg);
	close(fd);
	return keep;
}

/* pivot_root(2) failed with e.  From the initramfs rootfs, which cannot move,
 * keep a recursive bind of it instead; otherwise say why and die. */
static void pivot_failed(int e, const char *root, const char *keep, int cwdfd)
{
	char old[4096], why[512] = "";

	if (e == EINVAL && mount_is("/", 0, "rootfs")) {
		if (keep && mount("/", keep, NULL, MS_BIND | MS_REC, NULL) < 0)
			die_errno("cannot keep the old root at %s", keep);
		move_root();
		return;
	}
	fmt(old, sizeof(old), "%s/%s", root, keep ? keep : "");
	if (fchdir_raw(cwdfd) == 0)
		explain(e, root, old, why, sizeof(why));
	die("cannot pivot to %s: %s%s%s%s", root, errtext(e),
	    *why ? " (" : "", why, *why ? ")" : "");
}

/* Make rootfd the root; the old one at keep (in the new root), or detached. */
static void pivot_to(int rootfd, const char *root, const char *keep)
{
	int oldfd = xopen("/", O_PATH | O_DIRECTORY), cwdfd = xopen(".", O_PATH | O_DIRECTORY), n;

	if (fchdir_raw(rootfd) < 0)
		die_errno("cannot change directory to %s", root);
	if (syscall(SYS_pivot_root, ".", keep ? keep : ".") < 0)
		pivot_failed(errno, root, keep, cwdfd);
	else if (!keep) {
		/* Detach the old root, and whatever was stacked on it, from where it is:
		 * umount2(".") from the new root would detach the new root itself last. */
		if (fchdir_raw(oldfd) < 0)
			die_errno("cannot reach the old root");
		for (n = 0; umount2(".", MNT_DETACH) == 0; n++)
			;
		if (!n || errno != EINVAL)	/* never run with the old root still there */
			die_errno("cannot detach the old root");
	}
	close(oldfd);
	close(cwdfd);
}

static int pivot_run(int argc, char **argv)
{
	char *binds[argc], robind[argc];
	struct pivot_args a = { .binds = binds, .robind = robind };
	const char *keep = NULL;
	int rootfd;

	pivot_parse(argc, argv, &a);
	pivot_check(&a);
	rootfd = own_mntns(&a);
	fill_root(rootfd, &a);
	if (a.keep)
		keep = keep_dir(rootfd, a.keep);
	pivot_to(rootfd, a.root, keep);
	close(rootfd);
	if (chdir("/") < 0)
		die_errno("cannot change directory to /");
	execvp(a.cmd[0], a.cmd);	/* PATH and all: looked up in the new root */
	die_status(errno == ENOENT ? 127 : 126, errno, "failed to execute %s in the new root", a.cmd[0]);
}

int pivot_main(int argc, char **argv)
{
	if (CONFIG_PIVOT_SWITCH_ROOT && !strcmp(applet_name, "switch_root"))
		return switch_root_main(argc, argv);
	if (CONFIG_PIVOT_CONTAINER && !strcmp(applet_name, "pivot"))
		return pivot_run(argc, argv);
	return pivot_root_main(argc, argv);
}
