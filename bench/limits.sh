#!/bin/sh
# limits.sh measures margin on the inputs of issue 13 that used to cost
# time or memory out of proportion to their size: standard input past the
# size limit, `analyze --json` on 20 MB of text, and markdown shapes that
# the parser handles in more than linear time (model/markdown/limits.go).
# For each it prints the wall time and peak RSS of one run of `margin
# render` (or analyze), from /usr/bin/time -v, with the input's size.
#
#   bench/limits.sh              # from the repository root
#   TIMEOUT=300 bench/limits.sh  # give up on a case after that many seconds
set -eu
cd "$(dirname "$0")/.."
TIMEOUT=${TIMEOUT:-120}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

go build -o "$tmp/margin" .

python3 - "$tmp" <<'PY'
import sys, random
d = sys.argv[1]
def write(name, s):
    open(f"{d}/{name}", "w").write(s)
random.seed(1)
words = "the council said on Tuesday that harbour wall would be finished by spring according to engineers who were less sure".split()
parts, n, k = [], 0, 0
while n < 20 * 1024 * 1024:
    k += 1
    p = f"Paragraph {k}." + "".join(" " + " ".join(random.choice(words) for _ in range(15)).capitalize() + "." for _ in range(5))
    parts.append(p + "\n\n")
    n += len(p) + 2
write("text-20mb.txt", "".join(parts))
write("link-open-400kb.md", "[a](" * 100_000)
write("emphasis-mixed-80kb.md", "*_a" * 26_667)
write("quote-line-100kb.md", ">" * 100_000)
write("list-line-40kb.md", "- " * 20_000 + "a\n")
write("nested-list-3000.md", "".join("  " * i + "- a\n" for i in range(3000)))
cols = 20_000
write("table-20000-columns.md", "|" + "a|" * cols + "\n|" + "-|" * cols + "\n" + ("|" + "a|" * cols + "\n") * 48)
PY

measure() { # LABEL FILE ARGS...
	label=$1 file=$2
	shift 2
	size=$(wc -c <"$file")
	if timeout "$TIMEOUT" /usr/bin/time -v "$tmp/margin" "$@" "$file" >/dev/null 2>"$tmp/time"; then
		status=ok
	else
		status="exit $? (timeout ${TIMEOUT}s?)"
	fi
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time")
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
	msg=$(grep -q 'read as plain text' "$tmp/time" && echo "(read as plain text)" || true)
	printf '%-28s %9d bytes  %8s  %6s MB  %s %s\n' "$label" "$size" "$secs" "$((${rss:-0} / 1024))" "$status" "$msg"
}

# Standard input past the 256 MB limit: the error should cost about the
# limit in memory, not the doubling buffer's threefold.
size=300000000
if head -c $size /dev/zero | timeout "$TIMEOUT" /usr/bin/time -v "$tmp/margin" render - >/dev/null 2>"$tmp/time"; then
	status="exit 0 (expected an error)"
else
	status=refused
fi
printf '%-28s %9d bytes  %8s  %6s MB  %s\n' "render -, zeros on stdin" "$size" \
	"$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/time")" \
	"$(($(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time") / 1024))" "$status"
measure "analyze --json, 20 MB text" "$tmp/text-20mb.txt" analyze --json
measure "render, 20 MB text" "$tmp/text-20mb.txt" render --color never
for f in link-open-400kb emphasis-mixed-80kb quote-line-100kb list-line-40kb nested-list-3000 table-20000-columns; do
	measure "render $f" "$tmp/$f.md" render --color never
done
