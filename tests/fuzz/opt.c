/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: the option parser (lib/opt.c).
 * Input: byte 0 picks an option table (low bits) and permute (bit 7); the
 * rest is the argument vector, NUL-separated.  Checked: every id returned is
 * in the table, an argument lies inside argv, p->ind stays in range, argv is
 * only ever permuted (never with permute off), and after a complete permuting
 * parse with no "--" every operand left is a real operand.  Usage errors and
 * --help/--version (which exit) are caught: see fuzz.h and fuzz_exit below.
 */
#include <string.h>
#include <unistd.h>

#include "fmt.h"
#include "fuzz.h"
#include "opt.h"
#include "out.h"

#define MAXARGS 64

static const struct opt t_unshare[] = {
	{ 'm', "mount", OPT_LONGOPT }, { 'u', "uts", OPT_LONGOPT }, { 'i', "ipc", OPT_LONGOPT },
	{ 'n', "net", OPT_LONGOPT }, { 'p', "pid", OPT_LONGOPT }, { 'U', "user", OPT_LONGOPT },
	{ 'C', "cgroup", OPT_LONGOPT }, { 'T', "time", OPT_LONGOPT }, { 'f', "fork", OPT_NONE },
	{ 'r', "map-root-user", OPT_NONE }, { 'c', "map-current-user", OPT_NONE },
	{ 'R', "root", OPT_REQ }, { 'w', "wd", OPT_REQ }, { 'S', "setuid", OPT_REQ },
	{ 'G', "setgid", OPT_REQ }, { OPT_LONG + 1, "kill-child", OPT_OPT },
	{ OPT_LONG + 2, "mount-proc", OPT_OPT }, { OPT_LONG + 3, "map-user", OPT_REQ },
	{ OPT_LONG + 4, "map-users", OPT_REQ }, { OPT_LONG + 5, "propagation", OPT_REQ },
	{ OPT_LONG + 6, "keep-caps", OPT_NONE }, { 0 }
};
static const struct opt t_nsenter[] = {
	{ 't', "target", OPT_REQ }, { 'a', "all", OPT_NONE }, { 'm', "mount", OPT_OPT },
	{ 'n', "net", OPT_OPT }, { 'r', "root", OPT_OPT }, { 'w', "wd", OPT_OPT },
	{ 'F', "no-fork", OPT_NONE }, { 'Z', "follow-context", OPT_NONE },
	{ OPT_LONG + 1, "preserve-credentials", OPT_NONE }, { 0 }
};
/* claims -h and -V itself, with other long names, so the built-ins step aside */
static const struct opt t_claims[] = {
	{ 'h', "host", OPT_REQ }, { 'V', "verbose", OPT_OPT }, { 'v', "ver", OPT_NONE },
	{ OPT_LONG, "he", OPT_LONGOPT }, { 0 }
};
/* names that are prefixes of one another, for abbreviations and ambiguity */
static const struct opt t_prefix[] = {
	{ 'a', "map", OPT_REQ }, { 'b', "map-user", OPT_OPT }, { 'c', "map-users", OPT_NONE },
	{ 'd', "mapper", OPT_LONGOPT }, { 'e', NULL, OPT_REQ }, { OPT_LONG + 9, "x", OPT_NONE }, { 0 }
};
static const struct opt t_empty[] = { { 0 } };
static const struct opt *const tables[] = { t_unshare, t_nsenter, t_claims, t_prefix, t_empty };
#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* lib/out.c stand-in: format as the real one does, write nothing. */
static char obuf[4096];
void out_write(const void *s, size_t n) { memcpy(obuf, s, n < sizeof(obuf) ? n : sizeof(obuf)); }
void out_puts(const char *s) { out_write(s, strlen(s)); }
void out_putc(char c) { out_write(&c, 1); }
int out_flush(void) { return 0; }
void out_printf(const char *f, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, f);
	FUZZ_CHECK(fmt_v(buf, sizeof(buf), f, ap) < sizeof(buf));
	va_end(ap);
}
const char nsbox_version[] = "fuzz";
const char nsbox_features[] = "none";

/*
 * opt.c's -h/--help and -V/--version exit(0).  This target is linked with
 * -Wl,--wrap=exit: an exit inside the parser returns to the target; any
 * other exit (libFuzzer's own) goes through.
 */
void __real_exit(int status);
void __wrap_exit(int status)
{
	if (fuzz_armed) {
		fuzz_status = status;
		fuzz_armed = 0;
		longjmp(fuzz_jmp, 1);
	}
	__real_exit(status);
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(char *const *)a, y = (uintptr_t)*(char *const *)b;

	return x < y ? -1 : x > y;
}

static int in_table(const struct opt *t, int id)
{
	for (; t->id; t++)
		if (t->id == id)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* static: they must keep their contents across the longjmp */
	static char *argv[MAXARGS + 1], *orig[MAXARGS], *sorted[2][MAXARGS];
	const struct opt *t;
	struct optparse p;
	int argc = 0, permute, dashdash = 0, i, id;
	size_t off, end;

	if (size < 1 || size > 8192)
		return 0;
	t = tables[(data[0] & 0x7f) % NTABLES];
	permute = data[0] >> 7;
	argv[argc++] = fuzz_strndup((const uint8_t *)"applet", 6);
	for (off = 1; off < size && argc < MAXARGS; off = end + 1) {
		for (end = off; end < size && data[end]; end++)
			;
		argv[argc] = fuzz_strndup(data + off, end - off);
		dashdash |= !strcmp(argv[argc], "--");
		argc++;
	}
	argv[argc] = NULL;
	memcpy(orig, argv, argc * sizeof(char *));

	opt_init(&p, argc, argv, t, "Usage: applet\n");
	p.permute = permute;
	fuzz_armed = 1;
	if (!setjmp(fuzz_jmp)) {
		while ((id = opt_next(&p)) >= 0) {
			FUZZ_CHECK(in_table(t, id));
			FUZZ_CHECK(p.ind >= 1 && p.ind <= argc);
			if (p.arg) {
				/* the argument is inside one of the argument strings */
				int found = 0;
				for (i = 1; i < argc; i++)
					if (p.arg >= orig[i] && p.arg <= orig[i] + strlen(orig[i]))
						found = 1;
				FUZZ_CHECK(found);
			}
		}
		FUZZ_CHECK(p.ind >= 1 && p.ind <= argc);
		if (permute && !dashdash)
			for (i = p.ind; i < argc; i++)
				FUZZ_CHECK(argv[i][0] != '-' || !argv[i][1]);
	}
	fuzz_armed = 0;
	/* argv is a permutation of what it was; untouched without permute */
	FUZZ_CHECK(argv[argc] == NULL && argv[0] == orig[0]);
	if (!permute) {
		FUZZ_CHECK(!memcmp(argv, orig, argc * sizeof(char *)));
	} else {
		memcpy(sorted[0], argv, argc * sizeof(char *));
		memcpy(sorted[1], orig, argc * sizeof(char *));
		qsort(sorted[0], argc, sizeof(char *), cmp_ptr);
		qsort(sorted[1], argc, sizeof(char *), cmp_ptr);
		FUZZ_CHECK(!memcmp(sorted[0], sorted[1], argc * sizeof(char *)));
	}
	for (i = 0; i < argc; i++)
		free(orig[i]);
	return 0;
}
