#!/usr/bin/env bash
# bench/prose.sh times margin's analysis and prose v2's named-entity tagger
# as whole processes (start-up and model load included) on the same 100 KB
# of newswire-like text, the sample's paragraphs repeated (bench/prose's
# text), and prints the medians of RUNS runs each, interleaved, and their
# ratio. Issue 8 asks margin to be at least 30x faster.
#
#   bench/prose.sh            # from the repository root; RUNS=5 by default
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/margin" .
(cd bench/prose && go build -o "$dir/prosener" ./cmd/prosener)
python3 - "$dir/text.txt" <<'PY'
import sys
paras = [p.strip() for p in open("samples/china-us-claims.txt").read().split("\n\n") if p.strip()]
out, i = [], 0
while sum(len(p) + 1 for p in out) < 100 << 10:
    out.append(paras[i % len(paras)]); i += 1
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
python3 - "$RUNS" "$dir" <<'PY'
import os, statistics, subprocess, sys, time
runs, d = int(sys.argv[1]), sys.argv[2]
env = dict(os.environ, XDG_CACHE_HOME=os.path.join(d, "cache"))
cmds = {"margin": [os.path.join(d, "margin"), "analyze", "--json", "--verbatim", os.path.join(d, "text.txt")],
        "prose": [os.path.join(d, "prosener"), os.path.join(d, "text.txt")]}
times = {k: [] for k in cmds}
for _ in range(runs):
    for k, c in cmds.items():
        t = time.perf_counter()
        subprocess.run(c, check=True, stdout=subprocess.DEVNULL, env=env)
        times[k].append(time.perf_counter() - t)
m = {k: statistics.median(v) for k, v in times.items()}
print(f"margin analyze --json --verbatim: {m['margin']*1e3:.1f} ms; prose v2 NER: {m['prose']*1e3:.1f} ms; "
      f"margin {m['prose']/m['margin']:.1f}x faster (medians of {runs}, whole processes, 100 KB)")
PY
