#!/usr/bin/env bash
# Start-up time of "tongbao segment" on a one-line input, against programs
# that load gse's dictionary with LoadDict() (the module-cache files) and
# LoadDictEmbed("zh_s"), measured in the same run. Also checks that a copy
# of the binary works with no Go module cache and no readable files around
# it, and that it starts in under 0.3 s.
#
#   bench/startup.sh [RUNS]      (default 7 runs each; the median is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/tongbao" ./cmd/tongbao
go build -o "$tmp/gseload" ./bench/startup/gseload
line='县人大常委会党组书记、主任罗智琼出席党史学习教育动员大会并作动员讲话。'

# median wall seconds of running "$@" with $line on stdin, $runs times
median() {
	local ts=()
	for _ in $(seq "$runs"); do
		local s e
		s=$(date +%s%N)
		printf '%s\n' "$line" | "$@" >/dev/null
		e=$(date +%s%N)
		ts+=("$(( (e - s) / 1000 ))")
	done
	printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f\n", a[int((NR+1)/2)]/1e6}'
}

# The copied binary must work alone: empty HOME, no module cache, run from an
# empty directory.
mkdir -p "$tmp/alone/home" "$tmp/alone/run"
cp "$tmp/tongbao" "$tmp/alone/tongbao"
out=$(cd "$tmp/alone/run" && printf '%s\n' "$line" | env -i HOME="$tmp/alone/home" GOMODCACHE="$tmp/alone/none" GOPATH="$tmp/alone/none" "$tmp/alone/tongbao" segment)
echo "copied binary, no module cache: $out"

t_tb=$(median env -i HOME="$tmp/alone/home" "$tmp/alone/tongbao" segment)
t_gse=$(median "$tmp/gseload")
t_emb=$(median "$tmp/gseload" -embed)
echo "runs per program: $runs (median wall seconds)"
printf 'tongbao segment (one line)        %6.3f s\n' "$t_tb"
printf 'gse LoadDict() + Cut              %6.3f s   %5.1fx tongbao\n' "$t_gse" "$(echo "$t_gse / $t_tb" | bc -l)"
printf 'gse LoadDictEmbed("zh_s") + Cut   %6.3f s   %5.1fx tongbao\n' "$t_emb" "$(echo "$t_emb / $t_tb" | bc -l)"
if [ "$(echo "$t_tb < 0.3" | bc -l)" = 1 ]; then
	echo "PASS: tongbao segment starts in under 0.3 s"
else
	echo "FAIL: tongbao segment took $t_tb s (limit 0.3 s)"
	exit 1
fi
