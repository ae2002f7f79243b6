/* SPDX-License-Identifier: 0BSD */
/*
 * Fallbacks for C library and kernel headers older than the features nsbox
 * uses: the one place for them.  Each names the Linux version that brought
 * it; on an older kernel the call fails at run time (ENOSYS, EINVAL, ENOTTY)
 * and the applet says so.  Include this instead of defining a constant
 * where it is used.
 */
#ifndef NSBOX_COMPAT_H
#define NSBOX_COMPAT_H

#include <fcntl.h>
#include <sched.h>
#include <stdint.h>
#include <sys/ioctl.h>
#include <sys/mount.h>		/* glibc 2.36+ declares the new mount API here */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/magic.h>
#if defined(__has_include) && __has_include(<linux/nsfs.h>)
#include <linux/nsfs.h>
#endif

/* ---- namespaces -------------------------------------------------------------------- */
#ifndef CLONE_NEWCGROUP			/* Linux 4.6 */
#define CLONE_NEWCGROUP		0x02000000
#endif
#ifndef CLONE_NEWTIME			/* Linux 5.6 */
#define CLONE_NEWTIME		0x00000080
#endif
#ifndef NSIO				/* ioctls on nsfs files, linux/nsfs.h */
#define NSIO			0xb7
#endif
#ifndef NS_GET_USERNS			/* Linux 4.9 */
#define NS_GET_USERNS		_IO(NSIO, 0x1)
#define NS_GET_PARENT		_IO(NSIO, 0x2)
#endif
#ifndef NS_GET_NSTYPE			/* Linux 4.11 */
#define NS_GET_NSTYPE		_IO(NSIO, 0x3)
#define NS_GET_OWNER_UID	_IO(NSIO, 0x4)
#endif
/* The initial mount namespace's fixed inode, Linux 6.18 (MNT_NS_INIT_INO there is an
 * enum constant, which #ifndef cannot see: hence a name of our own). */
#define NSBOX_MNT_NS_INIT_INO	0xEFFFFFF8U
/* The initial pid namespace's fixed inode (PROC_PID_INIT_INO, Linux 3.8). */
#define NSBOX_PID_NS_INIT_INO	0xEFFFFFFCU
#ifndef NSFS_MAGIC			/* Linux 3.19 (statfs of an nsfs file; linux/magic.h) */
#define NSFS_MAGIC		0x6e736673
#endif
#ifndef PIDFS_MAGIC			/* Linux 6.9: pidfds on pidfs, one inode per process */
#define PIDFS_MAGIC		0x50494446
#endif

/* ---- capabilities -------------------------------------------------------------------- */
#ifndef PR_CAP_AMBIENT			/* Linux 4.3 */
#define PR_CAP_AMBIENT		47
#define PR_CAP_AMBIENT_RAISE	2
#endif

/* ---- netlink ------------------------------------------------------------------------- */
#ifndef SIOCGSKNS			/* Linux 4.9: a socket's network namespace */
#define SIOCGSKNS		0x894C
#endif
#ifndef SOL_NETLINK			/* Linux 2.6.14 */
#define SOL_NETLINK		270
#endif

/* ---- system calls -------------------------------------------------------------------- */
/*
 * From Linux 5.1 (number 424 on) new system calls have one number on every
 * architecture, offset by the base of the ABIs that number from one.
 */
#if defined(__mips__) && _MIPS_SIM == _ABIO32
#define NSBOX_SYS_BASE 4000
#elif defined(__mips__) && _MIPS_SIM == _ABI64
#define NSBOX_SYS_BASE 5000
#elif defined(__mips__) && _MIPS_SIM == _ABIN32
#define NSBOX_SYS_BASE 6000
#elif defined(__alpha__)
#define NSBOX_SYS_BASE 110
#else
#define NSBOX_SYS_BASE 0
#endif
#ifndef SYS_pidfd_send_signal		/* Linux 5.1 */
#define SYS_pidfd_send_signal	(NSBOX_SYS_BASE + 424)
#endif
#ifndef SYS_open_tree			/* Linux 5.2: the new mount API */
#define SYS_open_tree		(NSBOX_SYS_BASE + 428)
#define SYS_move_mount		(NSBOX_SYS_BASE + 429)
#define SYS_fsopen		(NSBOX_SYS_BASE + 430)
#define SYS_fsconfig		(NSBOX_SYS_BASE + 431)
#define SYS_fsmount		(NSBOX_SYS_BASE + 432)
#endif
#ifndef SYS_pidfd_open			/* Linux 5.3 */
#define SYS_pidfd_open		(NSBOX_SYS_BASE + 434)
#endif
#ifndef SYS_pidfd_getfd			/* Linux 5.6 */
#define SYS_pidfd_getfd		(NSBOX_SYS_BASE + 438)
#endif
#ifndef SYS_openat2			/* Linux 5.6 */
#define SYS_openat2		(NSBOX_SYS_BASE + 437)
#endif
#ifndef SYS_faccessat2			/* Linux 5.8 */
#define SYS_faccessat2		(NSBOX_SYS_BASE + 439)
#endif
#ifndef SYS_mount_setattr		/* Linux 5.12 */
#define SYS_mount_setattr	(NSBOX_SYS_BASE + 442)
#endif

/* ---- the new mount API (linux/mount.h, which clashes with glibc's sys/mount.h) ------- */
#ifndef OPEN_TREE_CLONE			/* Linux 5.2 */
#define OPEN_TREE_CLONE		1
#endif
#ifndef FSOPEN_CLOEXEC			/* Linux 5.2 */
#define FSOPEN_CLOEXEC		0x00000001
#endif
#ifndef FSMOUNT_CLOEXEC			/* Linux 5.2 */
#define FSMOUNT_CLOEXEC		0x00000001
#endif
#ifndef MOVE_MOUNT_F_EMPTY_PATH		/* Linux 5.2 */
#define MOVE_MOUNT_F_EMPTY_PATH	0x00000004
#define MOVE_MOUNT_T_EMPTY_PATH	0x00000040
#endif
#ifndef FSCONFIG_SET_STRING		/* Linux 5.2 (an enum in linux/mount.h) */
#define FSCONFIG_SET_STRING	1
#define FSCONFIG_CMD_CREATE	6
#endif
#ifndef AT_RECURSIVE			/* Linux 5.2 */
#define AT_RECURSIVE		0x8000
#endif
#ifndef MOUNT_ATTR_RDONLY		/* Linux 5.12: mount_setattr, fsmount's attributes */
#define MOUNT_ATTR_RDONLY	0x00000001
#define MOUNT_ATTR_NOSUID	0x00000002
#define MOUNT_ATTR_NODEV	0x00000004
#define MOUNT_ATTR_NOEXEC	0x00000008
#endif
struct compat_mount_attr {		/* struct mount_attr, Linux 5.12 */
	uint64_t attr_set, attr_clr, propagation, userns_fd;
};

/* ---- openat2 (linux/openat2.h) ------------------------------------------------------- */
#ifndef RESOLVE_NO_SYMLINKS		/* Linux 5.6 */
#define RESOLVE_NO_SYMLINKS	0x04
#define RESOLVE_BENEATH		0x08
#define RESOLVE_IN_ROOT		0x10
#endif
struct compat_open_how {		/* struct open_how, Linux 5.6 */
	uint64_t flags, mode, resolve;
};

#endif
