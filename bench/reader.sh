#!/bin/sh
# reader.sh measures margin as a person sees it, in a real terminal (tmux):
# the time from starting the process to the first screen being drawn, for
# the sample and for a generated 5 MB plain-text article, and the time a
# resize takes to settle on the 5 MB article. Each figure is the median of
# RUNS runs (default 7). tmux's own start-up is included, so the figures
# are upper bounds; `less` is timed the same way as a baseline, since on a
# busy machine only the comparison means much.
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

first_screen() { # FILE MARKER [PROGRAM]
	for _ in $(seq "$RUNS"); do
		t0=$(now)
		tmux -L "$sock" -f /dev/null new-session -d -s b -x 100 -y 30 "${3:-$tmp/margin} $1"
		wait_for "$2"
		t1=$(now)
		echo $(( (t1 - t0) / 1000 ))
		tmux -L "$sock" kill-server 2>/dev/null || true
	done | median
}

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

printf 'first screen, sample:      %6d µs (median of %d)\n' "$(first_screen "$tmp/sample.txt" Assertions)" "$RUNS"
printf 'first screen, 5 MB text:   %6d µs (median of %d)\n' "$(first_screen "$tmp/big.txt" 'Paragraph 1\.')" "$RUNS"
if command -v less >/dev/null; then
	printf 'less, 5 MB text (baseline): %5d µs (median of %d)\n' "$(first_screen "$tmp/big.txt" 'Paragraph 1\.' less)" "$RUNS"
fi
printf 'resize 100->60, 5 MB text: %6d µs (median of %d)\n' "$(resize "$tmp/big.txt" 'Paragraph 1\.')" "$RUNS"
