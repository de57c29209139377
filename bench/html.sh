#!/usr/bin/env bash
# bench/html.sh measures `margin render` on saved pages built to be hard
# for an HTML parser: one element with a million attributes (about 18 MB),
# a million elements with one attribute each, and elements nested 100,000
# deep. It prints peak RSS and wall time for each, one run.
#
#   bench/html.sh            # from the repository root
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/margin" .

article='<p>The harbour board met on Tuesday and agreed to commission a survey of the seabed before any dredging starts, after fishermen asked for a study of the spawning grounds.</p>'
python3 - "$tmp" "$article" <<'PY'
import sys
tmp, article = sys.argv[1], sys.argv[2]
head = '<!DOCTYPE html><html><head><title>Survey first</title></head><body><article>' + article * 4
tail = '</article></body></html>'
with open(f'{tmp}/attributes.html', 'w') as f:
    f.write(head + '<div ' + ' '.join(f'a{i}="v"' for i in range(1_000_000)) + '>x</div>' + tail)
with open(f'{tmp}/elements.html', 'w') as f:
    f.write(head + '<span class="c">x</span>' * 1_000_000 + tail)
with open(f'{tmp}/nesting.html', 'w') as f:
    f.write(head + '<div>' * 100_000 + 'deep' + '</div>' * 100_000 + tail)
PY

for page in ${PAGES:-attributes elements nesting}; do
	size=$(du -m "$tmp/$page.html" | cut -f1)
	/usr/bin/time -f "%M %e" -o "$tmp/time" "$tmp/margin" render "$tmp/$page.html" >/dev/null 2>"$tmp/err" || true
	read -r rss secs < <(tail -n 1 "$tmp/time")
	printf '%-12s %4d MB page   peak RSS %6.0f MB   %6.2f s   %s\n' "$page" "$size" "$((rss / 1024))" "$secs" "$(head -c 120 "$tmp/err" | tr '\n' ' ')"
done
