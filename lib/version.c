/* SPDX-License-Identifier: 0BSD */
/* The version string, from "git describe" at build time (see the Makefile). */
#include "version.h"

const char nsbox_version[] = NSBOX_VERSION;
