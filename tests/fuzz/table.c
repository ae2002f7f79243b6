/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: lsns's output formats (lib/table.c): raw, JSON and the human
 * table, over cells of arbitrary bytes.
 * Input: byte 0 picks the format, the number of columns, noheadings, utf8 and
 * a tree; byte 1 gives the parent links; the rest are the cells, NUL-separated,
 * row by row.  The output (lib/out.c over this target's own out_write sink) is
 * checked: raw has one line per row (plus the header), each with exactly
 * ncols-1 separating spaces and only printable ASCII; JSON parses as JSON
 * (strings without raw control bytes, valid escapes, balanced brackets).
 */
#include <stdarg.h>
#include <string.h>

#include "fmt.h"
#include "fuzz.h"
#include "out.h"
#include "table.h"

static char *obuf;
static size_t olen, osize;

void out_write(const void *p, size_t n)
{
	if (olen + n + 1 > osize) {
		osize = (olen + n + 1) * 2;
		obuf = realloc(obuf, osize);
		FUZZ_CHECK(obuf);
	}
	memcpy(obuf + olen, p, n);
	olen += n;
	obuf[olen] = 0;
}
int out_flush(void) { return 0; }

/* ---- a small JSON checker ---- */
static const char *jp;

static void ws(void) { while (*jp == ' ' || *jp == '\n' || *jp == '\t' || *jp == '\r') jp++; }
static int value(int depth);

static int string(void)
{
	if (*jp++ != '"')
		return 0;
	for (;;) {
		unsigned char c = (unsigned char)*jp++;
		if (c == '"')
			return 1;
		if (c < 0x20)
			return 0;
		if (c == '\\') {
			c = (unsigned char)*jp++;
			if (c == 'u') {
				for (int i = 0; i < 4; i++, jp++)
					if (!strchr("0123456789abcdefABCDEF", *jp) || !*jp)
						return 0;
			} else if (!c || !strchr("\"\\/bfnrt", c)) {
				return 0;
			}
		}
	}
}

static int value(int depth)
{
	ws();
	if (depth > 200)
		return 0;
	if (*jp == '"')
		return string();
	if (*jp == '{' || *jp == '[') {
		char close = *jp == '{' ? '}' : ']';
		int obj = *jp++ == '{';
		ws();
		if (*jp == close)
			return jp++, 1;
		for (;;) {
			if (obj) {
				ws();
				if (!string())
					return 0;
				ws();
				if (*jp++ != ':')
					return 0;
			}
			if (!value(depth + 1))
				return 0;
			ws();
			if (*jp == ',') {
				jp++;
				continue;
			}
			return *jp++ == close;
		}
	}
	if (!strncmp(jp, "null", 4))
		return jp += 4, 1;
	if (*jp == '-' || (*jp >= '0' && *jp <= '9')) {
		jp += *jp == '-';
		if (*jp < '0' || *jp > '9')
			return 0;
		while (*jp >= '0' && *jp <= '9')
			jp++;
		return 1;
	}
	return 0;
}

#define MAXCOLS 4
#define MAXROWS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[MAXCOLS] = { "NS", "TYPE", "PATH", "COMMAND" };
	struct tb_col cols[MAXCOLS];
	struct tb_line *lines[MAXROWS];
	struct table t;
	size_t off, end;
	int mode, ncols, row = 0, col = 0, tree, nrows;
	unsigned links;

	if (size < 2 || size > 4096)
		return 0;
	mode = data[0] % 3;	/* 0 human, 1 raw, 2 JSON */
	ncols = 1 + (data[0] >> 2) % MAXCOLS;
	tree = (data[0] >> 4) & 1;
	links = data[1];
	memset(cols, 0, sizeof(cols));
	for (int c = 0; c < ncols; c++) {
		cols[c].name = names[c];
		cols[c].hint = c == 0 ? 10 : 0;
		cols[c].flags = c == 0 ? TB_RIGHT | TB_NUMBER : c == 3 ? TB_TRUNC | TB_WRAPNL : 0;
		if (tree && c == ncols - 1)
			cols[c].flags |= TB_TREE;
	}
	memset(&t, 0, sizeof(t));
	t.cols = cols;
	t.ncols = ncols;
	t.raw = mode == 1;
	t.json = mode == 2;
	t.noheadings = (data[0] >> 5) & 1;
	t.utf8 = (data[0] >> 6) & 1;
	t.name = "namespaces";

	lines[0] = NULL;
	for (off = 2; off <= size && row < MAXROWS; off = end + 1) {
		for (end = off; end < size && data[end]; end++)
			;
		if (col == 0) {
			/* a parent among the earlier lines, from the link bits */
			struct tb_line *parent = tree && row && (links >> (row % 8) & 1) ? lines[row - 1] : NULL;
			lines[row] = tb_add(&t, parent);
		}
		char *s = fuzz_strndup(data + off, end - off);
		if (col == 0)	/* a NUMBER column holds digits, as lsns puts there */
			for (char *p = s; *p; p++)
				*p = '0' + (unsigned char)*p % 10;
		tb_set(lines[row], col, s);
		if (++col == ncols)
			col = 0, row++;
		if (end >= size)
			break;
	}
	nrows = row + (col != 0);

	olen = 0;
	if (obuf)
		obuf[0] = 0;
	tb_print(&t);
	if (!obuf)
		return 0;
	if (mode == 1) {
		int nl = 0, sp = 0;
		for (size_t i = 0; i < olen; i++) {
			unsigned char c = (unsigned char)obuf[i];
			if (c == '\n') {
				FUZZ_CHECK(sp == ncols - 1);
				nl++, sp = 0;
			} else {
				FUZZ_CHECK(c > ' ' - 1 && c < 0x7f);
				sp += c == ' ';
			}
		}
		FUZZ_CHECK(nl == nrows + !t.noheadings);
	} else if (mode == 2) {
		jp = obuf;
		FUZZ_CHECK(value(0));
		ws();
		FUZZ_CHECK(!*jp);
	}
	return 0;
}
