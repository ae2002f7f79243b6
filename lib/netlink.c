/* SPDX-License-Identifier: 0BSD */
/* A small rtnetlink client: requests with nested attributes, ACK and extended-ACK parsing. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "compat.h"
#include "netlink.h"

int nl_open(struct nl *nl)
{
	static const int one = 1;
	static const int opts[] = { NETLINK_EXT_ACK, NETLINK_GET_STRICT_CHK, NETLINK_CAP_ACK };

	nl->seq = 0;
	nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nl->fd < 0)
		return -1;
	/* Best effort: older kernels lack some of these, and that only costs detail. */
	for (size_t i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		(void)setsockopt(nl->fd, SOL_NETLINK, opts[i], &one, sizeof(one));
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->fd >= 0)
		close(nl->fd);
	nl->fd = -1;
}

void nl_req(struct nlreq *r, uint16_t type, uint16_t flags, const void *fh, size_t hlen)
{
	size_t n = NLMSG_HDRLEN + NLMSG_ALIGN(hlen);

	r->overflow = n > NLREQ_SIZE;
	if (r->overflow)
		n = NLMSG_HDRLEN, hlen = 0;
	memset(r->u.buf, 0, n);
	if (hlen)
		memcpy(r->u.buf + NLMSG_HDRLEN, fh, hlen);
	r->len = n;
	r->u.hdr.nlmsg_len = n;
	r->u.hdr.nlmsg_type = type;
	r->u.hdr.nlmsg_flags = NLM_F_REQUEST | flags | ((flags & NLM_F_DUMP) == NLM_F_DUMP ? 0 : NLM_F_ACK);
}

size_t nl_put(struct nlreq *r, uint16_t type, const void *data, size_t len)
{
	size_t off = r->len, alen = NLA_HDRLEN + len;
	struct nlattr a;

	if (r->overflow || alen > 0xffff || NLA_ALIGN(alen) > NLREQ_SIZE - off) {
		r->overflow = 1;
		return 0;
	}
	a.nla_len = alen;
	a.nla_type = type;
	memcpy(r->u.buf + off, &a, sizeof(a));
	if (len)
		memcpy(r->u.buf + off + NLA_HDRLEN, data, len);
	memset(r->u.buf + off + alen, 0, NLA_ALIGN(alen) - alen);
	r->len = off + NLA_ALIGN(alen);
	r->u.hdr.nlmsg_len = r->len;
	return off;
}

size_t nl_put_u32(struct nlreq *r, uint16_t type, uint32_t v)
{
	return nl_put(r, type, &v, sizeof(v));
}

size_t nl_put_str(struct nlreq *r, uint16_t type, const char *s)
{
	return nl_put(r, type, s, strlen(s) + 1);
}

size_t nl_nest(struct nlreq *r, uint16_t type)
{
	return nl_put(r, type, NULL, 0);
}

void nl_nest_end(struct nlreq *r, size_t nest)
{
	uint16_t len = r->len - nest;

	if (!r->overflow && nest)
		memcpy(r->u.buf + nest + offsetof(struct nlattr, nla_len), &len, sizeof(len));
}

const void *nl_attr(const void *p, size_t len, uint16_t type, size_t *plen)
{
	const unsigned char *q = p;
	struct nlattr a;
	size_t adv;

	while (len >= NLA_HDRLEN) {
		memcpy(&a, q, sizeof(a));
		if (a.nla_len < NLA_HDRLEN || a.nla_len > len)
			return NULL;
		if ((a.nla_type & NLA_TYPE_MASK) == type) {
			*plen = a.nla_len - NLA_HDRLEN;
			return q + NLA_HDRLEN;
		}
		adv = NLA_ALIGN((size_t)a.nla_len);
		if (adv >= len)
			break;
		q += adv;
		len -= adv;
	}
	return NULL;
}

/* The TLVs after an NLMSG_ERROR or NLMSG_DONE payload: the message and the offset. */
static void parse_ext_ack(const unsigned char *p, size_t len, struct nlres *res)
{
	const char *s;
	const unsigned char *o;
	size_t n;

	s = nl_attr(p, len, NLMSGERR_ATTR_MSG, &n);
	if (s) {
		if (n > sizeof(res->msg) - 1)
			n = sizeof(res->msg) - 1;
		n = strnlen(s, n);
		memcpy(res->msg, s, n);
		res->msg[n] = 0;
	}
	o = nl_attr(p, len, NLMSGERR_ATTR_OFFS, &n);
	if (o && n >= sizeof(uint32_t))
		memcpy(&res->off, o, sizeof(uint32_t));
}

static int errno_of(int e)
{
	if (e == 0)
		return 0;
	return e < 0 && e >= -4095 ? -e : EPROTO;
}

int nl_parse(const void *buf, size_t len, uint32_t seq, struct nlres *res, nl_cb *cb, void *arg)
{
	const unsigned char *p = buf;
	struct nlmsghdr h;

	while (len >= NLMSG_HDRLEN) {
		const unsigned char *pl = p + NLMSG_HDRLEN;
		size_t plen, adv;

		memcpy(&h, p, sizeof(h));
		if (h.nlmsg_len < NLMSG_HDRLEN || h.nlmsg_len > len)
			return -1;
		plen = h.nlmsg_len - NLMSG_HDRLEN;
		if (h.nlmsg_seq == seq && !res->done) {
			if (h.nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr e;
				size_t toff;

				if (plen < sizeof(e))
					return -1;
				memcpy(&e, pl, sizeof(e));
				res->err = errno_of(e.error);
				res->done = 1;
				if (h.nlmsg_flags & NLM_F_ACK_TLVS) {
					/* The echoed request comes first, whole unless capped. */
					toff = sizeof(e);
					if (!(h.nlmsg_flags & NLM_F_CAPPED)) {
						if (e.msg.nlmsg_len < NLMSG_HDRLEN ||
						    e.msg.nlmsg_len > plen - sizeof(e.error))
							return -1;
						toff = sizeof(e.error) + e.msg.nlmsg_len;
					}
					toff = NLMSG_ALIGN(toff);
					if (toff < plen)
						parse_ext_ack(pl + toff, plen - toff, res);
				}
			} else if (h.nlmsg_type == NLMSG_DONE) {
				int e = 0;

				res->done = 1;
				if (plen >= sizeof(e)) {
					memcpy(&e, pl, sizeof(e));
					res->err = errno_of(e);
					if (h.nlmsg_flags & NLM_F_ACK_TLVS)
						parse_ext_ack(pl + sizeof(e), plen - sizeof(e), res);
				}
			} else if (h.nlmsg_type == NLMSG_OVERRUN) {
				res->err = ENOBUFS;
				res->done = 1;
			} else if (h.nlmsg_type >= NLMSG_MIN_TYPE && cb) {
				if (cb((const struct nlmsghdr *)(const void *)p, arg))
					res->done = 1;
			}
		}
		adv = NLMSG_ALIGN(h.nlmsg_len);
		if (adv >= len)
			return 0;
		p += adv;
		len -= adv;
	}
	return len ? -1 : 0;
}

static int fail(struct nlres *res, int err)
{
	res->err = err;
	errno = err;
	return -1;
}

int nl_talk(struct nl *nl, struct nlreq *r, struct nlres *res, nl_cb *cb, void *arg)
{
	union {
		struct nlmsghdr h;
		unsigned char b[32768];
	} buf;
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct iovec iov = { buf.b, sizeof(buf.b) };
	struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof(sa), .msg_iov = &iov, .msg_iovlen = 1 };
	int lost = 0;
	ssize_t n;

	memset(res, 0, sizeof(*res));
	if (r->overflow)
		return fail(res, EMSGSIZE);
	r->u.hdr.nlmsg_seq = ++nl->seq;
	while (sendto(nl->fd, r->u.buf, r->len, 0, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		if (errno != EINTR)
			return fail(res, errno);
	while (!res->done) {
		m.msg_namelen = sizeof(sa);
		n = recvmsg(nl->fd, &m, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS && !lost) {
				/* The queue overflowed and something was dropped, maybe our
				 * answer: keep reading, but do not wait for ever. */
				struct timeval tv = { 1, 0 };
				lost = 1;
				(void)setsockopt(nl->fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
				continue;
			}
			return fail(res, lost && errno == EAGAIN ? ENOBUFS : errno);
		}
		if (m.msg_flags & MSG_TRUNC)
			return fail(res, EMSGSIZE);
		if (sa.nl_pid != 0)	/* not from the kernel */
			continue;
		if (nl_parse(buf.b, n, nl->seq, res, cb, arg) < 0)
			return fail(res, EBADMSG);
	}
	if (res->err) {
		errno = res->err;
		return -1;
	}
	return 0;
}

static int nsid_cb(const struct nlmsghdr *h, void *arg)
{
	size_t hl = NLMSG_HDRLEN + NLMSG_ALIGN(sizeof(struct rtgenmsg)), n;
	const void *v;

	if (h->nlmsg_type != RTM_NEWNSID || h->nlmsg_len < hl)
		return 0;
	v = nl_attr((const char *)h + hl, h->nlmsg_len - hl, NETNSA_NSID, &n);
	if (v && n >= sizeof(int32_t))
		memcpy(arg, v, sizeof(int32_t));
	return 0;
}

int nl_get_nsid(int nsfd)
{
	static struct nl nl;
	static int opened;
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nlreq r;
	struct nlres res;
	int32_t id = -1;

	if (nsfd < 0)
		return -1;
	if (!opened) {
		if (nl_open(&nl) < 0)
			return -2;
		opened = 1;
	}
	nl_req(&r, RTM_GETNSID, 0, &g, sizeof(g));
	nl_put_u32(&r, NETNSA_FD, nsfd);
	if (nl_talk(&nl, &r, &res, nsid_cb, &id) < 0)
		return -2;
	return id < 0 ? -1 : id;
}
