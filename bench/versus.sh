#!/usr/bin/env bash
# Speed of `tongbao extract --jobs 1` at another revision against the
# working tree, in the same run: the check that a change made extraction no
# slower.
#
# Usage: bench/versus.sh REV [RUNS]
#
# Builds tongbao at REV (in a temporary git worktree) and from the working
# tree, then runs `extract --jobs 1 -o /dev/null` of each on the work reports
# of 2005-2026 of the State Council and the provinces
# (../shared/corpora/gov-work-reports, about 6 M characters),
# alternating, RUNS times each (default 5), and prints the median wall and
# CPU (user+sys) seconds and the ratio current/REV (below 1 is faster).
set -euo pipefail
cd "$(dirname "$0")/.."
REV=${1:?usage: bench/versus.sh REV [RUNS]}
RUNS=${2:-5}
IN=../shared/corpora/gov-work-reports
if [ ! -d "$IN" ]; then
  echo "bench/versus.sh: $IN is missing" >&2
  exit 1
fi
tmp=$(mktemp -d)
cleanup() { git worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT
git worktree add --detach -q "$tmp/old" "$REV"
(cd "$tmp/old" && go build -o "$tmp/tongbao-old" ./cmd/tongbao)
go build -o "$tmp/tongbao-new" ./cmd/tongbao
files=()
for y in $(seq 2005 2026); do
  for f in "$IN/state-council/$y.md" "$IN"/provinces/*/"$y.md"; do
    [ -f "$f" ] && files+=("$f")
  done
done
run() { # BIN -> "wall cpu"
  /usr/bin/time -f "%e %U %S" "$1" extract --jobs 1 -q -o /dev/null "${files[@]}" 2>&1 >/dev/null |
    tail -1 | awk '{ printf "%s %.2f\n", $1, $2 + $3 }'
}
: > "$tmp/old.txt"; : > "$tmp/new.txt"
for _ in $(seq "$RUNS"); do
  run "$tmp/tongbao-old" >> "$tmp/old.txt"
  run "$tmp/tongbao-new" >> "$tmp/new.txt"
done
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ow=$(cut -d' ' -f1 "$tmp/old.txt" | median); oc=$(cut -d' ' -f2 "$tmp/old.txt" | median)
nw=$(cut -d' ' -f1 "$tmp/new.txt" | median); nc=$(cut -d' ' -f2 "$tmp/new.txt" | median)
echo "extract --jobs 1 on ${#files[@]} work reports (State Council and provinces, 2005-2026), median of $RUNS runs each, alternating"
echo "| build | wall s | cpu s |"
echo "|---|--:|--:|"
echo "| $REV | $ow | $oc |"
echo "| working tree | $nw | $nc |"
awk -v a="$nw" -v b="$ow" -v c="$nc" -v d="$oc" 'BEGIN { printf "ratio working tree / %s: wall %.2f, cpu %.2f\n", "'"$REV"'", a / b, c / d }'
