#!/usr/bin/env python3
"""Time until the reader's analysis is in, beside `margin analyze`.

usage: analysed.py [--runs N] [--against EXE,...] EXE

Generates 20 MB of plain text and of markdown (bench/table.py's files)
and, for each, times two things per run: `margin analyze --json FILE` as
a whole process (its output thrown away), and the reader on a fresh
100x30 pseudo-terminal from its start until its analysis is finished,
which is when it writes the analysis to its cache, just before the
highlights go in and the status stops saying "analysing". Every run gets
an empty cache. Beside each median wall time, the median CPU time (user
and system, all threads) the process had used by then, steadier than the
wall time on a shared machine. With --against, each other build runs in
turn with EXE, run by run, so that a change of load falls on all alike.
Prints one row a file and build: the reader must stay within 2x of
`analyze` (issue 14).
"""
import os, pty, fcntl, random, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import idle, table  # noqa: E402


def analyze(exe, path, tmp):
    """Wall and CPU seconds of `margin analyze --json path`."""
    env = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp(dir=tmp))
    start = time.perf_counter()
    p = subprocess.Popen([exe, "analyze", "--json", path], stdout=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"analysed: {exe} analyze {path} failed")
    return wall, usage.ru_utime + usage.ru_stime


def reader(exe, path, tmp):
    """Wall and CPU seconds from starting the reader on path until its
    analysis is in the cache."""
    cache = tempfile.mkdtemp(dir=tmp)
    env = dict(os.environ, XDG_CACHE_HOME=cache, XDG_DATA_HOME=tempfile.mkdtemp(dir=tmp))
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execvpe(exe, [exe, path], env)
    try:
        idle.drain(fd, start + 900, lambda: idle.analysed(cache))
        if not idle.analysed(cache):
            sys.exit("analysed: the reader's analysis never finished")
        return time.perf_counter() - start, idle.cpu_seconds(pid)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def files(tmp):
    """The 20 MB text and markdown files, as bench/table.py makes them."""
    out = []
    for kind, make, ext in (("text", table.text, "txt"), ("markdown", table.markdown, "md")):
        path = os.path.join(tmp, f"{kind}-20mb.{ext}")
        with open(path, "w") as f:
            f.write(make(20 * table.MB, random.Random(1)))
        out.append((f"20 MB {kind}", path))
    return out


def measure(exes, path, runs, tmp):
    """Per build, its (wall, cpu) runs of analyze and of the reader, run
    by run in turn."""
    got = {exe: ([], []) for exe in exes}
    for _ in range(runs):
        for exe in exes:
            alone, mine = got[exe]
            alone.append(analyze(exe, path, tmp))
            mine.append(reader(exe, path, tmp))
    return got


def cell(runs):
    wall = statistics.median(w for w, _ in runs)
    cpu = statistics.median(c for _, c in runs)
    return wall, cpu, f"{wall:.2f} s ({cpu:.2f} s CPU)"


def rows(exes, runs, cases, tmp):
    """Prints the table, a row a file (name, path) and build."""
    many = len(exes) > 1
    print(f"| file{' | build' if many else ''} | `margin analyze --json` | reader until analysed | ratio (wall; CPU) |  (medians of {runs}, alternated)")
    print(f"|---{'|---' if many else ''}|---|---|---|")
    for name, path in cases:
        got = measure(exes, path, runs, tmp)
        for exe in exes:
            aw, ac, alone = cell(got[exe][0])
            mw, mc, mine = cell(got[exe][1])
            build = f" | {exe}" if many else ""
            print(f"| {name}{build} | {alone} | {mine} | {mw / aw:.2f}x; {mc / ac:.2f}x |", flush=True)


def main():
    runs, against, args = 3, [], sys.argv[1:]
    while args[:1] in (["--runs"], ["--against"]) and len(args) > 1:
        if args[0] == "--runs":
            runs = int(args[1])
        else:
            against = [os.path.abspath(e) for e in args[1].split(",")]
        args = args[2:]
    if len(args) != 1:
        sys.exit(__doc__.strip().splitlines()[2])
    tmp = tempfile.mkdtemp(prefix="margin-analysed-")
    try:
        rows([os.path.abspath(args[0])] + against, runs, files(tmp), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
