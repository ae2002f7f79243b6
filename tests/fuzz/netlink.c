/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: netlink reply parsing (lib/netlink.c), fed raw bytes as if
 * from the kernel: ACKs, extended ACKs (NLMSGERR_ATTR_MSG/OFFS), NLMSG_DONE
 * and RTM_NEWNSID answers to RTM_GETNSID (through nl_get_nsid's callback).
 * Input: 4 bytes of the sequence number, 1 byte of options, then a datagram
 * (copied to an aligned buffer of exactly its size).  Checked: no read
 * outside it, err is 0 or a positive errno, the message is NUL-terminated,
 * the callback only sees whole messages inside the datagram.
 */
#include "../../lib/netlink.c"	/* for nsid_cb, static there */

#include "fuzz.h"

static const unsigned char *dgram;
static size_t dlen;

static int check_cb(const struct nlmsghdr *h, void *arg)
{
	const unsigned char *p = (const unsigned char *)h;

	FUZZ_CHECK(p >= dgram && h->nlmsg_len >= NLMSG_HDRLEN && p + h->nlmsg_len <= dgram + dlen);
	FUZZ_CHECK(h->nlmsg_type >= NLMSG_MIN_TYPE);
	return nsid_cb(h, arg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlres res;
	uint32_t seq;
	int32_t nsid = -1;
	unsigned char *buf;
	const void *v;
	size_t n;
	int r, opts;

	if (size < 5)
		return 0;
	memcpy(&seq, data, 4);
	opts = data[4];
	dlen = size - 5;
	buf = malloc(dlen ? dlen : 1);	/* malloc: aligned, as the receive buffer is */
	memcpy(buf, data + 5, dlen);
	dgram = buf;

	memset(&res, 0, sizeof(res));
	res.done = opts & 1;	/* a later datagram of a reply already complete */
	r = nl_parse(buf, dlen, seq, &res, (opts & 2) ? NULL : check_cb, &nsid);
	FUZZ_CHECK(r == 0 || r == -1);
	FUZZ_CHECK(res.err >= 0 && res.err <= 4095);
	FUZZ_CHECK(memchr(res.msg, 0, sizeof(res.msg)));
	if (opts & 1)
		FUZZ_CHECK(res.err == 0 && !res.msg[0]);

	/* attribute lookup over the raw bytes */
	v = nl_attr(buf, dlen, opts >> 2, &n);
	if (v)
		FUZZ_CHECK((const unsigned char *)v >= buf && (const unsigned char *)v + n <= buf + dlen);
	free(buf);
	return 0;
}
