#!/bin/sh
# notes.sh measures the note store at scale as a person meets it, one
# process per run: `margin notes add` into a sidecar with no notes and with
# N notes (default 5,000), `margin notes list --json` at both sizes, and the
# reader's first screen (bench/firstscreen.py) with none and with N notes.
# Each figure is the median of RUNS runs (default 7), in milliseconds.
#
#   bench/notes.sh             # from the repository root
#   N=2000 RUNS=11 bench/notes.sh
#   MARGIN=/tmp/old/margin bench/notes.sh   # another build, for before/after
#
# The N notes are made from real ones: one `notes add` per sentence of the
# sample, then those lines repeated under fresh ids, so every note anchors
# as a user's would.
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
N=${N:-5000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

if [ -n "${MARGIN:-}" ]; then cp "$MARGIN" "$tmp/margin"; else go build -o "$tmp/margin" .; fi
# The notes cache, as the commands keep it, in a folder of its own.
export XDG_CACHE_HOME="$tmp/cache"
mkdir "$tmp/none" "$tmp/many"
cp samples/china-us-claims.txt "$tmp/none/sample.txt"
cp samples/china-us-claims.txt "$tmp/many/sample.txt"
many="$tmp/many/sample.txt"

# Seed one note per distinct sentence through the CLI.
"$tmp/margin" analyze --json "$many" | python3 -c '
import json, sys
d = json.load(sys.stdin)
b = d["text"].encode()
seen = set()
for s in d["sentences"]:
    q = b[s["start"]:s["end"]].decode()
    if b.count(q.encode()) == 1 and q not in seen and "\n" not in q:
        seen.add(q)
        print(q)
' | while IFS= read -r q; do
	"$tmp/margin" notes add "$many" --quote "$q" --note "seed" --verdict false --tag bench --source https://example.com/ >/dev/null
done
# Repeat the seeded events under fresh ids (26 Crockford digits) up to N.
python3 - "$many.notes.jsonl" "$N" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
lines = open(path).read().splitlines()
header, events = lines[0], [json.loads(l) for l in lines[1:]]
with open(path, "w") as f:
    f.write(header + "\n")
    for i in range(n):
        e = dict(events[i % len(events)])
        e["id"] = "01" + str(i).zfill(24)
        f.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
PY

# timed CMD...: the median wall time and the median CPU time (user and
# system) of RUNS runs of CMD, in ms. On a shared machine the CPU time is
# the steadier figure.
timed() {
	python3 - "$RUNS" "$@" <<'PY'
import resource, statistics, subprocess, sys, time
runs, cmd = int(sys.argv[1]), sys.argv[2:]
wall, cpu = [], []
for _ in range(runs):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    wall.append((time.perf_counter() - t0) * 1000)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append((r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1000)
print(f"{statistics.median(wall):.1f} ms wall, {statistics.median(cpu):.1f} ms CPU")
PY
}

echo "medians of $RUNS runs"
echo "notes add, no notes:           $(timed "$tmp/margin" notes add "$tmp/none/sample.txt" --quote "pulling all stops" --note bench)"
echo "notes add, $N notes:         $(timed "$tmp/margin" notes add "$many" --quote "pulling all stops" --note bench)"
echo "notes list --json, no notes:   $(timed "$tmp/margin" notes list --json "$tmp/none/sample.txt")"
echo "notes list --json, $N notes: $(timed "$tmp/margin" notes list --json "$many")"
rm -f "$tmp/none/sample.txt.notes.jsonl"
echo "first screen, no notes:        $(bench/firstscreen.py --runs "$RUNS" Assertions "$tmp/margin" "$tmp/none/sample.txt")"
echo "first screen, $N notes:      $(bench/firstscreen.py --runs "$RUNS" Assertions "$tmp/margin" "$many")"
