/* SPDX-License-Identifier: 0BSD */
/*
 * mkveth: create a veth pair over raw rtnetlink, put its ends into network
 * namespaces, address them and bring them up; or delete one.  All or
 * nothing: a failure after the pair exists deletes it again, and so does a
 * watcher process when mkveth is killed (SIGKILL) before the job is done.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

#include "compat.h"
#include "config.h"
#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "inet.h"
#include "netlink.h"
#include "ns.h"
#include "num.h"
#include "opt.h"
#include "xfuncs.h"

static const char usage[] =
	"\n"
	"Usage:\n"
	" mkveth [options] NAME PEER\n"
	" mkveth -d|--delete NAME [-n NS]\n"
	"\n"
	"Create a veth pair, put its ends into network namespaces, address them\n"
	"and bring them up, and lo in PEER's namespace (-N); on a failure, delete\n"
	"the pair again.  NS: a PID, a name under /run/netns, or a path.\n"
	"\n"
	"Options:\n"
	" -n, --netns NS         namespace of NAME (default: the current one)\n"
	" -N, --peer-netns NS    namespace of PEER (default: the current one)\n"
	" -a, --addr CIDR        address of NAME (repeatable, IPv4 or IPv6)\n"
	" -A, --peer-addr CIDR   address of PEER (repeatable)\n"
	" -g, --peer-gw IP       default route of PEER's namespace\n"
	"     --gw IP            default route of NAME's namespace\n"
	" -m, --mtu N            MTU of both ends\n"
	"     --mac MAC          MAC address of NAME (default: random)\n"
	"     --peer-mac MAC     MAC address of PEER (default: random)\n"
	"     --master BRIDGE    attach NAME to BRIDGE\n"
	"     --no-up            leave both ends down\n"
	"     --no-lo            leave lo in PEER's namespace alone\n"
	" -d, --delete           delete the pair NAME belongs to\n"
	" -h, --help             display this help\n"
	" -V, --version          display version\n"
	"\n"
	"See nsbox-mkveth(8).\n";

enum { O_GW = OPT_LONG, O_MAC, O_PEERMAC, O_MASTER, O_NOUP, O_NOLO };

static const struct opt opts[] = {
	{ 'n', "netns", OPT_REQ },
	{ 'N', "peer-netns", OPT_REQ },
	{ 'a', "addr", OPT_REQ },
	{ 'A', "peer-addr", OPT_REQ },
	{ 'g', "peer-gw", OPT_REQ },
	{ O_GW, "gw", OPT_REQ },
	{ 'm', "mtu", OPT_REQ },
	{ O_MAC, "mac", OPT_REQ },
	{ O_PEERMAC, "peer-mac", OPT_REQ },
	{ O_MASTER, "master", OPT_REQ },
	{ O_NOUP, "no-up", OPT_NONE },
	{ O_NOLO, "no-lo", OPT_NONE },
	{ 'd', "delete", OPT_NONE },
	{ 0 }
};

/* One end of the pair. */
struct end {
	const char *name;
	const char *ns;		/* -n / -N argument, or NULL */
	int nsfd;		/* its fd, or -1 */
	struct nl *nl;		/* a socket inside that namespace */
	struct nl sock;
	int index;
	const char *mac;
	unsigned char macb[6];
	const char *gw;
	struct inet_addr gwa;
	int naddr;
	const char **addr;
	struct inet_addr *addra;
};

static struct end ends[2];	/* [0] NAME, [1] PEER */
static int created;
static int curfd = -1;		/* the namespace we started in */
static int watch_fd = -1;	/* the watcher's pipe */
static pid_t watcher;

static void delete_pair(void);
static void watch_end(void);

static _Noreturn void fail(const char *obj, const struct nlres *res)
{
	char msg[sizeof(res->msg)];
	int e = res->err ? res->err : EIO;

	memcpy(msg, res->msg, sizeof(msg));
	if (created)
		delete_pair();
	watch_end();
	if (msg[0])
		die("%s: %s", obj, msg);
	die("%s: %s", obj, errtext(e));
}

static void check_name(const char *s)
{
	size_t n = strlen(s);

	if (n > IFNAMSIZ - 1)
		die("%s: name too long (at most %d bytes)", s, IFNAMSIZ - 1);
	if (!n || !strcmp(s, ".") || !strcmp(s, "..") || strpbrk(s, "/: \t\n\v\f\r"))
		die("%s: invalid interface name", s);
}

/* NS as iproute2 resolves it: a name under /run/netns, a path, or a PID. */
static int open_netns(const char *s)
{
	char path[PATH_MAX];
	unsigned long long pid;
	int fd, ispid = 0, c;

	if (strchr(s, '/'))
		fd = openat(AT_FDCWD, s, O_RDONLY | O_CLOEXEC);
	else {
		fmt(path, sizeof(path), "/run/netns/%s", s);
		fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0 && errno == ENOENT && !parse_ull(s, INT_MAX, &pid)) {
		ispid = 1;
		fmt(path, sizeof(path), "/proc/%s/ns/net", s);
		fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0 && errno == ENOENT && !strchr(s, '/'))
		die("netns %s: no such %sname in /run/netns", s, ispid ? "process, and no such " : "");
	if (fd < 0)
		die_errno("netns %s", s);
	c = ns_type_of(fd);
	if (c < 0 && errno != ENOTTY)
		die_errno("netns %s", s);
	if (c < 0 || (c && c != CLONE_NEWNET))
		die("netns %s: not a network namespace", s);
	return fd;
}

/* A netlink socket in e's namespace: enter it, open the socket, come back. */
static void open_sock(struct end *e)
{
	if (e->nsfd >= 0 && setns(e->nsfd, CLONE_NEWNET) < 0)
		die_errno("netns %s", e->ns);
	e->nl = &e->sock;
	if (nl_open(e->nl) < 0)
		die_errno("netlink socket");
	if (e->nsfd >= 0 && setns(curfd, CLONE_NEWNET) < 0)
		die_errno("cannot return to the original network namespace");
}

struct linkq {
	int index;
	int veth;
};

static int link_cb(const struct nlmsghdr *h, void *arg)
{
	struct linkq *q = arg;
	size_t hl = NLMSG_LENGTH(sizeof(struct ifinfomsg)), n, kn;
	struct ifinfomsg ifi;
	const char *li, *kind;

	if (h->nlmsg_type != RTM_NEWLINK || h->nlmsg_len < hl)
		return 0;
	memcpy(&ifi, NLMSG_DATA(h), sizeof(ifi));
	q->index = ifi.ifi_index;
	li = nl_attr((const char *)h + hl, h->nlmsg_len - hl, IFLA_LINKINFO, &n);
	kind = li ? nl_attr(li, n, IFLA_INFO_KIND, &kn) : NULL;
	q->veth = kind && kn >= 4 && !memcmp(kind, "veth", 4) && (kn == 4 || !kind[4]);
	return 0;
}

/* Look a link up by name: 0 (q filled) or -1 with res set. */
static int link_get(struct nl *nl, const char *name, struct linkq *q, struct nlres *res)
{
	struct ifinfomsg ifi = { 0 };
	struct nlreq r;

	q->index = 0;
	nl_req(&r, RTM_GETLINK, 0, &ifi, sizeof(ifi));
	nl_put_u32(&r, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	nl_put_str(&r, IFLA_IFNAME, name);
	if (nl_talk(nl, &r, res, link_cb, q) < 0)
		return -1;
	if (q->index <= 0) {
		res->err = ENODEV;
		return -1;
	}
	return 0;
}

static int link_index(struct end *e)
{
	struct linkq q;
	struct nlres res;

	if (!e->index) {
		if (link_get(e->nl, e->name, &q, &res) < 0)
			fail(e->name, &res);
		e->index = q.index;
	}
	return e->index;
}

static int del_link(struct nl *nl, int index, struct nlres *res)
{
	struct ifinfomsg ifi = { .ifi_index = index };
	struct nlreq r;

	nl_req(&r, RTM_DELLINK, 0, &ifi, sizeof(ifi));
	return nl_talk(nl, &r, res, NULL, NULL);
}

static void delete_pair(void)
{
	struct linkq q;
	struct nlres res;

	created = 0;
	if (link_get(ends[0].nl, ends[0].name, &q, &res) < 0 || del_link(ends[0].nl, q.index, &res) < 0)
		warn("%s: cannot delete: %s", ends[0].name, res.msg[0] ? res.msg : errtext(res.err));
}

/* RTM_NEWLINK on an existing link, by name: MTU and up, or master.  An error
 * names the link, or text when it is about the MTU or the master. */
static void set_link(struct nl *nl, const char *name, int up, unsigned mtu, int master, const char *text)
{
	struct ifinfomsg ifi = { .ifi_flags = up ? IFF_UP : 0, .ifi_change = up ? IFF_UP : 0 };
	struct nlreq r;
	struct nlres res;

	nl_req(&r, RTM_NEWLINK, 0, &ifi, sizeof(ifi));
	if (mtu)
		nl_put_u32(&r, IFLA_MTU, mtu);
	if (master)
		nl_put_u32(&r, IFLA_MASTER, master);
	nl_put_str(&r, IFLA_IFNAME, name);
	if (nl_talk(nl, &r, &res, NULL, NULL) < 0)
		fail(master || (mtu && !strncmp(res.msg, "mtu ", 4)) ? text : name, &res);
}

static void add_addr(struct end *e, int i)
{
	const struct inet_addr *a = &e->addra[i];
	struct ifaddrmsg ifa = {
		.ifa_family = a->family,
		.ifa_prefixlen = a->prefix,
		/* No duplicate address detection: the address is usable at once. */
		.ifa_flags = a->family == AF_INET6 ? IFA_F_NODAD : 0,
		.ifa_index = link_index(e),
	};
	struct nlreq r;
	struct nlres res;

	nl_req(&r, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &ifa, sizeof(ifa));
	nl_put(&r, IFA_LOCAL, a->a, a->len);
	nl_put(&r, IFA_ADDRESS, a->a, a->len);
	if (nl_talk(e->nl, &r, &res, NULL, NULL) < 0)
		fail(e->addr[i], &res);
}

static void add_gw(struct end *e)
{
	struct rtmsg rt = {
		.rtm_family = e->gwa.family,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_protocol = RTPROT_BOOT,
		.rtm_scope = RT_SCOPE_UNIVERSE,
		.rtm_type = RTN_UNICAST,
	};
	struct nlreq r;
	struct nlres res;

	nl_req(&r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &rt, sizeof(rt));
	nl_put(&r, RTA_GATEWAY, e->gwa.a, e->gwa.len);
	nl_put_u32(&r, RTA_OIF, link_index(e));
	if (nl_talk(e->nl, &r, &res, NULL, NULL) < 0)
		fail(e->gw, &res);
}

static void parse_ip(const char *s, struct inet_addr *a, int cidr)
{
	int r = cidr ? inet_parse_cidr(s, a) : inet_parse_ip(s, a);

	if (r == INET_EPREFIX)
		die("%s: invalid prefix length", s);
	if (r)
		die("%s: invalid address", s);
	if (!CONFIG_MKVETH_IPV6 && a->family == AF_INET6)
		die("%s: IPv6 support is not compiled in", s);
}

static int delete_main(struct end *e)
{
	struct linkq q;
	struct nlres res;

	open_sock(e);
	if (link_get(e->nl, e->name, &q, &res) < 0)
		fail(e->name, &res);
	if (!q.veth)
		die("%s: not a veth device", e->name);
	/* No answer is not no deletion: the pair gone is success. */
	if (del_link(e->nl, q.index, &res) < 0 && (res.done || link_get(e->nl, e->name, &q, &res) == 0
						   || res.err != ENODEV))
		fail(e->name, &res);
	return 0;
}

/* The command line: the two ends (in ends[]) and what applies to both. */
static struct {
	const char *master;
	unsigned mtu;
	char mtutext[40];
	int noup, nolo, del;
	int other;	/* options besides -d and -n: --delete takes no others */
} o;

static void parse_args(int *argcp, char ***argvp)
{
	struct end *l = &ends[0], *pe = &ends[1];
	struct optparse p;
	unsigned long long mtu;
	int c, argc = *argcp;

	l->addr = xmalloc(argc * sizeof(char *));
	pe->addr = xmalloc(argc * sizeof(char *));
	opt_init(&p, argc, *argvp, opts, usage);
	p.permute = 1;
	while ((c = opt_next(&p)) >= 0) {
		o.other += c != 'd' && c != 'n';
		switch (c) {
		case 'n': l->ns = p.arg; break;
		case 'N': pe->ns = p.arg; break;
		case 'a': l->addr[l->naddr++] = p.arg; break;
		case 'A': pe->addr[pe->naddr++] = p.arg; break;
		case 'g': pe->gw = p.arg; break;
		case O_GW: l->gw = p.arg; break;
		case 'm':
			if (parse_ull(p.arg, UINT_MAX, &mtu) || !mtu)
				die("mtu %s: invalid number", p.arg);
			o.mtu = mtu;
			fmt(o.mtutext, sizeof(o.mtutext), "mtu %s", p.arg);
			break;
		case O_MAC: l->mac = p.arg; break;
		case O_PEERMAC: pe->mac = p.arg; break;
		case O_MASTER: o.master = p.arg; break;
		case O_NOUP: o.noup = 1; break;
		case O_NOLO: o.nolo = 1; break;
		case 'd': o.del = 1; break;
		}
	}
	*argvp += p.ind;
	*argcp -= p.ind;
}

/* Everything is checked before anything is sent. */
static void check_args(int argc, char **argv)
{
	if (o.del ? argc != 1 || o.other : argc != 2)
		usage_error(argc < (o.del ? 1 : 2) ? "missing operand" : o.del && o.other ?
			    "--delete takes only NAME and --netns" : "too many operands");
	ends[0].name = argv[0];
	ends[1].name = argv[1];
	for (int i = 0; i < 2; i++) {
		struct end *e = &ends[i];

		if (e->name)
			check_name(e->name);
		e->addra = xmalloc((e->naddr + 1) * sizeof(struct inet_addr));
		for (int j = 0; j < e->naddr; j++)
			parse_ip(e->addr[j], &e->addra[j], 1);
		if (e->gw)
			parse_ip(e->gw, &e->gwa, 0);
		if (e->mac && (mac_parse(e->mac, e->macb) || (e->macb[0] & 1) ||
			       !memcmp(e->macb, "\0\0\0\0\0\0", 6)))
			die("%s: invalid MAC address", e->mac);
	}
	if (o.master)
		check_name(o.master);
}

/* The namespaces' fds and a netlink socket in each end's namespace. */
static void open_ends(void)
{
	struct end *l = &ends[0], *pe = &ends[1];

	if (l->ns || pe->ns)
		curfd = xopen("/proc/self/ns/net", O_RDONLY);
	for (int i = 0; i < 2; i++)
		if (ends[i].ns)
			ends[i].nsfd = open_netns(ends[i].ns);
	if (o.del)
		return;
	open_sock(l);
	if (pe->ns || l->ns)
		open_sock(pe);	/* in its namespace, or the current one */
	else
		pe->nl = l->nl;	/* the same socket: one sequence */
}

/* One RTM_NEWLINK, sent in NAME's namespace; the peer goes straight to its own.
 * Called with every signal blocked: from here on the pair may exist. */
static void create_pair(void)
{
	struct end *l = &ends[0], *pe = &ends[1];
	struct ifinfomsg ifi = { 0 };
	struct nlreq r;
	struct nlres res;
	size_t nest, data, peer;

	nl_req(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &ifi, sizeof(ifi));
	if (l->mac)
		nl_put(&r, IFLA_ADDRESS, l->macb, 6);
	nl_put_str(&r, IFLA_IFNAME, l->name);
	nest = nl_nest(&r, IFLA_LINKINFO);
	nl_put(&r, IFLA_INFO_KIND, "veth", 4);
	data = nl_nest(&r, IFLA_INFO_DATA);
	peer = nl_put(&r, VETH_INFO_PEER, &ifi, sizeof(ifi));
	if (pe->ns || l->ns)
		nl_put_u32(&r, IFLA_NET_NS_FD, pe->ns ? pe->nsfd : curfd);
	if (pe->mac)
		nl_put(&r, IFLA_ADDRESS, pe->macb, 6);
	nl_put_str(&r, IFLA_IFNAME, pe->name);
	nl_nest_end(&r, peer);
	nl_nest_end(&r, data);
	nl_nest_end(&r, nest);
	if (nl_talk(l->nl, &r, &res, NULL, NULL) < 0) {
		struct linkq q;
		struct nlres r2;

		/* Which name is taken?  The kernel does not say. */
		if (res.err == EEXIST && !res.msg[0] && link_get(l->nl, l->name, &q, &r2) < 0)
			fail(pe->name, &res);
		/* No answer (a lost ACK, recvmsg failed): the pair may exist all the same,
		 * and NLM_F_EXCL says it is ours then. */
		if (!res.done && link_get(l->nl, l->name, &q, &r2) == 0 && q.veth)
			created = 1;
		fail(l->name, &res);
	}
	created = 1;
}

/*
 * SIGKILL cannot be blocked.  A watcher, forked before the pair is made and
 * in a session of its own (a kill of mkveth's process group misses it),
 * waits on a pipe: a byte says the job is over, one way or the other; the
 * write end closing without one says mkveth died, and the watcher deletes
 * the pair, through a socket of its own (the shared one may hold a reply
 * mkveth never read).  NAME did not exist when the watcher started, and
 * NLM_F_EXCL made the pair ours if it exists now.
 */
static void watch_start(void)
{
	int p[2];
	ssize_t n;
	char c;

	if (pipe2(p, O_CLOEXEC) < 0)
		die_errno("cannot make a pipe for the watcher");
	if ((watcher = fork()) < 0)
		die_errno("cannot fork the watcher");
	if (watcher) {
		close(p[0]);
		watch_fd = p[1];
		return;
	}
	close(p[1]);
	setsid();
	do
		n = read(p[0], &c, 1);
	while (n < 0 && errno == EINTR);
	if (n == 0) {
		struct linkq q;
		struct nlres res;

		open_sock(&ends[0]);
		if (link_get(ends[0].nl, ends[0].name, &q, &res) == 0 && q.veth && del_link(ends[0].nl, q.index, &res) < 0)
			warn("%s: cannot delete: %s", ends[0].name, res.msg[0] ? res.msg : errtext(res.err));
	}
	_exit(0);
}

/* The job is over (done, or undone by mkveth itself): release the watcher. */
static void watch_end(void)
{
	if (watch_fd < 0)
		return;
	if (write(watch_fd, "", 1) < 0) {
		/* the watcher is gone (killed): nothing to tell */
	}
	close(watch_fd);
	watch_fd = -1;
	wait_pid(watcher, NULL, 0);
}

/* MTU, up, master, lo, addresses and routes of the new pair.  The MTU is set
 * here rather than at creation: only then does the kernel explain a bad value. */
static void configure(int bridge)
{
	struct end *l = &ends[0], *pe = &ends[1];
	char mastertext[40];

	if (!o.noup || o.mtu)
		set_link(l->nl, l->name, !o.noup, o.mtu, 0, o.mtutext);
	if (bridge) {
		fmt(mastertext, sizeof(mastertext), "master %s", o.master);
		set_link(l->nl, l->name, 0, 0, bridge, mastertext);
	}
	if (pe->ns && !o.nolo)
		set_link(pe->nl, "lo", 1, 0, 0, NULL);
	if (!o.noup || o.mtu)
		set_link(pe->nl, pe->name, !o.noup, o.mtu, 0, o.mtutext);
	for (int i = 1; i >= 0; i--) {
		struct end *e = &ends[i];

		for (int j = 0; j < e->naddr; j++)
			add_addr(e, j);
		if (e->gw)
			add_gw(e);
	}
}

int mkveth_main(int argc, char **argv)
{
	struct linkq q;
	struct nlres res;
	sigset_t sigs, old;
	int bridge = 0;

	ends[0].nsfd = ends[1].nsfd = -1;
	parse_args(&argc, &argv);
	check_args(argc, argv);
	open_ends();
	if (o.del)
		return delete_main(&ends[0]);
	if (o.master) {
		if (link_get(ends[0].nl, o.master, &q, &res) < 0)
			fail(o.master, &res);
		bridge = q.index;
	}
	/* A NAME that exists is refused before the watcher starts: the pair it
	 * may delete is then one this run made. */
	if (link_get(ends[0].nl, ends[0].name, &q, &res) == 0) {
		res.err = EEXIST;
		res.msg[0] = 0;
	}
	if (res.err != ENODEV)
		fail(ends[0].name, &res);
	/* No signal may stop us halfway (a pending one takes effect once the
	 * job is complete). */
	sigfillset(&sigs);
	sigprocmask(SIG_BLOCK, &sigs, &old);
	signal(SIGPIPE, SIG_IGN);	/* a killed watcher: write fails with EPIPE */
	watch_start();
	create_pair();
	configure(bridge);
	watch_end();
	sigprocmask(SIG_SETMASK, &old, NULL);
	return 0;
}
