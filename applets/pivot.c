/*
 * pivot_root: change the root filesystem.  One applet, answering to several
 * names; which one ran is in applet_name.
 */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "err.h"
#include "opt.h"

static const char pivot_root_usage[] =
	"\n"
	"Usage:\n"
	" pivot_root [options] new_root put_old\n"
	"\n"
	"Change the root filesystem.\n"
	"\n"
	"Options:\n"
	" -h, --help     display this help\n"
	" -V, --version  display version\n"
	"\n"
	"For more details see pivot_root(8).\n";

static int pivot_root_main(int argc, char **argv)
{
	static const struct opt opts[] = { { 0 } };
	struct optparse p;

	opt_init(&p, argc, argv, opts, pivot_root_usage);
	while (opt_next(&p) >= 0)
		;
	if (argc - p.ind != 2)
		usage_error("bad usage");
	if (syscall(SYS_pivot_root, argv[p.ind], argv[p.ind + 1]) < 0)
		die_errno("failed to change root from `%s' to `%s'", argv[p.ind], argv[p.ind + 1]);
	return 0;
}

int pivot_main(int argc, char **argv)
{
	return pivot_root_main(argc, argv);
}
