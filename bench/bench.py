#!/usr/bin/python3
# SPDX-License-Identifier: 0BSD
"""nsbox benchmarks: size, exec latency, lsns scaling, mkveth scaling, boot, peak RSS.

Run through "make bench" (bench/bench.mk builds what this needs first):
  bench.py --out DIR [--quick] [--dry] [--cases "size exec lsns mkveth boot"]

Timing is done by DIR/tbench (bench/tbench.c), which runs the candidates of a
case interleaved (A B C, B C A, ...) and reports wall time and wait4()'s
peak RSS per sample.  This script only prepares the cases, runs tbench,
computes median/min/max, prints one table (markdown) and writes
DIR/results.json.  Ratios are nsbox / peer: below 1.00x nsbox is faster or
smaller.  Every namespace, veth, mount and process a case creates is gone
when it ends (mounts and pivots happen only in private mount namespaces).
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
A = argparse.ArgumentParser()
A.add_argument("--out", required=True)
A.add_argument("--quick", action="store_true")
A.add_argument("--dry", action="store_true")
A.add_argument("--cases", default="size exec lsns mkveth boot")
A.add_argument("--kernel", default="")
A.add_argument("--initramfs", default="")
ARGS = A.parse_args()

OUT = os.path.abspath(ARGS.out)
FLOOR = os.path.join(OUT, "floor")
TBENCH = os.path.join(OUT, "tbench")
NSBOX = os.path.join(OUT, "cfg", "defconfig", "nsbox")
BIN = os.path.join(OUT, "bin")          # applet links to the defconfig nsbox, and a static true
TRUE = os.path.join(BIN, "true")
WORK = os.path.join(OUT, "work")
CASES = ARGS.cases.split()
DRY, QUICK = ARGS.dry, ARGS.quick

UL = {"unshare": "/usr/bin/unshare", "nsenter": "/usr/bin/nsenter", "lsns": "/usr/bin/lsns",
      "pivot_root": "/usr/sbin/pivot_root", "switch_root": "/usr/sbin/switch_root",
      "mount": "/usr/bin/mount", "umount": "/usr/bin/umount"}
BUSYBOX = "/bin/busybox"
TOYBOX = "/usr/bin/toybox"
IP = shutil.which("ip") or "/usr/sbin/ip"
PEERS = ["floor", "util-linux", "BusyBox", "toybox", "iproute2"]

rows = []        # one per table row
notes = []       # global notes (skipped peers, cases)


def note(msg):
    notes.append(msg)
    print("  note: " + msg, file=sys.stderr)


def reps(full, quick):
    if DRY:
        return 1
    return quick if QUICK else full


def have(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


# ---- statistics and rows ------------------------------------------------------
def stats(vals):
    vals = sorted(vals)
    return {"median": statistics.median(vals), "min": vals[0], "max": vals[-1], "n": len(vals)}


def add_row(case, metric, unit, figures, extra=None):
    """figures: {tool: stats dict or {"value": v}}; ratio = nsbox / tool."""
    row = {"case": case, "metric": metric, "unit": unit, "figures": figures}
    nb = figures.get("nsbox")
    if nb:
        v = nb.get("median", nb.get("value"))
        for tool, f in figures.items():
            pv = f.get("median", f.get("value"))
            if tool != "nsbox" and v and pv:
                f["ratio"] = v / pv
    if extra:
        row.update(extra)
    rows.append(row)
    return row


def tbench(cands, r, warm=1, mntns=False, setup=None, teardown=None, pattern=None,
           timeout=None, wrap=(), outdir=None, rss=False, cpu=None):
    """cands: [(name, [argv, argv...])].  Runs tbench, returns {name: [samples]}
    where a sample is (wall_ns, mark_ns, maxrss_kb, status)."""
    cmd = list(wrap) + [TBENCH, "-r", str(r), "-w", str(warm)]
    if cpu is not None:
        cmd += ["-c", str(cpu)]
    if mntns:
        cmd.append("-m")
    if rss:
        cmd.append("-R")
    if setup:
        cmd += ["-s", setup]
    if teardown:
        cmd += ["-t", teardown]
    if pattern:
        cmd += ["-p", pattern]
    cmd += ["-T", str(timeout or 300)]     # a hung command must not hang the bench
    if outdir:
        cmd += ["-o", outdir]
    cmd.append("--")
    for i, (name, argvs) in enumerate(cands):
        if i:
            cmd.append("---")
        cmd.append(name)
        for j, argv in enumerate(argvs):
            if j:
                cmd.append("--then")
            cmd += argv
    # A wrapper (unshare --kill-child ...) ignores SIGINT/SIGTERM: on any exception
    # (^C included) it gets SIGKILL, and its namespaces and processes die with it.
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    try:
        stdout, _ = p.communicate()
    except BaseException:
        p.kill()
        p.wait()
        raise
    res = {name: [] for name, _ in cands}
    for line in stdout.splitlines():
        f = line.split()
        if len(f) == 7 and f[0] == "S":
            res[f[1]].append((int(f[3]), int(f[4]), int(f[5]), int(f[6])))
    if p.returncode:
        raise RuntimeError("tbench failed (%d): %s" % (p.returncode, " ".join(cmd)))
    return res


def validate(case, cands, **kw):
    """Runs every candidate once (twice when the first run fails: util-linux lsns
    sometimes fails when a process vanishes); drops, with a note, those that fail."""
    d = tempfile.mkdtemp(dir=WORK)
    try:
        res = tbench(cands, 1, warm=0, outdir=d, **kw)
        again = [c for c in cands if not (res[c[0]] and res[c[0]][0][3] == 0)]
        if again:
            res.update(tbench(again, 1, warm=0, outdir=d, **kw))
        ok = []
        for name, argvs in cands:
            s = res[name]
            if s and s[0][3] == 0:
                ok.append((name, argvs))
                continue
            err = ""
            try:
                with open(os.path.join(d, name + ".err"), errors="replace") as f:
                    err = f.read().strip().splitlines()[-1:]
                    err = err[0] if err else ""
            except OSError:
                pass
            st = s[0][3] if s else "none"
            note("%s: %s skipped: failed (wait status %s) %s" % (case, name, st, err))
        return ok
    finally:
        shutil.rmtree(d, ignore_errors=True)


def timing_rows(case, res, rres, extra=None, per=None):
    """res: timing samples; rres: samples of the ptrace peak-RSS pass (tbench -R).
    per: (key, divisor) adds a per-unit figure to each timing."""
    fig, rss = {}, {}
    for name, samples in res.items():
        good = [s for s in samples if s[3] == 0]
        if not good:
            note("%s: %s failed in every timed run" % (case, name))
            continue
        if len(good) < len(samples):
            note("%s: %s failed %d of %d timed runs (failed runs left out)" % (
                case, name, len(samples) - len(good), len(samples)))
        fig[name] = stats([s[0] / 1e6 for s in good])
        if per:
            fig[name][per[0]] = fig[name]["median"] / per[1]
    for name, samples in (rres or {}).items():
        good = [s for s in samples if s[3] == 0]
        if good:
            rss[name] = stats([s[2] for s in good])
    add_row(case, "time", "ms", fig, extra)
    if rss:
        add_row(case, "peak RSS", "KiB", rss)


# ---- environment ----------------------------------------------------------------
def applets():
    try:
        return subprocess.run([NSBOX, "--list"], stdout=subprocess.PIPE, text=True,
                              check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        return []


def prepare():
    os.makedirs(WORK, exist_ok=True)
    shutil.rmtree(BIN, ignore_errors=True)
    os.makedirs(BIN)
    # Hard links, as make install makes them: through a symbolic link, every exec
    # also resolves the link and walks its target's path (about 10 us here).
    symbolic = False
    for a in APPLETS:
        try:
            os.link(NSBOX, os.path.join(BIN, a))
        except OSError:     # another filesystem
            os.symlink(NSBOX, os.path.join(BIN, a))
            symbolic = True
    if symbolic:
        note("applet links are symbolic: %s and %s are on different filesystems" % (NSBOX, BIN))
    shutil.copy(os.path.join(FLOOR, "true"), TRUE)


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(open("/proc/meminfo").readline().split()[1]) // 1024
    except OSError:
        mem = 0
    try:
        commit = subprocess.run(["git", "-C", TOP, "describe", "--always", "--dirty"],
                                stdout=subprocess.PIPE, text=True).stdout.strip()
    except OSError:
        commit = "?"
    deb = ""
    try:
        deb = open("/etc/debian_version").read().strip()
    except OSError:
        pass
    virt = subprocess.run(["sh", "-c", "systemd-detect-virt 2>/dev/null || true"],
                          stdout=subprocess.PIPE, text=True).stdout.strip()
    return {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit, "kernel": platform.release(), "cpu": cpu,
            "cpus": os.cpu_count(), "mem_mib": mem, "debian": deb, "virt": virt,
            "procs": sum(1 for d in os.listdir("/proc") if d.isdigit()),
            "quick": QUICK, "dry": DRY}


def need(applet, case):
    if applet in APPLETS:
        return True
    note("%s: skipped: applet %s is not in nsbox --list yet" % (case, applet))
    return False


def peer(name, path, case):
    if have(path):
        return True
    note("%s: %s skipped: %s not installed" % (case, name, path))
    return False


# ---- case 1: size -----------------------------------------------------------------
def size_of(path):
    """(stripped file bytes, text+data+bss from size(1))"""
    if not os.path.exists(path):
        return None
    out = subprocess.run(["size", path], stdout=subprocess.PIPE, text=True).stdout.splitlines()
    dec = int(out[1].split()[3]) if len(out) > 1 else 0
    return os.path.getsize(path), dec


def case_size():
    cfg = os.path.join(OUT, "cfg")
    floor = {k: size_of(os.path.join(FLOOR, k))[0] for k in
             ("unshare_n", "unshare_r", "nsenter_t", "lsns", "pivot", "veth", "init")
             if os.path.exists(os.path.join(FLOOR, k))}
    ulsz = {k: os.path.getsize(v) for k, v in UL.items() if have(v)}
    bb = os.path.getsize(BUSYBOX) if have(BUSYBOX) else None
    tb = os.path.getsize(TOYBOX) if have(TOYBOX) else None
    ipsz = os.path.getsize(os.path.realpath(IP)) if have(IP) else None
    whole = {}
    if bb:
        whole["BusyBox"] = {"value": bb, "what": "whole busybox-static binary (all applets, glibc static)"}
    if tb:
        whole["toybox"] = {"value": tb, "what": "whole toybox binary (all commands, dynamic)"}
    for name, goal in (("defconfig", 65536), ("tiny_defconfig", 24576)):
        s = size_of(os.path.join(cfg, name, "nsbox"))
        if not s:
            note("size: %s build missing" % name)
            continue
        fig = {"nsbox": {"value": s[0]}}
        tools = ["unshare", "nsenter"] + (["lsns", "pivot_root", "switch_root"] if name == "defconfig" else [])
        if all(t in ulsz for t in tools):
            fig["util-linux"] = {"value": sum(ulsz[t] for t in tools),
                                 "what": "sum of the dynamic binaries " + ", ".join(tools) + " (no libraries)"}
        if name == "defconfig" and ipsz:
            fig["iproute2"] = {"value": ipsz, "what": "ip (dynamic)"}
        if name == "tiny_defconfig" and "unshare_n" in floor:
            fig["floor"] = {"value": floor["unshare_n"], "what": "floor/unshare_n (unshare+execvp, static musl)"}
        if name == "defconfig":
            fig.update(json.loads(json.dumps(whole)))
        add_row("size: " + name + " (stripped file)", "size", "bytes", fig,
                {"goal": goal, "goal_met": s[0] <= goal})
    note("size: the BusyBox and toybox figures are Debian's whole multi-call binaries "
         "(busybox-static: glibc static, all applets; toybox: dynamic PIE, all commands); "
         "util-linux and iproute2 figures are their dynamic binaries without the shared "
         "libraries they load; floor figures are the static musl floor programs")
    base = size_of(os.path.join(cfg, "allnoconfig", "nsbox_unstripped"))
    if not base:
        return
    add_row("size: allnoconfig (multiplexer only)", "size", "bytes",
            {"nsbox": {"value": size_of(os.path.join(cfg, "allnoconfig", "nsbox"))[0]}})
    peer_of = {"unshare": ("unshare", "unshare_n"), "nsenter": ("nsenter", "nsenter_t"),
               "lsns": ("lsns", "lsns"), "pivot": ("pivot_root", "pivot"),
               "mkveth": (None, "veth"), "init": (None, "init")}
    for d in sorted(os.listdir(cfg)):
        if not d.startswith("only-"):
            continue
        a = d[5:]
        s = size_of(os.path.join(cfg, d, "nsbox_unstripped"))
        if not s:
            continue
        fig = {"nsbox": {"value": s[1] - base[1],
                         "what": "size(1) text+data+bss over allnoconfig"}}
        ul, fl = peer_of.get(a, (None, None))
        if ul and ul in UL and have(UL[ul]):
            fig["util-linux"] = {"value": size_of(UL[ul])[1], "what": "size(1) of " + UL[ul] + " (dynamic)"}
        if a == "mkveth" and ipsz:
            fig["iproute2"] = {"value": size_of(os.path.realpath(IP))[1], "what": "size(1) of ip (dynamic)"}
        if fl and fl in floor:
            fig["floor"] = {"value": size_of(os.path.join(FLOOR, fl))[1],
                            "what": "size(1) of the whole static floor program floor/" + fl}
        add_row("size: applet %s (delta)" % a, "size", "bytes", fig)


# ---- case 2: exec latency -----------------------------------------------------------
def case_exec():
    r, slow = reps(1000, 20), reps(30, 10)
    bbx, tbx = have(BUSYBOX), have(TOYBOX)
    f = lambda n: os.path.join(FLOOR, n)
    if need("unshare", "exec"):
        for args, fl in ((["-r"], "unshare_r"), (["-n"], "unshare_n"),
                         (["-fpmiu", "--mount-proc"], "unshare_fpmiu")):
            case = "exec: unshare %s true" % " ".join(args)
            c = [("nsbox", [[os.path.join(BIN, "unshare")] + args + [TRUE]]),
                 ("floor", [[f(fl), TRUE]])]
            if peer("util-linux", UL["unshare"], case):
                c.append(("util-linux", [[UL["unshare"]] + args + [TRUE]]))
            if bbx:
                c.append(("BusyBox", [[BUSYBOX, "unshare"] + args + [TRUE]]))
            if tbx:
                c.append(("toybox", [[TOYBOX, "unshare"] + args + [TRUE]]))
            exec_case(case, c, r)
    if need("nsenter", "exec"):
        target = Target()
        try:
            pid = str(target.pid)
            for mode in ("a", "n"):
                case = "exec: nsenter -t PID -%s true" % mode
                c = [("nsbox", [[os.path.join(BIN, "nsenter"), "-t", pid, "-" + mode, TRUE]]),
                     ("floor", [[f("nsenter_t"), mode, pid, TRUE]])]
                if peer("util-linux", UL["nsenter"], case):
                    c.append(("util-linux", [[UL["nsenter"], "-t", pid, "-" + mode, TRUE]]))
                if bbx:   # BusyBox has no -a: the same namespaces, named one by one
                    c.append(("BusyBox", [[BUSYBOX, "nsenter", "-t", pid] +
                                          (["-m", "-u", "-i", "-n", "-p"] if mode == "a" else ["-n"]) + [TRUE]]))
                    if mode == "a":
                        note("%s: BusyBox has no -a; it is given -m -u -i -n -p, the namespaces the target has" % case)
                if tbx:
                    c.append(("toybox", [[TOYBOX, "nsenter", "-t", pid, "-" + mode, TRUE]]))
                exec_case(case, c, r)
        finally:
            target.stop()
    if need("lsns", "exec"):
        case = "exec: lsns -n -o NS"
        c = [("nsbox", [[os.path.join(BIN, "lsns"), "-n", "-o", "NS"]]),
             ("floor", [[f("lsns")]])]
        if peer("util-linux", UL["lsns"], case):
            c.append(("util-linux", [[UL["lsns"], "-n", "-o", "NS"]]))
        exec_case(case, c, r)
    if need("pivot", "exec"):
        root = os.path.join(WORK, "root")
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(os.path.join(root, "bin"))
        shutil.copy(TRUE, os.path.join(root, "bin", "true"))
        case = "exec: pivot ROOT /bin/true"
        # The peers switch roots with separate commands (mount --bind, pivot_root . .,
        # umount -l .); the last one runs inside the new root, so the root carries it.
        seq = ("%smount --bind {r} {r} && cd {r} && %spivot_root . . && %sumount -l . && "
               "exec /bin/true").format(r=root)
        c = [("nsbox", [[os.path.join(BIN, "pivot"), root, "/bin/true"]]),
             ("floor", [[f("pivot"), root, "/bin/true"]])]
        if all(have(UL[t]) for t in ("mount", "pivot_root", "umount")) and copy_in(root, UL["umount"]):
            # util-linux umount needs /proc/self/mountinfo, so its root gets a /proc
            os.makedirs(os.path.join(root, "proc"), exist_ok=True)
            c.append(("util-linux", [["/bin/sh", "-c", seq.replace(
                " && cd ", " && mount -t proc proc %s/proc && cd " % root, 1) % ("", "", "")]]))
        if bbx and copy_in(root, BUSYBOX):
            b = BUSYBOX + " "
            c.append(("BusyBox", [[BUSYBOX, "sh", "-c", seq % (b, b, b)]]))
        if tbx and copy_in(root, TOYBOX):
            t = TOYBOX + " "
            c.append(("toybox", [["/bin/sh", "-c", seq % (t, t, t)]]))
        note("%s: every candidate runs in a fresh private mount namespace made by the "
             "driver; util-linux, BusyBox and toybox do it as a sh -c sequence of mount --bind, "
             "pivot_root . ., umount -l . (their umount copied into ROOT with its libraries; "
             "util-linux umount needs /proc/self/mountinfo, so its sequence also mounts /proc in ROOT)" % case)
        exec_case(case, c, r, mntns=True)
    if need("mkveth", "exec"):
        case = "exec: mkveth create+delete"
        a, b = "nsbbA", "nsbbB"
        c = [("nsbox", [[os.path.join(BIN, "mkveth"), "--no-up", "--no-lo", a, b],
                        [os.path.join(BIN, "mkveth"), "-d", a]]),
             ("floor", [[f("veth"), "add", a, b], [f("veth"), "del", a]])]
        if peer("iproute2", IP, case):
            c.append(("iproute2", [[IP, "link", "add", a, "type", "veth", "peer", "name", b],
                                   [IP, "link", "del", a]]))
        if bbx:
            c.append(("BusyBox", [[BUSYBOX, "ip", "link", "add", a, "type", "veth", "peer", "name", b],
                                  [BUSYBOX, "ip", "link", "del", a]]))
        note("%s: two commands per sample (create, then delete), in a private network "
             "namespace; nsbox uses --no-up --no-lo to do what the others do" % case)
        exec_case(case, c, slow, wrap=[UL["unshare"], "-n", "--kill-child"])


def copy_in(root, path):
    """Copies a program and the shared libraries ldd names into root, same paths."""
    files = [path]
    out = subprocess.run(["ldd", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True).stdout
    for line in out.splitlines():
        for w in line.split():
            if w.startswith("/"):
                files.append(w)
    for src in files:
        dst = root + src
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if not os.path.exists(dst):
            shutil.copy(src, dst)
    return True


def hyperfine(case, cands, row):
    """Cross-check with hyperfine -N (not interleaved: all runs of one command, then
    the next): its medians go into results.json and one note per case."""
    hf = shutil.which("hyperfine")
    if not hf or DRY or QUICK:
        return
    simple = [(n, a[0]) for n, a in cands if len(a) == 1 and all(" " not in x for x in a[0])]
    if not simple:
        return
    js = os.path.join(WORK, "hyperfine.json")
    cmd = [hf, "-N", "-i", "--style", "none", "-w", "5", "-r", "50", "--export-json", js]
    for n, argv in simple:
        cmd += ["-n", n, " ".join(argv)]
    if subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode:
        note("%s: hyperfine cross-check failed" % case)
        return
    got = {}
    for res in json.load(open(js))["results"]:
        got[res["command"]] = res["median"] * 1000
        if res["command"] in row["figures"]:
            row["figures"][res["command"]]["hyperfine_median"] = res["median"] * 1000
    note("%s: hyperfine -N -i cross-check (50 runs each, not interleaved), median ms: %s" % (
        case, ", ".join("%s %.2f" % (n, v) for n, v in got.items())))


def exec_case(case, cands, r, **kw):
    cands = validate(case, cands, **kw)
    if not any(n == "nsbox" for n, _ in cands):
        note("%s: no nsbox figure (its run failed)" % case)
    if not cands:
        return
    # One CPU for the driver and every command (tbench -c): see bench/README.md.
    res = tbench(cands, r, warm=reps(5, 3) if not DRY else 0, cpu=max(os.sched_getaffinity(0)), **kw)
    timing_rows(case, res, tbench(cands, reps(10, 5), warm=0, rss=True, **kw))
    if not kw:      # hyperfine cannot give a command a private mount namespace or a wrapper
        hyperfine(case, cands, [x for x in rows if x["case"] == case and x["metric"] == "time"][-1])


class Target:
    """A sleeping process in its own mount, uts, ipc, net and pid namespaces, made
    with util-linux unshare --kill-child so that it dies with the unshare process."""
    def __init__(self):
        self.p = subprocess.Popen([UL["unshare"], "-mpiun", "--fork", "--kill-child",
                                   "--mount-proc", "sleep", "1000000"])
        self.pid = None
        for _ in range(500):
            try:
                kids = open("/proc/%d/task/%d/children" % (self.p.pid, self.p.pid)).read().split()
            except OSError:
                kids = []
            if kids:
                self.pid = int(kids[0])
                # wait until the child has exec'd sleep (its namespaces are final then)
                try:
                    if open("/proc/%d/comm" % self.pid).read().strip() == "sleep":
                        break
                except OSError:
                    pass
            time.sleep(0.01)
        if not self.pid:
            self.stop()
            raise RuntimeError("nsenter target did not start")

    def stop(self):
        self.p.kill()
        self.p.wait()
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# ---- case 3: lsns scaling --------------------------------------------------------------
SIDLSNS = os.path.join(os.environ.get("SIDREF", "build/sid") + ".bin", "lsns")
SIDLSNS = os.path.abspath(SIDLSNS) if os.access(SIDLSNS, os.X_OK) else None


def case_lsns():
    if not need("lsns", "lsns scaling") or not peer("util-linux", UL["lsns"], "lsns scaling"):
        return
    counts = [20] if DRY else ([100, 500] if QUICK else [1000, 4000, 12000])
    note("lsns scaling: default lsns output, inside unshare -fp --mount-proc holding N sleepers; "
         "the floor column is floor/lsns (the work of lsns -n -o NS: read 8 links per process, on one CPU; "
         "nsbox splits the scan of a /proc of 256 or more processes with a forked helper when more than one CPU is online), "
         "its output is not compared")
    for n in counts:
        case = "lsns scaling: %d processes" % n
        d = tempfile.mkdtemp(dir=WORK)
        try:
            # spawn is PID 1 of a new pid namespace with its own /proc: it forks n
            # sleepers, runs tbench, and takes every sleeper with it when it exits.
            wrap = [UL["unshare"], "-fp", "--kill-child", "--mount-proc",
                    os.path.join(FLOOR, "spawn"), str(n)]
            r = reps(10, 10)
            res = tbench([("nsbox", [[os.path.join(BIN, "lsns")]]),
                          ("util-linux", [[UL["lsns"]]]),
                          ("floor", [[os.path.join(FLOOR, "lsns")]])] +
                         ([("util-linux-2.42", [[SIDLSNS]])] if SIDLSNS else []), r,
                         warm=0 if DRY or n > 4000 else 1, wrap=wrap, outdir=d)
            outs = {}
            for k in ("nsbox", "util-linux"):
                with open(os.path.join(d, k + ".out"), "rb") as f:
                    outs[k] = f.read()
            # nsbox prints what util-linux 2.42 prints (2.38.1 does not list the
            # namespaces held only by bind mounts, fds or sockets): compared with
            # the sid reference (tests/sidref.sh) where it is made
            if SIDLSNS:
                with open(os.path.join(d, "util-linux-2.42.out"), "rb") as f:
                    outs["util-linux"] = f.read()
            same = outs["nsbox"] == outs["util-linux"]
            if not same:
                keep = os.path.join(OUT, "lsns-%d" % n)
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(d, keep)
                note("%s: OUTPUTS DIFFER (kept in %s)" % (case, keep))
            rres = tbench([("nsbox", [[os.path.join(BIN, "lsns")]]),
                           ("util-linux", [[UL["lsns"]]])], 1, warm=0, wrap=wrap, rss=True)
            timing_rows(case, res, rres, {"identical_output": same, "processes": n},
                        ("us_per_process", n / 1000))
        finally:
            shutil.rmtree(d, ignore_errors=True)


# ---- case 4: mkveth scaling -------------------------------------------------------------
# Inside unshare -mn: a private /run/netns holding N namespaces nsbb0..nsbbN-1,
# made once per case; then the driver.
MKVETH_SCALE = r"""
set -e
mount -t tmpfs -o mode=0755 nsbench /run/netns
n=$1; shift
i=0; while [ $i -lt $n ]; do %s netns add nsbb$i; i=$((i+1)); done
exec "$@"
""" % IP


def case_mkveth():
    case0 = "mkveth scaling"
    if not need("mkveth", case0) or not peer("iproute2", IP, case0):
        return
    counts = [2] if DRY else ([10] if QUICK else [10, 100])
    os.makedirs("/run/netns", exist_ok=True)
    for n in counts:
        case = "mkveth scaling: %d pairs, each into its own netns" % n
        d = tempfile.mkdtemp(dir=WORK)
        try:
            mk, ipseq = [], []
            for i in range(n):
                a, b, ns = "nbA%d" % i, "nbB%d" % i, "nsbb%d" % i
                net = "10.%d.%d." % (200 + i // 64, (i % 64) * 4)
                mk.append("%s -N %s -a %s1/30 -A %s2/30 %s %s" % (os.path.join(BIN, "mkveth"), ns, net, net, a, b))
                ipseq += ["%s link add %s type veth peer name %s netns %s" % (IP, a, b, ns),
                          "%s addr add %s1/30 dev %s" % (IP, net, a),
                          "%s link set %s up" % (IP, a),
                          "%s -n %s addr add %s2/30 dev %s" % (IP, ns, net, b),
                          "%s -n %s link set %s up" % (IP, ns, b),
                          "%s -n %s link set lo up" % (IP, ns)]
            for name, lines in (("mkveth.sh", mk), ("ip.sh", ipseq)):
                with open(os.path.join(d, name), "w") as f:
                    f.write("set -e\n" + "\n".join(lines) + "\n")
            # After each sample every pair goes in one batch: the local ends are put
            # in link group 99 and "ip link del group 99" unregisters them and their
            # peers with one synchronize_net, so no cleanup runs on into the next sample
            # (deleting namespaces or single links leaves RCU work behind, or takes 24 ms each).
            teardown = ("%s -o link show | sed -n 's/^[0-9]*: \\(nbA[0-9]*\\)[@:].*/link set \\1 group 99/p' "
                        "| %s -batch - && { %s link del group 99 2>/dev/null; true; } && "
                        "! %s -o link show | grep -q ' nbA'" % (IP, IP, IP, IP))
            setup = None
            wrap = [UL["unshare"], "-mn", "--kill-child", "sh", "-c", MKVETH_SCALE, "sh", str(n)]
            cands = [("nsbox", [["/bin/sh", os.path.join(d, "mkveth.sh")]]),
                     ("iproute2", [["/bin/sh", os.path.join(d, "ip.sh")]])]
            cands = validate(case, cands, setup=setup, teardown=teardown, wrap=wrap)
            if not cands:
                continue
            res = tbench(cands, reps(10, 10), warm=0 if DRY else 1, setup=setup,
                         teardown=teardown, wrap=wrap)
            timing_rows(case, res, None, {"pairs": n}, ("ms_per_pair", n))
        finally:
            shutil.rmtree(d, ignore_errors=True)
    note("mkveth scaling: one shell script per tool; iproute2 runs 6 commands per pair "
         "(link add ... netns, addr add, link set up, and ip -n for the peer's addr, up and lo), "
         "nsbox 1 (mkveth -N NS -a -A); inside unshare -mn, with /run/netns a private tmpfs; the "
         "namespaces live through the case, the pairs are deleted after every sample (untimed)")


# ---- case 5: boot -----------------------------------------------------------------------
def find_kernel():
    for cand in (ARGS.kernel, os.environ.get("KERNEL", "")):
        if cand and os.path.exists(cand):
            return os.path.abspath(cand)
    for root in (os.path.join(TOP, "build"), os.path.dirname(OUT)):
        for dirpath, dirs, files in os.walk(root):
            if "/bench" in dirpath:
                continue
            for fn in files:
                if fn.startswith("vmlinuz"):
                    return os.path.join(dirpath, fn)
    return None


def cpio_gz(files, dest):
    """files: {name in archive: source path}; a newc archive owned by 0:0."""
    d = tempfile.mkdtemp(dir=WORK)
    try:
        for name, src in files.items():
            p = os.path.join(d, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            if src is None:
                os.makedirs(p, exist_ok=True)
            else:
                shutil.copy(src, p)
        names = subprocess.run(["sh", "-c", "cd %s && find . | sort" % d], stdout=subprocess.PIPE,
                               text=True, check=True).stdout
        with open(dest, "wb") as out:
            c = subprocess.Popen(["sh", "-c", "cd %s && cpio -o -H newc -R +0:+0 --quiet | gzip -9n" % d],
                                 stdin=subprocess.PIPE, stdout=out)
            c.communicate(names.encode())
            if c.returncode:
                raise RuntimeError("cpio failed")
    finally:
        shutil.rmtree(d, ignore_errors=True)


def case_boot():
    case = "boot: QEMU TCG, start to exit-status line"
    qemu = shutil.which("qemu-system-x86_64")
    if not need("init", "boot") or not qemu:
        if not qemu:
            note("boot: skipped: qemu-system-x86_64 not installed")
        return
    kernel = find_kernel()
    demo = ARGS.initramfs or os.path.join(TOP, "build", "initramfs.cpio.gz")
    if os.path.exists(demo):
        total = os.path.getsize(demo)
        raw = subprocess.run(["sh", "-c", "gzip -dc < %s | wc -c" % demo], stdout=subprocess.PIPE,
                             text=True).stdout.strip()
        # nsbox's share: the size of its file in the archive, and that file gzipped alone
        lst = subprocess.run(["sh", "-c", "gzip -dc < %s | cpio -itv --quiet" % demo],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        nsb_size = max([int(l.split()[4]) for l in lst.splitlines()
                        if l.split()[-1].endswith("bin/nsbox") and len(l.split()) > 4] or [0])
        d = tempfile.mkdtemp(dir=WORK)
        subprocess.run(["sh", "-c", "cd %s && gzip -dc < %s | cpio -id --quiet '*bin/nsbox'" % (d, os.path.abspath(demo))])
        got = [os.path.join(dp, f) for dp, _, fs in os.walk(d) for f in fs if f == "nsbox"]
        nsb_gz = int(subprocess.run(["sh", "-c", "gzip -9n < %s | wc -c" % got[0]], stdout=subprocess.PIPE,
                                    text=True).stdout.strip() or 0) if got else 0
        shutil.rmtree(d, ignore_errors=True)
        add_row("boot: demo initramfs (%s), gzip" % os.path.relpath(demo, TOP), "size", "bytes",
                {"nsbox": {"value": total, "uncompressed": int(raw or 0)}},
                {"nsbox_binary": nsb_size, "nsbox_binary_gzip": nsb_gz})
        note("boot: demo initramfs %s bytes gzip (%s uncompressed); nsbox in it: %d bytes, "
             "%d bytes gzip-9 on its own (%.0f%% of the image)" % (
                 "{:,}".format(total), "{:,}".format(int(raw or 0)), nsb_size, nsb_gz,
                 100.0 * nsb_gz / total))
    else:
        note("boot: %s not built (make initramfs): its size is not reported" % demo)
    if not kernel:
        note("boot: skipped: no kernel (vmlinuz*) under build/ yet: run make initramfs / make run first")
        return
    if DRY or QUICK:
        note("boot: QEMU not run with QUICK=1 or DRY=1 (TCG boots are slow)")
        return
    nsb = os.path.join(WORK, "boot-nsbox.cpio.gz")
    flo = os.path.join(WORK, "boot-floor.cpio.gz")
    cpio_gz({"init": NSBOX, "bin/true": TRUE, "dev": None, "proc": None, "sys": None,
             "run": None, "tmp": None, "etc": None}, nsb)
    cpio_gz({"init": os.path.join(FLOOR, "init"), "dev": None}, flo)
    add_row("boot: minimal initramfs (init + static true), gzip", "size", "bytes",
            {"nsbox": {"value": os.path.getsize(nsb)}, "floor": {"value": os.path.getsize(flo)}})
    q = [qemu, "-accel", "tcg", "-smp", "2", "-m", "256", "-nographic", "-no-reboot", "-nic", "none",
         "-kernel", kernel]
    app = "console=ttyS0 panic=-1 quiet"
    cands = [("nsbox", [q + ["-initrd", nsb, "-append", app + " nsbox.run=/bin/true"]]),
             ("floor", [q + ["-initrd", flo, "-append", app]])]
    res = tbench_boot(cands, reps(10, 3))
    fig = {}
    for k, s in res.items():
        good = [x for x in s if x[1] >= 0]
        if good:
            fig[k] = stats([x[1] / 1e6 for x in good])
            fig[k]["to_qemu_exit_ms"] = statistics.median([x[0] / 1e6 for x in good])
        else:
            note("boot: %s never printed its line" % k)
    add_row(case, "time", "ms", fig, {"kernel": kernel})
    note("boot: nsbox boots its own initramfs (/init = defconfig nsbox, nsbox.run=/bin/true, a static "
         "true) and is timed to 'nsbox-init: exit status 0'; the floor's /init prints "
         "'floor-init: poweroff' and powers off; both from QEMU's start")


def tbench_boot(cands, r):
    """Each init prints its own line, and tbench takes one pattern per run, so the
    interleaving (A B, B A, ...) is done here with one single-sample tbench per boot."""
    res = {n: [] for n, _ in cands}
    pats = {"nsbox": "nsbox-init: exit status 0", "floor": "floor-init: poweroff"}
    for i in range(r):
        order = cands if i % 2 == 0 else cands[::-1]
        for name, argvs in order:
            out = tbench([(name, argvs)], 1, warm=0, pattern=pats[name], timeout=120)
            res[name] += out[name]
    return res


# ---- output -------------------------------------------------------------------------------
def cell(f, unit):
    if "median" in f:
        fmt = "%.0f" if unit in ("KiB",) or f["median"] >= 100 else "%.2f"
        s = (fmt + " (" + fmt + "–" + fmt + ")") % (f["median"], f["min"], f["max"])
    else:
        s = "{:,}".format(int(f["value"]))
    if "ratio" in f:
        s += " **%.2fx**" % f["ratio"]
    return s


def table():
    cols = ["nsbox"] + [p for p in PEERS if any(p in r["figures"] for r in rows)]
    lines = ["| case | unit | " + " | ".join(cols) + " |",
             "|---|---|" + "---|" * len(cols)]
    for r in rows:
        name = r["case"] if r["metric"] in ("time", "size") else r["case"] + " — " + r["metric"]
        if "goal" in r:
            name += " (goal ≤ %s)" % "{:,}".format(r["goal"])
        if r.get("identical_output") is not None:
            name += ", output " + ("identical" if r["identical_output"] else "DIFFERS")
        cells = [cell(r["figures"][c], r["unit"]) if c in r["figures"] else "–" for c in cols]
        lines.append("| %s | %s | %s |" % (name, r["unit"], " | ".join(cells)))
    return "\n".join(lines)


def goals():
    """The issues' goals, checked against this run's figures."""
    out = []
    def fig(r, k):
        f = r["figures"].get(k)
        return None if f is None else f.get("median", f.get("value"))
    for r in rows:
        if "goal" in r:
            v = fig(r, "nsbox")
            out.append((r["case"], "<= {:,} bytes".format(r["goal"]), "{:,}".format(v), v <= r["goal"]))
        elif r["case"].startswith("exec:") and r["metric"] == "time" and fig(r, "floor") and fig(r, "nsbox"):
            q = fig(r, "nsbox") / fig(r, "floor")
            out.append((r["case"], "<= 1.05x floor", "%.2fx" % q, q <= 1.05))
    for prefix, key, per, want, label in (("lsns scaling", "util-linux", "us_per_process", 20, "process (us)"),
                                          ("mkveth scaling", "iproute2", "ms_per_pair", 4, "pair (ms)")):
        rs = [r for r in rows if r["case"].startswith(prefix) and r["metric"] == "time"
              and fig(r, "nsbox") and fig(r, key)]
        if not rs:
            continue
        big = rs[-1]
        q = fig(big, key) / fig(big, "nsbox")
        out.append((big["case"], ">= %dx faster than %s" % (want, key), "%.1fx" % q, q >= want))
        pers = [r["figures"]["nsbox"][per] for r in rs]
        if len(pers) > 1:
            q = max(pers[1:]) / pers[0]
            out.append((prefix + ": nsbox cost per " + label, "flat: largest / smallest scale <= 1.5",
                        " / ".join("%.3g" % x for x in pers) + " (%.2f)" % q, q <= 1.5))
    return out


def main():
    global APPLETS
    if os.geteuid() != 0:
        sys.exit("bench: run as root (namespaces, veths, mounts)")
    for p in (TBENCH, NSBOX, TRUE.replace(BIN, FLOOR)):
        if not have(p):
            sys.exit("bench: %s missing: run it through make bench" % p)
    APPLETS = applets()
    prepare()
    meta = machine()
    t0 = time.time()
    print("nsbox bench%s%s: %s, applets: %s" % (" QUICK" if QUICK else "", " DRY" if DRY else "",
                                                meta["date"], " ".join(APPLETS) or "none"), file=sys.stderr)
    for name, fn in (("size", case_size), ("exec", case_exec), ("lsns", case_lsns),
                     ("mkveth", case_mkveth), ("boot", case_boot)):
        if name in CASES:
            t = time.time()
            try:
                fn()
            except (RuntimeError, OSError, subprocess.CalledProcessError) as e:
                note("%s: case failed: %s" % (name, e))
                if DRY:
                    raise
            print("  case %s: %.1f s" % (name, time.time() - t), file=sys.stderr)
    meta["seconds"] = round(time.time() - t0, 1)
    meta["applets"] = APPLETS
    gl = goals()
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"meta": meta, "rows": rows, "notes": notes,
                   "goals": [{"what": g[0], "goal": g[1], "measured": g[2], "met": g[3]} for g in gl]},
                  f, indent=1)
    md = table()
    if gl:
        md += "\n\n| goal | target | measured | met |\n|---|---|---|---|\n" + "\n".join(
            "| %s | %s | %s | %s |" % (g[0], g[1], g[2], "yes" if g[3] else "**no**") for g in gl)
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write(md + "\n\n" + "\n".join("- " + n for n in notes) + "\n")
    print("\nnsbox %s, %s; %s, %d CPUs, %d MiB, kernel %s%s" % (
        meta["commit"], meta["date"], meta["cpu"], meta["cpus"], meta["mem_mib"], meta["kernel"],
        " (DRY: 1 repetition, figures meaningless)" if DRY else ""))
    print("time: median (min–max) ms; ratio = nsbox ÷ peer, below 1.00x nsbox is faster/smaller\n")
    print(md)
    if notes:
        print("\nNotes:\n" + "\n".join("- " + n for n in notes))
    print("\nwrote %s/results.json (%.0f s)" % (OUT, meta["seconds"]))


if __name__ == "__main__":
    main()
