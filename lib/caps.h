/* SPDX-License-Identifier: 0BSD */
/* Capabilities across exec. */
#ifndef NSBOX_CAPS_H
#define NSBOX_CAPS_H

/*
 * --keep-caps: make the permitted set effective, inheritable and ambient, so
 * that the program nsbox execs keeps it (even as a non-root uid).  Dies on error.
 */
void keep_caps(void);

#endif
