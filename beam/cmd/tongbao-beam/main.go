// Command tongbao-beam runs tongbao's extraction and term counting as an
// Apache Beam pipeline: on Prism in-process (the default), on a job server
// through --runner=universal (Prism, Flink, Spark), or on Dataflow.
//
//	tongbao-beam --input 'reports/*.txt' --output out/records --terms out/terms
//
// writes out/records-00000-of-00004.jsonl ... (one tongbao extract record
// per document) and out/terms-00000-of-00004.jsonl ... (the rows of
// tongbao stats freq, unsorted). See the README section "Running on a
// cluster".
package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/tongbao/tongbao/beam/pipeline"
	"github.com/tongbao/tongbao/corpus"
)

var (
	input       = flag.String("input", "", "comma-separated file globs read as tongbao reads files (text, HTML, .jsonl, .zip, .tar.gz, .gz); ids as tongbao's")
	jsonl       = flag.String("jsonl", "", "comma-separated globs of JSON Lines files read line by line (split between workers); records without an id get FILE#HASH")
	output      = flag.String("output", "", "prefix of the extraction records: PREFIX-00000-of-0000N.jsonl (empty: no extraction)")
	terms       = flag.String("terms", "", "prefix of the term table (tongbao stats freq rows): PREFIX-00000-of-0000N.jsonl (empty: none)")
	shards      = flag.Int("shards", 4, "number of files of each output")
	workers     = flag.Int("workers", 0, "goroutines per bundle for extraction and counting (0: GOMAXPROCS; use 1 on clusters running a bundle per core)")
	types       = flag.String("types", "", "mention types to extract, comma-separated (default all)")
	refDate     = flag.String("ref-date", "", "reference date YYYY-MM-DD for relative and partial times")
	textField   = flag.String("text-field", "text", "JSONL field holding the document text")
	idField     = flag.String("id-field", "id", "JSONL field holding the document id")
	encoding    = flag.String("encoding", "", "force the input encoding; detected when empty")
	maxDocBytes = flag.Int64("max-doc-bytes", corpus.DefaultMaxDocBytes, "documents larger than this become error records")
	unit        = flag.String("unit", "word", "what the term table counts: word or a mention type")
	pos         = flag.String("pos", "", "term table: keep only words whose POS tag starts with one of these, comma-separated")
	minLen      = flag.Int("min-len", 2, "term table: minimum term length in characters")
	noStop      = flag.Bool("no-stopwords", false, "term table: do not use the built-in stopword list")
	minCount    = flag.Int64("min-count", 1, "term table: leave out terms seen fewer times")
)

func main() {
	flag.Parse()
	beam.Init()
	cfg := pipeline.Config{
		Inputs:      pipeline.SplitList(*input),
		JSONL:       pipeline.SplitList(*jsonl),
		TextField:   *textField,
		IDField:     *idField,
		Encoding:    *encoding,
		MaxDocBytes: *maxDocBytes,
		Output:      *output,
		Types:       pipeline.SplitList(*types),
		RefDate:     *refDate,
		Terms:       *terms,
		Unit:        *unit,
		POS:         pipeline.SplitList(*pos),
		MinLen:      *minLen,
		NoStopwords: *noStop,
		MinCount:    *minCount,
		Shards:      *shards,
		Workers:     *workers,
	}
	p, s := beam.NewPipelineWithRoot()
	if _, err := pipeline.Build(s, cfg); err != nil {
		fmt.Fprintf(os.Stderr, "tongbao-beam: %v\n", err)
		os.Exit(2)
	}
	if err := beamx.Run(context.Background(), p); err != nil {
		fmt.Fprintf(os.Stderr, "tongbao-beam: %v\n", err)
		os.Exit(1)
	}
}
