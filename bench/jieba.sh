#!/usr/bin/env bash
# Speed of tongbao extract --jobs 2 against @node-rs/jieba's bare cut on one
# core, over the same text, in the same run.
#
# Usage: bench/jieba.sh [SIZE_MB]
#
# Builds bench/out/sc.jsonl: the paragraphs (non-blank lines) of the State
# Council work reports in ../shared/corpora/gov-work-reports/state-council,
# one JSON record each, repeated with distinct ids until their text holds
# SIZE_MB (default 21) megabytes. Installs @node-rs/jieba with npm into
# bench/out/jieba (git-ignored) when it is missing. Then runs, one after
# the other: jieba's cut(text, false) of every paragraph under taskset on
# one core (node, one thread), and tongbao extract --jobs 2 -o /dev/null on
# the same file, and prints both wall times (whole processes: start-up,
# reading, and for tongbao writing the records) and their ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZE=${1:-21}
SRC=../shared/corpora/gov-work-reports/state-council
OUT=bench/out
mkdir -p "$OUT"
if [ ! -d "$SRC" ]; then
  echo "bench/jieba.sh: $SRC is missing" >&2
  exit 1
fi
command -v node >/dev/null || { echo "bench/jieba.sh: node is needed" >&2; exit 1; }

if [ ! -d "$OUT/jieba/node_modules/@node-rs/jieba" ]; then
  mkdir -p "$OUT/jieba"
  npm install --silent --no-audit --no-fund --prefix "$OUT/jieba" @node-rs/jieba >&2
fi

python3 - "$SRC" "$OUT/sc.jsonl" "$SIZE" <<'PY'
import glob, json, os, sys
src, out, size = sys.argv[1], sys.argv[2], int(sys.argv[3]) * 1000 * 1000
paras = []
for f in sorted(glob.glob(os.path.join(src, '*'))):
    with open(f, encoding='utf-8') as fh:
        paras += [l.strip() for l in fh if l.strip()]
n = total = 0
with open(out, 'w', encoding='utf-8') as fh:
    while total < size:
        for p in paras:
            fh.write(json.dumps({'id': 'p%d' % n, 'text': p}, ensure_ascii=False) + '\n')
            n += 1
            total += len(p.encode())
            if total >= size:
                break
print('bench/jieba.sh: %d paragraphs, %.1f MB of text' % (n, total / 1e6), file=sys.stderr)
PY

go build -o "$OUT/tongbao" ./cmd/tongbao
CPUS=$(nproc)

secs() { # COMMAND... : wall seconds of the command
  local s e
  s=$(date +%s.%N)
  "$@" >/dev/null || { echo "bench/jieba.sh: $* failed" >&2; exit 1; }
  e=$(date +%s.%N)
  python3 -c "print(f'{$e - $s:.2f}')"
}

J=$(NODE_PATH="$OUT/jieba/node_modules" taskset -c 0 node bench/jieba_cut.js "$OUT/sc.jsonl")
JS=$(python3 -c "import json,sys; print(f\"{json.loads(sys.argv[1])['total_s']:.2f}\")" "$J")
T=$(secs "$OUT/tongbao" extract --jobs 2 -q -o /dev/null "$OUT/sc.jsonl")
echo "cores: $CPUS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "jieba cut, 1 core:        ${JS} s  $J"
echo "tongbao extract --jobs 2: ${T} s"
python3 -c "print(f'ratio tongbao / jieba: {$T / $JS:.2f}x')"
