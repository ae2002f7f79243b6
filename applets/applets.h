/* SPDX-License-Identifier: 0BSD */
/*
 * The applet table: one line per applet name, sorted by name.
 *	APPLET(name, main function, install directory)
 * IF_X(...) keeps the line only when CONFIG_X is enabled (see config.h).
 * applets/NAME.c is compiled when CONFIG_NAME is enabled.
 */
IF_INIT(APPLET("init", init_main, "sbin"))
IF_LSNS(APPLET("lsns", lsns_main, "bin"))
IF_MKVETH(APPLET("mkveth", mkveth_main, "sbin"))
IF_NETNS(APPLET("netns", netns_main, "sbin"))
IF_NSENTER(APPLET("nsenter", nsenter_main, "bin"))
IF_PIVOT_CONTAINER(APPLET("pivot", pivot_main, "sbin"))
IF_PIVOT(APPLET("pivot_root", pivot_main, "sbin"))
IF_PIVOT_SWITCH_ROOT(APPLET("switch_root", pivot_main, "sbin"))
IF_UNSHARE(APPLET("unshare", unshare_main, "bin"))
