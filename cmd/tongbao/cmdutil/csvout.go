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
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/record"
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

// appendCSVRecord appends the JSON line of csvRecord{id, rows}: the bytes
// JSONRecord writes for it, without reflection.
func appendCSVRecord(b []byte, id string, rows [][]string) []byte {
	b = append(b, `{"id":`...)
	b = record.AppendString(b, id, false)
	b = append(b, `,"rows":`...)
	if rows == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, r := range rows {
			if i > 0 {
				b = append(b, ',')
			}
			if r == nil {
				b = append(b, "null"...)
				continue
			}
			b = append(b, '[')
			for j, f := range r {
				if j > 0 {
					b = append(b, ',')
				}
				b = record.AppendString(b, f, false)
			}
			b = append(b, ']')
		}
		b = append(b, ']')
	}
	return append(b, '}', '\n')
}

// parseCSVRecord reads the rows of a line appendCSVRecord wrote, as
// json.Unmarshal reads them, without reflection. ok is false for any
// other line (an error record) and for what it leaves to json.Unmarshal
// (a null row).
func parseCSVRecord(line []byte) (rows [][]string, ok bool) {
	p := csvParser{line: line}
	if !p.lit(`{"id":`) {
		return nil, false
	}
	if _, ok := p.str(); !ok || !p.lit(`,"rows":[`) {
		return nil, false
	}
	rows = [][]string{}
	if p.lit("]") {
		return rows, p.lit("}") && p.end()
	}
	for {
		if !p.lit("[") {
			return nil, false
		}
		var row []string
		if !p.lit("]") {
			for {
				f, ok := p.str()
				if !ok {
					return nil, false
				}
				row = append(row, f)
				if p.lit("]") {
					break
				}
				if !p.lit(",") {
					return nil, false
				}
			}
		} else {
			row = []string{}
		}
		rows = append(rows, row)
		if p.lit("]") {
			break
		}
		if !p.lit(",") {
			return nil, false
		}
	}
	return rows, p.lit("}") && p.end()
}

// csvParser reads the JSON of parseCSVRecord.
type csvParser struct {
	line []byte
	i    int
}

// lit reads s.
func (p *csvParser) lit(s string) bool {
	if !bytes.HasPrefix(p.line[p.i:], []byte(s)) {
		return false
	}
	p.i += len(s)
	return true
}

// end says whether all of the line was read (but its newline).
func (p *csvParser) end() bool {
	return len(bytes.TrimRight(p.line[p.i:], " \t\r\n")) == 0
}

// str reads a JSON string: one without escapes, valid UTF-8, directly,
// another by json.Unmarshal.
func (p *csvParser) str() (string, bool) {
	rest := p.line[p.i:]
	if len(rest) == 0 || rest[0] != '"' {
		return "", false
	}
	escaped := false
	for j := 1; j < len(rest); j++ {
		switch c := rest[j]; {
		case c == '\\':
			escaped = true
			j++ // the escaped byte: not a closing quote
		case c == '"':
			tok := rest[:j+1]
			p.i += j + 1
			if !escaped && utf8.Valid(tok[1:j]) {
				return string(tok[1:j]), true
			}
			var s string
			if err := json.Unmarshal(tok, &s); err != nil {
				return "", false
			}
			return s, true
		case c < 0x20:
			return "", false // invalid in JSON: json.Unmarshal says why
		}
	}
	return "", false
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
		rows, ok := parseCSVRecord(line)
		if !ok { // an error record, or what parseCSVRecord leaves to encoding/json
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
			rows = rec.Rows
		}
		for _, r := range rows {
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
		return appendCSVRecord(make([]byte, 0, 4096), d.ID, rows), nil
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
