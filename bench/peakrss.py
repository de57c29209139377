#!/usr/bin/env python3
"""What the reader's peak resident memory is made of.

usage: peakrss.py MARKER PROGRAM [ARG...]

Starts PROGRAM on a fresh pseudo-terminal with an empty analysis cache,
as bench/idle.py does, and reads /proc/PID/smaps_rollup every few
milliseconds until the analysis lands in the cache. At the highest
resident set seen it reads /proc/PID/smaps and prints that peak split
into the executable's file pages (code, read-only data and the line
tables, initialised data), its zeroed data (where tables built at run
time live), the shared libraries' and the rest of the anonymous memory
(the Go heap, its metadata and stacks), the mappings of
100 KB or more, and the peak (VmHWM) the kernel kept. The split is what
says which part a change could cut: a page of the executable counts as
soon as it is touched, and stays.
"""
import os, select, shutil, sys, tempfile, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import idle  # noqa: E402


def rss_kb(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("Rss:"))


def mappings(pid):
    """(name, permissions, resident kB, anonymous kB) of each mapping. The
    anonymous mapping right after the executable's data is its zeroed data."""
    out, cur, data_end = [], None, None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            p = line.split()
            if not p[0].endswith(":"):
                lo, hi = p[0].split("-")
                name = p[5] if len(p) > 5 else "[anonymous]"
                if name == "[anonymous]" and lo == data_end:
                    name = "[the executable's zeroed data, .bss]"
                data_end = hi if p[1] == "rw-p" and name.startswith("/") else None
                cur = [name, p[1], 0, 0]
                out.append(cur)
            elif p[0] == "Rss:":
                cur[2] = int(p[1])
            elif p[0] == "Anonymous:":
                cur[3] = int(p[1])
    return out


def sample(marker, argv, cache):
    """The highest resident set seen until the analysis is cached, its
    mappings then, and the kernel's VmHWM at the end."""
    pid, fd = idle.pty.fork()
    if pid == 0:
        idle.fcntl.ioctl(0, idle.termios.TIOCSWINSZ, idle.struct.pack("HHHH", 30, 100, 0, 0))
        os.execvpe(argv[0], argv, dict(os.environ, XDG_CACHE_HOME=cache))
    try:
        idle.wait_marker(fd, marker)
        best, maps, deadline = 0, [], time.perf_counter() + 900
        while not idle.analysed(cache) and time.perf_counter() < deadline:
            if select.select([fd], [], [], 0.003)[0]:
                os.read(fd, 1 << 16)
            if (rss := rss_kb(pid)) > best:
                best, maps = rss, mappings(pid)
        return best, maps, idle.peak_rss_mb(pid)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[2])
    exe = os.path.realpath(shutil.which(sys.argv[2]) or sys.argv[2])
    cache = tempfile.mkdtemp(prefix="margin-peakrss-")
    try:
        best, maps, hwm = sample(sys.argv[1].encode(), sys.argv[2:], cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    parts = {"executable's code (r-xp)": 0, "executable's read-only data (r--p)": 0,
             "executable's initialised data (rw-p)": 0, "shared libraries": 0,
             "executable's zeroed data (.bss)": 0, "anonymous": 0}
    for name, perm, rss, anon in maps:
        if name == exe:
            key = {"r-xp": "executable's code (r-xp)", "r--p": "executable's read-only data (r--p)"}.get(perm, "executable's initialised data (rw-p)")
            parts[key] += rss - anon
            parts["anonymous"] += anon
        elif name.startswith("[the executable's"):
            parts["executable's zeroed data (.bss)"] += rss
        elif name.startswith("/"):
            parts["shared libraries"] += rss - anon
            parts["anonymous"] += anon
        else:
            parts["anonymous"] += rss
    print(f"peak RSS {best / 1024:.1f} MB sampled, VmHWM {hwm:.1f} MB")
    for k, v in parts.items():
        print(f"  {v / 1024:6.1f} MB  {k}")
    print("mappings of 100 KB or more at the peak:")
    for name, perm, rss, anon in sorted(maps, key=lambda m: -m[2]):
        if rss >= 100:
            print(f"  {rss / 1024:6.1f} MB  {perm} {name} (anonymous {anon / 1024:.1f} MB)")


if __name__ == "__main__":
    main()
