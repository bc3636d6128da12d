#!/usr/bin/env bash
# Throughput and memory of the batch pipeline against gse segmentation alone.
#
# Usage: bench/throughput.sh [SIZE_MB] [--rss2x]
#
# Builds a JSONL corpus of about SIZE_MB (default 200) megabytes under
# bench/out/ from the raw paragraphs of ../shared/corpora/pd1998-01/dev.txt
# (words joined, id token and tags dropped, repeated with distinct ids),
# then measures in the same run, one after the other:
#   gse Cut(text) alone (bench/gsecut), tongbao segment --jobs 1,
#   tongbao extract --jobs 1 and --jobs 2
# with wall time and peak RSS from /usr/bin/time -v, and writes a markdown
# table into the "throughput" block of BENCHMARKS.md. With --rss2x it also
# runs extract --jobs 2 on a corpus twice as large, to show that peak RSS
# does not grow with the input.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=200
RSS2X=0
for a in "$@"; do
  case "$a" in
    --rss2x) RSS2X=1 ;;
    ''|*[!0-9]*) echo "usage: bench/throughput.sh [SIZE_MB] [--rss2x]" >&2; exit 2 ;;
    *) SIZE=$a ;;
  esac
done
DEV=../shared/corpora/pd1998-01/dev.txt
if [ ! -f "$DEV" ]; then
  echo "bench/throughput.sh: $DEV is missing" >&2
  exit 1
fi
if [ ! -x /usr/bin/time ]; then
  echo "bench/throughput.sh: /usr/bin/time (GNU time) is needed for peak RSS" >&2
  exit 1
fi
OUT=bench/out
mkdir -p "$OUT"

# One pass of raw paragraphs as JSONL: drop the id token, strip /TAG and
# the [ ]X of bracketed compounds, join the words.
BASE=$OUT/pd1998-dev-raw.jsonl
awk 'NF > 1 {
  id = $1; sub(/\/m$/, "", id); t = ""
  for (i = 2; i <= NF; i++) { w = $i; sub(/^\[/, "", w); sub(/\/[A-Za-z]+(\][A-Za-z]+)?$/, "", w); t = t w }
  gsub(/\\/, "\\\\", t); gsub(/"/, "\\\"", t)
  printf "{\"id\":\"%s\",\"text\":\"%s\"}\n", id, t
}' "$DEV" > "$BASE"

build_corpus() { # build_corpus MB FILE
  local mb=$1 file=$2 want=$(( $1 * 1000000 )) r=0
  if [ -f "$file" ] && [ "$(stat -c %s "$file")" -ge "$want" ]; then return; fi
  : > "$file.tmp"
  while [ "$(stat -c %s "$file.tmp")" -lt "$want" ]; do
    r=$((r + 1))
    sed "s/^{\"id\":\"/{\"id\":\"r$r:/" "$BASE" >> "$file.tmp"
  done
  # Cut to about the size asked, at a line end.
  head -c "$want" "$file.tmp" | sed '$d' > "$file"
  rm -f "$file.tmp"
}
CORPUS=$OUT/pd-${SIZE}mb.jsonl
build_corpus "$SIZE" "$CORPUS"
BYTES=$(stat -c %s "$CORPUS")
DOCS=$(wc -l < "$CORPUS")

BIN=$OUT/throughput
mkdir -p "$BIN"
go build -o "$BIN/tongbao" ./cmd/tongbao
go build -o "$BIN/gsecut" ./bench/gsecut

# measure NAME CMD...: runs CMD with stdout to /dev/null; sets SECS and RSS_MB.
measure() {
  local name=$1; shift
  echo "running $name ..." >&2
  if ! /usr/bin/time -v -o "$BIN/time-$name.txt" "$@" > /dev/null 2> "$BIN/stderr-$name.txt"; then
    echo "bench/throughput.sh: $name failed:" >&2
    tail -5 "$BIN/stderr-$name.txt" >&2
    exit 1
  fi
  SECS=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$BIN/time-$name.txt")
  RSS_MB=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$BIN/time-$name.txt")
  CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$BIN/time-$name.txt")
}

declare -A S R C
measure gsecut "$BIN/gsecut" "$CORPUS";                                   S[gse]=$SECS; R[gse]=$RSS_MB; C[gse]=$CPU
measure segment-j1 "$BIN/tongbao" segment --jobs 1 --quiet "$CORPUS";     S[seg1]=$SECS; R[seg1]=$RSS_MB; C[seg1]=$CPU
measure extract-j1 "$BIN/tongbao" extract --jobs 1 --quiet "$CORPUS";     S[ext1]=$SECS; R[ext1]=$RSS_MB; C[ext1]=$CPU
measure extract-j2 "$BIN/tongbao" extract --jobs 2 --quiet "$CORPUS";     S[ext2]=$SECS; R[ext2]=$RSS_MB; C[ext2]=$CPU
RSS2X_ROW=""
if [ "$RSS2X" = 1 ]; then
  BIG=$OUT/pd-$((SIZE * 2))mb.jsonl
  build_corpus $((SIZE * 2)) "$BIG"
  measure extract-j2-2x "$BIN/tongbao" extract --jobs 2 --quiet "$BIG"
  RSS2X_ROW=$(awk -v s="$SECS" -v c="$CPU" -v r="$RSS_MB" -v b="$(stat -c %s "$BIG")" -v base="${S[gse]}" -v bb="$BYTES" \
    'BEGIN { printf "| `tongbao extract --jobs 2`, input twice as large (%.0f MB) | %.1f | %.1f | %.2f | %.2f | %s |", b/1e6, s, c, b/1e6/s, (b/s)/(bb/base), r }')
fi

row() { # row LABEL KEY
  awk -v l="$1" -v s="${S[$2]}" -v c="${C[$2]}" -v r="${R[$2]}" -v b="$BYTES" -v base="${S[gse]}" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.2f | %.2f | %s |\n", l, s, c, b/1e6/s, base/s, r }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
TABLE=$(
  echo "Measured by \`bench/throughput.sh $*\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(go version | awk '{print $3}'), commit $(git rev-parse --short HEAD)."
  echo "Input: $(awk -v b="$BYTES" 'BEGIN { printf "%.0f", b/1e6 }') MB of JSONL, $DOCS documents (PD1998 dev paragraphs, tags and ids dropped, repeated)."
  echo "Each command reads the file and writes to /dev/null; wall time, CPU time (user+sys) and peak RSS from \`/usr/bin/time -v\`."
  echo
  echo "| run | wall s | CPU s | MB/s (wall) | speed vs gse Cut (wall) | peak RSS MB |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: |"
  row "gse \`Cut(text)\` alone (\`bench/gsecut\`), baseline" gse
  row "\`tongbao segment --jobs 1\`" seg1
  row "\`tongbao extract --jobs 1\`" ext1
  row "\`tongbao extract --jobs 2\`" ext2
  if [ -n "$RSS2X_ROW" ]; then echo "$RSS2X_ROW"; fi
  echo
  echo "- extract --jobs 1 vs gse Cut alone: **$(ratio "${S[gse]}" "${S[ext1]}")x** wall, $(ratio "${C[gse]}" "${C[ext1]}")x CPU time (target >= 0.4x)"
  echo "- extract --jobs 2 vs --jobs 1: **$(ratio "${S[ext1]}" "${S[ext2]}")x** wall; CPU time $(ratio "${C[ext2]}" "${C[ext1]}")x of --jobs 1's (target >= 1.7x wall; only meaningful when the machine is otherwise idle: load average was $(cut -d' ' -f1 /proc/loadavg) at the end)"
  echo "- peak RSS of extract --jobs 2: **${R[ext2]} MB** (target <= 400 MB at 200 MB of input, and no higher at 400 MB)"
)
echo "$TABLE"

# Replace the throughput block of BENCHMARKS.md (and nothing else).
TMP=$(mktemp BENCHMARKS.md.XXXXXX)
printf '%s\n' "$TABLE" > "$TMP.block"
awk -v blockfile="$TMP.block" '
  /<!-- section: throughput -->/ { print; while ((getline line < blockfile) > 0) print line; skip = 1; next }
  /<!-- end section: throughput -->/ { skip = 0 }
  !skip { print }
' BENCHMARKS.md > "$TMP"
cat "$TMP" > BENCHMARKS.md && rm -f "$TMP"
rm -f "$TMP.block"
echo "bench/throughput.sh: wrote the throughput block of BENCHMARKS.md" >&2
