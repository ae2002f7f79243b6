/* SPDX-License-Identifier: 0BSD */
/* Column output in libsmartcols' formats: see table.h. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "num.h"
#include "out.h"
#include "table.h"
#include "xfuncs.h"

static int utf8;
static struct table *T;

/* ---- characters ---------------------------------------------------------- */

/* Decode one UTF-8 character: its length, or 0 when invalid. */
static int u8dec(const unsigned char *s, unsigned *cp)
{
	unsigned c = s[0], n, i, v, min;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	v = c & (0x3f >> (n - 1));
	min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v < 0xe000))
		return 0;
	*cp = v;
	return n;
}

/* Display width of a code point >= 0x80: -1 when not printable. */
static int u8width(unsigned c)
{
	static const unsigned wide[][2] = {
		{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
		{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
		{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
		{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
		{ 0x1f900, 0x1f9ff }, { 0x20000, 0x3fffd },
	};
	size_t i;

	if (c < 0xa0 || c == 0x2028 || c == 0x2029 || (c >= 0xfff9 && c <= 0xfffb))
		return -1;
	if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || c == 0xad)
		return c == 0xad;
	for (i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
		if (c >= wide[i][0] && c <= wide[i][1])
			return 2;
	return 1;
}

static char *hex(char *o, unsigned char c)
{
	*o++ = '\\', *o++ = 'x';
	*o++ = "0123456789abcdef"[c >> 4];
	*o++ = "0123456789abcdef"[c & 15];
	return o;
}

/*
 * The human encoding of n bytes of s, into o (room for 4n bytes), as
 * libsmartcols' "safe" encoding: "\x5c" for a backslash before 'x', "\xNN"
 * for non-printable bytes and invalid or non-printable characters.  Returns
 * the end of the output; *w receives the display width.
 */
static char *encode(const char *s, size_t n, char *o, size_t *w)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	unsigned cp;
	int k, cw;

	while (p < e) {
		if (*p == '\\' && p + 1 < e && p[1] == 'x') {
			o = hex(o, *p++), *w += 4;
		} else if (*p >= 0x20 && *p < 0x7f) {
			*o++ = *p++, (*w)++;
		} else if (*p < 0x80 || !utf8 || !(k = u8dec(p, &cp)) || p + k > e) {
			o = hex(o, *p++), *w += 4;
		} else if ((cw = u8width(cp)) < 0) {
			while (k--)
				o = hex(o, *p++), *w += 4;
		} else {
			memcpy(o, p, k), o += k, p += k, *w += cw;
		}
	}
	return o;
}

/* Cut an encoded string to a display width: returns the byte length kept. */
static size_t cut(const char *s, size_t n, size_t width)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, w = 0;
	unsigned cp;

	while (i < n) {
		int k = 1, cw = 1;
		if (p[i] >= 0x80 && (k = u8dec(p + i, &cp)))
			cw = u8width(cp);
		else
			k = 1;
		if (w + cw > width)
			break;
		w += cw, i += k;
	}
	return i;
}

static void spaces(size_t n)
{
	while (n--)
		out_putc(' ');
}

/* ---- lines and the tree ---------------------------------------------------- */

struct tb_line *tb_add(struct table *t, struct tb_line *parent)
{
	struct tb_line *l = xmalloc(sizeof(*l) + t->ncols * sizeof(char *));

	memset(l, 0, sizeof(*l) + t->ncols * sizeof(char *));

	if (t->last)
		t->last->lnext = l;
	else
		t->first = l;
	t->last = l;
	l->parent = parent;
	if (parent) {
		if (parent->lastkid)
			parent->lastkid->next = l;
		else
			parent->kids = l;
		parent->lastkid = l;
	} else {
		if (t->lastroot)
			t->lastroot->next = l;
		else
			t->roots = l;
		t->lastroot = l;
	}
	return l;
}

void tb_set(struct tb_line *l, int col, char *s)
{
	free(l->cell[col]);
	l->cell[col] = s;
}

#define SYM_BRANCH 0
#define SYM_RIGHT 1
#define SYM_VERT 2
static const char *sym(int i)
{
	static const char *const u[] = { "\xe2\x94\x9c\xe2\x94\x80", "\xe2\x94\x94\xe2\x94\x80", "\xe2\x94\x82 " };
	static const char *const a[] = { "|-", "`-", "| " };
	return utf8 ? u[i] : a[i];
}

static size_t depth(const struct tb_line *l)
{
	size_t d = 0;

	for (; l->parent; l = l->parent)
		d++;
	return d;
}

/* The art of the ancestors of l, into buf (the part above l's own branch). */
static char *art_above(const struct tb_line *l, char *o)
{
	if (!l->parent)
		return o;
	o = art_above(l->parent, o);
	if (l->next) {
		strcpy(o, sym(SYM_VERT));
		return o + strlen(o);
	}
	*o++ = ' ', *o++ = ' ';
	return o;
}

/* The art in front of a line's tree cell; NUL-terminated. */
static char *art(const struct tb_line *l, char *o)
{
	if (!l->parent)
		return o;
	o = art_above(l->parent, o);
	strcpy(o, sym(l->next ? SYM_BRANCH : SYM_RIGHT));
	return o + strlen(o);
}

static int is_tree(const struct table *t)
{
	int i;

	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].flags & TB_TREE)
			return 1;
	return 0;
}

/* Visit the lines in output order. */
typedef void visit_fn(struct tb_line *l);
static void walk(struct tb_line *l, visit_fn *fn)
{
	for (; l; l = l->next) {
		fn(l);
		walk(l->kids, fn);
	}
}

static void each_line(visit_fn *fn)
{
	struct tb_line *l;

	if (is_tree(T)) {
		walk(T->roots, fn);
		return;
	}
	for (l = T->first; l; l = l->lnext)
		fn(l);
}

/* ---- human output ------------------------------------------------------------ */

static char *ebuf, *abuf;
static size_t ebufsz;

static void need(size_t n)
{
	if (n > ebufsz) {
		ebufsz = n * 2;
		free(ebuf);
		ebuf = xmalloc(ebufsz);
	}
}

/* Encode a cell chunk (with the tree art in front): into ebuf; length, *w. */
static size_t enc_cell(struct tb_line *l, int c, const char *s, size_t n, size_t *w)
{
	char *o;
	size_t d = 0;

	if ((T->cols[c].flags & TB_TREE) && l) {
		d = depth(l);
		need(4 * n + 8 * d + 1);
		o = art(l, ebuf);
		*w = 2 * d;
	} else {
		need(4 * n + 1);
		o = ebuf, *w = 0;
	}
	o = encode(s, n, o, w);
	*o = 0;
	return o - ebuf;
}

static size_t chunk_len(const char *s)
{
	const char *e = strchr(s, '\n');

	return e ? (size_t)(e - s) : strlen(s);
}

static void measure(struct tb_line *l)
{
	int c;

	for (c = 0; c < T->ncols; c++) {
		struct tb_col *col = &T->cols[c];
		const char *s = l->cell[c] ? l->cell[c] : "";
		size_t w, max = 0;

		if (col->flags & TB_WRAPNL) {
			for (;;) {
				size_t n = chunk_len(s);
				enc_cell(l, c, s, n, &w);
				if (w > max)
					max = w;
				if (!s[n])
					break;
				s += n + 1;
			}
		} else {
			enc_cell(l, c, s, strlen(s), &max);
		}
		if (max > col->width)
			col->width = max;
		if ((col->flags & TB_TREE) && 2 * depth(l) > col->art)
			col->art = 2 * depth(l);
	}
}

static size_t terminal_width(void)
{
	struct winsize ws;
	unsigned long long v;
	const char *s;

	if (!isatty(1))
		return 0;
	if (!ioctl(1, TIOCGWINSZ, &ws) && ws.ws_col)
		return ws.ws_col;
	s = getenv("COLUMNS");
	if (s && !parse_ull(s, 0x7fffffff, &v) && v)
		return v;
	return 80;
}

static void layout(void)
{
	size_t total = 0, tw = terminal_width();
	int c, again;

	for (c = 0; c < T->ncols; c++) {
		struct tb_col *col = &T->cols[c];
		col->wmin = T->noheadings ? 0 : strlen(col->name);
		if (!col->wmin)
			col->wmin = 1;
		col->width = col->art = 0;
	}
	each_line(measure);
	/*
	 * libsmartcols 2.42: the width hint counts only where the data is wider
	 * than the header (or there is no header); without a header, a column
	 * with no data takes no width.
	 */
	for (c = 0; c < T->ncols; c++) {
		struct tb_col *col = &T->cols[c];
		if (T->noheadings && !col->width)
			col->wmin = 0;
		else if (col->width <= col->wmin)
			col->width = col->wmin;
		else if (col->hint && col->width < col->hint && col->wmin < col->hint)
			col->width = col->hint;
		total += col->width + (c < T->ncols - 1);
	}
	/* On a terminal, shorten the truncatable columns one cell at a time. */
	for (again = 1; tw && total > tw && again;) {
		again = 0;
		for (c = 0; c < T->ncols && total > tw; c++) {
			struct tb_col *col = &T->cols[c];
			if (col->width == col->wmin || !(col->flags & TB_TRUNC))
				continue;
			if ((col->flags & TB_TREE) && total <= col->art)
				continue;
			col->width--, total--, again = 1;
		}
	}
}

/* Print one encoded cell of width len: alignment, padding, separator. */
static void put_cell(int c, const char *s, size_t n, size_t len, int right)
{
	struct tb_col *col = &T->cols[c];
	size_t width = col->width;
	int last = c == T->ncols - 1;

	if (last && len < width && !(col->flags & TB_RIGHT))
		width = len;
	if (len > width && (col->flags & TB_TRUNC)) {
		n = cut(s, n, width);
		len = width;
	}
	if (n && right && len < width) {
		spaces(width - len);
		len = width;
	}
	out_write(s, n);
	if (last)
		return;
	if (len < width)
		spaces(width - len);
	out_putc(' ');
}

static const char **chunk;	/* per column: the rest of a multi-line cell */

static void print_human(struct tb_line *l)
{
	int c, pending = 0;
	size_t n, w;

	for (c = 0; c < T->ncols; c++) {
		const char *s = l->cell[c] ? l->cell[c] : "";
		size_t len = strlen(s);
		chunk[c] = NULL;
		if (T->cols[c].flags & TB_WRAPNL) {
			len = chunk_len(s);
			if (s[len])
				chunk[c] = s + len + 1, pending = 1;
		}
		n = enc_cell(l, c, s, len, &w);
		put_cell(c, ebuf, n, w, T->cols[c].flags & TB_RIGHT);
	}
	while (pending) {
		pending = 0;
		out_putc('\n');
		for (c = 0; c < T->ncols; c++) {
			const char *s = chunk[c];
			int last = c == T->ncols - 1;
			if (s) {
				size_t len = chunk_len(s);
				chunk[c] = s[len] ? s + len + 1 : NULL;
				pending |= !!chunk[c];
				n = enc_cell(NULL, c, s, len, &w);
				out_write(ebuf, n);
			} else {
				w = 0;
				if (T->cols[c].flags & TB_TREE) {
					char *o = art_above(l, abuf);
					if (l->kids) {
						strcpy(o, sym(SYM_VERT));
						o += strlen(o);
					}
					out_write(abuf, o - abuf);
					w = 2 * depth(l) + 2 * !!l->kids;
				}
			}
			if (last)
				continue;
			if (w < T->cols[c].width)
				spaces(T->cols[c].width - w);
			out_putc(' ');
		}
	}
	out_putc('\n');
}

static size_t maxdepth;
static void deepest(struct tb_line *l)
{
	size_t d = depth(l);

	if (d > maxdepth)
		maxdepth = d;
}

static void human(void)
{
	int c;

	layout();
	chunk = xmalloc(T->ncols * sizeof(*chunk));
	each_line(deepest);
	abuf = xmalloc(8 * maxdepth + 16);
	if (!T->noheadings) {
		for (c = 0; c < T->ncols; c++) {
			const char *h = T->cols[c].name;
			put_cell(c, h, strlen(h), strlen(h), T->cols[c].flags & TB_RIGHT);
		}
		out_putc('\n');
	}
	each_line(print_human);
	free(chunk);
	free(abuf);
}

/* ---- raw output ----------------------------------------------------------------- */

static void put_raw(const char *s)
{
	char buf[4];
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || *p == '\\')
			out_write(buf, hex(buf, *p) - buf);
		else
			out_putc(*p);
	}
}

static void print_raw(struct tb_line *l)
{
	int c;

	for (c = 0; c < T->ncols; c++) {
		if (c)
			out_putc(' ');
		if (T->cols[c].flags & TB_TREE) {
			char *o = art(l, abuf);
			*o = 0;
			put_raw(abuf);
		}
		if (l->cell[c])
			put_raw(l->cell[c]);
	}
	out_putc('\n');
}

static void raw(void)
{
	int c;

	each_line(deepest);
	abuf = xmalloc(8 * maxdepth + 16);
	if (!T->noheadings) {
		for (c = 0; c < T->ncols; c++) {
			if (c)
				out_putc(' ');
			put_raw(T->cols[c].name);
		}
		out_putc('\n');
	}
	each_line(print_raw);
	free(abuf);
}

/* ---- JSON ------------------------------------------------------------------------- */

static int indent, after_close;

static void put_indent(void)
{
	spaces(3 * indent);
}

static void put_json(const char *s, int lower)
{
	const unsigned char *p = (const unsigned char *)s;

	out_putc('"');
	for (; *p; p++) {
		unsigned c = *p;
		if (c == '"' || c == '\\') {
			out_putc('\\'), out_putc(c);
		} else if (c >= 0x20) {
			out_putc(lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
		} else {
			const char *e = c == '\b' ? "\\b" : c == '\t' ? "\\t" : c == '\n' ? "\\n" :
					c == '\f' ? "\\f" : c == '\r' ? "\\r" : NULL;
			if (e)
				out_puts(e);
			else
				out_printf("\\u00%02x", c);
		}
	}
	out_putc('"');
}

static void json_open(const char *name, char type)
{
	if (name) {
		if (after_close)
			out_puts(",\n");
		put_indent();
		put_json(name, 1);
	} else if (after_close) {
		out_putc(',');
	} else {
		put_indent();
	}
	if (type == '{' || type == '[') {
		out_puts(name ? ": " : "");
		out_putc(type);
		out_putc('\n');
		indent++;
	} else {
		out_puts(name ? ": " : " ");
	}
	after_close = 0;
}

static void json_close(char type)
{
	indent--;
	out_putc('\n');
	put_indent();
	out_putc(type);
	after_close = 1;
}

static void print_json(struct tb_line *l, int tree)
{
	int c;

	json_open(NULL, '{');
	for (c = 0; c < T->ncols; c++) {
		const char *s = l->cell[c];
		json_open(T->cols[c].name, 0);
		if (!s || !*s)
			out_puts("null");
		else if (T->cols[c].flags & TB_NUMBER)
			out_puts(s);
		else
			put_json(s, 0);
		after_close = 1;
	}
	if (tree && l->kids) {
		struct tb_line *k;
		json_open("children", '[');
		for (k = l->kids; k; k = k->next)
			print_json(k, 1);
		json_close(']');
	}
	json_close('}');
}

static void json(void)
{
	struct tb_line *l;
	int tree = is_tree(T);

	out_puts("{\n");
	indent = 1, after_close = 0;
	json_open(T->name, '[');
	for (l = tree ? T->roots : T->first; l; l = tree ? l->next : l->lnext)
		print_json(l, tree);
	json_close(']');
	out_puts("\n}\n");
}

/* ---- the entry points ------------------------------------------------------------ */

/* "UTF-8", "utf8", ... up to the end or a modifier (@euro). */
static int utf8_name(const char *cs)
{
	const char *want = "utf8";

	for (; *cs && *cs != '@'; cs++) {
		if (*cs == '-')
			continue;
		if (!*want || (*cs | 0x20) != *want++)
			return 0;
	}
	return !*want;
}

int tb_utf8_locale(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_CTYPE", "LANG" };
	char path[300], lang[200], *dot;
	const char *v = NULL, *cs;
	struct stat st;
	size_t i;

	for (i = 0; i < 3 && (!v || !*v); i++)
		v = getenv(vars[i]);
	if (!v || !*v || strlen(v) >= sizeof(lang) || strchr(v, '/'))
		return 0;
	strcpy(lang, v);
	dot = strchr(lang, '.');
	if (!dot)
		return 0;
	*dot = 0;
	cs = dot + 1;
	if (!utf8_name(cs))
		return 0;
	if (!strcmp(lang, "C") || !strcmp(lang, "POSIX"))
		return 1;	/* built into the C library */
	/* An installed locale: /usr/lib/locale/NAME.utf8 (or as spelt). */
	strcpy(path, "/usr/lib/locale/");
	strcat(path, v);
	if (!stat(path, &st))
		return 1;
	strcpy(path + 16, lang);
	strcat(path, ".utf8");
	return !stat(path, &st);
}

static void free_line(struct tb_line *l)
{
	int c;

	for (c = 0; c < T->ncols; c++)
		free(l->cell[c]);
	free(l);
}

void tb_print(struct table *t)
{
	struct tb_line *l, *n;

	T = t;
	utf8 = t->utf8 < 0 ? tb_utf8_locale() : t->utf8;
	if (t->json)
		json();
	else if (t->first)
		(t->raw ? raw : human)();
	for (l = t->first; l; l = n) {
		n = l->lnext;
		free_line(l);
	}
	t->first = t->last = t->roots = t->lastroot = NULL;
	free(ebuf);
	ebuf = NULL, ebufsz = 0;
}
