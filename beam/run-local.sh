#!/usr/bin/env bash
# run-local.sh builds tongbao-beam and the Prism runner, starts Prism as a
# standalone job server, submits the pipeline to it the way one submits to
# a Flink or Spark job server (--runner=universal --endpoint=...
# --environment_type=LOOPBACK), checks that the records and the term table
# are those of tongbao extract, stats freq and stats keyness on the same input
# (sorted), and stops the server. Exit status 0 means all of that worked.
#
# Usage: bash beam/run-local.sh [PORT]     (default: a free port from 20000 up)
#
# Prism's job server listens on all interfaces (the SDK binds ":PORT"); the
# script talks to it on 127.0.0.1 only, turns its web UI off and stops it on
# exit. Run it on a machine whose firewall keeps the port private.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tongbao-beam-run.XXXXXX")
prism_pid=""
cleanup() {
	if [ -n "$prism_pid" ] && kill -0 "$prism_pid" 2>/dev/null; then
		kill "$prism_pid" 2>/dev/null || true
		wait "$prism_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

say() { echo "run-local: $*" >&2; }
fail() {
	say "FAIL: $*"
	if [ -f "$work/prism.log" ]; then
		say "last lines of the Prism log:"
		tail -n 20 "$work/prism.log" >&2
	fi
	exit 1
}

say "building tongbao, tongbao-beam and prism (the first Beam build takes minutes)"
(cd "$root" && nice -n 10 go build -o "$work/tongbao" ./cmd/tongbao)
(cd "$here" && nice -n 10 go build -o "$work/tongbao-beam" ./cmd/tongbao-beam)
(cd "$here" && nice -n 10 go build -o "$work/prism" github.com/apache/beam/sdks/v2/go/cmd/prism)

# The input: the sample bulletin in UTF-8 and GBK, a JSONL file, a zip and
# a tar.gz archive, and a binary file (one error record).
mkdir -p "$work/in" "$work/out"
for f in 000_776449805ff1d07a.txt gbk/000_776449805ff1d07a.gbk.txt jsonl/bulletins.jsonl \
	archives/three.zip archives/three.tar.gz binary/not-text.png binary/renda.txt; do
	cp "$root/testdata/$f" "$work/in/"
done

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
port=${1:-}
if [ -z "$port" ]; then
	port=20000
	while ! port_free "$port"; do
		port=$((port + 1))
		[ "$port" -lt 20200 ] || fail "no free port in 20000-20199"
	done
fi

say "starting the Prism job server on port $port"
"$work/prism" --job_port="$port" --serve_http=false --idle_shutdown_timeout=15m >"$work/prism.log" 2>&1 &
prism_pid=$!
for _ in $(seq 1 120); do
	kill -0 "$prism_pid" 2>/dev/null || fail "Prism exited at start"
	if ! port_free "$port"; then
		break
	fi
	sleep 0.5
done
port_free "$port" && fail "Prism is not listening on 127.0.0.1:$port after 60 s"

say "submitting the pipeline (universal runner, LOOPBACK workers)"
if ! "$work/tongbao-beam" --runner=universal --endpoint="127.0.0.1:$port" --environment_type=LOOPBACK \
	--input "$work/in/*" --output "$work/out/records" --terms "$work/out/terms" --shards 3 \
	--keyness "$work/out/keyness" --group-by file \
	>"$work/beam.log" 2>&1; then
	tail -n 30 "$work/beam.log" >&2
	fail "the pipeline failed"
fi
grep -q "job-" "$work/prism.log" || fail "the Prism job server did not see the job"

# tongbao exits 1 because one input (the PNG) fails: that is expected.
tb() {
	local rc=0
	"$work/tongbao" "$@" 2>>"$work/tongbao.log" || rc=$?
	[ "$rc" -le 1 ] || fail "tongbao $* exited $rc"
}
tb extract -q --jobs 2 "$work/in/*" | LC_ALL=C sort >"$work/want.records"
tb stats freq -q --jobs 2 "$work/in/*" | LC_ALL=C sort >"$work/want.terms"
tb stats keyness -q --jobs 2 --group-by file "$work/in/*" | LC_ALL=C sort >"$work/want.keyness"
for i in 0 1 2; do
	for kind in records terms keyness; do
		f=$(printf '%s/out/%s-%05d-of-00003.jsonl' "$work" "$kind" "$i")
		[ -f "$f" ] || fail "missing shard $f"
	done
done
cat "$work"/out/records-*-of-00003.jsonl | LC_ALL=C sort >"$work/got.records"
cat "$work"/out/terms-*-of-00003.jsonl | LC_ALL=C sort >"$work/got.terms"
cat "$work"/out/keyness-*-of-00003.jsonl | LC_ALL=C sort >"$work/got.keyness"

nrec=$(wc -l <"$work/want.records")
nterm=$(wc -l <"$work/want.terms")
nkey=$(wc -l <"$work/want.keyness")
[ "$nrec" -ge 10 ] || fail "tongbao extract gave only $nrec records"
[ "$nterm" -ge 100 ] || fail "tongbao stats freq gave only $nterm rows"
[ "$nkey" -ge 100 ] || fail "tongbao stats keyness gave only $nkey rows"
cmp -s "$work/got.records" "$work/want.records" || {
	diff "$work/got.records" "$work/want.records" | head -c 2000 >&2
	fail "extraction records differ from tongbao extract"
}
cmp -s "$work/got.terms" "$work/want.terms" || {
	diff "$work/got.terms" "$work/want.terms" | head -c 2000 >&2
	fail "term table differs from tongbao stats freq"
}
cmp -s "$work/got.keyness" "$work/want.keyness" || {
	diff "$work/got.keyness" "$work/want.keyness" | head -c 2000 >&2
	fail "keyness table differs from tongbao stats keyness --group-by file"
}
say "OK: $nrec records, $nterm term rows and $nkey keyness rows identical to tongbao's (job server on 127.0.0.1:$port)"
