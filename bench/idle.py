#!/usr/bin/env python3
"""CPU an idle reader uses once its analysis has finished.

usage: idle.py [--seconds S] [--max PERCENT] MARKER PROGRAM [ARG...]

Starts PROGRAM on a fresh pseudo-terminal with an empty analysis cache
(XDG_CACHE_HOME in a temporary folder), waits for MARKER on the screen,
then for the analysis to land in the cache (the reader writes it there
when the analysis finishes), lets the screen settle for two seconds and
reads the process's CPU time (user + system) over S seconds (default 10)
with no key pressed. Prints the share of one core and exits 1 when it is
above PERCENT (default 1). The peak resident memory (VmHWM) after the
analysis is printed too.
"""
import fcntl, os, pty, select, shutil, struct, sys, tempfile, termios, time

def cpu_seconds(pid):
    """CPU seconds all threads of pid have run, to the nanosecond (from
    /proc/PID/task/*/schedstat; /proc/PID/stat counts in 10 ms ticks, a
    tenth of the 1% this measures against over 10 s)."""
    total = 0
    for tid in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
            total += int(f.read().split()[0])
    return total / 1e9


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmHWM")) / 1024


def drain(fd, until, stop=lambda: False):
    """Read what the program writes until the clock passes until or stop()."""
    buf = b""
    while time.perf_counter() < until and not stop():
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            try:
                buf += os.read(fd, 1 << 16)
            except OSError:
                break
    return buf


def wait_marker(fd, marker):
    buf, deadline = b"", time.perf_counter() + 30
    while marker not in buf:
        if time.perf_counter() > deadline:
            sys.exit(f"idle: {marker.decode()!r} never appeared")
        r, _, _ = select.select([fd], [], [], 0.2)
        if r:
            buf += os.read(fd, 1 << 16)


def analysed(cache):
    for _, _, files in os.walk(cache):
        if any(not f.startswith(".") for f in files):
            return True
    return False


def measure(marker, argv, seconds, cache):
    env = dict(os.environ, XDG_CACHE_HOME=cache)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execvpe(argv[0], argv, env)
    try:
        wait_marker(fd, marker)
        drain(fd, time.perf_counter() + 900, lambda: analysed(cache))
        if not analysed(cache):
            sys.exit("idle: the analysis never finished")
        drain(fd, time.perf_counter() + 2)
        before = cpu_seconds(pid)
        drain(fd, time.perf_counter() + seconds)
        used = cpu_seconds(pid) - before
        return used, peak_rss_mb(pid)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def main():
    args = sys.argv[1:]
    seconds, limit = 10.0, 1.0
    while args and args[0].startswith("--"):
        if args[0] == "--seconds":
            seconds, args = float(args[1]), args[2:]
        elif args[0] == "--max":
            limit, args = float(args[1]), args[2:]
        else:
            sys.exit(__doc__.strip().splitlines()[2])
    if len(args) < 2:
        sys.exit(__doc__.strip().splitlines()[2])
    cache = tempfile.mkdtemp(prefix="margin-idle-")
    try:
        used, peak = measure(args[0].encode(), args[1:], seconds, cache)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    share = 100 * used / seconds
    print(f"idle CPU {used:.3f} s in {seconds:.0f} s ({share:.2f}% of a core), peak RSS after analysis {peak:.0f} MB")
    if share > limit:
        sys.exit(f"idle: {share:.1f}% of a core is above {limit}%")


if __name__ == "__main__":
    main()
