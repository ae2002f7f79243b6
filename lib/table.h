/* SPDX-License-Identifier: 0BSD */
/*
 * Column output in libsmartcols' formats, without stdio: a human table
 * (column widths from the data and a width hint, right alignment, tree art,
 * multi-line cells split at '\n', truncation to the terminal width), raw
 * output (one space between cells, "\xNN" for blanks, backslashes and
 * non-printable bytes) and JSON (3-space indentation, "children" arrays for
 * trees, null for empty cells).
 *
 *	struct tb_col cols[] = { { "NS", 10, TB_RIGHT | TB_NUMBER }, ... };
 *	struct table t = { .cols = cols, .ncols = n, .json = 1, .name = "namespaces" };
 *	struct tb_line *l = tb_add(&t, NULL);
 *	tb_set(l, 0, xstrdup("4026531836"));
 *	tb_print(&t);
 */
#ifndef NSBOX_TABLE_H
#define NSBOX_TABLE_H

#include <stddef.h>

enum {
	TB_RIGHT = 1,	/* right-aligned */
	TB_TRUNC = 2,	/* may be truncated to fit a terminal */
	TB_WRAPNL = 4,	/* multi-line cell: one line per '\n'-separated chunk */
	TB_TREE = 8,	/* carries the tree art */
	TB_NUMBER = 16,	/* a JSON number, not a string */
};

struct tb_col {
	const char *name;
	unsigned char hint;	/* width hint (absolute), 0 for none */
	unsigned char flags;
	size_t width, wmin, art;	/* computed by tb_print */
};

struct tb_line {
	struct tb_line *parent, *next, *kids, *lastkid, *lnext;
	char *cell[];		/* ncols malloc'd strings, or NULL */
};

struct table {
	struct tb_col *cols;
	int ncols;
	unsigned raw:1, json:1, noheadings:1;
	int utf8;		/* -1: decide from the locale variables */
	const char *name;	/* the JSON array's name */
	struct tb_line *first, *last, *roots, *lastroot;
};

/* A new line, appended to the table and, with a parent, to its children. */
struct tb_line *tb_add(struct table *t, struct tb_line *parent);
/* Give a cell its (malloc'd) value. */
void tb_set(struct tb_line *l, int col, char *s);
/* Print through lib/out and free the lines. */
void tb_print(struct table *t);

/* Does the locale (LC_ALL, LC_CTYPE, LANG) select an installed UTF-8 locale? */
int tb_utf8_locale(void);

#endif
