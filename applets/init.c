/* SPDX-License-Identifier: 0BSD */
/*
 * init: PID 1 of a machine booted from an initramfs, or a reaper (tini-like)
 * for a container's PID 1.
 *
 * Boot mode: when we are PID 1 of the initial pid namespace (PID 2 exists
 * from the start: it is the kernel's kthreadd; a new pid namespace's first
 * process is alone).  Mounts the API filesystems, loads /etc/modules, sets
 * the hostname, brings lo up, runs the job with a controlling terminal,
 * reaps everything, and powers off when the job ends or on SIGTERM/SIGINT.
 *
 * Module convention: /etc/modules lists one module per line, in load order
 * (dependencies first), as a file name relative to /lib/modules ("veth.ko",
 * "net/veth.ko"), or a bare name meaning /lib/modules/NAME.ko; the rest of
 * the line is passed as module parameters.  '#' starts a comment.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <termios.h>
#include <unistd.h>
#if defined(__x86_64__) || defined(__i386__)
#include <sys/io.h>
#endif

#include "err.h"
#include "exec.h"
#include "fmt.h"
#include "mountinfo.h"
#include "opt.h"
#include "reaper.h"
#include "xfuncs.h"

static const char init_usage[] =
	"\n"
	"Usage:\n"
	" init [options] [--] <command> [<argument>...]\n"
	" init                  (as the machine's PID 1)\n"
	"\n"
	"Run a command as a child, forward signals to it and reap orphans;\n"
	"exit with its status, or 128+N when it died from signal N.\n"
	"As the machine's PID 1, whatever its arguments: mount /proc /sys /dev,\n"
	"load /etc/modules, run nsbox.run=PATH, /etc/rc or a shell, and power off\n"
	"when it ends.\n"
	"\n"
	"Options:\n"
	" -g, --pgroup   send signals to the command's process group\n"
	" -h, --help     display this help\n"
	" -V, --version  display version\n"
	"\n"
	"See nsbox-init(8).\n";

/* ---- reaper mode ---------------------------------------------------------- */

static void run_command(void *argv)
{
	exec_or_die(argv);
}

/* ---- boot mode ---------------------------------------------------------- */

static const char *cmdline = "";	/* the kernel's, read into boot()'s frame */

/* The value of KEY=VALUE on the kernel command line, in buf, or NULL. */
static const char *kparam(const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);
	const char *p = cmdline;

	while (*p) {
		const char *e = p + strcspn(p, " \n");

		if ((size_t)(e - p) > klen && !strncmp(p, key, klen) && p[klen] == '=') {
			fmt(buf, size, "%.*s", (int)(e - p - klen - 1), p + klen + 1);
			return buf;
		}
		p = *e ? e + 1 : e;
	}
	return NULL;
}

static void xmount(const char *src, const char *dir, const char *type,
		   unsigned long flags, const char *data)
{
	mkdir(dir, 0755);
	if (mount(src, dir, type, flags, data) < 0 && errno != EBUSY)
		warn_errno("cannot mount %s on %s", type, dir);
}

static void mount_api(void)
{
	const unsigned long nse = MS_NOSUID | MS_NODEV | MS_NOEXEC;

	xmount("proc", "/proc", "proc", nse, NULL);
	xmount("sysfs", "/sys", "sysfs", nse, NULL);
	xmount("devtmpfs", "/dev", "devtmpfs", MS_NOSUID, "mode=0755");
	xmount("devpts", "/dev/pts", "devpts", MS_NOSUID | MS_NOEXEC, "gid=5,mode=620,ptmxmode=666");
	xmount("shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
	xmount("run", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755");
	xmount("tmp", "/tmp", "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777");
}

/* The kernel gives init HOME and TERM; the job also wants a PATH. */
static void set_path(void)
{
	static char *env[32];
	int n = 0;
	char **e;

	for (e = environ; *e && n < 30; e++)
		if (strncmp(*e, "PATH=", 5))
			env[n++] = *e;
	env[n] = "PATH=/sbin:/usr/sbin:/bin:/usr/bin";
	environ = env;
}

static void load_modules(void)
{
	char big[32768], *line, *next;

	if (read_file_at(AT_FDCWD, "/etc/modules", big, sizeof(big)) < 0)
		return;
	for (line = big; *line; line = next) {
		char path[512], *params, *hash;
		size_t n;
		int fd;

		next = line + strcspn(line, "\n");
		if (*next)
			*next++ = 0;
		if ((hash = strchr(line, '#')))
			*hash = 0;
		line += strspn(line, " \t");
		n = strcspn(line, " \t");
		if (!n)
			continue;
		params = line + n;
		if (*params)
			*params++ = 0;
		params += strspn(params, " \t");
		if (n > 3 && !memcmp(line + n - 3, ".ko", 3))
			fmt(path, sizeof(path), "/lib/modules/%s", line);
		else
			fmt(path, sizeof(path), "/lib/modules/%s.ko", line);
		fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			warn_errno("cannot open %s", path);
			continue;
		}
		if (syscall(SYS_finit_module, fd, params, 0) < 0 && errno != EEXIST)
			warn_errno("cannot load %s", path);
		close(fd);
	}
}

static void set_hostname(void)
{
	char buf[256];
	const char *name = kparam("nsbox.hostname", buf, sizeof(buf));

	if (!name && read_file_at(AT_FDCWD, "/etc/hostname", buf, sizeof(buf)) > 0) {
		buf[strcspn(buf, " \t\n")] = 0;
		name = buf;
	}
	if (name && *name && sethostname(name, strlen(name)) < 0)
		warn_errno("cannot set hostname to %s", name);
}

static void lo_up(void)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "lo");
	if (ioctl(fd, SIOCGIFFLAGS, &ifr) < 0 ||
	    (ifr.ifr_flags |= IFF_UP, ioctl(fd, SIOCSIFFLAGS, &ifr) < 0))
		warn_errno("cannot bring lo up");
	close(fd);
}

/* The device behind /dev/console (the last of /sys/class/tty/console/active). */
static int open_console(void)
{
	char act[128], dev[160], *last;
	int fd = -1;

	if (read_file_at(AT_FDCWD, "/sys/class/tty/console/active", act, sizeof(act)) > 0) {
		act[strcspn(act, "\n")] = 0;
		last = strrchr(act, ' ');
		last = last ? last + 1 : act;
		if (*last) {
			fmt(dev, sizeof(dev), "/dev/%s", last);
			fd = openat(AT_FDCWD, dev, O_RDWR | O_NOCTTY | O_CLOEXEC);
		}
	}
	if (fd < 0)
		fd = openat(AT_FDCWD, "/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);
	return fd;
}

static pid_t start_job(const sigset_t *mask)
{
	char run[256], *argv[3] = { NULL, NULL, NULL };
	pid_t pid;

	if (kparam("nsbox.run", run, sizeof(run))) {
		argv[0] = run;
	} else if (access("/etc/rc", F_OK) == 0) {
		argv[0] = "/etc/rc";
		if (access("/etc/rc", X_OK) < 0) {
			argv[0] = "/bin/sh";
			argv[1] = "/etc/rc";
		}
	} else if (access("/bin/sh", X_OK) < 0) {
		warn("no job: no nsbox.run=, /etc/rc or /bin/sh");
		return -1;
	}
	pid = fork();
	if (pid < 0)
		warn_errno("fork failed");
	if (pid == 0) {
		int fd;

		setsid();
		fd = open_console();
		if (fd >= 0) {
			/* fails only if the console is no terminal: the job then has none */
			(void)ioctl(fd, TIOCSCTTY, 1);
			if (fd_to_stdio(fd) < 0)
				warn_errno("cannot use the console");
		}
		sigprocmask(SIG_SETMASK, mask, NULL);
		if (argv[0])
			exec_or_die(argv);
		exec_shell();
	}
	return pid;
}

/* Reap what has ended; 1 when no child is left (everyone is ours, as PID 1). */
static int reap_all(void)
{
	pid_t pid;

	while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
		;
	return pid < 0 && errno == ECHILD;
}

/* Wait until no process is left, or the time runs out. */
static void wait_all(const sigset_t *chld, int ms)
{
	struct timespec slice = { 0, 50 * 1000 * 1000 };

	for (; ms > 0; ms -= 50) {
		if (reap_all())
			return;
		sigtimedwait(chld, NULL, &slice);
	}
	reap_all();
}

/* Best effort, before the power goes: what cannot be unmounted is detached. */
static void unmount_all(void)
{
	struct mounts t;
	int i;

	if (mounts_read(&t) < 0)
		return;
	for (i = t.n - 1; i >= 0; i--)	/* children after their parents in mountinfo */
		if (strcmp(t.m[i].target, "/") && umount2(t.m[i].target, 0) < 0)
			umount2(t.m[i].target, MNT_DETACH);
	mounts_free(&t);
}

static _Noreturn void power_off(int status, const sigset_t *chld)
{
	char msg[64];
	size_t len = fmt(msg, sizeof(msg), "nsbox-init: exit status %d\n", status);
	char isa[8];

	write_all(2, msg, len);
	/* The line must reach the runner: a slow (emulated) UART still holds it
	 * when the job, the tty's session, dies below and its output is dropped. */
	tcdrain(2);
	kill(-1, SIGTERM);
	wait_all(chld, 3000);
	kill(-1, SIGKILL);
	wait_all(chld, 1000);
	sync();
	unmount_all();
	sync();
#if defined(__x86_64__) || defined(__i386__)
	if (kparam("nsbox.exitcode", isa, sizeof(isa)) && !strcmp(isa, "isa")) {
		/* QEMU exits with (v << 1) | 1: status 0 stays distinct from a power-off. */
		if (ioperm(0xf4, 4, 1) == 0)
			outb(status > 127 ? 127 : status, 0xf4);
		else
			warn_errno("cannot reach isa-debug-exit");
	}
#else
	(void)isa;
#endif
	reboot(RB_POWER_OFF);
	warn_errno("power off failed");
	for (;;)
		pause();
}

static _Noreturn void boot(void)
{
	char kcmd[2048];
	sigset_t all, old, chld;
	siginfo_t si;
	pid_t job;
	int fd;

	sigfillset(&all);
	sigprocmask(SIG_SETMASK, &all, &old);
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	reboot(RB_DISABLE_CAD);		/* ctrl-alt-del: SIGINT to us */
	if (chdir("/") < 0)	/* the kernel starts init in /: this cannot fail */
		warn_errno("cannot change directory to /");
	umask(022);
	mount_api();
	fd = openat(AT_FDCWD, "/dev/console", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0 && fd_to_stdio(fd) < 0)
		warn_errno("cannot use /dev/console");
	if (read_file_at(AT_FDCWD, "/proc/cmdline", kcmd, sizeof(kcmd)) >= 0)
		cmdline = kcmd;
	set_path();
	load_modules();
	set_hostname();
	lo_up();

	job = start_job(&old);
	if (job < 0)
		power_off(1, &chld);
	for (;;) {
		int sig = sigwaitinfo(&all, &si), status;

		if (sig == SIGTERM || sig == SIGINT)
			power_off(128 + sig, &chld);
		if (sig == SIGCHLD && reap_children(job, &status))
			power_off(status, &chld);
	}
}

int init_main(int argc, char **argv)
{
	static const struct opt opts[] = {
		{ 'g', "pgroup", OPT_NONE },
		{ 0 }
	};
	struct optparse p;
	int group = 0, c;

	/*
	 * PID 2 exists at our start only in the initial pid namespace (kthreadd).
	 * There we boot whatever argv holds: the kernel hands PID 1 the command
	 * line's words it does not know (nokaslr, a bootloader's additions).
	 * A 2 that is a thread of ours is not kthreadd: under qemu-user (a
	 * foreign-arch container) the emulator's own thread gets TID 2.
	 */
	if (getpid() == 1 && kill(2, 0) == 0 && syscall(SYS_tgkill, 1, 2, 0) < 0)
		boot();
	opt_init(&p, argc, argv, opts, init_usage);
	while ((c = opt_next(&p)) >= 0)
		if (c == 'g')
			group = 1;
	if (p.ind >= argc)
		usage_error("no command specified");
	return reaper(run_command, argv + p.ind, group);
}
