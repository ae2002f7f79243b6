/* SPDX-License-Identifier: 0BSD */
/*
 * The multiplexer: picks the applet by basename(argv[0]), or runs
 * "nsbox APPLET ARGS...", and offers --list, --list-full, --install and --help.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>	/* rename */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "config.h"
#include "err.h"
#include "fmt.h"
#include "ns.h"
#include "opt.h"
#include "out.h"
#include "sig.h"
#include "version.h"
#include "xfuncs.h"

#define APPLET(name, fn, dir) int fn(int argc, char **argv);
#include "applets.h"
#undef APPLET

struct applet {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *dir;	/* "bin" or "sbin" */
};

static const struct applet applets[] = {
#define APPLET(name, fn, dir) { name, fn, dir },
#include "applets.h"
#undef APPLET
	{ NULL, NULL, NULL }
};

static const char usage[] =
	"Usage: nsbox APPLET [ARGS]...\n"
	"   or: APPLET [ARGS]...   (through a link named after the applet)\n"
	"   or: nsbox --list | --list-full\n"
	"   or: nsbox --install [-s] [-f] [-p] [-i] [DIR]\n"
	"   or: nsbox --help [APPLET] | --version\n"
	"\n"
	"Namespace tools in one small static binary.\n"
	"\n"
	"Options:\n"
	"  --list         list the applets, one per line\n"
	"  --list-full    list the applets with their install paths\n"
	"  --install DIR  a hard link to nsbox in DIR for every applet but init,\n"
	"                 making DIR if it is missing; no DIR: -p /\n"
	"     -s          relative symbolic links instead\n"
	"     -p          DIR is a prefix: links in DIR/bin and DIR/sbin, as make install\n"
	"     -f          replace files that are not nsbox (without -f: name them, exit 1)\n"
	"     -i          init too (DIR/init, DIR/sbin/init with -p)\n"
	"  --help APPLET  show an applet's help\n"
	"  --version      show the version\n"
	"\n"
	"See nsbox(1); \"man nsbox APPLET\" shows an applet's page.\n"
	"\n"
	"Applets:\n";

static const struct applet *find(const char *name)
{
	const struct applet *a;

	for (a = applets; a->name; a++)
		if (!strcmp(a->name, name))
			return a;
	return NULL;
}

/* Buffered output must reach stdout also when an applet calls exit(). */
static void flush_at_exit(void)
{
	if (out_flush()) {
		warn_errno("write error");
		_exit(1);
	}
}

static int run(const struct applet *a, int argc, char **argv)
{
	applet_name = a->name;
	argv[0] = (char *)a->name;
	return a->main(argc, argv);
}

static int list(int full)
{
	const struct applet *a;

	for (a = applets; a->name; a++)
		out_printf("%s%s%s\n", full ? a->dir : "", full ? "/" : "", a->name);
	return 0;
}

/* ---- nsbox --install [-s] [-f] [-p] [-i] [DIR] ------------------------------- */

struct install {
	int sym, force, prefix, init;
	const char *dir;	/* without trailing slashes; "" for / */
	char self[PATH_MAX];
	struct stat st;		/* of self */
};

enum { MISSING, SAME, NSBOX, OTHER };	/* what a link's path holds */

/* Where applet a's link goes; 0 when it is left out (init, unless -i). */
static int link_path(const struct install *in, const struct applet *a, char *buf, size_t n)
{
	if (!in->init && !strcmp(a->name, "init"))
		return 0;
	if (in->prefix)
		fmt(buf, n, "%s/%s/%s", in->dir, a->dir, a->name);
	else
		fmt(buf, n, "%s/%s", in->dir, a->name);
	return 1;
}

/* to (absolute, canonical) as a path relative to the directory dir (the same). */
static void relative(const char *dir, const char *to, char *buf, size_t n)
{
	size_t i, c = 0, len = 0;
	const char *p;

	for (i = 0; dir[i] && dir[i] == to[i]; i++)
		if (dir[i] == '/')
			c = i + 1;
	if (!dir[i] && to[i] == '/')
		c = i + 1;	/* dir is an ancestor of to */
	for (p = dir + (c < i ? c : i); *p; p++)
		if (*p != '/' && (p[1] == '/' || !p[1]))
			len += fmt(buf + len, n - len, "../");
	fmt(buf + len, n - len, "%s", to + c);
}

/*
 * What path holds now, and in target the text of its symbolic link (-s):
 * self relative to path's directory.  MISSING also when the directory is.
 */
static int inspect(const struct install *in, const char *path, char *target, size_t n)
{
	char dir[PATH_MAX], text[PATH_MAX];
	struct stat st;
	ssize_t len;

	fmt(dir, sizeof(dir), "%.*s", (int)(strrchr(path, '/') - path), path);
	if (!realpath(*dir ? dir : "/", text))
		return MISSING;
	relative(text, in->self, target, n);
	if (lstat(path, &st) < 0)
		return MISSING;		/* creating it will name any other error */
	if (S_ISLNK(st.st_mode)) {
		if ((len = readlink(path, text, sizeof(text) - 1)) < 0 || stat(path, &st) < 0)
			return OTHER;
		text[len] = 0;
		if (!same_file(&st, &in->st))
			return OTHER;
		return in->sym && !strcmp(text, target) ? SAME : NSBOX;
	}
	if (!same_file(&st, &in->st))
		return OTHER;
	return in->sym ? NSBOX : SAME;
}

/* mkdir -p of path's directory. */
static void make_dirs(const char *path)
{
	char dir[PATH_MAX];
	char *p;

	fmt(dir, sizeof(dir), "%s", path);
	for (p = dir + 1; (p = strchr(p, '/')); *p++ = '/') {
		*p = 0;
		if (mkdir(dir, 0755) < 0 && errno != EEXIST)
			die_errno("cannot create %s", dir);
	}
}

/* The link at path; an existing file is replaced in one rename. */
static int put_link(const struct install *in, const char *path, const char *target, int replace)
{
	char tmp[PATH_MAX];
	const char *at = path;

	if (replace) {
		fmt(tmp, sizeof(tmp), "%s.nsbox-new", path);
		unlink(tmp);
		at = tmp;
	}
	if ((in->sym ? symlink(target, at) : link(in->self, at)) == 0 &&
	    (!replace || rename(tmp, path) == 0))
		return 0;
	warn_errno("cannot create %s", path);
	if (replace)
		unlink(tmp);
	return 1;
}

/* Every conflict named, and then nothing changed, unless -f. */
static int check_conflicts(const struct install *in)
{
	char path[PATH_MAX], target[PATH_MAX];
	const struct applet *a;
	int bad = 0;

	for (a = applets; a->name; a++)
		if (link_path(in, a, path, sizeof(path)) &&
		    inspect(in, path, target, sizeof(target)) == OTHER) {
			if (!in->force)
				warn("%s: exists and is not nsbox", path);
			bad = 1;
		}
	if (bad && !in->force)
		warn("nothing installed (-f replaces them)");
	return bad && !in->force;
}

static void install_args(struct install *in, int argc, char **argv)
{
	int i;
	const char *o;

	for (i = 0; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (o = argv[i] + 1; *o; o++) {
			if (*o == 's')
				in->sym = 1;
			else if (*o == 'f')
				in->force = 1;
			else if (*o == 'p')
				in->prefix = 1;
			else if (*o == 'i')
				in->init = 1;
			else
				usage_error("unrecognized option '%s'", argv[i]);
		}
	}
	if (argc - i > 1)
		usage_error("too many arguments");
	in->dir = i < argc ? argv[i] : "";
	if (!*in->dir)
		in->prefix = 1;		/* no DIR: /bin and /sbin */
}

static int install(int argc, char **argv)
{
	struct install in = { 0 };
	char path[PATH_MAX], target[PATH_MAX], *dir;
	const struct applet *a;
	ssize_t n = readlink("/proc/self/exe", in.self, sizeof(in.self) - 1);
	size_t len;
	int rc = 0, state;

	install_args(&in, argc, argv);
	if (n < 0 || (in.self[n] = 0, stat(in.self, &in.st) < 0))
		die_errno("cannot find nsbox itself (/proc/self/exe)");
	dir = xstrdup(in.dir);
	for (len = strlen(dir); len > 0 && dir[len - 1] == '/'; )
		dir[--len] = 0;
	in.dir = dir;
	if (check_conflicts(&in)) {
		free(dir);
		return 1;
	}
	for (a = applets; a->name; a++) {
		if (!link_path(&in, a, path, sizeof(path)))
			continue;
		make_dirs(path);
		state = inspect(&in, path, target, sizeof(target));
		if (state != SAME)
			rc |= put_link(&in, path, target, state != MISSING);
	}
	free(dir);
	return rc;
}

/* The tables build (see opt.h): "nsbox --nsbox-tables" lists the namespace types and signal names. */
static int dump_tables(void)
{
	const struct signame *s;
	int i;

	for (i = 0; i < NS_COUNT; i++)
		out_printf("ns %s\n", ns_types[i].name);
	for (s = sig_names; s->sig; s++)
		out_printf("signal %s\n", s->name);
	return 0;
}

static int nsbox_main(int argc, char **argv)
{
	const struct applet *a;
	const char *arg = argv[1];

	if (argc < 2) {		/* no applet: the usage, as a usage error */
		dup2(2, 1);
		out_puts(usage);
		list(0);
		return 1;
	}

	if (!strcmp(arg, "--list") || !strcmp(arg, "--list-full"))
		return list(arg[6] == '-');
	if (NSBOX_TABLES && !strcmp(arg, "--nsbox-tables"))
		return dump_tables();
	if (!strcmp(arg, "--install"))
		return install(argc - 2, argv + 2);
	if (!strcmp(arg, "--version") || !strcmp(arg, "-V")) {
		out_printf("nsbox %s\nfeatures: %s\n", nsbox_version, nsbox_features);
		return 0;
	}
	if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
		if (argc > 2) {
			char *help[] = { argv[2], "--help", NULL };
			if (!(a = find(argv[2])))
				die_status(127, 0, "applet not found: %s", argv[2]);
			return run(a, 2, help);
		}
		out_puts(usage);
		list(0);
		return 0;
	}
	if (arg[0] == '-')
		usage_error("unrecognized option '%s'", arg);
	if (!(a = find(arg))) {
		const char *base = strrchr(arg, '/');	/* "nsbox /path/applet", as from #! */
		if (!base || !(a = find(base + 1)))
			die_status(127, 0, "applet not found: %s", arg);
	}
	return run(a, argc - 1, argv + 1);
}

int main(int argc, char **argv)
{
	const char *name = argv[0] ? argv[0] : "nsbox", *base = strrchr(name, '/');
	const struct applet *a;

	name = base ? base + 1 : name;
	if (*name == '-')	/* a login shell's "-sh" */
		name++;
	atexit(flush_at_exit);
	if (!strncmp(name, "nsbox", 5))
		return nsbox_main(argc, argv);
	if (!(a = find(name)))
		die_status(127, 0, "applet not found: %s", name);
	return run(a, argc, argv);
}
