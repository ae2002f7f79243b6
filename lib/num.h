/* SPDX-License-Identifier: 0BSD */
/* Checked number parsing: digits only, no junk, no overflow, a range. */
#ifndef NSBOX_NUM_H
#define NSBOX_NUM_H

/* 0 on success; -1 on junk, an empty string, a sign, or a value above max. */
int parse_ull(const char *s, unsigned long long max, unsigned long long *out);
/* The same for a signed value in [min, max]; accepts one leading '-' or '+'. */
int parse_ll(const char *s, long long min, long long max, long long *out);

/* As parse_ull, but dies with "applet: WHAT: 'S'" on failure. */
unsigned long long xparse_ull(const char *s, unsigned long long max, const char *what);

#endif
