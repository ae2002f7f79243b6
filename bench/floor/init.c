/* SPDX-License-Identifier: 0BSD */
/*
 * The boot floor: an /init that only says so on the console and powers the
 * machine off.  The difference to nsbox init's boot is what nsbox init costs.
 */
#include <fcntl.h>
#include <sys/reboot.h>
#include "floor.h"

int main(void)
{
	static const char msg[] = "floor-init: poweroff\n";
	int fd = openat(AT_FDCWD, "/dev/console", O_WRONLY | O_CLOEXEC);
	(void)!write(fd >= 0 ? fd : 1, msg, sizeof msg - 1);
	reboot(RB_POWER_OFF);
	return 1;
}
