#!/usr/bin/env python3
"""Time from starting a program on a fresh pseudo-terminal to MARKER on it.

usage: firstscreen.py [--runs N] [--rss] [--against EXE,...] MARKER PROGRAM [ARG...]

Prints the median, minimum and maximum of N runs in milliseconds. The clock
starts just before the fork and stops when MARKER first appears in what
the program writes; nothing else (no tmux, no polling) sits in between.
Beside it, the median CPU time the program had used by then (all its
threads, from /proc/PID/task/*/schedstat): on a shared machine the wall
time swings with the load, the CPU time much less.
With --rss it also waits two seconds after the marker and reports the
program's peak resident memory (VmHWM). With --against, each EXE (another
build, or `less`) is run on the same arguments in turn with PROGRAM, run
by run, so that a change of load on a shared machine falls on all of
them alike, and each gets its own line.
"""
import fcntl, os, pty, select, statistics, struct, sys, termios, time


def cpu_ms(pid):
    """CPU milliseconds all threads of pid have run, None if unknown."""
    total = 0
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                total += int(f.read().split()[0])
    except OSError:
        return None
    return total / 1e6


def once(marker, argv, rss, settle=2.0, cpu=None):
    """One run: milliseconds to MARKER and, with rss, the peak RSS in kB
    settle seconds after it (0: as the marker shows). With a list cpu, the
    CPU milliseconds used up to the marker are appended to it."""
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execvp(argv[0], argv)
    buf, took = b"", None
    deadline = t0 + 10
    while time.perf_counter() < deadline:
        r, _, _ = select.select([fd], [], [], 0.5)
        if not r:
            continue
        try:
            buf += os.read(fd, 1 << 16)
        except OSError:
            break
        if took is None and marker in buf:
            took = (time.perf_counter() - t0) * 1000
            if cpu is not None:
                cpu.append(cpu_ms(pid))
            if not rss or settle == 0:
                break
            deadline = time.perf_counter() + settle
    peak = None
    if rss:
        with open(f"/proc/{pid}/status") as f:
            peak = next(int(l.split()[1]) for l in f if l.startswith("VmHWM"))
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    os.close(fd)
    if took is None:
        sys.exit(f"firstscreen: {marker.decode()!r} never appeared")
    return took, peak


def main():
    args = sys.argv[1:]
    runs, rss, against = 7, False, []
    while args and args[0].startswith("--"):
        if args[0] == "--runs":
            runs, args = int(args[1]), args[2:]
        elif args[0] == "--rss":
            rss, args = True, args[1:]
        elif args[0] == "--against":
            against, args = args[1].split(","), args[2:]
        else:
            sys.exit(__doc__.strip().splitlines()[2])
    if len(args) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    marker, programs = args[0].encode(), [args[1]] + against
    results = {p: [] for p in programs}
    cpu = {p: [] for p in programs}
    for _ in range(runs):
        for p in programs:
            results[p].append(once(marker, [p] + args[2:], rss, cpu=cpu[p]))
    for p in programs:
        line = summary(results[p], cpu[p], rss)
        print(f"{p}: {line}" if against else line)


def summary(results, cpu, rss):
    """The line firstscreen prints for one program's runs."""
    times = [t for t, _ in results]
    line = f"median {statistics.median(times):.1f} ms (min {min(times):.1f}, max {max(times):.1f}, {len(times)} runs)"
    if None not in cpu:
        line += f", {statistics.median(cpu):.1f} ms CPU"
    if rss:
        line += f", peak RSS {max(p for _, p in results) / 1024:.0f} MB"
    return line


if __name__ == "__main__":
    main()
