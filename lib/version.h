/* SPDX-License-Identifier: 0BSD */
/* nsbox's version, from "git describe" at build time (see the Makefile). */
#ifndef NSBOX_VERSION_H
#define NSBOX_VERSION_H

extern const char nsbox_version[];

#endif
