#!/usr/bin/env bash
# Regenerates ACCURACY.md: tongbao's and the gse-alone baseline's accuracy on
# the modern development gold (testdata/gold/modern), PD1998 test, CLUENER2020 dev and MSRA NER test, segmentation F1 on SIGHAN
# 2005 PKU and MSR, and the cross-check of the PD1998 figures by an
# independent scorer (bench/pd1998_check.py). Needs Go, Python 3 and
# ../shared/corpora.
#
# usage: bench/accuracy.sh [OUTPUT]   (default ACCURACY.md)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-ACCURACY.md}
corpora=../shared/corpora
if [ ! -d "$corpora" ]; then
  echo "bench/accuracy.sh: $corpora is missing" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/tongbao" ./cmd/tongbao

ev() { # NAME GOLD FILE [FLAGS...]
  local name=$1 gold=$2 file=$3
  shift 3
  echo "bench/accuracy.sh: $name" >&2
  local t0 t1
  t0=$(date +%s.%N)
  "$tmp/tongbao" eval -q --gold "$gold" --json "$@" "$file" > "$tmp/$name.json"
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", b - a }' > "$tmp/$name.seconds"
}

# The acceptance run, timed alone (tongbao only), with its predictions for
# the independent scorer.
ev pd1998-tongbao pd1998 "$corpora/pd1998-01/test.txt" --predictions "$tmp/pd1998.pred.jsonl"
python3 bench/pd1998_check.py "$corpora/pd1998-01/test.txt" "$tmp/pd1998.pred.jsonl" \
  "$tmp/pd1998-tongbao.json" > "$tmp/pd1998.check.txt"
ev modern tongbao testdata/gold/modern --baseline --corpus "$corpora/gov-work-reports"
ev modern-check tongbao testdata/gold/modern-check --baseline --corpus "$corpora/gov-work-reports"
ev modern-2 tongbao testdata/gold/modern-2 --baseline --corpus "$corpora/gov-work-reports"
ev recognizers recognizers "$corpora/recognizers-text/cases.json"
# Indicators: targets and results (testdata/gold/indicators, documents of the development folders).
ev indicators indicators testdata/gold/indicators --corpus "$corpora/gov-work-reports"
# and the check sample the rules were not tuned on (testdata/gold/indicators-check).
ev indicators-check indicators testdata/gold/indicators-check --corpus "$corpora/gov-work-reports"
echo "bench/accuracy.sh: document home and year" >&2
go test -count=1 -run '^TestMetaCorpus$' -v ./extract | sed -n 's/^ *meta_corpus_test.go:[0-9]*: //p' > "$tmp/meta.txt"
ev pd1998 pd1998 "$corpora/pd1998-01/test.txt" --baseline
ev cluener cluener "$corpora/cluener2020/dev.json" --baseline
ev msra msra "$corpora/msra-ner-test/msra_test_bio.txt" --baseline
ev sighan-pku sighan "$corpora/sighan2005/pku_test_gold.utf8" --baseline
ev sighan-msr sighan "$corpora/sighan2005/msr_test_gold.utf8" --baseline

commit=$(git rev-parse --short HEAD)
if ! git diff --quiet HEAD -- . 2>/dev/null; then
  commit="$commit (the working tree had uncommitted changes)"
fi
python3 bench/accuracy_md.py "$tmp" "$(date -u '+%Y-%m-%d %H:%M UTC')" "$commit" \
  "$(nproc 2>/dev/null || echo '?')" > "$out"
echo "bench/accuracy.sh: wrote $out" >&2
