/* SPDX-License-Identifier: 0BSD */
/*
 * libsmartcols' filter expressions (scols-filter(5)), as lsns -Q reads them:
 *
 *	NPROCS > 1 && (TYPE == "net" || COMMAND =~ "^sleep")
 *
 * comparisons (== != < <= > >= and eq ne lt le gt ge, =~ !~ against a
 * string's extended regular expression), && || ! (and or not), parentheses,
 * numbers (with K M G ... and KiB ... suffixes), floats, "strings" and
 * 'strings', true and false, and column names (holders).  Pure: parsing and
 * matching do no I/O; the caller says which column each holder is and hands
 * the line's cells over.  The messages are util-linux 2.42's.
 *
 *	struct filter f;
 *	if (filter_parse(&f, expr)) die("failed to parse \"%s\": %s", expr, f.err);
 *	for (i = 0; i < f.nholders; i++) filter_bind(&f, i, col_of(f.holders[i]->name), numeric);
 *	r = filter_match(&f, cell_of_column, line);	// 1, 0, or -errno
 */
#ifndef NSBOX_FILTER_H
#define NSBOX_FILTER_H

enum { FL_NONE, FL_STR, FL_U64, FL_FLOAT, FL_BOOL };

struct fl_node;

struct filter {
	struct fl_node *root;		/* NULL: the empty expression, every line matches */
	struct fl_node **holders;	/* the column names, in the order written */
	int nholders;
	int errpos;			/* after a failure: the offending token's offset, or -1 */
	char err[160];			/* after a failure: the cause */
};

/* A column name in the expression: its text and, once bound, its column. */
const char *filter_holder(const struct filter *f, int i);
/* Holder i is column col, whose cells are numbers (FL_U64) or strings (FL_STR). */
void filter_bind(struct filter *f, int i, int col, int type);

/* 0, or -1 with f->err and f->errpos set (and nothing left allocated). */
int filter_parse(struct filter *f, const char *expr);

/* The text of column col in the line ctx, or NULL for an empty cell. */
typedef const char *filter_cell(void *ctx, int col);
/* Does the line match? 1 or 0; or -errno when a value cannot be compared. */
int filter_match(const struct filter *f, filter_cell *cell, void *ctx);

void filter_free(struct filter *f);

#endif
