/* SPDX-License-Identifier: 0BSD */
/* Capabilities across exec: see caps.h. */
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "caps.h"
#include "compat.h"
#include "err.h"

void keep_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int cap;

	if (syscall(SYS_capget, &h, d) < 0)
		die_errno("capget failed");
	d[0].inheritable = d[0].effective = d[0].permitted;
	d[1].inheritable = d[1].effective = d[1].permitted;
	if (syscall(SYS_capset, &h, d) < 0)
		die_errno("capset failed");
	for (cap = 0; cap < 64; cap++)
		if ((d[cap / 32].permitted >> (cap % 32)) & 1 &&
		    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, cap, 0, 0) < 0)
			die_errno("prctl(PR_CAP_AMBIENT) failed");
}
