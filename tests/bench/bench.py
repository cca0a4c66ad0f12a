#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench.py: "make bench". Measures stok-assess against the physical floor
and against the tools people would use instead, and prints one table.

Every timed figure is the median of several runs; each pair (the program
and its floor or peer) runs alternately in the same invocation, in the
order A B B A A B ..., so that a noisy machine moves both sides alike.
The generated content lives in build/bench/ and is made again only when
tests/bench/gen.py changes. The table also goes into BENCHMARKS.md,
between its "bench:begin" and "bench:end" markers; the rest of that file
(the analysis) is written by hand.

    python3 tests/bench/bench.py [--runs N] [--quick] [--no-write]

--quick runs 3 repetitions, skips the 20,000-file pack and the profiles
and leaves BENCHMARKS.md alone: for trying the benchmark itself, not for
recording figures. For each goal not met, a profile of a smaller input
(perf when it can count instructions, else callgrind) says where the time
goes. The start-up is also counted in instructions (callgrind) against
dialog's, a figure the machine's noise does not move. Only the python3
standard library is used; the pty harness (ptyrun.c) and the bare reader
(readall.c) are built by "make bench".
"""
import argparse
import hashlib
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
BIN = os.path.join(TOP, "stok-assess")
OUT = os.path.join(TOP, "build", "bench")
PTYRUN = os.path.join(OUT, "ptyrun")
READALL = os.path.join(OUT, "readall")
GEN = os.path.join(HERE, "gen.py")
DEVNULL = os.open(os.devnull, os.O_WRONLY)

# Every program runs in the same environment: UTF-8, no translation
# chosen (the wizard then speaks the pack's language), a fixed terminal.
ENV = {k: v for k, v in os.environ.items()
       if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE", "NO_COLOR",
                                                 "ACCESSIBLE", "STOK_ASSESS_DATA")}
ENV.update(LC_ALL="C.UTF-8", TERM="xterm-256color")


def log(msg):
    sys.stderr.write("bench: %s\n" % msg)
    sys.stderr.flush()


def fail(msg):
    log("error: " + msg)
    sys.exit(1)


# --- running and timing -----------------------------------------------------

class Run:
    """One run of a program: wall time, CPU time, peak RSS."""

    def __init__(self, wall, cpu, rss_kb):
        self.wall, self.cpu, self.rss_kb = wall, cpu, rss_kb


def run(argv, env=None, check=True):
    """Run argv with output to /dev/null; time it from spawn to reaping."""
    path = shutil.which(argv[0], path=(env or ENV).get("PATH")) or argv[0]
    actions = [(os.POSIX_SPAWN_DUP2, DEVNULL, 1), (os.POSIX_SPAWN_DUP2, DEVNULL, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawn(path, argv, env or ENV, file_actions=actions)
    _, status, ru = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if check and code != 0:
        fail("%s exited with %d; run it by hand to see why" % (" ".join(argv[:3]), code))
    return Run(wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss)


# The widest spread (slowest over fastest) of the runs of one figure. On a
# virtual machine a neighbour's load does not show in the load average,
# but it widens the spread: a run whose spread passes NOISY does not
# replace the table either. Quiet runs here stay within 1.15.
SPREADS = []
NOISY = 1.3


def spread(values, what):
    if values and min(values) > 0:
        SPREADS.append((max(values) / min(values), what))


def pair(a, b, runs, names, warm=1):
    """Alternate a and b (A B B A A B ...) after warm-up runs; both lists of Runs.

    names: what a and b are, for the spread check's message."""
    for _ in range(warm):
        a()
        b()
    ra, rb = [], []
    for i in range(runs):
        if i % 2 == 0:
            ra.append(a())
            rb.append(b())
        else:
            rb.append(b())
            ra.append(a())
    for r, what in zip((ra, rb), names):
        if r and isinstance(r[0], Run):
            spread(walls(r), what)
    return ra, rb


def med(runs, attr="wall"):
    return statistics.median(getattr(r, attr) for r in runs)


def ptyrun(steps, argv, env=None):
    """The pty harness; returns the list of numbers it printed, in order."""
    p = subprocess.run([PTYRUN] + steps + ["--"] + argv, env=env or ENV,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        fail("ptyrun %s: %s" % (argv[0], p.stderr.strip()[:2000]))
    return [int(line.split()[1]) for line in p.stdout.splitlines()]


# --- content ------------------------------------------------------------------

def gen_hash():
    with open(GEN, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def generated(path, args):
    """Run gen.py args unless path was made by this gen.py with these args."""
    stamp = path.rstrip("/") + ".stamp"
    want = gen_hash() + " " + " ".join(args)
    try:
        with open(stamp) as f:
            if f.read().strip() == want and os.path.exists(path):
                return path
    except OSError:
        pass
    log("generating %s" % os.path.relpath(path, TOP))
    subprocess.run([sys.executable, GEN] + args, check=True)
    with open(stamp, "w") as f:
        f.write(want + "\n")
    return path


def pack(nq):
    """The synthetic pack of nq questions (4 x nq answer texts), made if needed."""
    d = os.path.join(OUT, "p%d" % nq)
    return generated(d, ["pack", d, str(nq)])


def pack_files(d):
    """The files of a pack (or of any directory), but a pack's index."""
    files = []
    for root, dirs, names in os.walk(d):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n != "answers.index"]
    return files


def size_on_disk(files):
    return sum(os.stat(f).st_size for f in files)


def line_mode_start(pack_dir):
    """The lines line mode prints from its start to the first question, and a little after."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(ENV, HOME=home, XDG_STATE_HOME=home)
        p = subprocess.run([BIN, "--ui=text", "--content", pack_dir, "--fresh"], env=env,
                           input="\n\nq\n", stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True)
    return p.stdout.splitlines()


def introduction(pack_dir):
    """The pack's introduction, as line mode shows it under the title, on one line."""
    lines = line_mode_start(pack_dir)
    end = lines.index("", 2) if "" in lines[2:] else len(lines)
    return " ".join(l.strip() for l in lines[2:end])


def first_question(pack_dir):
    """The first question's text, choice labels and the pack's title, as line mode shows them."""
    lines = line_mode_start(pack_dir)
    title = lines[0].strip() if lines else ""
    start = next((i for i, l in enumerate(lines) if re.match(r"^\S+ 1/\d+ \(", l)), None)
    if start is None or not title:
        fail("cannot find the first question in the line-mode output of the wizard")
    i = start + 1
    text = []
    while i < len(lines) and not re.match(r"^  1\. ", lines[i]):
        text.append(lines[i].strip())
        i += 1
    choices = []
    while i < len(lines) and lines[i].startswith("  "):
        m = re.match(r"^  \d+\. (.*)", lines[i])
        if m:
            choices.append(m.group(1).strip())
        elif choices:
            choices[-1] += " " + lines[i].strip()
        i += 1
    if len(choices) < 2:
        fail("cannot read the choices of the first question in line mode")
    return title, " ".join(text), choices


# --- the table ----------------------------------------------------------------

ROWS = []


def row(measure, figure, peer, ratio, goal, met, profile=None):
    """One line of the table; profile() says where the time goes, for a goal not met."""
    ROWS.append((measure, figure, peer, ratio, goal, met, profile))
    log("%s: %s | %s | %s | %s | %s" % (measure, figure, peer, ratio, goal,
                                       {True: "yes", False: "NO", None: "-"}[met]))


def fmt_s(s):
    if s >= 1:
        return "%.2f s" % s
    return "%.1f ms" % (s * 1000)


def fmt_spread(values, what):
    """The median of a list of seconds, then its spread: "368 ms (352–401 ms)"."""
    m = statistics.median(values)
    spread(values, what)
    return "%s (%s–%s)" % (fmt_s(m), fmt_s(min(values)), fmt_s(max(values)))


def walls(runs):
    return [r.wall for r in runs]


# A machine busier than this (1-minute load average) before the run, or
# after it, does not replace the table: the benchmark itself keeps about
# one core busy, so "after" allows for that.
BUSY_BEFORE = 0.5
BUSY_AFTER = 1.6


def fmt_ratio(r):
    return "%.2f×" % r


MET = {True: "yes", False: "NO", None: "—"}


def table_text():
    head = ("Measure", "Figure", "Floor or peer", "Ratio", "Goal", "Met?")
    cells = [head] + [r[:5] + (MET[r[5]],) for r in ROWS]
    widths = [max(len(c[i]) for c in cells) for i in range(6)]
    lines = []
    for n, c in enumerate(cells):
        lines.append("  ".join(c[i].ljust(widths[i]) for i in range(6)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def table_markdown():
    out = ["| Measure | Figure | Floor or peer | Ratio | Goal | Met? |",
           "|---|---|---|---|---|---|"]
    for r in ROWS:
        out.append("| %s | %s | %s | %s | %s | %s |" % (r[:5] + (
            {True: "yes", False: "**no**", None: "—"}[r[5]],)))
    return "\n".join(out)


def machine():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def first_line(argv):
        try:
            return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                  text=True).stdout.splitlines()[0].strip()
        except (OSError, IndexError):
            return "unknown"

    flags = "unknown"
    try:
        with open(os.path.join(TOP, "build", ".flags")) as f:
            flags = f.read().strip()
    except OSError:
        pass
    libs = first_line(["sh", "-c", "for p in ncursesw yaml-0.1 libcmark; do "
                       "printf '%s %s, ' $p $(pkg-config --modversion $p); done"])
    # libunistring has no pkg-config file: its header says its version,
    # and ldd whether the binary loads it or has it compiled in
    uv = "unknown"
    try:
        with open("/usr/include/unistring/version.h") as f:
            m = re.search(r"_LIBUNISTRING_VERSION 0x([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})",
                          f.read())
        if m:
            uv = ".".join(str(int(g, 16)) for g in m.groups())
    except OSError:
        pass
    try:
        shared = "libunistring" in subprocess.run(["ldd", BIN], stdout=subprocess.PIPE,
                                                  stderr=subprocess.DEVNULL, text=True).stdout
    except OSError:
        shared = True
    libs = "%s, libunistring %s (%s)" % (libs.rstrip(", "), uv, "shared" if shared else "compiled in")
    return [
        ("CPUs (nproc)", str(os.cpu_count())),
        ("CPU", model),
        ("Kernel", "%s %s" % (platform.system(), platform.release())),
        ("Compiler", first_line([os.environ.get("CC", "cc"), "--version"])),
        ("Build (compiler and flags)", flags),
        ("Libraries", libs),
        ("Peers", "dialog %s; %s; GNU %s" % (
            first_line(["dialog", "--version"]).replace("Version: ", ""),
            first_line(["cmark", "--version"]), first_line(["cat", "--version"]))),
        ("Load average at the start", "%.2f %.2f %.2f" % os.getloadavg()),
        ("Date", time.strftime("%Y-%m-%d %H:%M %Z")),
    ]


# --- profiles ----------------------------------------------------------------------

def profiler():
    """perf when it can count instructions here, else callgrind."""
    if shutil.which("perf"):
        p = subprocess.run(["perf", "stat", "-x,", "-e", "instructions", "true"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if p.returncode == 0 and "not supported" not in p.stderr and \
                "not counted" not in p.stderr:
            return "perf"
    if shutil.which("valgrind") and shutil.which("callgrind_annotate"):
        return "callgrind"
    return None


SKIP = re.compile(r"\(below main\)|__libc_start|libc_start_call_main|^main$|"
                  r"ld-linux|0x000000000001ab70|_start$")


def profile_lines(tool, data, top=14):
    """The top functions, inclusive, as "percent  function (object)" lines."""
    if tool == "perf":
        p = subprocess.run(["perf", "report", "-i", data, "--stdio", "--children",
                            "--sort", "symbol,dso", "--percent-limit", "2"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        out = []
        for line in p.stdout.splitlines():
            m = re.match(r"^\s+([\d.]+)%\s+([\d.]+)%\s+\[.\]\s+(\S+)\s+(\S+)", line)
            if m and not SKIP.search(m.group(3)):
                out.append("%6s%%  %s (%s)" % (m.group(1), m.group(3),
                                               os.path.basename(m.group(4))))
        return out[:top]
    p = subprocess.run(["callgrind_annotate", "--inclusive=yes", data],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out, seen = [], set()
    for line in p.stdout.splitlines():
        m = re.match(r"^\s*([\d,]+) \(\s*([\d.]+)%\)\s+(\S+?)(?: \[(.*)\])?$", line)
        if not m:
            continue
        where, _, fn = m.group(3).rpartition(":")
        if SKIP.search(fn) or SKIP.search(m.group(4) or "") or fn in seen or \
                m.group(2) == "100.0":
            continue
        seen.add(fn)
        # our functions by source file, the others by library
        src = os.path.basename(where) if "src/" in where else None
        out.append("%6s%%  %13s  %s (%s)" % (m.group(2), m.group(1), fn,
                                            src or os.path.basename(m.group(4) or "?")))
    return out[:top]


def profile_run(tool, argv, pty_steps=None, env=None):
    """Profile argv (through the pty harness when pty_steps); returns (total, lines)."""
    data = os.path.join(OUT, "profile.data")
    if os.path.exists(data):
        os.unlink(data)
    if tool == "perf":
        wrap = ["perf", "record", "-q", "-g", "-e", "instructions", "-o", data, "--"]
    else:
        wrap = ["valgrind", "-q", "--tool=callgrind", "--callgrind-out-file=" + data]
    if pty_steps is None:
        subprocess.run(wrap + argv, env=env or ENV, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    else:
        subprocess.run([PTYRUN, "-T", "120000"] + pty_steps + ["--"] + wrap + argv,
                       env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(data):
        return None, ["(the profiler wrote nothing)"]
    total = None
    if tool == "callgrind":
        with open(data, errors="replace") as f:
            for line in f:
                if line.startswith("totals:") or line.startswith("summary:"):
                    total = int(line.split()[1])
    return total, profile_lines(tool, data)


def instructions(argv, pty_steps, env):
    """The instructions argv runs, its libraries' too, by callgrind; None without it."""
    if not (shutil.which("valgrind") and shutil.which("callgrind_annotate")):
        return None
    return profile_run("callgrind", argv, pty_steps, env)[0]


def profiles():
    """Where the time goes, for each goal not met."""
    tool = profiler()
    out = []
    for measure, figure, peer, ratio, goal, met, prof in ROWS:
        if met is not False or prof is None:
            continue
        if tool is None:
            out.append((measure, "no profiler (perf or valgrind) is installed", []))
            continue
        what, argv, steps, env = prof()
        log("profiling: %s (%s)" % (what, tool))
        total, lines = profile_run(tool, argv, steps, env)
        head = "%s, with %s" % (what, "perf (instructions)" if tool == "perf" else
                                "valgrind --tool=callgrind")
        if total:
            head += ": %s instructions in all" % format(total, ",")
        out.append((measure, head, lines))
    return out


def write_benchmarks_md(note, mach, profs):
    path = os.path.join(TOP, "BENCHMARKS.md")
    section = ["<!-- bench:begin: written by tests/bench/bench.py; edit outside the markers -->",
               "", table_markdown(), "", note, "", "The machine:", ""]
    section += ["- %s: %s" % kv for kv in mach]
    if profs:
        section += ["", "Where the time goes, for each goal not met (inclusive share of "
                    "the instructions; a smaller input than the timed one):"]
        for measure, head, lines in profs:
            section += ["", "*%s*: %s" % (measure, head), "", "```"] + lines + ["```"]
    section += ["", "<!-- bench:end -->"]
    section = "\n".join(section)
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        text = "# Benchmarks\n\n<!-- bench:begin -->\n<!-- bench:end -->\n"
    m = re.search(r"<!-- bench:begin.*?<!-- bench:end -->", text, re.S)
    if m is None:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    else:
        text = text[:m.start()] + section + text[m.end():]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)
    log("wrote the table into BENCHMARKS.md")


# --- the measurements ------------------------------------------------------------

def bench_load(p2500, runs):
    files = pack_files(p2500)
    check = lambda: run([BIN, "check", p2500])
    cat = lambda: run(["cat"] + files)
    readall = lambda: run([READALL] + files)
    rc, rcat = pair(check, cat, runs, ("check", "cat"))
    rc2, rfloor = pair(check, readall, runs, ("check", "readall"))
    n = len(files) - 1
    t, tc = med(rc), med(rcat)
    small = lambda: ("check of the 400-file pack", [BIN, "check", pack(100)], None, None)
    row("load: check, %s files" % format(n, ","), fmt_spread(walls(rc), "check"),
        "cat: " + fmt_s(tc), fmt_ratio(t / tc), "≤ 2×", t / tc <= 2, small)
    t2, tf = med(rc2), med(rfloor)
    row("load: the same, against bare reads", fmt_s(t2), "open+read+close: " + fmt_s(tf),
        fmt_ratio(t2 / tf), "(information)", None)
    size = size_on_disk(files)
    rss = med(rc + rc2, "rss_kb") * 1024
    limit = 2 * size + 8 * 1024 * 1024
    row("memory: peak RSS of check, %s files" % format(n, ","), "%.1f MB" % (rss / 1e6),
        "2 × %.1f MB + 8 MB = %.1f MB" % (size / 1e6, limit / 1e6), fmt_ratio(rss / limit),
        "< 1×", rss < limit)
    return rc, n


def bench_report(p2500, runs):
    answers = os.path.join(OUT, "answers-2500.yaml")
    generated(answers, ["answers", answers, "2500"])
    bodies = os.path.join(OUT, "bodies-2500")
    generated(bodies, ["bodies", p2500, bodies])
    bfiles = pack_files(bodies)
    # The pack indexed, as "make install" indexes an installed pack: the
    # report reads the 2,500 texts it shows, not the 10,000 files
    index = os.path.join(p2500, "answers.index")
    run([BIN, "index", p2500])
    report = lambda: run([BIN, "report", answers, "--content", p2500])
    cmark = lambda: run(["cmark"] + bfiles)
    rr, rm = pair(report, cmark, runs, ("report", "cmark"))
    t, tm = med(rr), med(rm)

    def small():
        p100 = pack(100)
        a100 = os.path.join(OUT, "answers-100.yaml")
        generated(a100, ["answers", a100, "100"])
        run([BIN, "index", p100])
        return ("report of 100 answers on the 400-file pack, indexed",
                [BIN, "report", a100, "--content", p100], None, None)

    row("report: 2,500 answers, text", fmt_spread(walls(rr), "report"), "cmark, %s bodies: %s" %
        (format(len(bfiles), ","), fmt_s(tm)), fmt_ratio(t / tm), "≤ 1.5×", t / tm <= 1.5, small)
    # The same pack without its index: the report reads and parses every
    # one of the 10,000 files to find the 2,500 it shows.
    os.rename(index, index + ".off")
    try:
        rw, rm2 = pair(report, cmark, runs, ("report without the index", "cmark"))
    finally:
        os.rename(index + ".off", index)
    tw, tm2 = med(rw), med(rm2)
    row("report: the same pack without its index", fmt_s(tw), "cmark: " + fmt_s(tm2),
        fmt_ratio(tw / tm2), "(information)", None)


def installed_packs():
    """The bundled packs as "make install" leaves them: copied, each with its index."""
    d = os.path.join(OUT, "installed")
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(os.path.join(TOP, "data"), d,
                    ignore=shutil.ignore_patterns("answers.index"))
    for name in sorted(os.listdir(d)):
        if os.path.exists(os.path.join(d, name, "assessment.yaml")):
            run([BIN, "index", os.path.join(d, name)])
    return d


def bench_startup(runs):
    # The Turkish pack as installed: the wizard reads its texts through
    # the index as their questions come, where data/tr (no index) is read whole.
    installed = installed_packs()
    tr = os.path.join(installed, "tr")
    title, question, choices = first_question(tr)
    qwords = " ".join(question.split()[:3])
    last = choices[-1]
    home = tempfile.mkdtemp(prefix="stok-bench-")
    env = dict(ENV, HOME=home, XDG_STATE_HOME=home)
    # the wizard: the welcome screen (its key bar names the arrows),
    # Enter, then the first question with its last choice and key bar (1-5)
    wiz_steps = ["-w", title, "-w", "\u2190\u2192", "-s", "\\r",
                 "-w", qwords, "-w", last, "-w", "1-5"]
    wiz_argv = [BIN, "--content", tr, "--fresh"]
    dlg_steps = ["-w", qwords, "-w", last, "-w", "Cancel"]
    dlg_argv = ["dialog", "--menu", question, "0", "0", "0"]
    for i, c in enumerate(choices):
        dlg_argv += [str(i + 1), c]
    welcome, first, dlg = [], [], []

    def wizard():
        w = ptyrun(wiz_steps, wiz_argv, env)
        welcome.append(w[1] / 1e9)
        first.append(w[-1] / 1e9)

    def dialog():
        dlg.append(ptyrun(dlg_steps, dlg_argv, env)[-1] / 1e9)

    pair(wizard, dialog, runs, ("the wizard", "dialog"))
    del welcome[0], first[0], dlg[0]	# the warm-up runs
    td, tw, tq = statistics.median(dlg), statistics.median(welcome), statistics.median(first)
    prof = lambda: ("the wizard on the installed tr pack to its first question, then q",
                    wiz_argv, wiz_steps + ["-s", "q", "-e"], env)
    row("start-up: to the first question (tr, installed)",
        fmt_spread(first, "the wizard's first question"),
        "dialog --menu: " + fmt_s(td),
        fmt_ratio(tq / td), "≤ 1×", tq / td <= 1, prof)
    row("start-up: to the first frame", fmt_s(tw), "dialog --menu: " + fmt_s(td),
        fmt_ratio(tw / td), "(information)", None)

    # The same on a pack of one question (4 answer texts): the program
    # itself, without the loading of a real pack's 129 files.
    p1 = pack(1)
    t1, q1, c1 = first_question(p1)
    steps1 = ["-w", t1, "-w", "\u2190\u2192", "-s", "\\r", "-w", " ".join(q1.split()[:3]),
              "-w", c1[-1], "-w", "1-5"]
    def info(name, steps, argv, e):
        """An information row: the median time to the first question against dialog's."""
        t = statistics.median(ptyrun(steps, argv, e)[-1] / 1e9 for _ in range(runs))
        row(name, fmt_s(t), "dialog --menu: " + fmt_s(td), fmt_ratio(t / td), "(information)",
            None)

    # The same two screens in dialog, one process: a message box with the
    # pack's title and introduction, Enter, then the menu. The goal above
    # stays against the menu alone.
    intro = introduction(tr)
    flow_argv = ["dialog", "--title", title, "--msgbox", intro, "0", "0", "--and-widget",
                 "--menu", question, "0", "0", "0"]
    for i, c in enumerate(choices):
        flow_argv += [str(i + 1), c]
    flow_steps = ["-w", title, "-w", "OK", "-s", "\\r"] + dlg_steps
    tf = statistics.median(ptyrun(flow_steps, flow_argv, env)[-1] / 1e9 for _ in range(runs))
    row("start-up: the same two screens in dialog", fmt_s(tq),
        "dialog --msgbox, Enter, --menu: " + fmt_s(tf), fmt_ratio(tq / tf), "(information)",
        None)
    info("start-up: the same on a one-question pack (4 files)", steps1,
         [BIN, "--content", p1, "--fresh"], env)
    # The same pack without its index (data/tr, as in the source tree): every
    # text is read and parsed while the first frame waits for its key.
    info("start-up: the same pack without its index (data/tr)", wiz_steps,
         [BIN, "--content", os.path.join(TOP, "data", "tr"), "--fresh"], env)
    # As people start it: no --content, the pack chosen among the installed
    # ones (as STOK_ASSESS_DATA names them for the binary measured) by --lang.
    info("start-up: the same from the installed packs (--lang tr)", wiz_steps,
         [BIN, "--lang", "tr", "--fresh"], dict(env, STOK_ASSESS_DATA=installed))

    # The same work counted in instructions, which the machine's noise does
    # not move: the two screens to the first question, then out (q), against
    # dialog's menu, then out (Escape). What the clock adds to these is the
    # kernel's: processes, the pseudo-terminal, the key's round trip.
    wi = instructions(wiz_argv, wiz_steps + ["-s", "q", "-e"], env)
    di = instructions(dlg_argv, dlg_steps + ["-s", "\\e", "-e"], env)
    if wi and di:
        row("start-up: instructions to the first question, and out", "%s" % format(wi, ","),
            "dialog --menu: %s" % format(di, ","), fmt_ratio(wi / di), "(information)", None)

    # keystroke cost, 80x24: the whole first question, a focus move, the
    # next question, and a full repaint (Ctrl-L) of that question
    steps = wiz_steps + ["-i", "300", "-s", "\\eOB", "-i", "300", "-s", "\\r", "-i", "300",
                         "-s", "\\x0c", "-i", "300"]
    counts = [ptyrun(["-c", "80", "-r", "24"] + steps, wiz_argv, env)[-4:] for _ in range(3)]
    frame, move, nextq, repaint = (statistics.median(c[i] for c in counts) for i in range(4))
    row("keys: focus to the next choice, 80×24", "%d bytes" % move, "—", "—",
        "< 100 bytes", move < 100)
    row("keys: the next question, 80×24", "%d bytes" % nextq,
        "repaint (Ctrl-L): %d bytes" % repaint, fmt_ratio(nextq / repaint),
        "< 1×", nextq < repaint)
    return home


# --- the worst accepted pack ---------------------------------------------------

# Bodies at the limits of stok-assess(5) (16 KiB less room for the front
# matter, 200 lines, nesting 8, 256
# markup characters), built from cmark's pathological inputs: each kind
# in every answer text of a copy of data/tr. The worst is the one measured.
WORST_BODY = 15900


def worst_bodies():
    def fill(head, filler="a "):
        return (head + filler * WORST_BODY)[:WORST_BODY]
    return {
        "nested lists, blank lines": fill("- " * 8 + "x" + "\n" * 190),
        "nested lists, 200 lines": fill("- " * 7 + "x" + "\nb" * 198, " a"),
        "words": fill(""),
        "images in brackets": fill("![[]()" * 64),
        "emphasis closers": fill("a_ " * 256),
        "links and emphasis": fill("**x [a*b**c*](d)" * 32),
        "nested brackets": fill("[" * 128 + "a" + "]" * 127),
        "entities": fill("&#" * 256),
        "autolink openers": fill("<a" * 256),
    }


def worst_pack(kind, body):
    src = os.path.join(TOP, "data", "tr")
    d = os.path.join(OUT, "worst-" + re.sub(r"[^a-z]+", "-", kind))
    shutil.rmtree(d, ignore_errors=True)
    shutil.copytree(src, d)
    for f in pack_files(os.path.join(d, "answers")):
        with open(f, encoding="utf-8") as fh:
            t = fh.read()
        m = re.match(r"(---\n.*?\n---\n)", t, re.S)
        with open(f, "w", encoding="utf-8") as fh:
            fh.write(m.group(1) + body)
    p = subprocess.run([BIN, "check", d], env=ENV, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        fail("the worst pack (%s) is not accepted: %s" % (kind, p.stderr[:500]))
    return d


def bench_worst(runs):
    tr = os.path.join(TOP, "data", "tr")
    answers = os.path.join(TOP, "data", "tr", "sample.yaml")
    normal = lambda: run([BIN, "report", answers, "--content", tr])
    worst, worst_t, worst_dir = None, 0, None
    for kind, body in worst_bodies().items():
        d = worst_pack(kind, body)
        rw, rn = pair(lambda: run([BIN, "report", answers, "--content", d]), normal, 3,
                      ("a worst pack candidate's report", "data/tr's report"))
        r = med(rw) / med(rn)
        log("worst pack candidate %s: report %.1f ms, %.2fx" % (kind, med(rw) * 1e3, r))
        if r > worst_t:
            worst, worst_t, worst_dir = kind, r, d
    rw, rn = pair(lambda: run([BIN, "report", answers, "--content", worst_dir]), normal, runs,
                  ("the worst pack's report", "data/tr's report"))
    t, tn = med(rw), med(rn)
    row("worst accepted pack (%s): report" % worst, fmt_s(t), "data/tr: " + fmt_s(tn),
        fmt_ratio(t / tn), "≤ 3×", t / tn <= 3)
    # the wizard to its first question, on each
    title, question, choices = first_question(tr)
    steps = ["-w", title, "-w", "\u2190\u2192", "-s", "\\r",
             "-w", " ".join(question.split()[:3]), "-w", choices[-1], "-w", "1-5"]
    home = tempfile.mkdtemp(prefix="stok-bench-")
    env = dict(ENV, HOME=home, XDG_STATE_HOME=home)
    fw, fn = [], []
    pair(lambda: fw.append(ptyrun(steps, [BIN, "--content", worst_dir, "--fresh"], env)[-1] / 1e9),
         lambda: fn.append(ptyrun(steps, [BIN, "--content", tr, "--fresh"], env)[-1] / 1e9), runs,
         ("the worst pack's wizard", "data/tr's wizard"))
    shutil.rmtree(home, ignore_errors=True)
    tw, tn = statistics.median(fw[1:]), statistics.median(fn[1:])
    row("worst accepted pack: the wizard's first question", fmt_s(tw), "data/tr: " + fmt_s(tn),
        fmt_ratio(tw / tn), "≤ 3×", tw / tn <= 3)


def has_merge():
    p = subprocess.run([BIN, "merge", "--help"], env=ENV, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return p.returncode == 0


def bench_merge(runs):
    if not has_merge():
        for n in (500, 5000):
            row("merge: %s answers files" % format(n, ","), "not built yet", "cat", "—",
                "< 1 s" if n == 500 else "≤ 5×", None)
        return
    p100 = pack(100)
    per = {}
    for n, r in ((500, runs), (5000, max(3, runs // 2))):
        g = os.path.join(OUT, "group-%d" % n)
        generated(g, ["group", g, str(n), "100"])
        files = pack_files(g)
        merge = lambda: run([BIN, "merge", "--content", p100] + files)
        cat = lambda: run(["cat"] + files)
        rm, rc = pair(merge, cat, r, ("merge", "cat"))
        t, tc = med(rm), med(rc)
        per[n] = t / n
        if n == 500:
            goal, ok = "< 1 s", t < 1
        else:	# at the speed of its input: within 5 times cat of the same files
            goal, ok = "≤ 5×", t / tc <= 5
        prof = lambda: ("merge of 50 answers files",
                        [BIN, "merge", "--content", p100] + files[:50], None, None)
        row("merge: %s answers files" % format(n, ","),
            "%s, %.0f µs/file" % (fmt_spread(walls(rm), "merge"), per[n] * 1e6),
            "cat: " + fmt_s(tc),
            fmt_ratio(t / tc), goal, ok, prof)


def bench_network(runs):
    """The profile of a network of 5,000 member organisations, against cat."""
    p100 = pack(100)
    g = os.path.join(OUT, "network-5000")
    generated(g, ["network", g, "5000", "100"])
    files = pack_files(g)
    net = lambda: run([BIN, "network", "--content", p100] + files)
    cat = lambda: run(["cat"] + files)
    rn, rc = pair(net, cat, max(3, runs // 2), ("network", "cat"))
    t, tc = med(rn), med(rc)
    prof = lambda: ("network of 500 organisations",
                    [BIN, "network", "--content", p100] + files[:500], None, None)
    row("network: profile of 5,000 organisations",
        "%s, %.0f µs/file" % (fmt_spread(walls(rn), "network"), t / 5000 * 1e6),
        "cat: " + fmt_s(tc), fmt_ratio(t / tc), "(information)", None, prof)


# The CPU time per file at three sizes must stay flat (within 1.5×): that
# of check less that of check on a one-question pack (4 files), which is
# the program's own start and no file's. Counted in, that start (5 to 9 ms
# here) was a sixth of the 1,000-file check once the loader used every
# core, and made the smallest pack look the slowest per file.
def bench_scaling(r10k, n10k, runs, quick):
    """The cost of a file as packs grow, less the program's own start.

    The goal is on CPU time (user and system, all threads): the work a file
    costs, which is what grows if something in the loader is worse than
    linear. Wall time also shows how well the cores are used, which is
    better on a long check than on a short one; it is given as information."""
    r1 = [run([BIN, "check", pack(1)]) for _ in range(runs + 1)][1:]
    got = {n10k: r10k}
    for nq, r in ((250, runs),) + (() if quick else ((5000, max(3, runs // 2)),)):
        d = pack(nq)
        got[nq * 4] = [run([BIN, "check", d]) for _ in range(r + 1)][1:]
    sizes = sorted(got)

    def per(attr):
        t1 = med(r1, attr)
        return {n: (med(got[n], attr) - t1) / (n - 4) for n in sizes}

    def cells(p):
        return " / ".join("%.1f µs" % (p[n] * 1e6) for n in sizes)

    cpu, wall = per("cpu"), per("wall")
    ratio = max(cpu.values()) / min(cpu.values())
    small = lambda: ("check of the 1,000-file pack", [BIN, "check", pack(250)], None, None)
    row("scaling: CPU time per file, %s files" % " / ".join(format(n, ",") for n in sizes),
        cells(cpu), "the lowest; less the start, %s" % fmt_s(med(r1, "cpu")), fmt_ratio(ratio),
        "≤ 1.5×", ratio <= 1.5, small)
    row("scaling: wall time per file, the same", cells(wall),
        "the lowest; less the start, %s" % fmt_s(med(r1)),
        fmt_ratio(max(wall.values()) / min(wall.values())), "(information)", None)


def snapshot():
    """Measure a copy of the program: the tree's may be rebuilt meanwhile.

    The copy finds the message catalogues as the original does, through
    build/locale beside it."""
    global BIN
    d = os.path.join(OUT, "bin")
    os.makedirs(os.path.join(d, "build"), exist_ok=True)
    copy = os.path.join(d, "stok-assess")
    shutil.copy2(BIN, copy + ".tmp")
    os.replace(copy + ".tmp", copy)
    link = os.path.join(d, "build", "locale")
    if not os.path.islink(link):
        os.symlink(os.path.join(TOP, "build", "locale"), link)
    BIN = copy


def main():
    ap = argparse.ArgumentParser(description="make bench")
    ap.add_argument("--runs", type=int, default=7, help="timed runs per figure (7)")
    ap.add_argument("--quick", action="store_true",
                    help="3 runs, no 20,000-file pack, no profiles; for trying the benchmark")
    ap.add_argument("--no-write", action="store_true", help="leave BENCHMARKS.md alone")
    a = ap.parse_args()
    runs = 3 if a.quick else max(3, a.runs)
    for f in (BIN, PTYRUN, READALL):
        if not os.access(f, os.X_OK):
            fail("%s is missing: run make bench" % f)
    for tool in ("cat", "cmark", "dialog"):
        if shutil.which(tool) is None:
            fail("%s is not installed: make deps installs it" % tool)
    mach = machine()
    load_before = os.getloadavg()[0]
    t0 = time.time()
    os.makedirs(OUT, exist_ok=True)
    snapshot()
    p2500 = pack(2500)
    if not a.quick:
        pack(5000)
    pack(250)
    log("content ready in %.0f s" % (time.time() - t0))
    t1 = time.time()
    r10k, n10k = bench_load(p2500, runs)
    bench_report(p2500, runs)
    home = bench_startup(max(runs, 9))
    bench_merge(runs)
    bench_network(runs)
    bench_worst(runs)
    bench_scaling(r10k, n10k, runs, a.quick)
    note = ("Medians of %d runs (start-up: %d), after one warm-up run; each pair alternates "
            "in one invocation (A B B A ...); warm page cache; stdout to /dev/null; "
            "measured in %.0f s." % (runs, max(runs, 9), time.time() - t1))
    load_after = os.getloadavg()[0]
    note += (" Load average (1 minute) %.2f before, %.2f after." % (load_before, load_after))
    widest, widest_what = max(SPREADS) if SPREADS else (1.0, "")
    note += " Widest spread of a figure's runs %.2f (%s)." % (widest, widest_what)
    busy = load_before > BUSY_BEFORE or load_after > BUSY_AFTER or widest > NOISY
    print(table_text())
    print()
    print(note)
    met = [r[5] for r in ROWS if r[5] is not None]
    print("%d of %d goals met." % (sum(met), len(met)))
    profs = [] if a.quick else profiles()
    shutil.rmtree(home, ignore_errors=True)
    for measure, head, lines in profs:
        print("\nNot met: %s. %s:" % (measure, head))
        print("\n".join("  " + l for l in lines))
    if busy and not a.no_write and not a.quick:
        log("the machine was busy (load average %.2f before, %.2f after, the widest spread "
            "of a figure's runs %.2f, %s; the table wants at most %.1f, %.1f and %.2f): "
            "BENCHMARKS.md keeps its quiet run" %
            (load_before, load_after, widest, widest_what, BUSY_BEFORE, BUSY_AFTER, NOISY))
    elif not a.no_write and not a.quick:
        write_benchmarks_md(note, mach, profs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
