/* SPDX-License-Identifier: 0BSD */
/* The version string and the feature list: see version.h; both come from generated headers. */
#include "config.h"
#include "version.h"
#include "version-string.h"

const char nsbox_version[] = NSBOX_VERSION;
const char nsbox_features[] = NSBOX_FEATURES;
