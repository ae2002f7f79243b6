/* SPDX-License-Identifier: 0BSD */
/* IPv4/IPv6 address, CIDR and MAC parsing. */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "inet.h"

static int parse_addr(const char *s, size_t n, struct inet_addr *out)
{
	char buf[INET6_ADDRSTRLEN];

	if (n == 0 || n >= sizeof(buf))
		return INET_EADDR;
	memcpy(buf, s, n);
	buf[n] = 0;
	memset(out, 0, sizeof(*out));
	if (inet_pton(AF_INET, buf, out->a) == 1) {
		out->family = AF_INET;
		out->len = 4;
	} else if (inet_pton(AF_INET6, buf, out->a) == 1) {
		out->family = AF_INET6;
		out->len = 16;
	} else {
		return INET_EADDR;
	}
	out->prefix = out->len * 8;
	return 0;
}

int inet_parse_ip(const char *s, struct inet_addr *out)
{
	return parse_addr(s, strlen(s), out);
}

int inet_parse_cidr(const char *s, struct inet_addr *out)
{
	const char *slash = strchr(s, '/');
	int v = 0, r;

	r = parse_addr(s, slash ? (size_t)(slash - s) : strlen(s), out);
	if (r || !slash)
		return r;
	s = slash + 1;
	if (!*s || strlen(s) > 3)
		return INET_EPREFIX;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return INET_EPREFIX;
		v = v * 10 + (*s - '0');
	}
	if (v > out->len * 8)
		return INET_EPREFIX;
	out->prefix = v;
	return 0;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

int mac_parse(const char *s, unsigned char mac[6])
{
	for (int i = 0; i < 6; i++) {
		int v = hexval(*s), d;

		if (v < 0)
			return -1;
		s++;
		if ((d = hexval(*s)) >= 0) {
			v = v * 16 + d;
			s++;
		}
		mac[i] = v;
		if (*s != (i == 5 ? 0 : ':'))
			return -1;
		s++;
	}
	return 0;
}
