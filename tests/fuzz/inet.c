/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: IP, CIDR and MAC parsing (lib/inet.c).
 * Input: the string.  Checked against inet_pton and a printed round trip:
 * an address is accepted exactly when inet_pton takes it (as IPv4 or IPv6),
 * with the same bytes and a full-length prefix; a CIDR is the address plus
 * "/N" with N a decimal in range; a MAC prints back as the same six bytes.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "inet.h"

static int ref_ip(const char *s, unsigned char a[16], int *len)
{
	if (strlen(s) >= INET6_ADDRSTRLEN)
		return -1;
	if (inet_pton(AF_INET, s, a) == 1)
		return *len = 4, 0;
	if (inet_pton(AF_INET6, s, a) == 1)
		return *len = 16, 0;
	return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_strndup(data, size), *slash, out[32];
	struct inet_addr a, b;
	unsigned char ref[16], mac[6], mac2[6];
	int len, r, ok;

	if (strlen(s) != size)	/* the applets get NUL-terminated argv strings */
		goto done;

	memset(&a, 0x55, sizeof(a));
	r = inet_parse_ip(s, &a);
	ok = !ref_ip(s, ref, &len);
	FUZZ_CHECK(r == (ok ? 0 : INET_EADDR));
	if (ok) {
		FUZZ_CHECK(a.len == len && a.prefix == 8 * len && !memcmp(a.a, ref, len));
		FUZZ_CHECK(a.family == (len == 4 ? AF_INET : AF_INET6));
	}

	r = inet_parse_cidr(s, &b);
	slash = strchr(s, '/');
	if (!slash) {
		FUZZ_CHECK(r == (ok ? 0 : INET_EADDR));
		if (ok)
			FUZZ_CHECK(!memcmp(&a, &b, sizeof(a)));
	} else {
		char *addr = strndup(s, slash - s), *p = slash + 1;
		int aok = !ref_ip(addr, ref, &len), plen = 0, pok = *p != 0 && strlen(p) <= 3;

		for (; pok && *p; p++)
			if (*p < '0' || *p > '9')
				pok = 0;
			else
				plen = plen * 10 + *p - '0';
		pok = pok && aok && plen <= 8 * len;
		FUZZ_CHECK(r == (!aok ? INET_EADDR : !pok ? INET_EPREFIX : 0));
		if (!r)
			FUZZ_CHECK(b.len == len && b.prefix == plen && !memcmp(b.a, ref, len));
		free(addr);
	}

	r = mac_parse(s, mac);
	if (!r) {
		size_t n = strlen(s);
		FUZZ_CHECK(n >= 11 && n <= 17 && strspn(s, "0123456789abcdefABCDEF:") == n);
		snprintf(out, sizeof(out), "%02x:%02x:%02x:%02x:%02x:%02x",
			 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
		FUZZ_CHECK(!mac_parse(out, mac2) && !memcmp(mac, mac2, 6));
	}
done:
	free(s);
	return 0;
}
