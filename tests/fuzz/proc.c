/* SPDX-License-Identifier: 0BSD */
/*
 * Fuzz target: /proc/PID/stat lines (lib/proc.c's proc_parse_stat), whose
 * comm field may hold spaces and parentheses.  Input: the line.  Checked
 * against a reference reading: the pid is the leading decimal before " (",
 * the state the byte after the LAST ") ", the ppid the decimal after it.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "proc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = fuzz_strndup(data, size), *rp, *e, state = 0;
	int pid = -7, ppid = -7, r;
	long v;

	r = proc_parse_stat(line, &pid, &state, &ppid);
	FUZZ_CHECK(r == 0 || r == -1);
	if (!r) {
		v = strtol(line, &e, 10);
		FUZZ_CHECK(e != line && !strncmp(e, " (", 2) && v == pid);
		rp = strrchr(line, ')');
		FUZZ_CHECK(rp && rp[1] == ' ' && rp[2] == state && rp[3] == ' ');
		v = strtol(rp + 4, &e, 10);
		FUZZ_CHECK(e != rp + 4 && v == ppid);
	}
	free(line);
	return 0;
}
