#!/usr/bin/env bash
# bench.sh measures tongbao-beam on one machine against tongbao extract
# --jobs 2, on the same input in the same run, and checks that both give
# the same records (sorted).
#
# Usage: bash beam/bench.sh [REPEAT [COPIES]]
#   REPEAT (default 3): runs of each; the best counts.
#   COPIES (default 4): copies of the input corpus.
#
# Input: COPIES copies of ../shared/corpora/gov-reports (8 county reports
# as .txt and 72 State Council reports in one JSONL file, 3.5 MB) when
# present, else of the sample bulletin copied 50 times. Beam runs on Prism in-process (the
# default runner), which is what "a local Beam run" means here.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
repeat=${1:-3}
copies=${2:-4}
work=$(mktemp -d "${TMPDIR:-/tmp}/tongbao-beam-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$root" && nice -n 10 go build -o "$work/tongbao" ./cmd/tongbao)
(cd "$here" && nice -n 10 go build -o "$work/tongbao-beam" ./cmd/tongbao-beam)

gov="$root/../shared/corpora/gov-reports"
for c in $(seq 1 "$copies"); do
	mkdir -p "$work/in/c$c"
	if [ -d "$gov" ]; then
		cp "$gov"/hailar-district/*.txt "$gov"/national-state-council/*.jsonl "$work/in/c$c/"
	else
		for i in $(seq -w 1 50); do cp "$root/testdata/000_776449805ff1d07a.txt" "$work/in/c$c/$i.txt"; done
	fi
done
if [ -d "$gov" ]; then
	what="$copies copies of gov-reports (8 .txt + 72 JSONL records each)"
else
	what="$copies x 50 copies of the sample bulletin"
fi
inputs=("$work/in/*/*.txt")
if compgen -G "$work/in/c1/*.jsonl" >/dev/null; then
	inputs+=("$work/in/*/*.jsonl")
fi
beamin=$(
	IFS=,
	echo "${inputs[*]}"
)

# now prints seconds since the epoch with nanoseconds.
now() { date +%s.%N; }
best_tb=""
best_beam=""
best_tiny=""
min() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b < a) print b; else print a }'; }
for r in $(seq 1 "$repeat"); do
	t0=$(now)
	"$work/tongbao" extract -q --jobs 2 --text-field content "${inputs[@]}" >"$work/tb.jsonl"
	t1=$(now)
	"$work/tongbao-beam" --input "$beamin" --text-field content --output "$work/beam" --shards 4 \
		>"$work/beam.log" 2>&1
	t2=$(now)
	"$work/tongbao-beam" --input "$root/testdata/binary/renda.txt" --output "$work/tiny" --shards 1 \
		>"$work/tiny.log" 2>&1
	t3=$(now)
	tb=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	bm=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.2f", b - a }')
	tiny=$(awk -v a="$t2" -v b="$t3" 'BEGIN { printf "%.2f", b - a }')
	echo "run $r: tongbao extract --jobs 2 ${tb}s, tongbao-beam (Prism in-process) ${bm}s, tongbao-beam on one 300-byte file ${tiny}s" >&2
	best_tb=$(min "$best_tb" "$tb")
	best_beam=$(min "$best_beam" "$bm")
	best_tiny=$(min "$best_tiny" "$tiny")
done

LC_ALL=C sort "$work/tb.jsonl" >"$work/tb.sorted"
cat "$work"/beam-*-of-00004.jsonl | LC_ALL=C sort >"$work/beam.sorted"
n=$(wc -l <"$work/tb.sorted")
if ! cmp -s "$work/tb.sorted" "$work/beam.sorted"; then
	echo "bench: FAIL: the Beam records differ from tongbao extract's" >&2
	exit 1
fi
mb=$(du -sm "$work/in" | cut -f1)
echo "input: $what, ${mb} MB, $n records, identical (sorted)"
echo "best of $repeat: tongbao extract --jobs 2: ${best_tb}s; tongbao-beam on Prism in-process: ${best_beam}s;" \
	"ratio beam/tongbao: $(awk -v a="$best_beam" -v b="$best_tb" 'BEGIN { printf "%.2f", a / b }');" \
	"fixed cost of a Beam run (one 300-byte file): ${best_tiny}s"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f "tongbao extract --jobs 2: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
		"$work/tongbao" extract -q --jobs 2 --text-field content "${inputs[@]}" 2>&1 >/dev/null | tail -n 1
	/usr/bin/time -f "tongbao-beam, Prism in-process: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
		"$work/tongbao-beam" --input "$beamin" --text-field content --output "$work/beam" --shards 4 2>&1 >/dev/null | tail -n 1
fi
echo "cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
