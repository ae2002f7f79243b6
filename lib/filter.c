/* SPDX-License-Identifier: 0BSD */
/*
 * libsmartcols' filter expressions: a scanner with flex's rules (the longest
 * match wins, a tie goes to the rule listed first), a precedence-climbing
 * parser for the grammar of scols-filter(5) (|| and && one level, left to
 * right; the comparisons one level above; ! on the next operand), and the
 * library's evaluation: each comparison is done in one type, chosen from its
 * operands (a literal's type before a column's, float before number), the
 * other operand cast to it.  The syntax errors are bison's, as util-linux
 * words them; where util-linux's scanner would echo a character it does not
 * know to stdout and go on, this one stops and names it and its offset.
 */
#include <errno.h>
#include <inttypes.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "filter.h"
#include "fmt.h"
#include "xfuncs.h"

enum { T_EOF, T_NUMBER, T_FLOAT, T_HOLDER, T_STRING, T_OR, T_AND, T_EQ, T_NE, T_LT, T_LE,
       T_GT, T_GE, T_REG, T_NREG, T_TRUE, T_FALSE, T_NEG, T_BADNUM, T_LP, T_RP, T_UNDEF };

/* bison's names for the tokens (util-linux cuts the "T_") */
static const char *const tnames[] = {
	"end of file", "NUMBER", "FLOAT", "HOLDER", "STRING", "OR", "AND", "EQ", "NE", "LT",
	"LE", "GT", "GE", "REG", "NREG", "TRUE", "FALSE", "NEG", "INVALID_NUMBER", "'('", "')'",
	"invalid token",
};

static const struct { char s[6]; unsigned char tok; } words[] = {
	{ "and", T_AND }, { "AND", T_AND }, { "or", T_OR }, { "OR", T_OR },
	{ "not", T_NEG }, { "NOT", T_NEG }, { "eq", T_EQ }, { "EQ", T_EQ },
	{ "ne", T_NE }, { "NE", T_NE }, { "le", T_LE }, { "LE", T_LE },
	{ "lt", T_LT }, { "LT", T_LT }, { "ge", T_GE }, { "GE", T_GE },
	{ "gt", T_GT }, { "GT", T_GT }, { "false", T_FALSE }, { "FALSE", T_FALSE },
	{ "true", T_TRUE }, { "TRUE", T_TRUE },
	/* symbols: the two-character ones first, for the longest match */
	{ "&&", T_AND }, { "||", T_OR }, { "==", T_EQ }, { "!=", T_NE }, { "<=", T_LE },
	{ ">=", T_GE }, { "=~", T_REG }, { "!~", T_NREG }, { "!", T_NEG }, { "<", T_LT },
	{ ">", T_GT }, { "(", T_LP }, { ")", T_RP },
};
#define NWORDS 22

struct fl_node {
	int op;				/* a token: T_AND... for an expression, 0 for a value */
	int type, holder, col;		/* value: FL_*; holder: a column's, once bound */
	char *str;			/* FL_STR's value; a holder's name */
	unsigned long long num;
	long double fnum;
	regex_t *re;			/* a string on the right of =~ or !~ */
	struct fl_node *l, *r;
};

struct parser {
	struct filter *f;
	const char *s;
	size_t pos, tpos, tlen;		/* after the token; the token */
	int tok, depth, nops;
	unsigned long long num;
	char badnum[96];		/* T_BADNUM: the scanner's message */
};

#define MAXDEPTH 1000

static int fail(struct parser *p, const char *msg)
{
	p->f->errpos = p->tpos;
	fmt(p->f->err, sizeof(p->f->err), "%s", msg);
	return -1;
}

static int is_alpha(int c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }

static int id_char(int c)
{
	return is_alpha(c) || is_digit(c) || (c && strchr("_.%:/-", c));
}

/* strtosize() of util-linux on a number with a suffix: its value, or -errno */
static int size_suffix(const char *s, size_t n, unsigned long long *v)
{
	static const char suf[] = "KMGTPEZY";
	char buf[80], *end;
	unsigned long long x;
	int pwr;

	if (n >= sizeof(buf))
		return -ERANGE;
	memcpy(buf, s, n);
	buf[n] = 0;
	errno = 0;
	x = strtoull(buf, &end, 0);	/* base 0, as util-linux: "010K" is 8K */
	if (errno && x == ~0ULL)
		return -ERANGE;
	if (!is_alpha(*end) || (end[1] && strcmp(end + 1, "iB")))
		return -EINVAL;
	for (pwr = strchr(suf, *end) - suf + 1; pwr--; x *= 1024)
		if (x > ~0ULL / 1024)
			return -ERANGE;
	*v = x;
	return 0;
}

/* A number: digits, then a fraction (a float) or a K..Y suffix. */
static int scan_number(struct parser *p, const char *t)
{
	size_t n = strspn(t, "0123456789");
	int e;

	if (t[n] == '.' && is_digit(t[n + 1])) {
		p->tlen = n + 1 + strspn(t + n + 1, "0123456789");
		return T_FLOAT;
	}
	if (!t[n] || !strchr("KMGTPEZY", t[n])) {
		errno = 0;
		p->num = strtoull(t, NULL, 10);	/* saturates, as util-linux's */
		p->tlen = n;
		return T_NUMBER;
	}
	p->tlen = n + 1 + (t[n + 1] == 'i' && t[n + 2] == 'B') * 2;
	if (!(e = size_suffix(t, p->tlen, &p->num)))
		return T_NUMBER;
	fmt(p->badnum, sizeof(p->badnum), "\"%.*s\" token error: %s", (int)p->tlen, t, errtext(-e));
	return T_BADNUM;
}

static int scan_word(struct parser *p, const char *t)
{
	size_t n = 1, i, k;

	if (is_alpha(*t)) {
		while (id_char(t[n]))
			n++;
		p->tlen = n;
		for (i = 0; i < NWORDS; i++)
			if (strlen(words[i].s) == n && !memcmp(words[i].s, t, n))
				return words[i].tok;
		return T_HOLDER;
	}
	for (i = NWORDS; i < sizeof(words) / sizeof(words[0]); i++) {
		k = strlen(words[i].s);
		if (!strncmp(t, words[i].s, k)) {
			p->tlen = k;
			return words[i].tok;
		}
	}
	return -1;
}

/* The next token into p->tok; -1 (f->err set) for a character no rule matches. */
static int next(struct parser *p)
{
	const char *t;
	char msg[64];
	int tok;

	p->pos += strspn(p->s + p->pos, " \t\n");
	t = p->s + (p->tpos = p->pos);
	p->tlen = 0;
	if (!*t)
		tok = T_EOF;
	else if (is_digit(*t))
		tok = scan_number(p, t);
	else if ((*t == '"' || *t == '\'') && (p->tlen = strcspn(t + 1, *t == '"' ? "\"\n" : "'\n") + 1) &&
		 t[p->tlen] == *t)
		tok = (p->tlen++, T_STRING);
	else if (*t == '\'')
		tok = (p->tlen = 1, T_UNDEF);	/* flex's rule for a lone ', unknown to the grammar */
	else if ((tok = scan_word(p, t)) < 0) {
		if (*t > ' ' && *t < 0x7f)
			fmt(msg, sizeof(msg), "unexpected character '%c' at position %zu", *t, p->tpos + 1);
		else
			fmt(msg, sizeof(msg), "unexpected byte \\x%02x at position %zu",
			    (unsigned char)*t, p->tpos + 1);
		return fail(p, msg);
	}
	p->pos += p->tlen;
	p->tok = tok;
	return 0;
}

static int unexpected(struct parser *p, const char *expecting)
{
	char msg[96];

	fmt(msg, sizeof(msg), "syntax error, unexpected %s%s", tnames[p->tok], expecting);
	return fail(p, msg);
}

static struct fl_node *node(int op, struct fl_node *l, struct fl_node *r)
{
	struct fl_node *n = xzalloc(sizeof(*n));

	n->op = op;
	n->l = l;
	n->r = r;
	return n;
}

static void free_node(struct fl_node *n)
{
	if (!n)
		return;
	free_node(n->l);
	free_node(n->r);
	if (n->re) {
		regfree(n->re);
		free(n->re);
	}
	free(n->str);
	free(n);
}

static char *copy_tok(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

static void trim(char *s)
{
	size_t a = strspn(s, " \t\n\v\f\r"), n = strlen(s + a);

	memmove(s, s + a, n + 1);
	while (n && strchr(" \t\n\v\f\r", s[n - 1]))
		s[--n] = 0;
}

static struct fl_node *value(struct parser *p)
{
	const char *t = p->s + p->tpos;
	struct fl_node *n = node(0, NULL, NULL);

	switch (p->tok) {
	case T_NUMBER: n->type = FL_U64; n->num = p->num; break;
	case T_FLOAT:	/* "1.5e3" is 1.5, then "e3" */
		n->type = FL_FLOAT;
		n->str = copy_tok(t, p->tlen);
		n->fnum = strtold(n->str, NULL);
		free(n->str);
		n->str = NULL;
		break;
	case T_TRUE: case T_FALSE: n->type = FL_BOOL; n->num = p->tok == T_TRUE; break;
	case T_STRING:
		n->type = FL_STR;
		n->str = copy_tok(t + 1, p->tlen - 2);
		trim(n->str);
		break;
	case T_HOLDER:
		n->holder = 1;
		n->str = copy_tok(t, p->tlen);
		p->f->holders = xrealloc(p->f->holders, (p->f->nholders + 1) * sizeof(n));
		p->f->holders[p->f->nholders++] = n;
		break;
	}
	return n;
}

/* glibc's regerror texts (musl's differ) */
static const char *regtext(int e)
{
	static const struct { int e; const char *s; } t[] = {
		{ REG_ECOLLATE, "Invalid collation character" },
		{ REG_ECTYPE, "Invalid character class name" }, { REG_EESCAPE, "Trailing backslash" },
		{ REG_ESUBREG, "Invalid back reference" },
		{ REG_EBRACK, "Unmatched [, [^, [:, [., or [=" }, { REG_EPAREN, "Unmatched ( or \\(" },
		{ REG_EBRACE, "Unmatched \\{" }, { REG_BADBR, "Invalid content of \\{\\}" },
		{ REG_ERANGE, "Invalid range end" }, { REG_ESPACE, "Memory exhausted" },
		{ REG_BADRPT, "Invalid preceding regular expression" },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].e == e)
			return t[i].s;
	return "Invalid regular expression";
}

/*
 * How many atoms an extended regular expression expands to, where the libc
 * copies what a repetition repeats (glibc makes x+ into x x* and x{m,n} into
 * n copies of x; musl copies for the bounds), so that "a++++++++++++++++++++"
 * or "(a{255}){255}{255}" is refused, not given gigabytes.  Where the copies
 * may match empty the compiled size grows with the square of the atoms, so
 * the bound is low: patterns that name or filter namespaces stay far below.
 * Counted with saturation; a bracket or an escape is one atom; malformed text
 * is left for regcomp to name.  Groups nest at most RE_DEPTH deep (musl's
 * parser recurses on them).
 */
#define RE_NODES 512
#define RE_DEPTH 255

static unsigned re_mul(unsigned a, unsigned b)
{
	return b && a > RE_NODES / b ? RE_NODES + 1 : a * b;
}

/* After the bracket expression that s (after its '[') begins; "[:alpha:]"
 * inside it is skipped only when closed before the next ']' (any other
 * reading ends the bracket sooner and counts more atoms, never fewer). */
static const char *re_bracket(const char *s)
{
	s += *s == '^';
	s += *s == ']';
	for (; *s && *s != ']'; s++)
		if (*s == '[' && (s[1] == ':' || s[1] == '.' || s[1] == '=')) {
			const char *e = s + 2 + strcspn(s + 2, "]");

			if (*e && e - 1 > s + 1 && e[-1] == s[1])
				s = e;
		}
	return *s ? s + 1 : s;
}

/* A count, saturated past RE_NODES; *s: after its digits */
static unsigned re_count(const char **s)
{
	unsigned n = 0;

	for (; is_digit(**s); (*s)++)
		n = n > RE_NODES ? n : n * 10 + (unsigned)(**s - '0');
	return n;
}

/* 0, or the length of a well-formed "{m}", "{m,}" or "{m,n}" (its copies) */
static size_t re_brace(const char *s, unsigned *copies)
{
	const char *e = s + 1;
	unsigned m = re_count(&e), n = m;

	if (e == s + 1)
		return 0;
	if (*e == ',') {
		const char *f = ++e;

		n = re_count(&e);
		n = e == f ? m + 1 : n;
	}
	if (*e != '}')
		return 0;
	*copies = m > n ? m : n;
	return (size_t)(e + 1 - s);
}

static int re_too_big(const char *s)
{
	unsigned sum[RE_DEPTH + 1] = { 0 }, last[RE_DEPTH + 1] = { 0 };
	int d = 0;

	for (; *s; s++) {
		unsigned atom = 1, copies = *s == '+' ? 2 : 1;
		size_t k = *s == '{' ? re_brace(s, &copies) : 0;

		if (*s == '*' || *s == '?' || *s == '+' || k) {
			s += k ? k - 1 : 0;
			sum[d] += re_mul(last[d], copies) - last[d];
			last[d] = re_mul(last[d], copies);
		} else if (*s == '(') {
			if (++d > RE_DEPTH)
				return 1;
			sum[d] = last[d] = 0;
			continue;
		} else if (*s == '|') {
			last[d] = 0;
			continue;
		} else {
			if (*s == ')' && d)
				atom = sum[d--];
			else if (*s == '[')
				s = re_bracket(s + 1) - 1;
			else if (*s == '\\' && s[1])
				s++;
			sum[d] += atom;
			last[d] = atom;
		}
		if (sum[d] > RE_NODES)
			return 1;
	}
	return 0;
}

/* The right side of =~ and !~: a string, compiled (util-linux takes nothing else). */
static int compile(struct parser *p, struct fl_node *r, size_t at)
{
	char msg[64];
	int e;

	if (r->op || r->type != FL_STR) {
		p->tpos = at;
		fmt(msg, sizeof(msg), "not a string after the operator at position %zu", at + 1);
		return fail(p, msg);
	}
	if (re_too_big(r->str))
		return fail(p, "Regular expression too big");
	r->re = xmalloc(sizeof(*r->re));
	if ((e = regcomp(r->re, r->str, REG_EXTENDED | REG_NOSUB))) {
		free(r->re);
		r->re = NULL;
		return fail(p, regtext(e));
	}
	return 0;
}

static struct fl_node *binary(struct parser *p, int minprec);

/* What may begin an expression: a value, ( expression ), ! operand. */
static struct fl_node *operand(struct parser *p)
{
	struct fl_node *n;

	if (++p->depth > MAXDEPTH) {
		char msg[64];
		fmt(msg, sizeof(msg), "nested too deeply at position %zu", p->tpos + 1);
		fail(p, msg);
		return NULL;
	}
	switch (p->tok) {
	case T_NEG:
		n = next(p) ? NULL : operand(p);
		n = n ? node(T_NEG, NULL, n) : NULL;
		break;
	case T_LP:
		n = next(p) ? NULL : binary(p, 1);
		if (n && p->tok != T_RP) {
			unexpected(p, "");
			free_node(n);
			n = NULL;
		}
		if (n && next(p)) {
			free_node(n);
			n = NULL;
		}
		break;
	case T_NUMBER: case T_FLOAT: case T_TRUE: case T_FALSE: case T_STRING: case T_HOLDER:
		n = value(p);
		if (next(p)) {
			free_node(n);
			n = NULL;
		}
		break;
	case T_BADNUM:
		fail(p, p->badnum);
		n = NULL;
		break;
	default:
		unexpected(p, "");
		n = NULL;
	}
	p->depth--;
	return n;
}

static int prec(int tok)
{
	return tok == T_OR || tok == T_AND ? 1 : tok >= T_EQ && tok <= T_NREG ? 2 : 0;
}

static struct fl_node *binary(struct parser *p, int minprec)
{
	struct fl_node *l = operand(p), *r;
	int op, pr;

	while (l && (pr = prec(p->tok)) >= minprec && pr) {
		size_t at = p->tpos;
		op = p->tok;
		if (++p->nops > MAXDEPTH) {	/* eval() recurses as deep */
			char msg[64];
			fmt(msg, sizeof(msg), "too many operators at position %zu", at + 1);
			fail(p, msg);
			free_node(l);
			return NULL;
		}
		r = next(p) ? NULL : binary(p, pr + 1);
		if (r && (op == T_REG || op == T_NREG) && compile(p, r, at)) {
			free_node(r);
			r = NULL;
		}
		l = r ? node(op, l, r) : (free_node(l), NULL);
	}
	return l;
}

int filter_parse(struct filter *f, const char *expr)
{
	struct parser p = { .f = f, .s = expr };

	memset(f, 0, sizeof(*f));
	f->errpos = -1;
	if (!*expr)
		return 0;	/* util-linux: no filter */
	if (!next(&p) && (f->root = binary(&p, 1)) && p.tok != T_EOF)
		unexpected(&p, ", expecting end of file");
	if (f->errpos < 0)
		return 0;
	filter_free(f);
	return -1;
}

void filter_free(struct filter *f)
{
	free_node(f->root);
	free(f->holders);
	f->root = NULL;
	f->holders = NULL;
	f->nholders = 0;
}

const char *filter_holder(const struct filter *f, int i)
{
	return f->holders[i]->str;
}

void filter_bind(struct filter *f, int i, int col, int type)
{
	f->holders[i]->col = col;
	f->holders[i]->type = type;
}

/* ---- matching --------------------------------------------------------------------- */

/* A value being compared: of one type; empty (a cell without text) compares false. */
struct val {
	int type, empty;
	const char *str;
	char buf[48];
	unsigned long long num;
	long double fnum;
};

struct ctx {
	filter_cell *cell;
	void *line;
};

/* "%Lg": six significant digits, trailing zeros dropped (v >= 0, finite) */
static void fmt_g(char *b, size_t size, long double v)
{
	unsigned long long d;
	int e = 0, i, n;
	char dig[8];

	if (v == 0) {
		fmt(b, size, "0");
		return;
	}
	while (v >= 10)
		v /= 10, e++;
	while (v < 1)
		v *= 10, e--;
	d = (unsigned long long)(v * 100000 + 0.5L);
	if (d >= 1000000)
		d /= 10, e++;
	fmt(dig, sizeof(dig), "%llu", d);
	for (n = 6; n > 1 && dig[n - 1] == '0'; n--)
		;
	if (e < -4 || e >= 6) {
		fmt(b, size, "%c%s%.*s%c%c%02d", dig[0], n > 1 ? "." : "", n - 1, dig + 1, 'e',
		    e < 0 ? '-' : '+', e < 0 ? -e : e);
	} else if (e < 0) {
		i = fmt(b, size, "0.");
		while (++e < 0)
			b[i++] = '0';
		fmt(b + i, size - i, "%.*s", n, dig);
	} else {
		fmt(b, size, "%.*s%s%.*s", e + 1 < n ? e + 1 : n, dig, e + 1 < n ? "." : "",
		    n > e + 1 ? n - e - 1 : 0, dig + e + 1);
		for (i = strlen(b); i < e + 1; i++)	/* 120000: digits up to the point */
			b[i] = '0', b[i + 1] = 0;
	}
}

/* util-linux's ul_strtou64 and ul_strtold: the whole string, no sign */
static int to_u64(const char *s, unsigned long long *v)
{
	char *end;

	if (!*s)
		return -EINVAL;
	errno = 0;
	if (strtoimax(s, &end, 10) < 0)
		return -ERANGE;
	errno = 0;
	*v = strtoumax(s, &end, 10);
	if (errno)
		return -errno;
	return end == s || *end ? -EINVAL : 0;
}

static int to_float(const char *s, long double *v)
{
	char *end;

	if (!*s)
		return -EINVAL;
	errno = 0;
	*v = strtold(s, &end);
	if (errno)
		return -errno;
	return end == s || *end ? -EINVAL : 0;
}

static int yes(const char *s)
{
	return *s && (!strcmp(s, "1") || ((s[0] | 32) == 't' && (s[1] | 32) == 'r' &&
		      (s[2] | 32) == 'u' && (s[3] | 32) == 'e' && !s[4]) || (s[0] | 32) == 'y');
}

/* v in type t; a value that had to change type is no longer empty (as in util-linux) */
static int cast(struct val *v, int t)
{
	int r = 0;

	if (v->type == t)
		return 0;
	if (v->type == FL_STR) {
		const char *s = v->str;
		v->num = 0;
		v->fnum = 0;
		if (s && t == FL_U64)
			r = to_u64(s, &v->num);
		else if (s && t == FL_FLOAT)
			r = to_float(s, &v->fnum);
		else if (t == FL_BOOL)
			v->num = s && yes(s);
	} else {
		long double x = v->type == FL_FLOAT ? v->fnum : (long double)v->num;
		v->empty = 0;
		if (t == FL_STR && v->type == FL_U64)
			fmt(v->buf, sizeof(v->buf), "%llu", v->num);
		else if (t == FL_STR && v->type == FL_FLOAT)
			fmt_g(v->buf, sizeof(v->buf), v->fnum);
		else if (t == FL_STR)
			fmt(v->buf, sizeof(v->buf), "%s", v->num ? "true" : "false");
		v->str = v->buf;
		if (t == FL_FLOAT)
			v->fnum = x;
		else if (t == FL_BOOL)
			v->num = x > 0;
		else if (t == FL_U64)
			v->num = !(x >= 0) ? 0 : x >= 18446744073709551616.0L ? ~0ULL
					 : (unsigned long long)x;
	}
	v->type = t;
	return r;
}

static int eval(const struct fl_node *n, struct ctx *c);

/* A value node in its own type (a column's cell: its text, trimmed, in the column's type). */
static int fetch(const struct fl_node *n, struct ctx *c, struct val *v, char **tmp)
{
	memset(v, 0, sizeof(*v));
	v->type = n->type;
	v->num = n->num;
	v->fnum = n->fnum;
	v->str = n->str;
	if (!n->holder)
		return 0;
	v->type = FL_STR;
	v->str = c->cell(c->line, n->col);
	v->empty = !v->str;
	if (v->str) {
		*tmp = xstrdup(v->str);
		trim(*tmp);
		v->str = *tmp;
	}
	return cast(v, n->type);
}

static int node_value(const struct fl_node *n, struct ctx *c, int type, struct val *v, char **tmp)
{
	int r;

	if (n->op) {
		r = eval(n, c);
		if (r < 0)
			return r;
		memset(v, 0, sizeof(*v));
		v->type = FL_BOOL;
		v->num = r;
	} else if ((r = fetch(n, c, v, tmp)) < 0) {
		return r;
	}
	return cast(v, type);
}

static int sign(long double d) { return (d > 0) - (d < 0); }

static int compare(const struct fl_node *n, const struct val *l, const struct val *r)
{
	int d;

	if (n->op == T_REG || n->op == T_NREG) {
		if (l->type != FL_STR || !n->r->re)
			return -EINVAL;
		d = !regexec(n->r->re, l->str ? l->str : "", 0, NULL, 0);
		return n->op == T_REG ? d : !d;
	}
	if (l->type == FL_STR)
		d = !l->str ? -!!r->str : !r->str ? 1 : strcmp(l->str, r->str);
	else if (l->empty || r->empty)
		return 0;
	else if (l->type == FL_FLOAT)
		d = sign(l->fnum - r->fnum);
	else
		d = (l->num > r->num) - (l->num < r->num);
	switch (n->op) {
	case T_EQ: return d == 0;
	case T_NE: return d != 0;
	case T_LE: return d <= 0;
	case T_LT: return d < 0;
	case T_GE: return d >= 0;
	default: return d > 0;
	}
}

static int node_type(const struct fl_node *n)
{
	return n->op ? FL_BOOL : n->type;
}

/* The type a comparison is done in. */
static int common_type(const struct fl_node *n)
{
	int l = node_type(n->l), r = node_type(n->r), t = l;

	if (l == r)
		return l;
	if (n->l->holder && !n->r->holder)
		t = r;
	if (t == FL_U64 && (l == FL_FLOAT || r == FL_FLOAT))
		t = FL_FLOAT;
	return t;
}

static int eval(const struct fl_node *n, struct ctx *c)
{
	struct val l, r;
	char *lt = NULL, *rt = NULL;
	int s;

	switch (n->op) {
	case 0:
		if ((s = fetch(n, c, &l, &lt)) >= 0)
			s = l.empty ? 0 : l.type == FL_STR ? l.str && *l.str
			  : l.type == FL_FLOAT ? l.fnum != 0 : l.num != 0;
		free(lt);
		return s;
	case T_AND:
	case T_OR:
		s = eval(n->l, c);
		return s < 0 || s == (n->op == T_OR) ? s : eval(n->r, c);
	case T_NEG:
		s = eval(n->r, c);
		return s < 0 ? s : !s;
	}
	s = common_type(n);
	if ((s = node_value(n->l, c, s, &l, &lt)) >= 0 &&
	    (s = node_value(n->r, c, l.type, &r, &rt)) >= 0)
		s = compare(n, &l, &r);
	free(lt);
	free(rt);
	return s;
}

int filter_match(const struct filter *f, filter_cell *cell, void *line)
{
	struct ctx c = { cell, line };

	return f->root ? eval(f->root, &c) : 1;
}
