#!/bin/sh
# notes.sh measures the note store at scale as a person meets it, one
# process per run: `margin notes add` into a sidecar with no notes and with
# N notes (default 5,000), `margin notes list --json` at both sizes, and the
# reader's first screen (bench/firstscreen.py) with none and with N notes.
# Each figure is the median of RUNS runs (default 7), in milliseconds.
#
#   bench/notes.sh             # from the repository root
#   N=2000 RUNS=11 bench/notes.sh
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

go build -o "$tmp/margin" .
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

now() { date +%s%N; }
median() { sort -n | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)]}'; }

# timed CMD...: the median wall time of RUNS runs of CMD, in ms.
timed() {
	for _ in $(seq "$RUNS"); do
		t0=$(now)
		"$@" >/dev/null
		t1=$(now)
		echo "$(( (t1 - t0) / 1000 ))" | awk '{print $1 / 1000}'
	done | median
}

add() { "$tmp/margin" notes add "$1" --quote "pulling all stops" --note "bench" --verdict opinion --source https://example.com/; }
list() { "$tmp/margin" notes list --json "$1"; }

echo "notes add, no notes:           $(timed add "$tmp/none/sample.txt") ms (median of $RUNS)"
echo "notes add, $N notes:         $(timed add "$many") ms"
echo "notes list --json, no notes:   $(timed list "$tmp/none/sample.txt") ms"
echo "notes list --json, $N notes: $(timed list "$many") ms"
rm -f "$tmp/none/sample.txt.notes.jsonl"
echo "first screen, no notes:        $(bench/firstscreen.py --runs "$RUNS" Assertions "$tmp/margin" "$tmp/none/sample.txt")"
echo "first screen, $N notes:      $(bench/firstscreen.py --runs "$RUNS" Assertions "$tmp/margin" "$many")"
