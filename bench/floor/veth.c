/* SPDX-License-Identifier: 0BSD */
/*
 * Floor of mkveth create and delete, over raw rtnetlink:
 *   veth add NAME PEER    one RTM_NEWLINK (kind veth, peer NAME), wait for the ACK
 *   veth del NAME         one RTM_DELLINK by name, wait for the ACK
 */
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <sys/socket.h>
#include "floor.h"

static char buf[1024] __attribute__((aligned(4)));
static struct nlmsghdr *nh = (struct nlmsghdr *)buf;

static struct rtattr *put(unsigned short type, const void *data, int len)
{
	struct rtattr *a = (struct rtattr *)(buf + NLMSG_ALIGN(nh->nlmsg_len));
	a->rta_type = type;
	a->rta_len = RTA_LENGTH(len);
	if (len)
		memcpy(RTA_DATA(a), data, len);
	nh->nlmsg_len = NLMSG_ALIGN(nh->nlmsg_len) + RTA_ALIGN(a->rta_len);
	return a;
}

static void end(struct rtattr *a)
{
	a->rta_len = buf + nh->nlmsg_len - (char *)a;
}

int main(int argc, char **argv)
{
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	(void)argc;
	if (fd < 0)
		fail("socket");
	nh->nlmsg_len = NLMSG_LENGTH(sizeof(struct ifinfomsg));
	nh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	nh->nlmsg_seq = 1;
	put(IFLA_IFNAME, argv[2], strlen(argv[2]) + 1);
	if (argv[1][0] == 'a') {
		nh->nlmsg_type = RTM_NEWLINK;
		nh->nlmsg_flags |= NLM_F_CREATE | NLM_F_EXCL;
		struct rtattr *li = put(IFLA_LINKINFO, NULL, 0);
		put(IFLA_INFO_KIND, "veth", 4);
		struct rtattr *data = put(IFLA_INFO_DATA, NULL, 0);
		struct rtattr *peer = put(VETH_INFO_PEER, NULL, 0);
		nh->nlmsg_len += sizeof(struct ifinfomsg);
		put(IFLA_IFNAME, argv[3], strlen(argv[3]) + 1);
		end(peer);
		end(data);
		end(li);
	} else {
		nh->nlmsg_type = RTM_DELLINK;
	}
	if (send(fd, buf, nh->nlmsg_len, 0) < 0)
		fail("send");
	int n = recv(fd, buf, sizeof buf, 0);
	if (n < (int)NLMSG_LENGTH(sizeof(struct nlmsgerr)) || nh->nlmsg_type != NLMSG_ERROR)
		fail("recv");
	struct nlmsgerr *e = NLMSG_DATA(nh);
	if (e->error) {
		errno = -e->error;
		fail(argv[2]);
	}
	return 0;
}
