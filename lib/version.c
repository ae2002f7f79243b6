/* SPDX-License-Identifier: 0BSD */
/* The version string: see version.h; NSBOX_VERSION comes from the generated header. */
#include "version.h"
#include "version-string.h"

const char nsbox_version[] = NSBOX_VERSION;
