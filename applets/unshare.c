/* SPDX-License-Identifier: 0BSD */
/*
 * unshare: run a program with some namespaces unshared from the parent,
 * compatible with util-linux unshare.
 *
 * Persistent namespaces (--net=FILE...) and multi-range ID maps need a
 * process that stays outside the new namespaces: a helper is forked (and
 * detached, so that the program never sees it as a child) before
 * unshare(2).  Once the namespaces exist it writes the maps, bind-mounts the
 * nsfs files, and then waits: it is told when the program is about to be
 * executed, and its socket closes when the exec has succeeded; if anything
 * fails before that point (the exec too) it removes what it made.  It has a
 * session of its own and ignores SIGPIPE, so that whatever kills its caller
 * (SIGKILL, Ctrl-C, a hang-up) cannot stop it halfway.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <grp.h>
#include <limits.h>

#include "config.h"
#include "caps.h"
#include "compat.h"
#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "idmap.h"
#include "ns.h"
#include "num.h"
#include "opt.h"
#include "out.h"
#include "passwd.h"
#include "sig.h"
#include "reaper.h"
#include "xfuncs.h"

static const char usage[] =
	"\n"
	"Usage:\n"
	" unshare [options] [<program> [<argument>...]]\n"
	"\n"
	"Run a program with some namespaces unshared from the parent.\n"
	"\n"
	"Options (=<file>: make the namespace persistent):\n"
	" -m, --mount[=<file>]   -u, --uts[=<file>]     -i, --ipc[=<file>]\n"
	" -n, --net[=<file>]     -p, --pid[=<file>]     -U, --user[=<file>]\n"
	" -C, --cgroup[=<file>]  -T, --time[=<file>]\n"
	" -f, --fork               fork before launching <program>\n"
	" --kill-child[=<signame>] when dying, kill the forked child (default SIGKILL)\n"
	" --forward-signals        forward SIGINT and SIGTERM to the child\n"
#if CONFIG_UNSHARE_INIT
	" --init                   run <program> under a reaper as the forked child\n"
#endif
	" -r, --map-root-user      map current user to root\n"
	" -c, --map-current-user   map current user to itself\n"
	" --map-user=<uid>|<name>, --map-group=<gid>|<name>\n"
	"                          map current user/group to uid/gid\n"
#if CONFIG_UNSHARE_MAPS
	" --map-users=<inner>:<outer>:<count>|auto|subids|all, --map-groups=...\n"
	"                          map ranges of ids (repeatable)\n"
	" --map-auto, --map-subids map ids from /etc/subuid and /etc/subgid\n"
	" --owner=<uid>:<gid>      create the user namespace as uid:gid\n"
#endif
	" --setgroups allow|deny   control setgroups(2) in the user namespace\n"
	" --keep-caps              retain capabilities granted in user namespaces\n"
	" --mount-proc[=<dir>]     mount proc filesystem first (implies --mount)\n"
	" --mount-binfmt[=<dir>]   mount binfmt_misc first (implies --user and --mount)\n"
	" -l, --load-interp <str>  register a binfmt_misc interpreter (implies --mount-binfmt)\n"
	" --propagation slave|shared|private|unchanged\n"
	"                          mount propagation in the mount namespace\n"
	" --hostname <name>        set the hostname (implies --uts)\n"
	" -R, --root=<dir>         run the command with root directory set to <dir>\n"
	" -w, --wd=<dir>           change working directory to <dir>\n"
	" -S, --setuid <uid>       set uid in entered namespace\n"
	" -G, --setgid <gid>       set gid in entered namespace\n"
	" --monotonic <offset>, --boottime <offset>\n"
	"                          clock offsets (seconds) in the time namespace\n"
	" --clear-env              do not inherit environment variables\n"
	" --whitelist-env <list>   clear the environment but for the variables listed\n"
	" -h, --help               display this help\n"
	" -V, --version            display version\n"
	"\n"
	"See nsbox-unshare(1).\n";

enum {
	O_KILLCHILD = OPT_LONG, O_FORWARD, O_MOUNTPROC, O_PROPAGATION, O_SETGROUPS,
	O_KEEPCAPS, O_MAPUSER, O_MAPGROUP, O_MAPUSERS, O_MAPGROUPS, O_MAPAUTO,
	O_MAPSUBIDS, O_OWNER, O_MONOTONIC, O_BOOTTIME, O_HOSTNAME, O_INIT,
	O_MOUNTBINFMT, O_CLEARENV, O_KEEPENV,
};

static const struct opt opts[] = {
	{ 'm', "mount", OPT_LONGOPT }, { 'u', "uts", OPT_LONGOPT },
	{ 'i', "ipc", OPT_LONGOPT }, { 'n', "net", OPT_LONGOPT },
	{ 'p', "pid", OPT_LONGOPT }, { 'U', "user", OPT_LONGOPT },
	{ 'C', "cgroup", OPT_LONGOPT }, { 'T', "time", OPT_LONGOPT },
	{ 'f', "fork", OPT_NONE },
	{ 'r', "map-root-user", OPT_NONE }, { 'c', "map-current-user", OPT_NONE },
	{ 'R', "root", OPT_REQ }, { 'w', "wd", OPT_REQ },
	{ 'S', "setuid", OPT_REQ }, { 'G', "setgid", OPT_REQ },
	{ O_KILLCHILD, "kill-child", OPT_OPT },
	{ O_FORWARD, "forward-signals", OPT_NONE },
	{ O_MOUNTPROC, "mount-proc", OPT_OPT },
	{ O_MOUNTBINFMT, "mount-binfmt", OPT_OPT },
	{ 'l', "load-interp", OPT_REQ },
	{ O_PROPAGATION, "propagation", OPT_REQ },
	{ O_SETGROUPS, "setgroups", OPT_REQ },
	{ O_KEEPCAPS, "keep-caps", OPT_NONE },
	{ O_MAPUSER, "map-user", OPT_REQ },
	{ O_MAPGROUP, "map-group", OPT_REQ },
#if CONFIG_UNSHARE_MAPS
	{ O_MAPUSERS, "map-users", OPT_REQ },
	{ O_MAPGROUPS, "map-groups", OPT_REQ },
	{ O_MAPAUTO, "map-auto", OPT_NONE },
	{ O_MAPSUBIDS, "map-subids", OPT_NONE },
	{ O_OWNER, "owner", OPT_REQ },
#endif
	{ O_MONOTONIC, "monotonic", OPT_REQ },
	{ O_BOOTTIME, "boottime", OPT_REQ },
	{ O_HOSTNAME, "hostname", OPT_REQ },
	{ O_CLEARENV, "clear-env", OPT_NONE },
	{ O_KEEPENV, "whitelist-env", OPT_REQ },
#if CONFIG_UNSHARE_INIT
	{ O_INIT, "init", OPT_NONE },
#endif
	{ 0 }
};

/*
 * The command line, parsed (parse_args).  The has_ flags say which ids
 * were given; a single-ID map that plan_maps hands to the helper is no
 * longer ours to write (has_mapuser, has_mapgroup cleared).
 */
struct uopts {
	const char *persist[NS_COUNT];	/* --TYPE=FILE */
	const char *procdir, *binfmt, *interp, *root, *wd, *setgrp, *hostname;
	char **envlists;		/* the --whitelist-env lists */
	char **argv;			/* the program and its arguments */
	unsigned long mapuser, mapgroup, uid, gid, owner_uid, owner_gid;
	long long monotonic, boottime;
	uid_t euid;			/* our ids outside the new user namespace */
	gid_t egid;
	int flags, prop, killsig, nlists;
	char has_mapuser, has_mapgroup, has_uid, has_gid, has_owner;
	char forkit, fwd, init, keepcaps, need_time, clear_env;
};

static const char *const *persist;	/* the helper's view of uopts.persist */
static char created[NS_COUNT];		/* the helper created FILE */
static char bound[NS_COUNT];		/* the helper bound FILE */
static pid_t self;			/* the process that unshares */
static struct idmap *maps[2];		/* uid, gid: written by the helper */

/* The uid (0) or gid (1) map, made on first use: most runs have none. */
static struct idmap *map_of(int group)
{
	if (!maps[group])
		maps[group] = xzalloc(sizeof(*maps[group]));
	return maps[group];
}

static int has_map(int group)
{
	return maps[group] && maps[group]->n;
}

/* The helper's end: undo the binds and the files it created. */
static void unpersist(void)
{
	int i;

	for (i = 0; i < NS_COUNT; i++) {
		if (bound[i])
			umount2(persist[i], MNT_DETACH);
		if (created[i])
			unlink(persist[i]);
		bound[i] = created[i] = 0;
	}
}

static void helper_fail(int res, int status)
{
	unsigned char c = status;

	unpersist();
	(void)!write(res, &c, 1);
	_exit(status);
}

#define RETRY_MNT 254	/* the helper's answer: make the mount namespace again */

/*
 * Linux refuses to bind a mount namespace unless its id is above the id of
 * the binder's own, and since 6.x ids come from per-CPU batches: a newer
 * namespace made on another CPU can have a lower id.  quiet: return -2 on
 * that EINVAL instead of failing, so that the namespace can be made again.
 */
static int bind_ns(int i, int quiet)
{
	char src[64];
	struct stat st;
	int fd;

	fmt(src, sizeof(src), "/proc/%d/ns/%s", (int)self, ns_types[i].children);
	/* Never over a device node or a directory (--net=/dev/null...). */
	if (!stat(persist[i], &st) && !S_ISREG(st.st_mode)) {
		warn("cannot bind %s on %s: not a regular file", src, persist[i]);
		return -1;
	}
	fd = openat(AT_FDCWD, persist[i], O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd >= 0) {
		created[i] = 1;
		close(fd);
	} else if (errno != EEXIST) {
		warn_errno("cannot create %s", persist[i]);
		return -1;
	}
	if (mount(src, persist[i], NULL, MS_BIND, NULL) < 0) {
		int e = errno;
		if (quiet && e == EINVAL && i == NS_MNT)
			return -2;
		/* Our caller is gone (killed, a zombie): nobody to tell.  Its mnt link is
		 * the test; pid_for_children has no target until its first child. */
		fmt(src, sizeof(src), "/proc/%d/ns/mnt", (int)self);
		if (e == ENOENT && access(src, F_OK) < 0)
			return -1;
		fmt(src, sizeof(src), "/proc/%d/ns/%s", (int)self, ns_types[i].children);
		warn_errno("mount %s on %s failed", src, persist[i]);
		if (e == EINVAL)
			warn("hint: the mount holding %s must not be shared (make it private, "
			     "e.g. by running inside unshare -m)", persist[i]);
		return -1;
	}
	bound[i] = 1;
	return 0;
}

static int late_pid;			/* bind pid_for_children after the fork */

/* The next word from fd: 0-255, -1 at its end, or -2 with errno set. */
static int wait_word(int fd)
{
	char c;
	int n;

	while ((n = read(fd, &c, 1)) < 0 && errno == EINTR)
		;
	return n == 1 ? (unsigned char)c : n ? -2 : -1;
}

static void ack(int res)
{
	char c = 0;

	if (write(res, &c, 1) != 1) {
		warn_errno("helper process failed");
		helper_fail(res, 1);
	}
}

/* The helper's uid (0) or gid (1) map: 0, or an exit status once it has said what failed. */
static int write_map(int group)
{
	const char *which = group ? "gid" : "uid";
	int st;

	if (geteuid() == 0) {
		if (!idmap_write_file(self, which, maps[group]))
			return 0;
		warn_errno("write failed /proc/%d/%s_map", (int)self, which);
		return 1;
	}
	st = idmap_run_helper(self, which, maps[group]);
	if (st < 0) {
		warn_errno("cannot run new%smap", which);
		return 1;
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (!(WIFEXITED(st) && WEXITSTATUS(st) >= 126))	/* else it said why */
		warn("new%smap failed", which);
	return WIFEXITED(st) && WEXITSTATUS(st) ? WEXITSTATUS(st) : 1;
}

/*
 * go: the unsharing process says 'g' once the namespaces exist, then 'p'
 * once its child exists (pid namespaces have no pid_for_children before);
 * alive: the process that will exec says 'E' just before it does, and 'F'
 * if the exec fails (a successful one closes it).
 */
static _Noreturn void helper(int go, int res, int alive)
{
	int i, st, tries = 0;
	unsigned char retry = RETRY_MNT;

	signal(SIGPIPE, SIG_IGN);
	setsid();
	if (wait_word(go) != 'g')	/* unshare failed: nothing to do */
		_exit(0);
	for (i = 0; i < 2; i++)
		if (CONFIG_UNSHARE_MAPS && has_map(i) && (st = write_map(i)))
			helper_fail(res, st);
	for (i = 0; i < NS_COUNT; i++) {
		if (!persist[i] || (i == NS_PID && late_pid))
			continue;
		st = bind_ns(i, ++tries < 16);
		if (st == -2) {
			if (write(res, &retry, 1) != 1 || wait_word(go) != 'g')
				helper_fail(res, 1);
			i--;
		} else if (st) {
			helper_fail(res, 1);
		}
	}
	ack(res);
	if (late_pid) {
		if (wait_word(go) != 'p') {
			unpersist();
			_exit(0);
		}
		if (bind_ns(NS_PID, 0))
			helper_fail(res, 1);
		ack(res);
	}
	/* res stays open: its end tells the others that we are done */
	if (wait_word(alive) != 'E' || wait_word(alive) != -1)	/* the setup or the exec failed */
		unpersist();
	_exit(0);
}

static int helper_go = -1, helper_res = -1, helper_alive = -1;

/*
 * At exit before the exec (a failure), or in the waiting parent: let the
 * helper go and wait until it has cleaned up, so that nothing is left
 * behind when we are gone.
 */
static void helper_done(void)
{
	if (helper_go >= 0)
		close(helper_go);
	if (helper_alive >= 0)
		close(helper_alive);
	helper_go = helper_alive = -1;
	if (helper_res >= 0)
		while (wait_word(helper_res) != -1)
			;
	helper_res = -1;
}

/* Tell the helper: never SIGPIPE if it is gone (its sockets are AF_UNIX). */
static int tell(int fd, char word)
{
	return send(fd, &word, 1, MSG_NOSIGNAL) == 1 ? 0 : -1;
}

static void exec_failed_tell(void)
{
	if (helper_alive >= 0)
		(void)tell(helper_alive, 'F');
}

/* Fork the detached helper. */
static void start_helper(void)
{
	int go[2], back[2], alive[2], st;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, go) || pipe2(back, O_CLOEXEC)
	    || socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, alive))
		die_errno("pipe failed");
	out_flush();
	pid = fork();
	if (pid < 0)
		die_errno("fork failed");
	if (!pid) {
		close(go[1]);
		close(back[0]);
		close(alive[1]);
		pid = fork();
		if (pid < 0)
			die_errno("fork failed");
		if (pid)
			_exit(0);
		helper(go[0], back[1], alive[0]);
	}
	close(go[0]);
	close(back[1]);
	close(alive[0]);
	/* the helper's parent, which exits at once (1: its fork failed, and it said so) */
	if (wait_pid(pid, &st, 0) < 0)
		die_errno("waitpid failed");
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		exit(1);
	helper_go = go[1];
	helper_res = back[0];
	helper_alive = alive[1];
	atexit(helper_done);
	exec_failed = exec_failed_tell;
}

/*
 * Exit without exit handlers: after unshare(CLONE_NEWPID) they could not
 * fork into the pid namespace (ASan's leak check would hang there).
 */
static _Noreturn void quit(int status)
{
	helper_done();
	out_flush();
	_exit(status);
}

/* Have the helper do its part of the work; returns 0 or an exit status. */
static int sync_helper(char word)
{
	int c;

	if (tell(helper_go, word) < 0) {
		warn_errno("helper process failed");
		return 1;
	}
	c = wait_word(helper_res);
	if (c == -2)
		warn_errno("helper process failed");
	else if (c < 0)
		warn("helper process failed (it was killed?)");
	if (c < 0)
		return 1;
	return (unsigned char)c;
}

/* A new mount namespace again, made on the next CPU (see bind_ns). */
static void remake_mntns(cpu_set_t *orig, int *cpu)
{
	cpu_set_t one;

	do
		*cpu = (*cpu + 1) % CPU_SETSIZE;
	while (!CPU_ISSET(*cpu, orig));
	CPU_ZERO(&one);
	CPU_SET(*cpu, &one);
	/* a CPU that went offline meanwhile: the namespace is made wherever we are */
	(void)sched_setaffinity(0, sizeof(one), &one);
	if (unshare(CLONE_NEWNS) < 0)
		die_errno("unshare failed");
}

static int parse_prop(const char *s)
{
	static const char names[] = "slave\0shared\0private\0unchanged\0";
	static const int flags[] = { MS_SLAVE, MS_SHARED, MS_PRIVATE, 0 };
	const char *n = names;
	int i;

	for (i = 0; i < 4; i++, n += strlen(n) + 1)
		if (!strcmp(s, n))
			return flags[i] ? flags[i] | MS_REC : 0;
	die("unsupported propagation mode: %s", s);
}

static unsigned long parse_id(const char *s, int group)
{
	unsigned long long v;
	unsigned long id;
	struct pwent pw;

	if (!parse_ull(s, 0xfffffffeULL, &v))	/* (uid_t)-1 is no id */
		return v;
	if (!group && !pw_byname(s, &pw))
		return pw.uid;
	if (group && !gr_byname(s, &id))
		return id;
	die("failed to parse %s '%s'", group ? "gid" : "uid", s);
}

/*
 * A number that does not parse, in util-linux's words: strtoimax and
 * strtoumax, which it parses with, skip blanks and a sign and say ERANGE
 * ("Numerical result out of range") when the digits that follow are beyond
 * 64 bits, junk after them or not; for an unsigned id, a negative one too.
 */
static _Noreturn void bad_number(const char *what, const char *arg, int is_signed)
{
	const char *s = arg;
	unsigned long long v = 0, lim;
	int neg, range = 0;

	while (*s == ' ' || (unsigned)(*s - '\t') < 5)
		s++;
	neg = *s == '-';
	s += neg || *s == '+';
	lim = !is_signed ? ~0ULL : neg ? 1ULL << 63 : (1ULL << 63) - 1;
	for (; (unsigned)(*s - '0') < 10 && !range; s++) {
		range = v > (lim - (*s - '0')) / 10;
		v = v * 10 + (*s - '0');
	}
	die_status(1, range || (!is_signed && neg && v) ? ERANGE : 0, "%s: '%s'", what, arg);
}

/* -S, -G: decimal digits only (nsbox is stricter than util-linux) */
static unsigned long parse_setid(const char *s, const char *what)
{
	unsigned long long v;

	if (parse_ull(s, 0xffffffffULL, &v))
		bad_number(what, s, 0);
	return v;
}

/* The first /etc/subuid or /etc/subgid range of the effective user. */
static struct idrange subids(int group)
{
	const char *path = group ? "/etc/subgid" : "/etc/subuid";
	struct pwent pw;
	struct idrange r;
	size_t len = 0;
	char *text = read_file_alloc_at(AT_FDCWD, path, &len);
	unsigned long uid = geteuid();
	int found = pw_byuid(uid, &pw) == 0;

	if (!text || idmap_subid_find(text, len, found ? pw.name : NULL, uid, &r)) {
		char num[24];
		num[fmt_ull(num, uid, 10)] = 0;
		die("no line matching user \"%s\" in %s", found ? pw.name : num, path);
	}
	free(text);
	return r;
}

static void add_map(int group, const char *spec)
{
	struct idmap *m = map_of(group);
	struct idrange r;
	char *text;
	size_t len;
	int kind = idmap_parse_spec(spec, &r), bad = 0;

	switch (kind) {
	case IDMAP_RANGE:
		bad = idmap_add(m, r.inner, r.outer, r.count);
		break;
	case IDMAP_AUTO:
		r = subids(group);
		bad = idmap_add(m, 0, r.outer, r.count);
		break;
	case IDMAP_SUBIDS:
		r = subids(group);
		bad = idmap_add(m, 0, group ? getegid() : geteuid(), 1)
		      || idmap_add(m, 1, r.outer, r.count);
		break;
	case IDMAP_ALL:
		text = read_file_alloc_at(AT_FDCWD, group ? "/proc/self/gid_map" : "/proc/self/uid_map", &len);
		bad = !text || idmap_parse_proc(text, len, m) < 0;
		free(text);
		break;
	default:
		die("invalid mapping '%s'", spec);
	}
	if (bad)
		die("cannot map '%s': too many or invalid ranges", spec);
}

/* "applet: WHAT: strerror", with the helper's work undone. */
static _Noreturn void fail_quit(const char *what)
{
	warn_errno("%s", what);
	quit(1);
}

/* --owner UID:GID, numeric as in util-linux (whose message does not name the argument) */
static void parse_owner(const char *s, unsigned long *uid, unsigned long *gid)
{
	const char *colon = strchr(s, ':');
	unsigned long long u, g;
	char buf[24];

	if (!colon || (size_t)(colon - s) >= sizeof(buf))
		die("failed to parse owner");
	memcpy(buf, s, colon - s);
	buf[colon - s] = 0;
	if (parse_ull(buf, ULONG_MAX - 1, &u) || parse_ull(colon + 1, ULONG_MAX - 1, &g))
		die("failed to parse owner");
	*uid = u;
	*gid = g;
}

static void map_id(const char *file, unsigned long inner, unsigned long outer)
{
	char buf[64];

	fmt(buf, sizeof(buf), "%lu %lu 1", inner, outer);
	if (write_file(file, buf) < 0)
		die_errno("write failed %s", file);
}

static void setgroups_control(const char *cmd)
{
	if (write_file("/proc/self/setgroups", cmd) < 0)
		die_errno("write failed /proc/self/setgroups");
}

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

/* --mount-binfmt: the user namespace's own binfmt_misc instance (Linux 6.7+). */
static void mount_binfmt(const char *dir)
{
	if (mount("binfmt_misc", dir, "binfmt_misc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0)
		die_errno("mount %s failed", dir);
}

/* -l: :name:type:offset:magic:mask:interpreter:flags, written to DIR/register. */
static void load_interp(const char *dir, const char *interp)
{
	int dfd = openat(AT_FDCWD, dir, O_PATH | O_DIRECTORY | O_CLOEXEC), fd;

	if (dfd < 0)
		die_errno("cannot open %s", dir);
	fd = openat(dfd, "register", O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		die_errno("cannot open %s/register", dir);
	if (write_all(fd, interp, strlen(interp)) < 0)
		die_errno("write failed %s/register", dir);
	close(fd);
	close(dfd);
}

/* The F flag: the kernel opens the interpreter now, so with -R it is registered before the chroot. */
static int fixed_interp(const char *interp)
{
	const char *flags = strrchr(interp, ':');

	return flags && strchr(flags, 'F');
}

static char *env_entry(const char *name, size_t len)
{
	char **e;

	if (!len || memchr(name, '=', len))
		return NULL;
	for (e = environ; *e; e++)
		if (!strncmp(*e, name, len) && (*e)[len] == '=')
			return *e;
	return NULL;
}

/*
 * --clear-env, --whitelist-env LIST...: the environment the program gets,
 * the listed variables that are set, as util-linux master orders them (the
 * last name given first, each once).
 */
static char **kept_env(char **lists, int n)
{
	size_t cap = 1, k = 0, m = 0, i, j;
	const char *s, *end;
	char **found, **env, *e;
	int l;

	for (l = 0; l < n; l++)
		for (s = lists[l], cap++; *s; s++)
			cap += *s == ',';
	found = xmalloc(cap * sizeof(*found));
	for (l = 0; l < n; l++)
		for (s = lists[l]; *s; s = *end ? end + 1 : end) {
			end = s + strcspn(s, ",");
			if ((e = env_entry(s, end - s)))
				found[k++] = e;
		}
	env = xmalloc((k + 1) * sizeof(*env));
	for (i = k; i-- > 0;) {	/* one name, one entry of environ: compare pointers */
		for (j = 0; j < m && env[j] != found[i]; j++)
			;
		if (j == m)
			env[m++] = found[i];
	}
	env[m] = NULL;
	free(found);
	return env;
}

static pid_t child;

static void forward(int sig)
{
	kill(child, sig);
}

/*
 * The type unshare(2) refused, when it can be told: EINVAL for one this
 * kernel lacks (no /proc/self/ns entry: OpenWrt's small kernels), ENOSPC for
 * one whose user.max_TYPE_namespaces is 0.  NULL otherwise.
 */
__attribute__((cold, noinline)) static const char *refused_type(int flags, int e)
{
	char path[48], val[24];

	for (int i = 0; i < NS_COUNT; i++) {
		const struct nstype *t = &ns_types[i];

		if (!(flags & t->flag))
			continue;
		if (e == EINVAL) {
			fmt(path, sizeof(path), "/proc/self/ns/%s", t->name);
			if (readlinkat(AT_FDCWD, path, val, sizeof(val)) < 0 && errno == ENOENT)
				return t->name;
		} else if (e == ENOSPC) {
			fmt(path, sizeof(path), "/proc/sys/user/max_%s_namespaces", t->name);
			if (read_file_at(AT_FDCWD, path, val, sizeof(val)) > 0 && val[0] == '0' &&
			    (val[1] == '\n' || !val[1]))
				return t->name;
		}
	}
	return NULL;
}

/* unshare(2) failed with e: one line, naming the type when it can be told, else the
 * errno and (for the cryptic ones) a hint. */
__attribute__((cold, noinline)) static void unshare_failed(int flags, int e)
{
	const char *type = refused_type(flags, e);

	if (type && e == EINVAL) {
		warn("unshare failed: this kernel has no %s namespaces", type);
		return;
	}
	if (type) {
		warn("unshare failed: %s namespaces are disabled (user.max_%s_namespaces is 0)", type, type);
		return;
	}
	errno = e;
	warn_errno("unshare failed");
	if (e == EINVAL && (flags & CLONE_NEWPID))
		warn("hint: this process already unshared a pid namespace that no child has "
		     "entered yet; use -f");
	else if (e == EPERM && getuid() && !(flags & CLONE_NEWUSER))
		warn("hint: unprivileged users need -U (or -r, -c, --map-user) as well");
	else if (e == EPERM && (flags & CLONE_NEWUSER))
		warn("hint: user namespaces may be disabled (user.max_user_namespaces, "
		     "kernel.unprivileged_userns_clone) or the process is chrooted or threaded");
}

/*
 * The helper's cue once the namespaces exist; a mount namespace it could not
 * bind (see RETRY_MNT) is made again, on another CPU if need be.  Not
 * inlined, as fork_child below.
 */
static __attribute__((noinline)) void release_helper(void)
{
	cpu_set_t cpus;
	int cpu = -1, retried = 0, st;

	while ((st = sync_helper('g')) == RETRY_MNT) {
		if (!retried++ && sched_getaffinity(0, sizeof(cpus), &cpus) < 0)
			die_errno("sched_getaffinity failed");
		remake_mntns(&cpus, &cpu);
	}
	if (retried && sched_setaffinity(0, sizeof(cpus), &cpus) < 0)
		warn_errno("cannot restore the CPU affinity");
	if (st)
		quit(st);
}

/*
 * --fork: returns in the child; the parent waits for it and exits as it
 * did.  SIGINT and SIGTERM stay blocked in the parent unless forwarded.
 * Not inlined: its signal sets would double unshare_main's stack frame, and
 * a run that reaches a new stack page pays a page fault for it.
 */
static __attribute__((noinline)) void fork_child(int killsig, int fwd)
{
	sigset_t block, old;
	struct sigaction dfl = { .sa_handler = SIG_DFL }, chld;
	int pidfd = -1, st;
	pid_t parent = getpid();

	/* Without pidfd_open (Linux < 5.3): getppid tells, outside a new pid namespace. */
	if (killsig && (pidfd = syscall(SYS_pidfd_open, parent, 0)) < 0 && errno != ENOSYS)
		die_errno("pidfd_open failed");
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	/* An inherited SIGCHLD SIG_IGN would reap the child before we wait. */
	sigaction(SIGCHLD, &dfl, &chld);
	out_flush();
	child = fork();
	if (child < 0)
		die_errno("fork failed");
	if (child) {
		if (helper_alive >= 0)
			close(helper_alive);
		helper_alive = -1;
		if (late_pid && (st = sync_helper('p'))) {
			kill(child, SIGKILL);
			wait_pid(child, NULL, 0);
			exit(st);
		}
		if (pidfd >= 0)
			close(pidfd);
		if (fwd) {
			struct sigaction sa = { .sa_handler = forward };
			sigaction(SIGINT, &sa, NULL);
			sigaction(SIGTERM, &sa, NULL);
			sigprocmask(SIG_SETMASK, &old, NULL);
		}
		if (wait_pid(child, &st, 0) < 0)
			die_errno("waitpid failed");
		if (WIFEXITED(st))
			quit(WEXITSTATUS(st));
		helper_done();
		exit_like(st);
	}
	if (chld.sa_handler != SIG_DFL)	/* exec reset its flags: SIG_IGN, or SIG_DFL */
		sigaction(SIGCHLD, &chld, NULL);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (killsig) {
		struct pollfd pfd = { pidfd, POLLIN, 0 };
		if (prctl(PR_SET_PDEATHSIG, killsig) < 0)
			die_errno("prctl failed");
		/* The parent may have died before PDEATHSIG was armed. */
		if (pidfd >= 0 ? poll(&pfd, 1, 0) != 0 : getppid() != parent && getppid() != 0)
			kill(getpid(), killsig);
		if (pidfd >= 0)
			close(pidfd);
	}
}

static void run_child(void *argv)
{
	if (*(char **)argv)
		exec_or_die(argv);
	exec_shell();
}

/* The options that set ids, maps and their rules: 1, or 0 when id is none of them. */
static int parse_id_opt(struct uopts *o, int id, const char *arg)
{
	switch (id) {
	case 'r':
		o->mapuser = o->mapgroup = 0;
		o->has_mapuser = o->has_mapgroup = 1;
		o->flags |= CLONE_NEWUSER;
		break;
	case 'c':
		o->mapuser = geteuid();
		o->mapgroup = getegid();
		o->has_mapuser = o->has_mapgroup = 1;
		o->flags |= CLONE_NEWUSER;
		break;
	case O_MAPUSER:
		o->mapuser = parse_id(arg, 0);
		o->has_mapuser = 1;
		o->flags |= CLONE_NEWUSER;
		break;
	case O_MAPGROUP:
		o->mapgroup = parse_id(arg, 1);
		o->has_mapgroup = 1;
		o->flags |= CLONE_NEWUSER;
		break;
	case O_MAPUSERS:
	case O_MAPGROUPS:
		if (!CONFIG_UNSHARE_MAPS)
			break;
		add_map(id == O_MAPGROUPS, arg);
		o->flags |= CLONE_NEWUSER;
		break;
	case O_MAPAUTO:
	case O_MAPSUBIDS:
		if (!CONFIG_UNSHARE_MAPS)
			break;
		add_map(0, id == O_MAPAUTO ? "auto" : "subids");
		add_map(1, id == O_MAPAUTO ? "auto" : "subids");
		o->flags |= CLONE_NEWUSER;
		break;
	case O_OWNER:
		if (!CONFIG_UNSHARE_MAPS)
			break;
		parse_owner(arg, &o->owner_uid, &o->owner_gid);
		o->has_owner = 1;
		o->flags |= CLONE_NEWUSER;
		break;
	case 'S':
		o->uid = parse_setid(arg, "failed to parse uid");
		o->has_uid = 1;
		break;
	case 'G':
		o->gid = parse_setid(arg, "failed to parse gid");
		o->has_gid = 1;
		break;
	case O_SETGROUPS:
		if (strcmp(arg, "allow") && strcmp(arg, "deny"))
			die("unsupported --setgroups argument '%s'", arg);
		o->setgrp = arg;
		break;
	case O_KEEPCAPS:
		o->keepcaps = 1;
		break;
	default:
		return 0;
	}
	return 1;
}

/* One option: a namespace, the process, mounts, the environment, the clocks, else an id's. */
static void parse_opt(struct uopts *o, int id, char *arg, int argc)
{
	int i = ns_index_by_letter(id);

	if (i >= 0) {
		o->flags |= ns_types[i].flag;
		if (arg)
			o->persist[i] = arg;
		return;
	}
	switch (id) {
	case 'f':
		o->forkit = 1;
		break;
	case O_KILLCHILD:
		o->forkit = 1;
		o->killsig = SIGKILL;
		if (arg && (o->killsig = sig_parse(arg)) < 0)
			die("unknown signal: %s", arg);
		break;
	case O_FORWARD:
		o->forkit = o->fwd = 1;
		break;
	case O_INIT:
		if (!CONFIG_UNSHARE_INIT)
			break;
		o->forkit = o->init = 1;
		break;
	case O_MOUNTPROC:
		o->flags |= CLONE_NEWNS;
		o->procdir = arg ? arg : "/proc";
		break;
	case O_MOUNTBINFMT:
	case 'l':
		o->flags |= CLONE_NEWNS | CLONE_NEWUSER;
		if (id == 'l')
			o->interp = arg;
		else
			o->binfmt = arg;
		if (!o->binfmt) {	/* the default place needs a proc of our own */
			if (!o->procdir)
				o->procdir = "/proc";
			o->binfmt = BINFMT_DIR;
		}
		break;
	case O_PROPAGATION:
		o->prop = parse_prop(arg);
		break;
	case 'R':
		o->root = arg;
		break;
	case 'w':
		o->wd = arg;
		break;
	case O_CLEARENV:
		o->clear_env = 1;
		break;
	case O_KEEPENV:
		if (!o->envlists)
			o->envlists = xmalloc(argc * sizeof(*o->envlists));
		o->envlists[o->nlists++] = arg;
		break;
	case O_MONOTONIC:
	case O_BOOTTIME:
		/* any 64-bit offset, as util-linux: the kernel says ERANGE to the rest */
		if (parse_ll(arg, LLONG_MIN, LLONG_MAX, id == O_MONOTONIC ? &o->monotonic : &o->boottime))
			bad_number(id == O_MONOTONIC ? "failed to parse monotonic offset"
			           : "failed to parse boottime offset", arg, 1);
		o->need_time = 1;
		break;
	case O_HOSTNAME:
		o->hostname = arg;
		o->flags |= CLONE_NEWUTS;
		break;
	default:
		parse_id_opt(o, id, arg);
	}
}

static void parse_args(struct uopts *o, int argc, char **argv)
{
	struct optparse p;
	int id;

	opt_init(&p, argc, argv, opts, usage);
	while ((id = opt_next(&p)) >= 0)
		parse_opt(o, id, p.arg, argc);
	o->argv = argv + p.ind;
}

/* What the options cannot do together (--setgroups=allow: plan_maps). */
static void check_opts(const struct uopts *o)
{
	if (o->need_time && !(o->flags & CLONE_NEWTIME))
		die("options --monotonic and --boottime require unsharing of a time namespace (-T)");
}

/*
 * Our ids as they are outside the new user namespace; a single-ID map joins
 * the helper's map when there is one, or when --owner makes us someone who
 * may not write it.  What is left for us to write may not be a gid map with
 * --setgroups=allow.
 */
static void plan_maps(struct uopts *o)
{
	int i;

	if (o->flags & CLONE_NEWUSER) {
		o->euid = geteuid();
		o->egid = getegid();
	}
	for (i = 0; i < 2; i++) {
		char *has = i ? &o->has_mapgroup : &o->has_mapuser;
		unsigned long in = i ? o->mapgroup : o->mapuser;
		if (CONFIG_UNSHARE_MAPS && *has && (has_map(i) || o->has_owner)) {
			if (idmap_add(map_of(i), in, i ? o->egid : o->euid, 1))
				die("cannot map '%lu': too many ranges", in);
			*has = 0;
		}
	}
	if (o->has_mapgroup && o->setgrp && !strcmp(o->setgrp, "allow"))
		die("options --setgroups=allow and --map-group are mutually exclusive");
}

/* The persistence helper, when there is a FILE to bind or a map to write. */
static void start_persistence(const struct uopts *o)
{
	int i, need = CONFIG_UNSHARE_MAPS && (has_map(0) || has_map(1));

	for (i = 0; i < NS_COUNT; i++)
		need |= o->persist[i] != NULL;
	persist = o->persist;
	late_pid = o->forkit && o->persist[NS_PID];
	if (need) {
		self = getpid();
		start_helper();
	}
}

/* unshare(2), as --owner's user when given (util-linux's messages): the user namespace is theirs. */
static void make_namespaces(const struct uopts *o)
{
	if (CONFIG_UNSHARE_MAPS && o->has_owner) {
		if (setgroups(0, NULL))
			fail_quit("setgroups failed");
		if (setresgid(o->owner_gid, o->owner_gid, o->owner_gid))
			fail_quit("setgid() failed");
		if (setresuid(o->owner_uid, o->owner_uid, o->owner_uid))
			fail_quit("setuid() failed");
	}
	if (unshare(o->flags) < 0) {
		unshare_failed(o->flags, errno);
		quit(1);
	}
	if (helper_alive >= 0)
		release_helper();
}

/* Inside the new namespaces: our single-ID maps, setgroups, the hostname, the clock offsets. */
static void setup_namespaces(const struct uopts *o)
{
	if (o->has_mapuser)
		map_id("/proc/self/uid_map", o->mapuser, o->euid);
	if (o->has_mapgroup) {
		setgroups_control("deny");
		map_id("/proc/self/gid_map", o->mapgroup, o->egid);
	}
	if (o->setgrp)
		setgroups_control(o->setgrp);
	if (o->hostname && sethostname(o->hostname, strlen(o->hostname)) < 0)
		die_errno("sethostname failed");
	if (o->need_time) {
		char buf[64];
		fmt(buf, sizeof(buf), "%d %lld 0\n%d %lld 0\n", CLOCK_MONOTONIC, o->monotonic,
		    CLOCK_BOOTTIME, o->boottime);
		if (write_file("/proc/self/timens_offsets", buf) < 0)
			die_errno("failed to write to /proc/self/timens_offsets");
	}
}

/*
 * The propagation of the new mount namespace, then the root and working
 * directory; an F-flagged interpreter is registered before the chroot.
 */
static void enter_root(const struct uopts *o)
{
	const char *wd = o->wd;

	if ((o->flags & CLONE_NEWNS) && o->prop && mount("none", "/", NULL, o->prop, NULL) < 0) {
		int e = errno;
		warn_errno("cannot change root filesystem propagation");
		if (e == EINVAL)
			warn("hint: / is not a mount point (chroot?): try --propagation unchanged");
		exit(1);
	}
	if (o->interp && o->root && fixed_interp(o->interp)) {
		mount_binfmt(BINFMT_DIR);
		load_interp(BINFMT_DIR, o->interp);
	}
	if (o->root) {
		if (chroot(o->root) < 0)
			die_errno("cannot change root directory to '%s'", o->root);
		if (!wd)
			wd = "/";
	}
	if (wd && chdir(wd) < 0)
		die_errno("cannot change directory to %s", wd);
}

/* --mount-proc, --mount-binfmt and -l, in the new root. */
static void mount_filesystems(const struct uopts *o)
{
	const char *procdir = o->procdir;

	if (procdir) {
		if (!o->root && o->prop != (MS_REC | MS_PRIVATE)
		    && mount("none", procdir, NULL, MS_PRIVATE | MS_REC, NULL) < 0 && errno != EINVAL)
			die_errno("cannot change %s filesystem propagation", procdir);
		if (mount("proc", procdir, "proc", MS_NOSUID | MS_NOEXEC | MS_NODEV, NULL) < 0)
			die_errno("mount %s failed", procdir);
	}
	if (o->binfmt)
		mount_binfmt(o->binfmt);
	if (o->interp && !(o->root && fixed_interp(o->interp)))
		load_interp(o->binfmt, o->interp);
}

/* -G, -S, --keep-caps and the environment: the last of the setup. */
static void set_identity(const struct uopts *o)
{
	if (o->has_gid) {
		if (setgroups(0, NULL) < 0)
			die_errno("setgroups failed");
		if (setgid(o->gid) < 0)
			die_errno("setgid() failed");
	}
	if (o->has_uid && setuid(o->uid) < 0)
		die_errno("setuid() failed");
	if (o->keepcaps && (o->flags & CLONE_NEWUSER))
		keep_caps();
	if (o->clear_env || o->nlists)
		environ = kept_env(o->envlists, o->nlists);
}

/* The program (or a login shell), under --init's reaper when asked. */
static _Noreturn void run_program(const struct uopts *o)
{
	if (helper_alive >= 0) {	/* the setup is complete: the exec (or init) releases the helper */
		if (tell(helper_alive, 'E') < 0) {
			warn_errno("helper process failed");
			quit(1);
		}
		if (o->init) {
			close(helper_alive);
			helper_alive = -1;
		}
	}
	out_flush();
	if (CONFIG_UNSHARE_INIT && o->init)
		exit(reaper(run_child, o->argv, 0));
	if (!*o->argv)
		exec_shell();
	exec_or_die(o->argv);
}

int unshare_main(int argc, char **argv)
{
	struct uopts o = { .prop = MS_REC | MS_PRIVATE };

	parse_args(&o, argc, argv);
	check_opts(&o);
	plan_maps(&o);
	start_persistence(&o);
	make_namespaces(&o);
	setup_namespaces(&o);
	if (o.forkit)
		fork_child(o.killsig, o.fwd);
	enter_root(&o);
	mount_filesystems(&o);
	set_identity(&o);
	run_program(&o);
}
