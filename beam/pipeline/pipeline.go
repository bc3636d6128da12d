// Package pipeline builds the Apache Beam pipeline of tongbao-beam: it
// reads the inputs tongbao reads, one element per document, runs the
// extract package on each (the record "tongbao extract" writes) and counts
// terms with the stats package (the rows "tongbao stats freq" writes),
// writing both as sharded JSON Lines.
//
// Every DoFn is registered with the register package, so the pipeline runs
// on any Beam runner: Prism in-process, a Prism, Flink or Spark job server
// through the universal runner, or Dataflow.
package pipeline

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	beamstats "github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/stats"
)

// Config describes one run. Its zero value is not valid: set at least one
// input and an output.
type Config struct {
	// Inputs are file globs (local paths, gs://, s3:// ... whatever file
	// systems the binary registers), read through fileio: each matching
	// file is read as tongbao reads a file of that name (text in any
	// encoding, HTML, .jsonl, .zip, .tar, .tar.gz, .gz). Document ids are
	// the same as tongbao's: "path", "path:LINE", "path!member".
	Inputs []string
	// JSONL are globs of JSON Lines files read line by line through
	// textio, which splits big files between workers but does not know
	// line numbers: a record without an id field gets the id
	// "path#HASH" (see LineID) instead of tongbao's "path:LINE".
	JSONL []string

	// Read options, as tongbao's --text-field, --id-field, --encoding and
	// --max-doc-bytes.
	TextField, IDField, Encoding string
	MaxDocBytes                  int64

	// Output is the prefix of the extraction records:
	// OUTPUT-00000-of-00004.jsonl ... Empty: no extraction.
	Output string
	// Types and RefDate are tongbao extract's --types and --ref-date.
	Types   []string
	RefDate string

	// Terms is the prefix of the term table (the rows of tongbao stats
	// freq, unsorted): TERMS-00000-of-00004.jsonl ... Empty: no table.
	Terms string
	// Count options, as tongbao stats freq's flags.
	Unit        string // "word" (default) or a mention type
	POS         []string
	MinLen      int // tongbao's default is 2; 0 keeps every length
	NoStopwords bool
	MinCount    int64

	// Keyness is the prefix of the keyness table: each group of GroupBy
	// against the rest, the rows of tongbao stats keyness --group-by SPEC
	// (unsorted). Empty: none. It uses the count options above.
	Keyness     string
	GroupBy     []string // group specs, e.g. "dir", "meta.year:decade"
	KeynessOpts stats.KeynessOptions

	// Measure writes the rows of tongbao measure (per document and per
	// group); see MeasureConfig.
	Measure MeasureConfig

	// Shards is the number of output files of each kind (default 4).
	Shards int
	// Workers is the number of goroutines working on the documents of one
	// bundle (0: GOMAXPROCS). Prism runs a stage as one bundle, so this is
	// what uses the cores of one machine; on a cluster whose workers run a
	// bundle per core, 1 avoids oversubscribing them.
	Workers int
}

// Check validates c and fills in defaults.
func (c *Config) Check() error {
	if len(c.Inputs) == 0 && len(c.JSONL) == 0 {
		return errors.New("no input: give --input or --jsonl globs")
	}
	if c.Output == "" && c.Terms == "" && c.Keyness == "" && c.Measure.Output == "" && c.Measure.Panel == "" {
		return errors.New("nothing to write: give --output, --terms, --keyness, --measure-output or --panel")
	}
	if err := c.Measure.check(); err != nil {
		return err
	}
	if c.Shards == 0 {
		c.Shards = 4
	}
	if c.Shards < 1 || c.Shards > 99999 {
		return fmt.Errorf("--shards must be 1..99999, got %d", c.Shards)
	}
	if c.MaxDocBytes < 0 {
		return fmt.Errorf("--max-doc-bytes must be at least 1, got %d", c.MaxDocBytes)
	}
	if _, err := corpus.CheckEncoding(c.Encoding); err != nil {
		return fmt.Errorf("--encoding: %v", err)
	}
	if _, err := extract.ParseTypes(c.Types); err != nil {
		return err
	}
	if c.RefDate != "" {
		if _, err := time.Parse("2006-01-02", c.RefDate); err != nil {
			return fmt.Errorf("--ref-date %q: want YYYY-MM-DD", c.RefDate)
		}
	}
	if c.Unit == "" {
		c.Unit = "word"
	}
	if c.Workers < 0 {
		return fmt.Errorf("--workers must not be negative, got %d", c.Workers)
	}
	if c.MinLen < 0 {
		return errors.New("--min-len must not be negative")
	}
	if c.Keyness != "" {
		if len(c.GroupBy) == 0 {
			return errors.New("--keyness needs --group-by")
		}
		if err := c.KeynessOpts.Check(); err != nil {
			return err
		}
		opts := c.counterOpts()
		opts.GroupBy = c.GroupBy
		if _, err := newCounter(opts); err != nil {
			return err
		}
	}
	if c.Terms != "" {
		// Fail now, not on the workers.
		if _, err := newCounter(c.counterOpts()); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) readOpts() ReadOpts {
	return ReadOpts{TextField: c.TextField, IDField: c.IDField, Encoding: c.Encoding, MaxDocBytes: c.MaxDocBytes}
}

func (c *Config) counterOpts() CountOpts {
	return CountOpts{Unit: c.Unit, POS: c.POS, MinLen: c.MinLen, NoStopwords: c.NoStopwords}
}

// Build adds the pipeline c describes to scope s. It returns the
// collection of documents (see Doc), for callers that want to add steps.
func Build(s beam.Scope, c Config) (beam.PCollection, error) {
	// Check fills in defaults (and reads the dictionary) on c itself.
	if err := c.Check(); err != nil {
		return beam.PCollection{}, err
	}
	var parts []beam.PCollection
	ro := c.readOpts()
	for _, g := range c.Inputs {
		files := fileio.ReadMatches(s, fileio.MatchFiles(s, g), fileio.ReadUncompressed())
		parts = append(parts, beam.ParDo(s, &readFileFn{Opts: ro}, files))
	}
	for _, g := range c.JSONL {
		lines := textio.ReadWithFilename(s, g, textio.ReadUncompressed())
		parts = append(parts, beam.ParDo(s, &readLineFn{Opts: ro}, lines))
	}
	docs := parts[0]
	if len(parts) > 1 {
		docs = beam.Flatten(s, parts...)
	}
	// One file can hold many documents (JSONL, archives): spread them.
	docs = beam.Reshuffle(s, docs)

	if c.Output != "" {
		types, _ := extract.ParseTypes(c.Types) // checked by Validate
		recs := beam.ParDo(s, &extractFn{Types: types, RefDate: c.RefDate, Shards: c.Shards, Workers: c.Workers}, docs)
		writeShards(s.Scope("WriteRecords"), c.Output, c.Shards, recs)
	}
	if c.Terms != "" {
		cells := beam.ParDo(s, &countFn{Opts: c.counterOpts(), Workers: c.Workers}, docs)
		terms := beam.CombinePerKey(s, &sumCells{}, cells)
		tokens := beamstats.Sum(s, beam.ParDo(s, cellTF, terms))
		rows := beam.ParDo(s, &rowFn{MinCount: c.MinCount, Shards: c.Shards}, terms, beam.SideInput{Input: tokens})
		writeShards(s.Scope("WriteTerms"), c.Terms, c.Shards, rows)
	}
	if c.Keyness != "" {
		buildKeyness(s, c, docs)
	}
	if c.Measure.Output != "" || c.Measure.Panel != "" {
		buildMeasure(s, c, docs)
	}
	return docs, nil
}

// ShardName is the name of shard i of n with prefix: PREFIX-00001-of-00004.jsonl.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// SplitList splits a comma-separated flag value, dropping empty items.
func SplitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
