/* SPDX-License-Identifier: 0BSD */
/*
 * nsbox's version (the VERSION file, with "git describe" appended in a checkout
 * with local changes: see the Makefile) and the Kconfig symbols that are set.
 */
#ifndef NSBOX_VERSION_H
#define NSBOX_VERSION_H

extern const char nsbox_version[];
extern const char nsbox_features[];	/* "INIT, LSNS, ...", or "none" */

#endif
