/* SPDX-License-Identifier: 0BSD */
/*
 * netns: named network namespaces, command-line compatible with iproute2's
 * "ip netns" (6.1), for systems whose ip has none: the same files under
 * /run/netns, the same output, the same messages and exit statuses, so that
 * "ip netns X" can become "netns X" in a script.  The README lists the few
 * differences.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "netlink.h"
#include "num.h"
#include "opt.h"
#include "out.h"
#include "xfuncs.h"

#define RUN_DIR "/run/netns"
#define ETC_DIR "/etc/netns"

#define USAGE \
	"Usage:\tnetns list\n" \
	"\tnetns add NAME\n" \
	"\tnetns attach NAME PID\n" \
	"\tnetns set NAME NETNSID\n" \
	"\tnetns [-all] delete [NAME]\n" \
	"\tnetns identify [PID]\n" \
	"\tnetns pids NAME\n" \
	"\tnetns [-all] exec [NAME] cmd ...\n" \
	"\tnetns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n" \
	"NETNSID := auto | POSITIVE-INT\n"

static const char help[] = USAGE "-all (-a, --all), also after delete or exec: each namespace in " RUN_DIR "\n"
	"-h, --help: this text; -V, --version: the version\n"
	"\nSee nsbox-netns(8).\n";

struct cmd {
	const char *word;		/* the command as given */
	int (*fn)(struct cmd *);	/* what it runs, or NULL: unknown */
	int all;			/* -all */
	int argc;
	char **argv;			/* the words after the command */
};

/* ---- messages, in ip's words: no "netns: " in front ------------------------ */

#define SYS 0x100	/* in a status: append ": " and errno's text */

/* Print one line; return the status (without SYS). */
static int fail(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg_bare(status & SYS ? errno : 0, fmt, ap);
	va_end(ap);
	return status & 0xff;
}

/* "netns help": the usage on stderr, and ip's status. */
static int do_help(struct cmd *c)
{
	(void)c;
	(void)!write(2, help, sizeof(USAGE) - 1);
	return 255;
}

/* A failed request: the kernel's extended-ACK text when it gave one. */
static int nl_fail(const struct nlres *res, int status)
{
	size_t n = strlen(res->msg);

	errno = res->err;
	if (n)
		return fail(status, "Error: %s%s", res->msg, res->msg[n - 1] == '.' ? "" : ".");
	return fail(status | SYS, "RTNETLINK answers");
}

/* An nsid argument: a number >= 0; anything else ends the run, as in ip. */
static int get_id(const char *arg, const char *key, const char *bad)
{
	char why[64];
	long long v;

	if (parse_ll(arg, INT_MIN, INT_MAX, &v))
		fmt(why, sizeof(why), bad, key);
	else if (v < 0)
		fmt(why, sizeof(why), "\"%s\" value should be >= 0", key);
	else
		return v;
	exit(fail(255, "Error: argument \"%s\" is wrong: %s", arg, why));
}

/* ---- small helpers ---------------------------------------------------------- */

/* iproute2's abbreviations: arg is a non-empty prefix of word. */
static int abbrev(const char *arg, const char *word)
{
	size_t n = strlen(arg);

	return n && !strncmp(arg, word, n);
}

/* ip's -all, -al, -a */
static int is_all(const char *arg)
{
	return arg[1] && abbrev(arg, "-all");
}

static int is_pid(const char *s)
{
	while (*s >= '0' && *s <= '9')
		s++;
	return !*s;
}

static char *ns_path(char *buf, const char *name)
{
	fmt(buf, PATH_MAX, RUN_DIR "/%s", name);
	return buf;
}

/* The nsid this namespace gives the one behind path, or -1 when it has none. */
static int nsid_of(const char *path)
{
	int fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC), id = nl_get_nsid(fd);

	if (fd >= 0)
		close(fd);
	return id;
}

static void nl_open_or_die(struct nl *nl)
{
	if (nl_open(nl) < 0)
		exit(fail(1, "Cannot open rtnetlink"));
}

/* A directory entry, as each() hands it over. */
struct ent {
	const char *name;
	char path[PATH_MAX];	/* DIR/NAME */
	void *arg;
};

typedef int each_fn(struct ent *e);

/*
 * fn for each entry of dir but . and .., in directory order (on tmpfs the
 * newest first, the order ip lists in), until fn returns non-zero: that
 * value, or 0; -1 with errno when dir cannot be opened.
 */
static int each(const char *dir, each_fn *fn, void *arg)
{
	DIR *d = opendir_at(AT_FDCWD, dir);
	struct dirent *de;
	struct ent e = { .arg = arg };
	int r = 0;

	if (!d)
		return -1;
	while (!r && (de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			e.name = de->d_name;
			fmt(e.path, sizeof(e.path), "%s/%s", dir, e.name);
			r = fn(&e);
		}
	closedir(d);
	return r;
}

/* each() over /run/netns for -all: a missing directory holds no namespace. */
static int each_ns(each_fn *fn, void *arg)
{
	int r = each(RUN_DIR, fn, arg);

	if (r < 0 && errno != ENOENT)
		return fail(1 | SYS, "Failed to open directory %s", RUN_DIR);
	return r < 0 ? 0 : r;
}

/* ---- list, list-id ------------------------------------------------------------ */

static int list_one(struct ent *e)
{
	int id = nsid_of(e->path);

	out_puts(e->name);
	if (id >= 0)
		out_printf(" (id: %d)", id);
	out_putc('\n');
	return 0;
}

static int do_list(struct cmd *c)
{
	(void)c;
	each(RUN_DIR, list_one, NULL);
	return 0;
}

struct byid {
	int id;
	char name[NAME_MAX + 1];
};

static int match_id(struct ent *e)
{
	struct byid *b = e->arg;

	if (nsid_of(e->path) != b->id)
		return 0;
	fmt_str(b->name, sizeof(b->name), e->name);
	return 1;
}

/* The name under /run/netns whose namespace has nsid id here, or NULL. */
static const char *name_of(int id, struct byid *b)
{
	b->id = id;
	return id >= 0 && each(RUN_DIR, match_id, b) > 0 ? b->name : NULL;
}

static int get_s32(const struct nlmsghdr *h, int type, int32_t *v)
{
	size_t hl = NLMSG_SPACE(sizeof(struct rtgenmsg)), n;
	const void *a = h->nlmsg_len < hl ? NULL : nl_attr((const char *)h + hl, h->nlmsg_len - hl, type, &n);

	if (!a || n < sizeof(*v))
		return -1;
	memcpy(v, a, sizeof(*v));
	return 0;
}

static void put_id(const char *what, int id)
{
	if (id < 0)
		out_printf("%s unassigned ", what);
	else
		out_printf("%s %d ", what, id);
}

/* One line of list-id; the name is looked up as ip looks it up. */
static int print_nsid(const struct nlmsghdr *h, void *arg)
{
	int32_t id, cur;
	int has_cur;
	struct byid b;

	(void)arg;
	if (h->nlmsg_type != RTM_NEWNSID || get_s32(h, NETNSA_NSID, &id))
		return 0;
	put_id("nsid", id);
	has_cur = !get_s32(h, NETNSA_CURRENT_NSID, &cur);
	if (has_cur)
		put_id("current-nsid", cur);
	if (name_of(has_cur ? cur : id, &b) || (has_cur && name_of(id, &b)))
		out_printf("(iproute2 netns name: %s)", b.name);
	out_putc('\n');
	return 0;
}

static int do_list_id(struct cmd *c)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	int target = -1, nsid = -1, i;
	struct nl nl;
	struct nlreq r;
	struct nlres res;

	for (i = 0; i < c->argc; i++) {
		const char *key = c->argv[i];
		int *v = !strcmp(key, "target-nsid") ? &target : !strcmp(key, "nsid") ? &nsid : NULL;

		if (!v)
			exit(do_help(c));
		if (*v >= 0)
			exit(fail(255, "Error: duplicate \"%s\": \"%s\" is the second value.", key, key));
		if (++i == c->argc)
			exit(fail(255, "Command line is not complete. Try option \"help\""));
		*v = get_id(c->argv[i], key, "\"%s\" value is invalid");
	}
	nl_open_or_die(&nl);
	nl_req(&r, RTM_GETNSID, nsid < 0 ? NLM_F_DUMP : 0, &g, sizeof(g));
	if (nsid >= 0)
		nl_put_u32(&r, NETNSA_NSID, nsid);
	if (target >= 0)
		nl_put_u32(&r, NETNSA_TARGET_NSID, target);
	if (nl_talk(&nl, &r, &res, print_nsid, NULL) == 0)
		return 0;
	if (nsid >= 0)
		return nl_fail(&res, 2);
	nl_fail(&res, 1);
	return fail(1, "Dump terminated");
}

/* ---- add, attach, delete, set ---------------------------------------------- */

static int make_run_dir(void)
{
	/* mkdirat: one system call on every architecture (aarch64 has no mkdir) */
	if (mkdirat(AT_FDCWD, RUN_DIR, 0755) < 0 && errno != EEXIST)
		return fail(1 | SYS, "mkdir %s failed", RUN_DIR);
	return 0;
}

/*
 * /run/netns as ip makes it: a mount point of its own and shared, so that a
 * delete unmounts the file in every mount namespace that sees it.  Under a
 * lock on the directory: concurrent adds would stack mounts without end
 * (Debian bug #949235).
 */
static int share_run_dir(void)
{
	int lock, made = 0, r = make_run_dir();

	if (r)
		return r;
	lock = openat(AT_FDCWD, RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lock < 0)
		return fail(1 | SYS, "Cannot open netns runtime directory \"%s\"", RUN_DIR);
	flock(lock, LOCK_EX);	/* ip goes on without it too */
	while (!r && mount("", RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL || made) {
			r = fail(1 | SYS, "mount --make-shared %s failed", RUN_DIR);
			if (made)	/* our bind of it on itself goes again */
				umount2(RUN_DIR, MNT_DETACH);
		}
		else if (mount(RUN_DIR, RUN_DIR, "none", MS_BIND | MS_REC, NULL) < 0)
			r = fail(1 | SYS, "mount --bind %s %s failed", RUN_DIR, RUN_DIR);
		made = 1;
	}
	close(lock);
	return r;
}

static int del_path(const char *path)
{
	umount2(path, MNT_DETACH);
	/* unlinkat, not unlink: the same system call on every architecture
	 * (aarch64 has no unlink), so tests/faults.test counts the same calls. */
	if (unlinkat(AT_FDCWD, path, 0) < 0)
		return fail(1 | SYS, "Cannot remove namespace file \"%s\"", path);
	return 0;
}

static int del_one(struct ent *e)
{
	return del_path(e->path);
}

/*
 * Create the file at path and bind src on it, in a new network namespace
 * when home (the caller's, to come back to) is open; on a failure, remove
 * the file again.
 */
static int bind_ns(const char *path, const char *name, const char *src, int home)
{
	int fd = openat(AT_FDCWD, path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0), r = 0;

	if (fd < 0)
		return fail(1 | SYS, "Cannot create namespace file \"%s\"", path);
	close(fd);
	if (home >= 0 && unshare(CLONE_NEWNET) < 0)
		r = fail(1 | SYS, "Failed to create a new network namespace \"%s\"", name);
	else if (mount(src, path, "none", MS_BIND, NULL) < 0)
		r = fail(1 | SYS, "Bind %s -> %s failed", src, path);
	if (home >= 0 && setns(home, CLONE_NEWNET) < 0)
		r = fail(1 | SYS, "setns");
	if (r)
		del_path(path);
	return r;
}

/* Name src (a /proc/PID/ns/net), or a new namespace when src is NULL.  Signals
 * wait until it is done: a half-made namespace file is never left behind. */
static int add(const char *name, const char *src)
{
	char path[PATH_MAX];
	int home = -1, r;
	sigset_t all, old;

	if (!src) {
		src = "/proc/self/ns/net";
		if ((home = openat(AT_FDCWD, src, O_RDONLY | O_CLOEXEC)) < 0)
			return fail(1 | SYS, "Cannot open init namespace");
	}
	if (!(r = share_run_dir())) {
		sigfillset(&all);
		sigprocmask(SIG_BLOCK, &all, &old);
		r = bind_ns(ns_path(path, name), name, src, home);
		sigprocmask(SIG_SETMASK, &old, NULL);
	}
	if (home >= 0)
		close(home);
	return r;
}

static int do_add(struct cmd *c)
{
	if (c->argc < 1)
		return fail(1, "No netns name specified");
	return add(c->argv[0], NULL);
}

static int do_attach(struct cmd *c)
{
	char src[40];
	long long pid;

	if (c->argc < 2)
		return fail(1, "No netns name and PID specified");
	if (parse_ll(c->argv[1], INT_MIN, INT_MAX, &pid) || !pid)
		return fail(1, "Invalid PID: %s", c->argv[1]);
	fmt(src, sizeof(src), "/proc/%lld/ns/net", pid);
	return add(c->argv[0], src);
}

static int do_delete(struct cmd *c)
{
	char path[PATH_MAX];

	if (c->all)
		return each_ns(del_one, NULL);
	if (c->argc < 1)
		return fail(1, "No netns name specified");
	return del_path(ns_path(path, c->argv[0]));
}

static int do_set(struct cmd *c)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	char path[PATH_MAX];
	int nsid = -1, fd;	/* -1: the kernel picks one */
	struct nl nl;
	struct nlreq r;
	struct nlres res;

	if (c->argc < 1)
		return fail(1, "No netns name specified");
	if (c->argc < 2)
		return fail(1, "No nsid specified");
	if (strcmp(c->argv[1], "auto"))
		nsid = get_id(c->argv[1], "netnsid", "Invalid \"%s\" value");
	fd = openat(AT_FDCWD, ns_path(path, c->argv[0]), O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(1 | SYS, "Cannot open network namespace \"%s\"", c->argv[0]);
	nl_open_or_die(&nl);
	nl_req(&r, RTM_NEWNSID, 0, &g, sizeof(g));
	nl_put_u32(&r, NETNSA_FD, fd);
	nl_put_u32(&r, NETNSA_NSID, nsid);
	return nl_talk(&nl, &r, &res, NULL, NULL) < 0 ? nl_fail(&res, 2) : 0;
}

/* ---- identify, pids ------------------------------------------------------------ */

struct bystat {
	struct stat st;
	char name[NAME_MAX + 1];
};

static int match_stat(struct ent *e)
{
	struct bystat *b = e->arg;
	struct stat st;

	if (!stat(e->path, &st) && same_file(&st, &b->st))
		fmt_str(b->name, sizeof(b->name), e->name);	/* the last one, as ip */
	return 0;
}

static int do_identify(struct cmd *c)
{
	const char *pid = c->argc ? c->argv[0] : "self";
	struct bystat b;
	char path[PATH_MAX];

	if (c->argc > 1)
		return fail(1, "extra arguments specified");
	if (c->argc && !is_pid(pid))
		return fail(1, "Specified string '%s' is not a pid", pid);
	fmt(path, sizeof(path), "/proc/%s/ns/net", pid);
	if (stat(path, &b.st) < 0)
		return fail(1 | SYS, "Cannot open network namespace");
	b.name[0] = 0;
	if (each_ns(match_stat, &b))
		return 1;
	out_printf("%s\n", b.name);
	return 0;
}

static int print_pid(struct ent *e)
{
	struct stat st;

	fmt_str(e->path + strlen(e->path), 8, "/ns/net");
	if (is_pid(e->name) && !stat(e->path, &st) && same_file(&st, e->arg))
		out_printf("%s\n", e->name);
	return 0;
}

static int do_pids(struct cmd *c)
{
	char path[PATH_MAX];
	struct stat st;

	if (c->argc < 1)
		return fail(1, "No netns name specified");
	if (c->argc > 1)
		return fail(1, "extra arguments specified");
	if (stat(ns_path(path, c->argv[0]), &st) < 0)
		return fail(1 | SYS, "Cannot open network namespace");
	if (each("/proc", print_pid, &st) < 0)
		return fail(1 | SYS, "Open of /proc failed");
	return 0;
}

/* ---- exec ------------------------------------------------------------------ */

static int bind_etc_one(struct ent *e)
{
	char dst[PATH_MAX];

	fmt(dst, sizeof(dst), "/etc/%s", e->name);
	if (mount(e->path, dst, "none", MS_BIND, NULL) < 0)
		fail(0 | SYS, "Bind %s -> %s failed", e->path, dst);
	return 0;
}

/*
 * ip's netns_switch: join the namespace, then a mount namespace of our own
 * (a slave of the caller's, so nothing propagates back) in which /sys shows
 * this namespace's devices and each file of /etc/netns/NAME/ covers its twin
 * in /etc.
 */
static int enter(const char *name)
{
	char path[PATH_MAX];
	int fd = openat(AT_FDCWD, ns_path(path, name), O_RDONLY | O_CLOEXEC), r;
	unsigned long ro = 0;
	struct statfs sf;

	if (fd < 0)
		return fail(255 | SYS, "Cannot open network namespace \"%s\"", name);
	r = setns(fd, CLONE_NEWNET);
	close(fd);
	if (r < 0)
		return fail(255 | SYS, "setting the network namespace \"%s\" failed", name);
	if (unshare(CLONE_NEWNS) < 0)
		return fail(255 | SYS, "unshare failed");
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
		return fail(255 | SYS, "\"mount --make-rslave /\" failed");
	/* A read-only /sys that stays (it cannot be unmounted) is covered read-only. */
	if (umount2("/sys", MNT_DETACH) < 0 && !statfs("/sys", &sf) && (sf.f_flags & ST_RDONLY))
		ro = MS_RDONLY;
	if (mount(name, "/sys", "sysfs", ro, NULL) < 0)
		return fail(255 | SYS, "mount of /sys failed");
	if (strlen(name) < NAME_MAX) {	/* ip's limit */
		fmt(path, sizeof(path), ETC_DIR "/%s", name);
		each(path, bind_etc_one, NULL);
	}
	return 0;
}

static _Noreturn void run(const char *name, char **argv)
{
	int r = enter(name);

	if (r)
		exit(r);
	execvp(argv[0], argv);
	exit(fail(1 | SYS, "exec of \"%s\" failed", argv[0]));
}

/* -all: each in a child, under a header line; a failure does not stop the
 * others, a child killed by a signal does. */
static int exec_in(struct ent *e)
{
	pid_t pid;
	int st;

	out_printf("\nnetns: %s\n", e->name);
	out_flush();
	pid = fork();
	if (pid < 0)
		exit(fail(1 | SYS, "fork"));
	if (!pid)
		run(e->name, e->arg);
	if (wait_pid(pid, &st, 0) < 0)
		die_errno("waitpid failed");
	if (!WIFEXITED(st))
		exit(1);
	return 0;
}

static int do_exec(struct cmd *c)
{
	if (c->argc < 1 && !c->all)
		return fail(1, "No netns name specified");
	if (c->argc < 2 - c->all)
		return fail(1, "No command specified");
	if (c->all)
		return each_ns(exec_in, c->argv);
	run(c->argv[0], c->argv + 1);
}

/* ---- the command line ------------------------------------------------------ */

/* In ip's order: the first whose name the word abbreviates wins ("s" is show). */
static const struct sub {
	const char *name;
	int (*fn)(struct cmd *);
} subs[] = {
	{ "list", do_list }, { "show", do_list }, { "lst", do_list }, { "list-id", do_list_id },
	{ "help", do_help }, { "add", do_add }, { "set", do_set }, { "delete", do_delete },
	{ "identify", do_identify }, { "pids", do_pids }, { "exec", do_exec }, { "attach", do_attach },
};

/* nsbox's options: --all, -h/--help, -V/--version, util-linux's errors. */
static const struct opt opts[] = {
	{ 'a', "all", OPT_NONE },
	{ 0 }
};

/*
 * [-all] [COMMAND [-all] ARGS...]: -all also after delete and exec.  ip's
 * single-dash words (-all, -a) are ip's; --long options, -h and -V nsbox's.
 */
static void parse(struct cmd *c, int argc, char **argv)
{
	struct optparse p;

	opt_init(&p, argc, argv, opts, help);
	while (p.ind < argc && argv[p.ind][0] == '-') {
		const char *a = argv[p.ind];

		if (a[1] == '-' || !strcmp(a, "-h") || !strcmp(a, "-V")) {
			if (opt_next(&p) < 0)	/* after "--" */
				break;
			c->all = 1;
		} else if (is_all(a)) {
			c->all = 1;
			p.ind++;
		} else {
			exit(fail(255, "Option \"%s\" is unknown, try \"netns help\".", a));
		}
	}
	argc -= p.ind;
	argv += p.ind;
	c->fn = do_list;
	if (!argc)
		return;
	c->word = argv[0];
	c->fn = NULL;
	for (size_t i = 0; i < sizeof(subs) / sizeof(subs[0]) && !c->fn; i++)
		if (abbrev(c->word, subs[i].name))
			c->fn = subs[i].fn;
	if (argc > 1 && (c->fn == do_exec || c->fn == do_delete) && is_all(argv[1])) {
		c->all = 1;
		argv[1] = argv[0];
		argc--, argv++;
	}
	c->argc = argc - 1;
	c->argv = argv + 1;
}

/* As ip: the word after the command, when it may be a name, is checked first. */
static void check(const struct cmd *c)
{
	const char *name = c->argc ? c->argv[0] : NULL;

	if (name && !c->all && (!*name || strlen(name) > NAME_MAX || strchr(name, '/') ||
				!strcmp(name, ".") || !strcmp(name, "..")))
		exit(fail(255, "Invalid netns name \"%s\"", name));
	if (!c->fn)
		exit(fail(255, "Command \"%s\" is unknown, try \"netns help\".", c->word));
}

int netns_main(int argc, char **argv)
{
	struct cmd c = { 0 };

	parse(&c, argc, argv);
	check(&c);
	return c.fn(&c);
}
