#!/bin/sh
# reader.sh measures margin as a person sees it: the time from starting the
# process to the first screen, on a fresh pseudo-terminal
# (bench/firstscreen.py), for the sample and for a generated 5 MB
# plain-text article, with `less` timed the same way as a baseline; the
# peak memory of the reader on the 5 MB article; the CPU an idle reader
# of the 5 MB article uses over 10 s once analysed (bench/idle.py, which
# fails above 1% of a core); and, in tmux, the time a resize of the 5 MB
# article takes to settle (tmux's own redraw included, so an upper
# bound). Each figure is the median of RUNS runs (default 7).
#
#   bench/reader.sh            # from the repository root
#   RUNS=11 bench/reader.sh
set -eu
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
sock="margin-bench-$$"
tmp=$(mktemp -d)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT INT TERM

go build -o "$tmp/margin" .
awk 'BEGIN {
	srand(1)
	split("the council said on Tuesday that harbour wall would be finished by spring according to engineers who were less sure", w, " ")
	n = 0
	while (n < 5 * 1024 * 1024) {
		p = "Paragraph " ++k "."
		for (s = 0; s < 5; s++) { p = p " " toupper(substr(w[1 + int(rand() * 19)], 1, 1)) substr(w[1 + int(rand() * 19)], 2); for (i = 0; i < 14; i++) p = p " " w[1 + int(rand() * 19)]; p = p "." }
		print p "\n"
		n += length(p) + 2
	}
}' > "$tmp/big.txt"
cp samples/china-us-claims.txt "$tmp/sample.txt"

now() { date +%s%N; }
screen() { tmux -L "$sock" capture-pane -p -t b 2>/dev/null || true; }

# wait_for MARKER: poll the screen until MARKER shows.
wait_for() {
	until screen | grep -q -- "$1"; do :; done
}

median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

resize() { # FILE MARKER
	for _ in $(seq "$RUNS"); do
		tmux -L "$sock" -f /dev/null new-session -d -s b -x 100 -y 30 "$tmp/margin $1"
		wait_for "$2"
		tmux -L "$sock" send-keys -t b 50 G 2>/dev/null || true
		tmux -L "$sock" send-keys -t b space
		sleep 0.3
		t0=$(now)
		tmux -L "$sock" resize-window -t b -x 60 -y 30
		# Settled when no line is wider than 60 columns and the status
		# bar is drawn at the new width.
		until s=$(screen) && [ "$(printf '%s\n' "$s" | awk '{ if (length($0) > m) m = length($0) } END { print m + 0 }')" -le 60 ] && printf '%s\n' "$s" | grep -q '%'; do :; done
		t1=$(now)
		echo $(( (t1 - t0) / 1000 ))
		tmux -L "$sock" kill-server 2>/dev/null || true
	done | median
}

echo "first screen, sample:       $(bench/firstscreen.py --runs "$RUNS" Assertions "$tmp/margin" "$tmp/sample.txt")"
if command -v less >/dev/null; then
	echo "less, sample (baseline):    $(bench/firstscreen.py --runs "$RUNS" Assertions less "$tmp/sample.txt")"
fi
echo "first screen, 5 MB text:    $(bench/firstscreen.py --runs "$RUNS" --rss 'Paragraph 1.' "$tmp/margin" "$tmp/big.txt")"
if command -v less >/dev/null; then
	echo "less, 5 MB text (baseline): $(bench/firstscreen.py --runs "$RUNS" 'Paragraph 1.' less "$tmp/big.txt")"
fi
echo "idle, 5 MB text:            $(bench/idle.py 'Paragraph 1.' "$tmp/margin" "$tmp/big.txt")"
printf 'resize 100->60, 5 MB text:  median %d ms in tmux (%d runs)\n' "$(( $(resize "$tmp/big.txt" 'Paragraph 1\.') / 1000 ))" "$RUNS"
