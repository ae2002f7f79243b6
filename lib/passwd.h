/* SPDX-License-Identifier: 0BSD */
/* /etc/passwd and /etc/group lookups, without NSS or stdio. */
#ifndef NSBOX_PASSWD_H
#define NSBOX_PASSWD_H

struct pwent {
	char name[64];
	unsigned long uid, gid;
	char shell[256];
};

/* 0 when found, -1 otherwise. */
int pw_byuid(unsigned long uid, struct pwent *pw);
int pw_byname(const char *name, struct pwent *pw);
int gr_byname(const char *name, unsigned long *gid);
int gr_bygid(unsigned long gid, char name[64]);

#endif
