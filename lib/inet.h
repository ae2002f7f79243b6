/* SPDX-License-Identifier: 0BSD */
/*
 * Parsers for network addresses: IPv4 and IPv6 addresses with an optional
 * prefix length (CIDR), and Ethernet MAC addresses.  Pure functions (string
 * in, result out), depending on libc only.
 */
#ifndef NSBOX_INET_H
#define NSBOX_INET_H

struct inet_addr {
	int family;		/* AF_INET or AF_INET6 */
	int len;		/* 4 or 16 */
	int prefix;		/* 0..32 or 0..128 */
	unsigned char a[16];
};

enum { INET_EADDR = -1, INET_EPREFIX = -2 };

/* "ADDR" or "ADDR/LEN"; the prefix length defaults to the full address.
 * 0, INET_EADDR (a bad address) or INET_EPREFIX (a bad prefix length). */
int inet_parse_cidr(const char *s, struct inet_addr *out);
/* A bare address ("ADDR", no prefix): 0 or INET_EADDR. */
int inet_parse_ip(const char *s, struct inet_addr *out);
/* "xx:xx:xx:xx:xx:xx", one or two hex digits a byte: 0 or -1. */
int mac_parse(const char *s, unsigned char mac[6]);

#endif
