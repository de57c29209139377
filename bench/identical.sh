#!/usr/bin/env bash
# bench/identical.sh shows that a speed change keeps `margin analyze --json`
# byte-identical: it runs two builds on every file given and compares their
# output, printing the files that differ and exiting 1 if any do.
#
#   bench/identical.sh OLD-EXE NEW-EXE FILE...
set -euo pipefail
old=$1 new=$2
shift 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
differ=0
for f in "$@"; do
	XDG_CACHE_HOME=$tmp/c1 "$old" analyze --json "$f" >"$tmp/old" 2>&1 || true
	XDG_CACHE_HOME=$tmp/c2 "$new" analyze --json "$f" >"$tmp/new" 2>&1 || true
	if ! cmp -s "$tmp/old" "$tmp/new"; then
		echo "differs: $f"
		differ=1
	fi
done
echo "$# files compared"
exit $differ
