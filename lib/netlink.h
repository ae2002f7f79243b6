/* SPDX-License-Identifier: 0BSD */
/*
 * A small rtnetlink (NETLINK_ROUTE) client: build a request with nested
 * attributes, send it, and read the reply up to its ACK or NLMSG_DONE.
 *
 *	struct nl nl;
 *	struct nlreq r;
 *	struct nlres res;
 *	struct ifinfomsg ifi = { .ifi_index = 1, .ifi_flags = IFF_UP, .ifi_change = IFF_UP };
 *
 *	if (nl_open(&nl) < 0) ...errno...
 *	nl_req(&r, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
 *	if (nl_talk(&nl, &r, &res, NULL, NULL) < 0)
 *		... res.err (an errno), res.msg (the kernel's extended-ACK text or "") ...
 *
 * Requests live in a fixed buffer: an attribute that does not fit marks the
 * request as overflowed and nl_talk fails with EMSGSIZE, sending nothing.
 * Non-dump requests always carry NLM_F_ACK; dumps (NLM_F_DUMP) end at
 * NLMSG_DONE.
 *
 * nl_parse() is pure (bytes in, result out) so that it can be fuzzed: it
 * checks every length before reading and never trusts the kernel's counts.
 * lib/netlink.c depends on libc only.
 */
#ifndef NSBOX_NETLINK_H
#define NSBOX_NETLINK_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

#define NLREQ_SIZE 1024
#define NL_NEST_MAX 4

struct nl {
	int fd;
	uint32_t seq;
};

struct nlreq {
	union {
		struct nlmsghdr hdr;
		unsigned char buf[NLREQ_SIZE];
	} u;
	size_t len;
	int overflow;
};

struct nlres {
	int err;		/* 0, or a positive errno from the kernel's NLMSG_ERROR */
	int done;		/* the reply is complete (ACK, error or NLMSG_DONE seen) */
	uint32_t off;		/* NLMSGERR_ATTR_OFFS: offset of the bad attribute in the request, or 0 */
	char msg[160];		/* NLMSGERR_ATTR_MSG, NUL-terminated; "" when absent */
};

/* Called for each reply message (type >= NLMSG_MIN_TYPE) that answers our
 * request; returns 0 to go on, anything else stops the parse (result done,
 * err left as it was). */
typedef int nl_cb(const struct nlmsghdr *h, void *arg);

/* Open a NETLINK_ROUTE socket (SOCK_CLOEXEC, extended ACKs, strict
 * checking) in the caller's network namespace: 0, or -1 with errno. */
int nl_open(struct nl *nl);
void nl_close(struct nl *nl);

/* Start a request: header, then the family header (ifinfomsg...) of hlen bytes. */
void nl_req(struct nlreq *r, uint16_t type, uint16_t flags, const void *fh, size_t hlen);
/* Append an attribute; return its offset in the request (for nlres.off). */
size_t nl_put(struct nlreq *r, uint16_t type, const void *data, size_t len);
size_t nl_put_u32(struct nlreq *r, uint16_t type, uint32_t v);
size_t nl_put_str(struct nlreq *r, uint16_t type, const char *s);	/* with its NUL */
/* Open a nested attribute (NLA_F_NESTED is set); return a handle for nl_nest_end. */
size_t nl_nest(struct nlreq *r, uint16_t type);
void nl_nest_end(struct nlreq *r, size_t nest);

/*
 * Parse one datagram of the reply to request seq (buf 4-byte aligned; res
 * zeroed before the first datagram).  Messages for other sequence numbers,
 * and anything after the reply is complete, are skipped.  Returns 0
 * (res->done tells whether more datagrams are to come), or -1 when the
 * bytes are malformed.
 */
int nl_parse(const void *buf, size_t len, uint32_t seq, struct nlres *res, nl_cb *cb, void *arg);

/*
 * Send the request (its sequence number is assigned here) and read the reply.
 * Returns 0 when the kernel acknowledged it, -1 otherwise with res->err set
 * (also to a local errno such as EMSGSIZE or EBADMSG) and errno = res->err.
 */
int nl_talk(struct nl *nl, struct nlreq *r, struct nlres *res, nl_cb *cb, void *arg);

/* Look up an attribute in [p, p+len): its payload and length, or NULL. */
const void *nl_attr(const void *p, size_t len, uint16_t type, size_t *plen);

/* The nsid the current network namespace gives the namespace behind nsfd,
 * -1 when none is assigned (or nsfd is -1), or -2 with errno set on error. */
int nl_get_nsid(int nsfd);

#endif
