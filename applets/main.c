/* SPDX-License-Identifier: 0BSD */
/*
 * The multiplexer: picks the applet by basename(argv[0]), or runs
 * "nsbox APPLET ARGS...", and offers --list, --list-full, --install and --help.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "err.h"
#include "fmt.h"
#include "opt.h"
#include "out.h"
#include "version.h"

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
	"   or: nsbox --install [-s] [DIR]\n"
	"   or: nsbox --help [APPLET] | --version\n"
	"\n"
	"Namespace tools in one small static binary.\n"
	"\n"
	"Options:\n"
	"  --list         list the applets, one per line\n"
	"  --list-full    list the applets with their install paths\n"
	"  --install DIR  create a hard link in DIR for every applet\n"
	"                 (-s: symbolic links; no DIR: /bin and /sbin)\n"
	"  --help APPLET  show an applet's help\n"
	"  --version      show the version\n"
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

static int install(int argc, char **argv)
{
	const struct applet *a;
	int sym = argc > 0 && !strcmp(argv[0], "-s");
	const char *dir = argv[sym];
	char self[PATH_MAX], path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int rc = 0;

	if (argc > sym + 1)
		usage_error("too many arguments");
	if (n < 0)
		die_errno("cannot read /proc/self/exe");
	self[n] = 0;
	for (a = applets; a->name; a++) {
		if (dir)
			fmt(path, sizeof(path), "%s/%s", dir, a->name);
		else
			fmt(path, sizeof(path), "/%s/%s", a->dir, a->name);
		if ((sym ? symlink(self, path) : link(self, path)) < 0 && errno != EEXIST) {
			warn_errno("cannot create %s", path);
			rc = 1;
		}
	}
	return rc;
}

static int nsbox_main(int argc, char **argv)
{
	const struct applet *a;
	const char *arg = argc > 1 ? argv[1] : "--help";

	if (!strcmp(arg, "--list") || !strcmp(arg, "--list-full"))
		return list(arg[6] == '-');
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
