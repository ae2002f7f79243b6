/* SPDX-License-Identifier: 0BSD */
/* A small printf subset: see fmt.h. */
#include <string.h>

#include "fmt.h"

size_t fmt_ull(char *buf, unsigned long long v, unsigned base)
{
	char tmp[24];
	size_t n = 0, i;

	do {
		tmp[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	return n;
}

size_t fmt_str(char *buf, size_t size, const char *s)
{
	size_t n = strlen(s);

	if (!size)
		return 0;
	if (n >= size)
		n = size - 1;
	memcpy(buf, s, n);
	buf[n] = 0;
	return n;
}

struct sink {
	char *buf;
	size_t size, len;
};

static void put(struct sink *k, const char *s, size_t n)
{
	size_t room = k->size - 1 - k->len;

	if (n > room)
		n = room;
	memcpy(k->buf + k->len, s, n);
	k->len += n;
}

static void pad(struct sink *k, char c, int n)
{
	while (n-- > 0)
		put(k, &c, 1);
}

static void field(struct sink *k, const char *s, size_t n, int width, int left, char padc)
{
	int fill = width > (int)n ? width - (int)n : 0;

	if (!left && padc == '0' && n && *s == '-') {	/* "-0042", not "00-42" */
		put(k, s, 1);
		s++, n--;
	}
	if (!left)
		pad(k, padc, fill);
	put(k, s, n);
	if (left)
		pad(k, ' ', fill);
}

/* A conversion's flags, width, precision and length modifier. */
struct spec {
	int left, width, prec, lng;	/* lng: 0 int, 1 long (l, z), 2 long long */
	char padc;
};

/* Read the spec after a '%' at f into sp; returns the conversion character's place. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	*sp = (struct spec){ .prec = -1, .padc = ' ' };
	for (; *f == '-' || *f == '0'; f++)
		*f == '-' ? (sp->left = 1) : (sp->padc = '0');
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		sp->width = sp->width * 10 + (*f - '0');
	if (*f == '.') {
		sp->prec = 0;
		if (*++f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			sp->prec = sp->prec * 10 + (*f - '0');
	}
	/* size_t has long's size on every Linux ABI */
	for (; *f == 'l' || *f == 'h' || *f == 'z'; f++)
		sp->lng += *f == 'l' ? 1 : *f == 'z';
	return f;
}

/* Convert one argument for conversion c ('s' 'c' 'd' 'i' 'u' 'x' 'o'). */
static void convert(struct sink *k, char c, const struct spec *sp, va_list *ap)
{
	char num[32];
	const char *str;
	long long s;
	unsigned long long u;
	size_t n = 0;

	switch (c) {
	case 's':
		str = va_arg(*ap, const char *);
		if (!str)
			str = "(null)";
		n = strlen(str);
		if (sp->prec >= 0 && (size_t)sp->prec < n)
			n = sp->prec;
		field(k, str, n, sp->width, sp->left, ' ');
		return;
	case 'c':
		num[0] = (char)va_arg(*ap, int);
		field(k, num, 1, sp->width, sp->left, ' ');
		return;
	case 'd':
	case 'i':
		s = sp->lng >= 2 ? va_arg(*ap, long long) : sp->lng ? va_arg(*ap, long) : va_arg(*ap, int);
		if (s < 0)
			num[n++] = '-';
		n += fmt_ull(num + n, s < 0 ? -(unsigned long long)s : (unsigned long long)s, 10);
		break;
	default:	/* 'u' 'x' 'o' */
		u = sp->lng >= 2 ? va_arg(*ap, unsigned long long) : sp->lng ? va_arg(*ap, unsigned long)
		  : va_arg(*ap, unsigned);
		n = fmt_ull(num, u, c == 'u' ? 10 : c == 'x' ? 16 : 8);
	}
	field(k, num, n, sp->width, sp->left, sp->padc);
}

size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	struct sink k = { buf, size, 0 };
	struct spec sp;
	va_list aq;

	if (!size)
		return 0;
	va_copy(aq, ap);	/* a va_list the helpers can take by address */
	for (; *f; f++) {
		if (*f != '%') {
			const char *e = strchr(f, '%');
			size_t n = e ? (size_t)(e - f) : strlen(f);

			put(&k, f, n);
			f += n - 1;
			continue;
		}
		f = parse_spec(f + 1, &sp, &aq);
		switch (*f) {
		case 's': case 'c': case 'd': case 'i': case 'u': case 'x': case 'o':
			convert(&k, *f, &sp, &aq);
			break;
		case '%':
			put(&k, "%", 1);
			break;
		default:	/* unknown conversion: print it as it is */
			put(&k, f - 1, 2);
			if (!*f)
				f--;
		}
	}
	va_end(aq);
	buf[k.len] = 0;
	return k.len;
}

size_t fmt(char *buf, size_t size, const char *f, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, f);
	n = fmt_v(buf, size, f, ap);
	va_end(ap);
	return n;
}
