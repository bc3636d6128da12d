// Cuts the "text" field of every line of a JSON Lines file with
// @node-rs/jieba (bare cut: dictionary DAG, no HMM), on the one thread
// node gives it, and prints the token count and timings as JSON.
// Usage: node bench/jieba_cut.js FILE.jsonl  (with NODE_PATH pointing at
// the node_modules that hold @node-rs/jieba)
const fs = require('fs')
const t0 = process.hrtime.bigint()
const { Jieba } = require('@node-rs/jieba')
const { dict } = require('@node-rs/jieba/dict')
const jieba = Jieba.withDict(dict)
const t1 = process.hrtime.bigint()
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n')
let tokens = 0
let bytes = 0
const t2 = process.hrtime.bigint()
for (const line of lines) {
  if (!line) continue
  const text = JSON.parse(line).text
  bytes += Buffer.byteLength(text)
  tokens += jieba.cut(text, false).length
}
const t3 = process.hrtime.bigint()
const s = (a, b) => Number(b - a) / 1e9
console.log(JSON.stringify({ tokens, bytes, load_s: s(t0, t1), cut_s: s(t2, t3), total_s: s(t0, t3) }))
