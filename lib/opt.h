/* SPDX-License-Identifier: 0BSD */
/*
 * Declarative option parsing, util-linux compatible, with nsbox's own messages.
 *
 * An applet declares a table ending in a zeroed entry:
 *
 *	static const struct opt opts[] = {
 *		{ 'f', "fork",     OPT_NONE },
 *		{ 'S', "setuid",   OPT_REQ },
 *		{ 'm', "mount",    OPT_LONGOPT },	// --mount[=FILE], bare -m
 *		{ 'r', "root",     OPT_OPT },		// --root[=DIR], -r[DIR]
 *		{ OPT_LONG + 1, "kill-child", OPT_OPT },	// long-only option
 *		{ 0 }
 *	};
 *
 * opt_next() returns the matching id (the short letter, or an id >= OPT_LONG
 * for long-only options) with the argument, if any, in p->arg; it returns -1
 * at the first operand, after "--", or at the end (p->ind then indexes the
 * first operand).  With p->permute set, options may also follow operands, as
 * with GNU getopt; the operands end up at argv[ind..].  Bundles (-fpm), --opt=val and --opt val, -Sval and -S val,
 * and unique abbreviations of long names are accepted.  -h/--help prints
 * p->usage and exits 0; -V/--version prints the version and exits 0, unless
 * the table claims those letters.  Errors print one line plus
 * "Try 'APPLET --help' for more information." and exit 1.
 */
#ifndef NSBOX_OPT_H
#define NSBOX_OPT_H

enum {
	OPT_NONE,	/* no argument */
	OPT_REQ,	/* required argument */
	OPT_OPT,	/* optional: --name=ARG or -xARG */
	OPT_LONGOPT,	/* optional for the long form only (--name=ARG); -x takes none */
};

#define OPT_LONG 256	/* ids of long-only options start here */

struct opt {
	int id;
	const char *name;
	int arg;
};

struct optparse {
	int argc, ind;
	char **argv;
	const struct opt *opts;
	const char *usage;
	const char *bundle;	/* the rest of a short-option bundle */
	char *arg;		/* the current option's argument, or NULL */
	int permute;		/* set by the applet: options may follow operands */
	int nops, from;		/* with permute: operands gathered before argv[ind] */
};

/*
 * NSBOX_TABLES=1 is the tables build (make's $(O)/nsbox-tables, compiled for the
 * build machine): there "APPLET --nsbox-options" prints APPLET's table, a line
 * "-x --name KIND" per option ("-" for a missing letter or name; KIND none, req,
 * opt or longopt), for the bash completion and the man-page tests.
 */
#ifndef NSBOX_TABLES
#define NSBOX_TABLES 0
#endif

void opt_init(struct optparse *p, int argc, char **argv, const struct opt *opts, const char *usage);
int opt_next(struct optparse *p);
_Noreturn void print_usage(const char *usage);

#endif
