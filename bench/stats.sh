#!/usr/bin/env bash
# bench/stats.sh: speed of "tongbao stats freq" on the PD1998 dev text
# (about 1.2 M words), as a ratio against "tongbao segment --pos" on the same
# text in the same run. Needs ../shared/corpora/pd1998-01/dev.txt; writes
# bench/out/pd1998-dev.raw.txt (words joined, ids and tags dropped).
#
# Usage: bench/stats.sh [JOBS]   (default: 2)
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-2}
src=../shared/corpora/pd1998-01/dev.txt
[ -f "$src" ] || { echo "bench/stats.sh: $src is missing" >&2; exit 1; }
mkdir -p bench/out
raw=bench/out/pd1998-dev.raw.txt
# drop the id, the brackets of compound words and every /tag; join the words
sed -E 's/^[^ ]+ +//; s/\[//g; s/\/[A-Za-z]+//g; s/\][A-Za-z]+//g; s/ +//g' "$src" | grep -v '^$' > "$raw"
go build -o bench/out/tongbao ./cmd/tongbao
tb=bench/out/tongbao
words=$(sed -E 's/^[^ ]+ +//' "$src" | wc -w)
echo "input: $(wc -c < "$raw") bytes, $(wc -m < "$raw") characters, $words words (PD1998 dev)"
t() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
seg=$(t $tb segment -q --pos -j "$jobs" "$raw")
freq=$(t $tb stats freq -q -j "$jobs" "$raw")
freqd=$(t $tb stats freq -q -j "$jobs" --top 100 --pos n "$raw")
colloc=$(t $tb stats collocations -q -j "$jobs" "$raw")
printf 'segment --pos (baseline)   %6.2f s\n' "$seg"
printf 'stats freq                 %6.2f s   %.2fx baseline\n' "$freq" "$(echo "$freq / $seg" | bc -l)"
printf 'stats freq --pos n --top   %6.2f s   %.2fx baseline\n' "$freqd" "$(echo "$freqd / $seg" | bc -l)"
printf 'stats collocations         %6.2f s   %.2fx baseline\n' "$colloc" "$(echo "$colloc / $seg" | bc -l)"
