#!/usr/bin/python3
# SPDX-License-Identifier: 0BSD
"""Write the C header for a .config: for every bool symbol X,
   #define CONFIG_X 1 (or 0) and IF_X(...) expanding to its arguments (or to nothing),
   and NSBOX_FEATURES, the names of the symbols that are set.
   Also brings the .config up to date with Config.in (as olddefconfig does).
   Files are rewritten only when their contents change, so that make rebuilds
   only what a configuration change really affects."""
import os
import sys

import kconfiglib


def update(path, text):
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path + ".tmp", "w") as f:
        f.write(text)
    os.replace(path + ".tmp", path)


def main():
    config, header = sys.argv[1], sys.argv[2]
    kconf = kconfiglib.Kconfig("Config.in", warn_to_stderr=True)
    kconf.load_config(config)
    lines = ["/* Generated from %s by configs/genheader.py: do not edit. */\n"
             "#ifndef NSBOX_CONFIG_H\n#define NSBOX_CONFIG_H\n\n" % config]
    features = []
    for sym in kconf.unique_defined_syms:
        if sym.type != kconfiglib.BOOL:
            continue
        on = sym.str_value == "y"
        lines.append("#define CONFIG_%s %d\n#define IF_%s(...) %s\n"
                     % (sym.name, on, sym.name, "__VA_ARGS__" if on else ""))
        if on:
            features.append(sym.name)
    # the symbols that are set, for --version's second line
    lines.append('\n#define NSBOX_FEATURES "%s"\n' % (", ".join(features) or "none"))
    lines.append("\n#endif\n")
    update(header, "".join(lines))
    kconf.write_config(config + ".new", header="")
    with open(config + ".new") as f:
        update(config, f.read())
    os.remove(config + ".new")


main()
