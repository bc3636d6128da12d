// Command tongbao-beam runs tongbao's extraction and term counting as an
// Apache Beam pipeline: on Prism in-process (the default), on a job server
// through --runner=universal (Prism, Flink, Spark), or on Dataflow.
//
//	tongbao-beam --input 'reports/*.txt' --output out/records --terms out/terms
//
// writes out/records-00000-of-00004.jsonl ... (one tongbao extract record
// per document) and out/terms-00000-of-00004.jsonl ... (the rows of
// tongbao stats freq, unsorted). With --dict, --measure-output and --panel
// write the rows of tongbao measure per document and per region and year.
// See the README section "Running on a cluster".
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
	"github.com/tongbao/tongbao/stats"
)

var (
	input       = flag.String("input", "", "comma-separated file globs read as tongbao reads files (text, HTML, .jsonl, .zip, .tar.gz, .gz); ids as tongbao's")
	jsonl       = flag.String("jsonl", "", "comma-separated globs of JSON Lines files read line by line (split between workers); records without an id get FILE#HASH")
	output      = flag.String("output", "", "prefix of the extraction records: PREFIX-00000-of-0000N.jsonl (empty: no extraction)")
	terms       = flag.String("terms", "", "prefix of the term table (tongbao stats freq rows): PREFIX-00000-of-0000N.jsonl (empty: none)")
	keyness     = flag.String("keyness", "", "prefix of the keyness table (tongbao stats keyness --group-by rows): each group against the rest (empty: none)")
	groupBy     = flag.String("group-by", "", "keyness: group documents by SPEC: meta.FIELD[:decade|century|year], dir, file, home, id, re:REGEX")
	measure     = flag.String("measure", "g2", "keyness: sort by g2|chi2|log_ratio")
	correction  = flag.String("correction", "williams", "keyness: G² correction williams|yates|none")
	kMinCount   = flag.Int64("keyness-min-count", 3, "keyness: leave out terms seen fewer times in target and reference together")
	kTop        = flag.Int("keyness-top", 0, "keyness: keep the first N rows per group (0: all)")
	shards      = flag.Int("shards", 4, "number of files of each output")
	workers     = flag.Int("workers", 0, "goroutines per bundle for extraction and counting (0: GOMAXPROCS; use 1 on clusters running a bundle per core)")
	types       = flag.String("types", "", "mention types to extract, comma-separated, or all (default: every type but indicator)")
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
	dict        = flag.String("dict", "", "measure: the concept dictionary FILE (.yml/.yaml quanteda, .dic LIWC, else TSV), read at submission")
	match       = flag.String("match", "token", "measure: token or substring")
	measureOut  = flag.String("measure-output", "", "prefix of the rows of tongbao measure, one per document (empty: none)")
	panel       = flag.String("panel", "", "prefix of the rows of tongbao measure --by (empty: none)")
	by          = flag.String("by", "home,year", "measure: group keys of --panel, comma-separated: home, year, genre")
)

func main() {
	flag.Parse()
	beam.Init()
	var groups []string
	if *groupBy != "" {
		groups = []string{*groupBy}
	}
	cfg := pipeline.Config{
		GroupBy:     groups,
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
		Keyness:     *keyness,
		KeynessOpts: stats.KeynessOptions{Measure: *measure, G2Correction: *correction, MinCount: *kMinCount, Top: *kTop},
		Measure: pipeline.MeasureConfig{
			Dict: *dict, Match: *match, Output: *measureOut, Panel: *panel, By: pipeline.SplitList(*by),
		},
		Shards:  *shards,
		Workers: *workers,
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
