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

size_t fmt_v(char *buf, size_t size, const char *f, va_list ap)
{
	struct sink k = { buf, size, 0 };
	char num[32];

	if (!size)
		return 0;
	for (; *f; f++) {
		int left = 0, width = 0, prec = -1, lng = 0;
		char padc = ' ';
		unsigned long long u;
		long long s;
		const char *str;
		size_t n;

		if (*f != '%') {
			const char *e = strchr(f, '%');
			n = e ? (size_t)(e - f) : strlen(f);
			put(&k, f, n);
			f += n - 1;
			continue;
		}
		for (f++; *f == '-' || *f == '0'; f++)
			*f == '-' ? (left = 1) : (padc = '0');
		if (*f == '*') {
			width = va_arg(ap, int);
			f++;
		}
		for (; *f >= '0' && *f <= '9'; f++)
			width = width * 10 + (*f - '0');
		if (*f == '.') {
			prec = 0;
			if (*++f == '*') {
				prec = va_arg(ap, int);
				f++;
			}
			for (; *f >= '0' && *f <= '9'; f++)
				prec = prec * 10 + (*f - '0');
		}
		for (; *f == 'l' || *f == 'h' || *f == 'z'; f++)
			lng += *f == 'l' ? 1 : *f == 'z' ? 2 : 0;
		switch (*f) {
		case 's':
			str = va_arg(ap, const char *);
			if (!str)
				str = "(null)";
			n = strlen(str);
			if (prec >= 0 && (size_t)prec < n)
				n = prec;
			field(&k, str, n, width, left, ' ');
			break;
		case 'c':
			num[0] = (char)va_arg(ap, int);
			field(&k, num, 1, width, left, ' ');
			break;
		case 'd':
		case 'i':
			s = lng >= 2 ? va_arg(ap, long long) : lng ? va_arg(ap, long) : va_arg(ap, int);
			n = 0;
			if (s < 0)
				num[n++] = '-';
			n += fmt_ull(num + n, s < 0 ? -(unsigned long long)s : (unsigned long long)s, 10);
			field(&k, num, n, width, left, padc);
			break;
		case 'u':
		case 'x':
		case 'o':
			u = lng >= 2 ? va_arg(ap, unsigned long long) : lng ? va_arg(ap, unsigned long) : va_arg(ap, unsigned);
			n = fmt_ull(num, u, *f == 'u' ? 10 : *f == 'x' ? 16 : 8);
			field(&k, num, n, width, left, padc);
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
