/* SPDX-License-Identifier: 0BSD */
/* Declarative option parsing: see opt.h. */
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "err.h"
#include "opt.h"
#include "out.h"
#include "version.h"

/* The tables build: "APPLET --nsbox-options" prints the table, -h and -V included (see opt.h). */
static _Noreturn void dump_options(const struct opt *opts)
{
	static const char *const kinds[] = { "none", "req", "opt", "longopt" };
	static const struct opt builtins[] = { { 'h', "help", OPT_NONE }, { 'V', "version", OPT_NONE } };
	const struct opt *o;
	int i, claimed[2] = { 0, 0 };

	for (o = opts; o->id; o++) {
		out_printf("%s%c %s%s %s\n", o->id < OPT_LONG ? "-" : "", o->id < OPT_LONG ? o->id : '-',
			   o->name ? "--" : "-", o->name ? o->name : "", kinds[o->arg]);
		for (i = 0; i < 2; i++)
			claimed[i] |= o->id == builtins[i].id;
	}
	for (i = 0; i < 2; i++)
		if (!claimed[i])
			out_printf("-%c --%s none\n", builtins[i].id, builtins[i].name);
	exit(out_flush() ? 1 : 0);
}

void opt_init(struct optparse *p, int argc, char **argv, const struct opt *opts, const char *usage)
{
	if (NSBOX_TABLES && argc == 2 && !strcmp(argv[1], "--nsbox-options"))
		dump_options(opts);
	memset(p, 0, sizeof(*p));
	p->argc = argc;
	p->argv = argv;
	p->ind = 1;
	p->opts = opts;
	p->usage = usage;
}

void print_usage(const char *usage)
{
	out_puts(usage);
	exit(out_flush() ? 1 : 0);
}

static _Noreturn void print_version(void)
{
	out_printf("%s from nsbox %s\nfeatures: %s\n", applet_name, nsbox_version, nsbox_features);
	exit(out_flush() ? 1 : 0);
}

/* -h/--help and -V/--version, for tables that do not claim them. */
static int builtin(struct optparse *p, int id)
{
	if (id == 'h')
		print_usage(p->usage);
	if (id == 'V')
		print_version();
	return -1;
}

static const struct opt *by_letter(const struct optparse *p, int c)
{
	const struct opt *o;

	for (o = p->opts; o->id; o++)
		if (o->id == c)
			return o;
	return NULL;
}

static const struct opt *by_name(const struct optparse *p, const char *name, size_t len)
{
	static const struct opt builtins[] = { { 'h', "help", OPT_NONE }, { 'V', "version", OPT_NONE } };
	const struct opt *o, *found = NULL;
	int n = 0, exact, i;

	for (exact = 1; exact >= 0; exact--) {
		for (o = p->opts; o->id; o++)
			if (o->name && !strncmp(o->name, name, len) && (!exact || !o->name[len]))
				found = o, n++;
		for (i = 0; i < 2; i++) {
			o = &builtins[i];
			if (!by_letter(p, o->id) && !strncmp(o->name, name, len) && (!exact || !o->name[len]))
				found = o, n++;
		}
		if (found)
			break;
	}
	if (n > 1)
		usage_error("option '--%.*s' is ambiguous", (int)len, name);
	return found;
}

static int short_opt(struct optparse *p)
{
	int c = (unsigned char)*p->bundle++;
	const struct opt *o = by_letter(p, c);

	if (!o) {
		if ((c == 'h' || c == 'V'))
			return builtin(p, c);
		usage_error("invalid option -- '%c'", c);
	}
	if (o->arg == OPT_NONE || o->arg == OPT_LONGOPT)
		return o->id;
	if (*p->bundle) {
		p->arg = (char *)p->bundle;
	} else if (o->arg == OPT_REQ) {
		if (p->ind >= p->argc)
			usage_error("option requires an argument -- '%c'", c);
		p->arg = p->argv[p->ind++];
	}
	p->bundle = NULL;
	return o->id;
}

static int long_opt(struct optparse *p, char *s)
{
	char *eq = strchr(s, '=');
	size_t len = eq ? (size_t)(eq - s) : strlen(s);
	const struct opt *o = by_name(p, s, len);

	if (!o)
		usage_error("unrecognized option '--%s'", s);
	if (eq) {
		if (o->arg == OPT_NONE)
			usage_error("option '--%s' doesn't allow an argument", o->name);
		p->arg = eq + 1;
	} else if (o->arg == OPT_REQ) {
		if (p->ind >= p->argc)
			usage_error("option '--%s' requires an argument", o->name);
		p->arg = p->argv[p->ind++];
	}
	if (!by_letter(p, o->id) && (o->id == 'h' || o->id == 'V'))
		return builtin(p, o->id);
	return o->id;
}

/*
 * With permute, the operands seen so far sit just before argv[ind]; move the
 * entries an option consumed (argv[from..ind-1]) in front of them.
 */
static void rotate(struct optparse *p, int from)
{
	char *tmp[2];
	int k = p->ind - from, base = from - p->nops;

	if (!p->nops || k <= 0 || k > 2)
		return;
	memcpy(tmp, &p->argv[from], k * sizeof(char *));
	memmove(&p->argv[base + k], &p->argv[base], p->nops * sizeof(char *));
	memcpy(&p->argv[base], tmp, k * sizeof(char *));
}

/* Returns an id, -1 at an operand or the end, -2 after "--"; sets p->from. */
static int next(struct optparse *p)
{
	char *a;

	p->from = p->ind;
	if (p->bundle && *p->bundle)
		return short_opt(p);
	p->bundle = NULL;
	for (;;) {
		if (p->ind >= p->argc)
			return -1;
		a = p->argv[p->ind];
		if (a[0] != '-' || !a[1]) {
			if (!p->permute)
				return -1;
			p->from = ++p->ind;	/* already in place, after the others */
			p->nops++;
			continue;
		}
		p->ind++;
		if (!strcmp(a, "--"))
			return -2;
		if (a[1] == '-')
			return long_opt(p, a + 2);
		p->bundle = a + 1;
		return short_opt(p);
	}
}

int opt_next(struct optparse *p)
{
	int id;

	p->arg = NULL;
	id = next(p);
	rotate(p, p->from);
	if (id < 0) {
		p->ind -= p->nops;
		p->nops = 0;
		return -1;
	}
	return id;
}
