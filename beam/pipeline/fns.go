package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	outrec "github.com/tongbao/tongbao/record"
	"github.com/tongbao/tongbao/stats"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Doc), error](&readFileFn{})
	register.DoFn3x0[string, string, func(Doc)](&readLineFn{})
	register.Emitter1[Doc]()
	register.DoFn2x0[Doc, func(int, string)](&extractFn{})
	register.Emitter2[int, string]()
	register.DoFn2x0[Doc, func(string, Cell)](&countFn{})
	register.Emitter2[string, Cell]()
	register.Combiner1[Cell](&sumCells{})
	register.Function2x1[string, Cell, int64](cellTF)
	register.DoFn4x1[string, Cell, int64, func(int, string), error](&rowFn{})
	register.DoFn2x0[[]byte, func(int, string)](&shardKeysFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Iter1[string]()
}

// Doc is one document as a pipeline element: corpus.Document with Meta as
// JSON and Err as its message, so that the element encodes with Beam's
// schema coder on every runner.
type Doc struct {
	ID    string
	Text  string
	Meta  string // JSON object of the other JSONL fields; "" when none
	Bytes int64
	Err   string // the document could not be read or decoded
	Class string // the class of Err (corpus.ErrorClass)
}

// errClass is the class of an error of d's record: the class of the read
// error d carries, or that of err.
func (d Doc) errClass(err error) string {
	if d.Err != "" {
		return d.Class
	}
	return corpus.ErrorClass(err)
}

// NewDoc turns a corpus.Document into a Doc.
func NewDoc(d corpus.Document) Doc {
	out := Doc{ID: d.ID, Text: d.Text, Bytes: d.Bytes}
	if d.Err != nil {
		out.Err, out.Class = d.Err.Error(), corpus.ErrorClass(d.Err)
	}
	if len(d.Meta) > 0 {
		b, err := json.Marshal(d.Meta)
		if err != nil {
			out.Err = fmt.Sprintf("metadata: %v", err)
		}
		out.Meta = string(b)
	}
	return out
}

// Document turns d back into the corpus.Document it came from (numbers in
// Meta are json.Number, as corpus gives them).
func (d Doc) Document() (corpus.Document, error) {
	doc := corpus.Document{ID: d.ID, Text: d.Text, Bytes: d.Bytes}
	if d.Err != "" {
		return doc, fmt.Errorf("%s", d.Err)
	}
	if d.Meta != "" {
		dec := json.NewDecoder(strings.NewReader(d.Meta))
		dec.UseNumber()
		if err := dec.Decode(&doc.Meta); err != nil {
			return doc, fmt.Errorf("metadata: %v", err)
		}
	}
	return doc, nil
}

// ReadOpts are the corpus read options, as DoFn fields.
type ReadOpts struct {
	TextField, IDField, Encoding string
	MaxDocBytes                  int64
}

func (o ReadOpts) corpus() corpus.Options {
	return corpus.Options{TextField: o.TextField, IDField: o.IDField, Encoding: o.Encoding, MaxDocBytes: o.MaxDocBytes}
}

// readFileFn reads one matched file into documents, exactly as tongbao
// reads a file of that name (corpus.ReadStream).
type readFileFn struct {
	Opts ReadOpts
}

func (fn *readFileFn) ProcessElement(ctx context.Context, f fileio.ReadableFile, emit func(Doc)) error {
	rc, err := f.Open(ctx)
	if err != nil {
		emit(Doc{ID: f.Metadata.Path, Err: err.Error(), Class: corpus.ErrorClass(err)})
		return nil
	}
	defer rc.Close()
	return corpus.ReadStream(f.Metadata.Path, rc, f.Metadata.Size, fn.Opts.corpus(), func(d corpus.Document) error {
		emit(NewDoc(d))
		return nil
	})
}

// LineID is the id of a JSONL record read through textio that has no id
// field: the file name, "#", and the 64-bit FNV-1a hash of the line in
// hex. textio does not know line numbers, so tongbao's "file:LINE" cannot
// be given; identical lines get identical ids.
func LineID(file, line string) string {
	h := fnv.New64a()
	h.Write([]byte(line))
	return fmt.Sprintf("%s#%016x", file, h.Sum64())
}

// readLineFn parses one JSONL line read by textio (corpus.ParseJSONL).
type readLineFn struct {
	Opts ReadOpts
}

func (fn *readLineFn) ProcessElement(file, line string, emit func(Doc)) {
	if strings.TrimSpace(line) == "" {
		return
	}
	emit(NewDoc(corpus.ParseJSONL(LineID(file, line), []byte(line), fn.Opts.corpus())))
}

// shardOf spreads keys over n shards.
func shardOf(key string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % uint32(n))
}

// extractFn turns a document into the record tongbao extract writes for
// it, keyed by output shard. It works on batches of documents with Workers
// goroutines (see parallel).
type extractFn struct {
	Types   []string
	RefDate string
	Shards  int
	Workers int

	base []extract.Option
	buf  []Doc
}

func (fn *extractFn) Setup() error {
	fn.base = nil
	if len(fn.Types) > 0 {
		fn.base = append(fn.base, extract.WithTypes(fn.Types...))
	}
	if fn.RefDate != "" {
		t, err := time.Parse("2006-01-02", fn.RefDate)
		if err != nil {
			return fmt.Errorf("ref date %q: want YYYY-MM-DD", fn.RefDate)
		}
		fn.base = append(fn.base, extract.WithRefDate(t))
	}
	return nil
}

func (fn *extractFn) StartBundle(_ context.Context, _ func(int, string)) {
	fn.buf = fn.buf[:0]
}

func (fn *extractFn) ProcessElement(d Doc, emit func(int, string)) {
	fn.buf = append(fn.buf, d)
	if len(fn.buf) >= batchSize(fn.Workers) {
		fn.flush(emit)
	}
}

func (fn *extractFn) FinishBundle(_ context.Context, emit func(int, string)) {
	fn.flush(emit)
}

func (fn *extractFn) flush(emit func(int, string)) {
	recs := parallel(fn.buf, fn.Workers, func(d Doc) []byte { return Record(d, fn.base) })
	for i, d := range fn.buf {
		emit(shardOf(d.ID, fn.Shards), string(recs[i]))
	}
	clear(fn.buf)
	fn.buf = fn.buf[:0]
}

// workers returns n, or GOMAXPROCS when n <= 0.
func workers(n int) int {
	if n <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return n
}

// batchSize is the number of documents a DoFn holds before working on
// them: enough to keep every worker busy while sizes vary.
func batchSize(n int) int { return 8 * workers(n) }

// parallel returns f of each document, computed by n goroutines (see
// workers). Runners such as Prism give a stage's elements to one bundle,
// processed by one goroutine: without this, the CPU-bound stages would use
// one core. On a cluster whose workers already run one bundle per core,
// set n to 1.
func parallel[T any](docs []Doc, n int, f func(Doc) T) []T {
	out := make([]T, len(docs))
	n = min(workers(n), len(docs))
	if n <= 1 {
		for i, d := range docs {
			out[i] = f(d)
		}
		return out
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(docs) {
					return
				}
				out[i] = f(docs[i])
			}
		})
	}
	wg.Wait()
	return out
}

// Record returns the JSON Lines record tongbao extract writes for d with
// the extract options base: the extracted document, or an error record
// {"id", "error", "class"} when d could not be read or extraction failed.
func Record(d Doc, base []extract.Option) []byte {
	rec, err := record(d, base)
	if err != nil {
		rec, err = outrec.JSON(outrec.Error{ID: d.ID, Error: err.Error(), Class: d.errClass(err)}, false)
		if err != nil {
			rec = []byte(`{"id":"?","error":"unprintable error"}` + "\n")
		}
	}
	return rec
}

func record(d Doc, base []extract.Option) (rec []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			rec, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	doc, err := d.Document()
	if err != nil {
		return nil, err
	}
	opts := append(base[:len(base):len(base)], extract.WithID(doc.ID), extract.WithMeta(doc.Meta))
	x, err := extract.NewDocument(doc.Text, opts...)
	if err != nil {
		return nil, err
	}
	return outrec.JSON(x, false)
}

// CountOpts are the term-counting options of tongbao stats freq.
type CountOpts struct {
	Unit        string
	POS         []string
	MinLen      int
	NoStopwords bool
	GroupBy     []string // group specs (stats.NewGrouper)
}

// newCounter returns the per-document counter tongbao stats freq uses,
// configured as its flags would configure it.
func newCounter(o CountOpts) (*stats.Counter, error) {
	unit := o.Unit
	if unit == "" {
		unit = "word"
	}
	f := &stats.Filter{POS: o.POS, MinLen: o.MinLen, Stopwords: stats.Stopwords{}}
	if !o.NoStopwords {
		f.Stopwords = stats.DefaultStopwords()
	}
	g, err := stats.NewGrouper(o.GroupBy)
	if err != nil {
		return nil, err
	}
	c, err := stats.NewCounter(unit, f, g)
	if err != nil {
		return nil, err
	}
	c.POS = true
	return c, nil
}

// Cell is the count of one term over some documents: occurrences, the
// documents containing it, and its part-of-speech tags.
type Cell struct {
	TF, DF int64
	POS    map[string]int64
}

// maxBundleTerms caps the terms countFn holds before it flushes.
const maxBundleTerms = 200_000

// countFn counts the terms of each document and sums them over the
// bundle, emitting one (term, Cell) per distinct term of the bundle: never
// one element per (term, document) pair. It counts batches of documents
// with Workers goroutines (see parallel). With Grouped, the key is
// group + "\x00" + term, and documents the grouper gives no group are
// left out (as tongbao does).
type countFn struct {
	Opts    CountOpts
	Workers int
	Grouped bool

	c   *stats.Counter
	acc map[string]*Cell
	buf []Doc
}

func (fn *countFn) Setup() error {
	c, err := newCounter(fn.Opts)
	fn.c = c
	return err
}

func (fn *countFn) StartBundle(_ context.Context, _ func(string, Cell)) {
	fn.acc = map[string]*Cell{}
	fn.buf = fn.buf[:0]
}

func (fn *countFn) ProcessElement(d Doc, emit func(string, Cell)) {
	fn.buf = append(fn.buf, d)
	if len(fn.buf) >= batchSize(fn.Workers) {
		fn.countBatch()
		if len(fn.acc) > maxBundleTerms {
			fn.flush(emit)
		}
	}
}

// countBatch counts the buffered documents into acc. Documents that
// cannot be read or counted are skipped, as tongbao stats freq does.
func (fn *countFn) countBatch() {
	res := parallel(fn.buf, fn.Workers, func(d Doc) *stats.Counted {
		doc, err := d.Document()
		if err != nil {
			return nil
		}
		r, err := fn.count(doc)
		if err != nil || !r.Grouped {
			return nil
		}
		return r
	})
	clear(fn.buf)
	fn.buf = fn.buf[:0]
	for _, r := range res {
		if r != nil {
			fn.add(r)
		}
	}
}

func (fn *countFn) add(r *stats.Counted) {
	prefix := ""
	if fn.Grouped {
		prefix = r.Group + groupSep
	}
	for w, n := range r.Terms {
		w = prefix + w
		if n <= 0 {
			continue
		}
		c := fn.acc[w]
		if c == nil {
			c = &Cell{POS: map[string]int64{}}
			fn.acc[w] = c
		}
		c.TF += int64(n)
		c.DF++
	}
	for w, tags := range r.POS {
		w = prefix + w
		c := fn.acc[w]
		if c == nil {
			c = &Cell{POS: map[string]int64{}}
			fn.acc[w] = c
		}
		for p, n := range tags {
			c.POS[p] += int64(n)
		}
	}
}

func (fn *countFn) count(doc corpus.Document) (r *stats.Counted, err error) {
	defer func() {
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	return fn.c.Count(doc)
}

func (fn *countFn) flush(emit func(string, Cell)) {
	for w, c := range fn.acc {
		emit(w, *c)
	}
	fn.acc = map[string]*Cell{}
}

func (fn *countFn) FinishBundle(_ context.Context, emit func(string, Cell)) {
	fn.countBatch()
	fn.flush(emit)
}

// sumCells adds Cells: the CombinePerKey giving each term's TF and DF.
type sumCells struct{}

func (*sumCells) MergeAccumulators(a, b Cell) Cell {
	a.TF += b.TF
	a.DF += b.DF
	if len(b.POS) > 0 {
		m := make(map[string]int64, len(a.POS)+len(b.POS))
		for p, n := range a.POS {
			m[p] = n
		}
		for p, n := range b.POS {
			m[p] += n
		}
		a.POS = m
	}
	return a
}

func cellTF(_ string, c Cell) int64 { return c.TF }

// rowFn makes the tongbao stats freq row of a term, given the corpus
// token total as side input.
type rowFn struct {
	MinCount int64
	Shards   int
}

func (fn *rowFn) ProcessElement(term string, c Cell, tokens int64, emit func(int, string)) error {
	t := &stats.Table{
		TF:     map[string]int64{term: c.TF},
		DF:     map[string]int64{term: c.DF},
		POS:    map[string]map[string]int64{term: c.POS},
		Tokens: tokens,
	}
	for _, r := range t.Freq(fn.MinCount, 0) {
		b, err := outrec.JSON(r, false)
		if err != nil {
			return err
		}
		emit(shardOf(term, fn.Shards), string(b))
	}
	return nil
}

// shardKeysFn emits an empty record for every shard so that every shard
// file is written, even one that gets no record.
type shardKeysFn struct {
	N int
}

func (fn *shardKeysFn) ProcessElement(_ []byte, emit func(int, string)) {
	for i := 0; i < fn.N; i++ {
		emit(i, "")
	}
}

// writeShardFn writes the records of one shard to its file through the
// Beam file system layer (local paths, gs://, s3://). A retried bundle
// rewrites the whole file.
type writeShardFn struct {
	Prefix string
	N      int
}

func (fn *writeShardFn) ProcessElement(ctx context.Context, shard int, recs func(*string) bool) error {
	name := ShardName(fn.Prefix, shard, fn.N)
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	f, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var rec string
	for recs(&rec) {
		if rec == "" {
			continue
		}
		if _, err := w.WriteString(rec); err != nil {
			f.Close()
			return fmt.Errorf("writing %s: %w", name, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return f.Close()
}

// writeShards writes recs, (shard, record) pairs, to n files
// PREFIX-0000i-of-0000n.jsonl.
func writeShards(s beam.Scope, prefix string, n int, recs beam.PCollection) {
	keys := beam.ParDo(s, &shardKeysFn{N: n}, beam.Impulse(s))
	all := beam.Flatten(s, recs, keys)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, N: n}, beam.GroupByKey(s, all))
}
