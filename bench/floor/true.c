/* SPDX-License-Identifier: 0BSD */
/* The command every exec-latency case runs: does nothing, statically. */
int main(void)
{
	return 0;
}
