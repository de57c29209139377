#!/bin/bash
# bench/reload.sh EXE FILE [SECONDS]: the CPU a reload during the analysis
# costs. Opens a copy of FILE in EXE in a private tmux, waits until the
# status says "analysing", lets the analysis run SECONDS (default 3), then
# appends a paragraph to the copy (a change on disk, so a reload) and waits
# until the status no longer says analysing or loading. Prints the seconds
# and the reader's CPU seconds (user and system) from the change to then:
# an analysis that goes on after the change shows as CPU spent twice.
# Every run gets empty cache and data folders, so no analysis is cached.
set -eu
[ $# -ge 2 ] || { sed -n 2p "$0"; exit 2; }
exe=$(realpath "$1") file=$2 wait=${3:-3}
tmp=$(mktemp -d)
sock=margin-reload-$$
trap 'tmux -L $sock kill-server 2>/dev/null || true; rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cache" "$tmp/data"
cp "$file" "$tmp/article.txt"
tmux -L $sock new-session -d -s r -x 100 -y 30 \
  "env XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data $exe $tmp/article.txt"
status() { tmux -L $sock capture-pane -p -t r | tail -1; }
until status | grep -q analysing; do sleep 0.05; done
pid=$(ps -o pid= --ppid "$(tmux -L $sock display -p -t r '#{pane_pid}')" | tr -d ' ')
[ -n "$pid" ] || pid=$(tmux -L $sock display -p -t r '#{pane_pid}')
cpu() { awk '{print ($14 + $15) / 100}' "/proc/$pid/stat"; }
sleep "$wait"
start=$(date +%s.%N) c0=$(cpu)
printf '\nParagraph added.\n' >> "$tmp/article.txt"
sleep 1
# A key clears the "reloaded" message, which would hide the progress.
tmux -L $sock send-keys -t r j
sleep 0.3
while status | grep -q 'analysing\|loading'; do sleep 0.05; done
end=$(date +%s.%N) c1=$(cpu)
echo "changed $wait s into the analysis: analysed again after $(echo "$end - $start" | bc) s, $(echo "$c1 - $c0" | bc) CPU s"
