package cmdutil

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
)

// BOM is the UTF-8 byte-order mark that --bom writes before CSV, so that
// Excel reads the file as UTF-8 (without it Chinese text shows as mojibake).
const BOM = "\ufeff"

// AddBOMFlag registers --bom on cmd.
func AddBOMFlag(cmd *cobra.Command, p *bool) {
	cmd.Flags().BoolVar(p, "bom", false, "with CSV output: start it with a UTF-8 byte-order mark (for Excel)")
}

// NewCSVWriter returns a CSV writer on w that starts with the byte-order
// mark when bom is true.
func NewCSVWriter(w io.Writer, bom bool) *csv.Writer {
	if bom {
		io.WriteString(w, BOM)
	}
	return csv.NewWriter(w)
}

// csvRecord is how a document's rows pass from the workers to the writer.
type csvRecord struct {
	ID   string     `json:"id"`
	Rows [][]string `json:"rows"`
}

// RunDocsCSV reads the documents named by args like RunDocsIO, and writes
// header and then the rows work returns for each document, as CSV, to the
// output (standard output or -o FILE), starting with the byte-order mark
// when bom is true. Documents that fail are reported on stderr and in the
// exit code, and leave no rows.
func RunDocsCSV(ctx context.Context, ios *IOStreams, args []string, f *InputFlags, bom bool, header []string, work func(doc corpus.Document) ([][]string, error)) error {
	if f.Resume {
		return UsageError("--resume works on JSON Lines only, not CSV")
	}
	if err := f.Check(); err != nil {
		return err
	}
	out := ios.Out
	var file *os.File
	if f.Output != "" {
		if err := CheckOutputNotInput(f.Output, args); err != nil {
			return err
		}
		fl, err := os.Create(f.Output)
		if err != nil {
			return &ExitError{Code: ExitFailure, Msg: "cannot create output: " + err.Error()}
		}
		defer fl.Close()
		file, out = fl, fl
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	cw := NewCSVWriter(bw, bom)
	cw.Write(header)
	s := NewLineSink(func(line []byte) error {
		var rec struct {
			csvRecord
			Error *string `json:"error"`
		}
		if err := json.Unmarshal(line, &rec); err != nil {
			return err
		}
		if rec.Error != nil {
			return nil // reported on stderr; the exit code says it
		}
		for _, r := range rec.Rows {
			if err := cw.Write(r); err != nil {
				return err
			}
		}
		return nil
	})

	in := *f
	in.Output, in.Pretty = "", false
	sub := *ios
	sub.Out = s
	runErr := RunDocsIO(ctx, &sub, args, &in, func(d corpus.Document) ([]byte, error) {
		rows, err := work(d)
		if err != nil {
			return nil, err
		}
		if rows == nil {
			rows = [][]string{}
		}
		return JSONRecord(csvRecord{ID: d.ID, Rows: rows}, false)
	})
	if err := s.Err(); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Close(); err != nil {
			return err
		}
	}
	return runErr
}

// LineSink receives whole JSON records from the batch runner (each Write
// holds complete records) and hands each line to a function; the first
// error it returns stops the calls and is kept for Err.
type LineSink struct {
	mu  sync.Mutex
	fn  func(line []byte) error
	err error
}

// NewLineSink returns a LineSink that hands each line to fn.
func NewLineSink(fn func(line []byte) error) *LineSink { return &LineSink{fn: fn} }

// Err returns the first error fn returned.
func (s *LineSink) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// Write hands each non-blank line of p to fn.
func (s *LineSink) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, line := range bytes.Split(p, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 || s.err != nil {
			continue
		}
		s.err = s.fn(line)
	}
	return len(p), nil
}

// warnEmpty wraps work so that a document with no text but white space
// (an empty file, an empty JSONL text) gives a warning on stderr, unless
// quiet: its record still comes out, empty, but a corpus with empty files
// is seldom what was meant.
func warnEmpty(stderr io.Writer, prog *progress, quiet bool, work func(corpus.Document, io.Writer) error) func(corpus.Document, io.Writer) error {
	var mu sync.Mutex
	n := 0
	return func(d corpus.Document, w io.Writer) error {
		if d.Err == nil && !quiet && len(bytes.TrimSpace([]byte(d.Text))) == 0 {
			mu.Lock()
			n++
			if n <= maxErrorLines {
				prog.clear()
				fmt.Fprintf(stderr, "tongbao: warning: %s: empty document\n", d.ID)
			}
			mu.Unlock()
		}
		return work(d, w)
	}
}
