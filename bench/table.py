#!/usr/bin/env python3
"""Issue 14's table: margin's first screen beside `less`, peak memory and
idle CPU, for the current build, in one run.

usage: bench/table.py [--runs N] [--margin EXE] [--memory]   (default: 5 runs, a fresh build)

Builds margin (or takes EXE, another build to compare), generates 1, 5 and 20 MB of plain text and of markdown
(numbered paragraphs of a small vocabulary; the markdown adds a heading
every twenty paragraphs, emphasis and a list) and 200 MB of text (the
20 MB ten times, to show the first screen does not grow with the file), and on a fresh
pseudo-terminal of 100x30 (bench/firstscreen.py) times the first screen
of margin and of `less` on the same file, median of N runs each. It then
prints margin's peak RSS (VmHWM) as the first screen shows and once the
analysis has finished (5 and 20 MB), and as it reopens the article with
the analysis in its cache, the highest of N runs each, and the
CPU an idle reader with the 20 MB article uses over 10 s once its
analysis is done (bench/idle.py, the median of the N runs), which must
stay under 1% of a core. --memory prints only that table. Last, for 20 MB, the time from start until
the reader has its analysis beside the whole run of `margin analyze
--json` on the same file, medians of N runs with their CPU time
(bench/analysed.py); the reader must stay within 2x. Every margin run but the reopening
ones gets an empty analysis cache, so no other figure comes from an
earlier run's cache.
Beside each first screen: the CPU time less and margin had used by
then, steadier than the wall time on a loaded machine.
"""
import fcntl, os, pty, random, shutil, statistics, struct, subprocess, sys, tempfile, termios, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import firstscreen, idle  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = ("the council said on Tuesday that harbour wall would be finished by "
         "spring according to engineers who were less sure").split()
MB = 1 << 20


def paragraph(rng, k):
    sentences = (" ".join(rng.choice(WORDS) for _ in range(15)).capitalize() + "." for _ in range(5))
    return f"Paragraph {k}. " + " ".join(sentences)


def text(size, rng):
    parts, n, k = [], 0, 0
    while n < size:
        k += 1
        p = paragraph(rng, k) + "\n\n"
        parts.append(p)
        n += len(p)
    return "".join(parts)


def markdown(size, rng):
    parts, n, k = [], 0, 0
    while n < size:
        k += 1
        p = paragraph(rng, k)
        if k % 20 == 1:
            p = f"## Section {k // 20 + 1}\n\n" + p
        if k % 7 == 0:
            p = p.replace(" council ", " *council* ", 1)
        if k % 11 == 0:
            p += "\n\n- the harbour wall\n- the engineers"
        p += "\n\n"
        parts.append(p)
        n += len(p)
    return "".join(parts)


def files(tmp, big=True):
    rng = random.Random(1)
    out = [("the sample", "Assertions", shutil.copy(os.path.join(ROOT, "samples", "china-us-claims.txt"), tmp))]
    for mb in (1, 5, 20):
        for kind, make, marker in (("text", text, "Paragraph 1."), ("markdown", markdown, "Section 1")):
            path = os.path.join(tmp, f"{kind}-{mb}mb.{'txt' if kind == 'text' else 'md'}")
            with open(path, "w") as f:
                f.write(make(mb * MB, rng))
            out.append((f"{mb} MB {kind}", marker, path))
    if not big:
        return out
    path = os.path.join(tmp, "text-200mb.txt")
    with open(os.path.join(tmp, "text-20mb.txt")) as src, open(path, "w") as f:
        twenty = src.read()
        for _ in range(10):
            f.write(twenty)
    out.append(("200 MB text", "Paragraph 1.", path))
    return out


def median_ms(marker, argv, runs):
    """Median milliseconds to the first screen, and median CPU milliseconds
    the program had used by then (None if unknown)."""
    cpu = []
    wall = statistics.median(firstscreen.once(marker.encode(), argv, False, cpu=cpu)[0] for _ in range(runs))
    return wall, None if None in cpu else statistics.median(cpu)


def shown(ms):
    """A first screen's wall time, with its CPU time when known."""
    wall, cpu = ms
    return f"{wall:.1f} ms" if cpu is None else f"{wall:.1f} ms ({cpu:.1f} ms CPU)"


def first_screen_rss(marker, argv, runs):
    return max(firstscreen.once(marker.encode(), argv, True, settle=0)[1] for _ in range(runs)) / 1024


def reopened_rss(marker, argv, cache):
    """Peak RSS in MB of the reader reopening an article whose analysis is
    in cache, once it has gone idle (its CPU time still for half a second)."""
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        os.execvpe(argv[0], argv, dict(os.environ, XDG_CACHE_HOME=cache))
    try:
        idle.wait_marker(fd, marker)
        used, deadline = -1, time.perf_counter() + 120
        while time.perf_counter() < deadline and idle.cpu_seconds(pid) - used > 0.01:
            used = idle.cpu_seconds(pid)
            idle.drain(fd, time.perf_counter() + 0.5)
        return idle.peak_rss_mb(pid)
    finally:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(fd)


def memory_table(cases, exe, runs, tmp):
    print(f"| file | peak RSS at first screen | after analysis | reopened, analysis cached | idle CPU over 10 s |  (highest of {runs}; idle: median)")
    print("|---|---|---|---|---|")
    for name, marker, path in cases:
        if not name.startswith(("5 MB", "20 MB")):
            continue
        size = os.path.getsize(path) / MB
        at = first_screen_rss(marker, [exe, path], runs)
        caches = [tempfile.mkdtemp(dir=tmp) for _ in range(runs)]
        measured = [idle.measure(marker.encode(), [exe, path], 10, cache) for cache in caches]
        after = max(rss for _, rss in measured)
        again = max(reopened_rss(marker.encode(), [exe, path], cache) for cache in caches)
        used = statistics.median(cpu for cpu, _ in measured)
        cpu = f"{100 * used / 10:.2f}% of a core" if name == "20 MB text" else ""
        print(f"| {name} | {at:.0f} MB ({at / size:.1f}x) | {after:.0f} MB ({after / size:.1f}x) | {again:.0f} MB ({again / size:.1f}x) | {cpu} |", flush=True)


def main():
    runs, exe, memory_only, args = 5, None, False, sys.argv[1:]
    while args[:1] == ["--memory"] or args[:1] in (["--runs"], ["--margin"]) and len(args) > 1:
        if args[0] == "--memory":
            memory_only, args = True, args[1:]
            continue
        if args[0] == "--runs":
            runs = int(args[1])
        else:
            exe = os.path.abspath(args[1])
        args = args[2:]
    if args:
        sys.exit(__doc__.strip().splitlines()[2])
    tmp = tempfile.mkdtemp(prefix="margin-table-")
    try:
        if exe is None:
            exe = os.path.join(tmp, "margin")
            subprocess.run(["go", "build", "-o", exe, "."], cwd=ROOT, check=True)
        os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(dir=tmp)
        cases = files(tmp, big=not memory_only)
        if memory_only:
            memory_table(cases, exe, runs, tmp)
            return
        print(f"| file | less | margin | ratio |  (first screen, medians of {runs}, 100x30 pseudo-terminal)")
        print("|---|---|---|---|")
        for name, marker, path in cases:
            less = median_ms(marker, ["less", path], runs)
            mine = median_ms(marker, [exe, path], runs)
            print(f"| {name} | {shown(less)} | {shown(mine)} | {mine[0] / less[0]:.1f}x |", flush=True)
        print()
        memory_table(cases, exe, runs, tmp)
        print()
        # Imported here: analysed takes its files from this module.
        import analysed
        analysed.rows([exe], runs, [(name, path) for name, _, path in cases if name.startswith("20 MB")], tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
