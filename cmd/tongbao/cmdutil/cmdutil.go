// Package cmdutil holds what every tongbao command shares: the input flags,
// the batch runner with its output contract, and exit codes.
package cmdutil

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/record"
)

// Exit codes.
const (
	ExitOK      = 0
	ExitFailure = 1 // some documents failed, or the command failed
	ExitUsage   = 2 // bad flags or arguments
)

// ExitError carries an exit code up to main. Its message (when not empty)
// is printed on stderr.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// UsageError returns an error that exits with ExitUsage.
func UsageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Msg: fmt.Sprintf(format, args...)}
}

// Code returns the exit code for err.
func Code(err error) int {
	if err == nil {
		return ExitOK
	}
	var e *ExitError
	if errors.As(err, &e) {
		return e.Code
	}
	// cobra's own usage errors (an unknown subcommand) are plain errors.
	if strings.HasPrefix(err.Error(), "unknown command ") {
		return ExitUsage
	}
	return ExitFailure
}

// InputFlags are the flags of every command that reads documents.
type InputFlags struct {
	TextField   string
	IDField     string
	Encoding    string
	MaxDocBytes int64
	MaxArchive  int64 // --max-archive-bytes
	Jobs        int
	Unordered   bool
	Pretty      bool
	Quiet       bool
	StdinAs     string // read standard input as this kind of file
	Output      string // -o FILE: write records there instead of stdout
	Resume      bool   // skip the documents FILE already holds and append
}

// AddInputFlags registers the input and batch flags on cmd.
func AddInputFlags(cmd *cobra.Command) *InputFlags {
	f := &InputFlags{}
	fs := cmd.Flags()
	fs.StringVar(&f.TextField, "text-field", "text", "JSONL field holding the document text")
	fs.StringVar(&f.IDField, "id-field", "id", "JSONL field holding the document id")
	fs.StringVar(&f.Encoding, "encoding", "", "force the input encoding ("+strings.Join(corpus.EncodingNames, ", ")+"); detected when empty")
	fs.StringVar(&f.StdinAs, "stdin-as", "", "read standard input as a file of this kind: jsonl, html, tar, tar.gz or gz (default: one text document)")
	fs.Int64Var(&f.MaxDocBytes, "max-doc-bytes", corpus.DefaultMaxDocBytes, "documents larger than this many bytes become error records")
	fs.Int64Var(&f.MaxArchive, "max-archive-bytes", 0, "the most bytes the members of one archive may expand to in total (0: 100 times the archive's size, at least 1 GiB)")
	fs.IntVarP(&f.Jobs, "jobs", "j", runtime.NumCPU(), "documents processed in parallel")
	fs.BoolVar(&f.Unordered, "unordered", false, "write records as they finish instead of in input order")
	fs.BoolVar(&f.Pretty, "pretty", false, "indent JSON output")
	fs.BoolVarP(&f.Quiet, "quiet", "q", false, "no progress or summary on stderr (errors still go there)")
	fs.StringVarP(&f.Output, "output", "o", "", "write records to `FILE`, whole records at a time, instead of standard output")
	fs.BoolVar(&f.Resume, "resume", false, "with -o: keep the records FILE holds (repairing a cut-off last one), skip their documents and append the rest")
	return f
}

// ReadOptions returns the corpus options the flags describe.
func (f *InputFlags) ReadOptions(cmd *cobra.Command) corpus.Options {
	return f.readOptions(cmd.InOrStdin())
}

func (f *InputFlags) readOptions(stdin io.Reader) corpus.Options {
	return corpus.Options{
		TextField:       f.TextField,
		IDField:         f.IDField,
		Encoding:        f.Encoding,
		MaxDocBytes:     f.MaxDocBytes,
		MaxArchiveBytes: f.MaxArchive,
		Stdin:           stdin,
		StdinAs:         f.StdinAs,
	}
}

// Check reports a usage error in the flags.
func (f *InputFlags) Check() error {
	if f.Jobs < 1 || f.Jobs > corpus.MaxJobs {
		return UsageError("--jobs must be between 1 and %d, got %d", corpus.MaxJobs, f.Jobs)
	}
	if f.MaxDocBytes < 1 || f.MaxDocBytes > corpus.MaxDocBytesLimit {
		return UsageError("--max-doc-bytes must be between 1 and %d, got %d", int64(corpus.MaxDocBytesLimit), f.MaxDocBytes)
	}
	if f.MaxArchive < 0 {
		return UsageError("--max-archive-bytes must not be negative, got %d", f.MaxArchive)
	}
	if _, err := corpus.CheckEncoding(f.Encoding); err != nil {
		return UsageError("--encoding: %v", err)
	}
	if f.Resume && f.Output == "" {
		return UsageError("--resume needs -o FILE")
	}
	switch strings.TrimPrefix(strings.ToLower(f.StdinAs), ".") {
	case "", "txt", "text", "jsonl", "ndjson", "html", "htm", "tar", "tar.gz", "tgz", "gz":
	default:
		return UsageError("--stdin-as %q: want jsonl, html, tar, tar.gz or gz", f.StdinAs)
	}
	if f.TextField == "" || f.IDField == "" {
		return UsageError("--text-field and --id-field cannot be empty")
	}
	return nil
}

// JSONRecord marshals v as one JSON Lines record (or indented, when pretty),
// without HTML escaping, ending in a newline (record.JSON).
func JSONRecord(v any, pretty bool) ([]byte, error) { return record.JSON(v, pretty) }

// ErrorRecord is the JSON record of a document that failed (record.Error).
type ErrorRecord = record.Error

// ExitInterrupted is the exit code after SIGINT or SIGTERM.
const ExitInterrupted = 130

// maxErrorLines caps the per-document error lines on stderr; the error
// records in the output hold them all.
const maxErrorLines = 20

// RunDocs reads the documents named by args and writes work's record for
// each, or an error record, to the command's output (or -o FILE), running
// work in parallel (--jobs) with the output in input order. It shows
// progress on stderr when stderr is a terminal, prints the errors and a
// one-line summary on stderr, and returns an ExitError with code 1 when any
// document failed, 2 on a usage error, 130 when interrupted by SIGINT or
// SIGTERM (after finishing the documents in flight and flushing).
func RunDocs(cmd *cobra.Command, args []string, f *InputFlags, work func(corpus.Document) ([]byte, error)) error {
	return RunDocsIO(cmd.Context(), StreamsOf(cmd), args, f, work)
}

// RunDocsIO is RunDocs on the given context and streams.
func RunDocsIO(ctx context.Context, ios *IOStreams, args []string, f *InputFlags, work func(corpus.Document) ([]byte, error)) error {
	return RunDocsToIO(ctx, ios, args, f, func(d corpus.Document, w io.Writer) error {
		rec, err := work(d)
		if err != nil {
			return err
		}
		_, err = w.Write(rec)
		return err
	})
}

// RunDocsTo is RunDocs for work that writes its record to w instead of
// returning it (see corpus.RunTo): a record larger than memory should hold
// goes to a temporary file until its turn.
func RunDocsTo(cmd *cobra.Command, args []string, f *InputFlags, work func(corpus.Document, io.Writer) error) error {
	return RunDocsToIO(cmd.Context(), StreamsOf(cmd), args, f, work)
}

// RunDocsToIO is RunDocsTo on the given context and streams.
func RunDocsToIO(ctx context.Context, ios *IOStreams, args []string, f *InputFlags, work func(corpus.Document, io.Writer) error) error {
	if err := f.Check(); err != nil {
		return err
	}
	if len(args) == 0 {
		if in, ok := ios.In.(*os.File); ok && term.IsTerminal(int(in.Fd())) {
			return UsageError("no input: give files, directories or archives, or pipe text in (use - for standard input)")
		}
	}
	stderr := ios.ErrOut
	if ctx == nil {
		ctx = context.Background()
	}

	out := ios.Out
	var done map[string]int
	var file *os.File
	if f.Output != "" {
		if err := CheckOutputNotInput(f.Output, args); err != nil {
			return err
		}
		var err error
		file, done, err = openOutput(f.Output, f.Resume)
		if err != nil {
			return err
		}
		defer file.Close() // for early returns; closed and checked below
		out = file
	}

	// The first SIGINT or SIGTERM stops reading; a second one kills.
	ctx, stopSignals := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	go func() {
		<-ctx.Done()
		stopSignals()
	}()

	prog := newProgress(stderr, args, f.Quiet)
	nerr := 0
	errRec := func(id string, err error) []byte {
		b, jerr := JSONRecord(ErrorRecord{ID: id, Error: err.Error(), Class: corpus.ErrorClass(err)}, f.Pretty)
		if jerr != nil {
			b = []byte(`{"id":"?","error":"unprintable error"}` + "\n")
		}
		nerr++
		if nerr <= maxErrorLines {
			prog.clear()
			fmt.Fprintf(stderr, "tongbao: %s: %v\n", id, err)
		} else if nerr == maxErrorLines+1 {
			prog.clear()
			fmt.Fprintf(stderr, "tongbao: more errors: see the error records in the output\n")
		}
		return b
	}
	ropts := f.readOptions(ios.In)
	if f.Output != "" {
		ropts.Exclude = []string{f.Output} // never read our own output
	}
	sum, err := corpus.RunTo(ctx, args, ropts, corpus.RunOptions{
		Jobs:        f.Jobs,
		Unordered:   f.Unordered,
		Out:         out,
		ErrorRecord: errRec,
		Done:        done,
		Progress:    prog.update,
	}, warnEmpty(stderr, prog, f.Quiet, work))
	prog.finish()
	if file != nil {
		if cerr := file.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}
	if sum.Interrupted {
		msg := "interrupted: " + summary(sum)
		if f.Output != "" {
			msg += fmt.Sprintf("; continue with --resume -o %s", f.Output)
		}
		return &ExitError{Code: ExitInterrupted, Msg: msg}
	}
	if err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if sum.Errors > 0 {
		return &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("%d of %d documents failed; ", sum.Errors, sum.Docs) + summary(sum)}
	}
	if !f.Quiet && (sum.Docs > 1 || sum.Skipped > 0) {
		fmt.Fprintf(stderr, "tongbao: %s\n", summary(sum))
	}
	return nil
}

// summary is the one-line account of a run.
func summary(s corpus.Summary) string {
	secs := s.Elapsed.Seconds()
	mb := float64(s.Bytes) / 1e6
	msg := fmt.Sprintf("%d documents, %.1f MB, %d errors in %.1fs", s.Docs, mb, s.Errors, secs)
	if secs > 0 {
		rate := float64(s.Docs) / secs
		prec := 0
		if rate < 10 {
			prec = 1
		}
		msg += fmt.Sprintf(" (%.*f docs/s, %.2f MB/s)", prec, rate, mb/secs)
	}
	if s.Skipped > 0 {
		msg += fmt.Sprintf("; %d already done, skipped", s.Skipped)
	}
	return msg
}

// CheckOutputNotInput returns a usage error when the output file is one of
// the inputs: named as an argument or matched by a glob argument (it would
// be truncated before being read). An output inside an input directory is
// left out of the directory's files instead.
func CheckOutputNotInput(output string, inputs []string) error {
	ost, err := os.Stat(output)
	if err != nil {
		return nil // not there yet: not an input
	}
	for _, in := range inputs {
		paths := []string{in}
		if _, err := os.Stat(in); err != nil && strings.ContainsAny(in, "*?[") {
			paths, _ = filepath.Glob(in)
		}
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil && !st.IsDir() && os.SameFile(st, ost) {
				return UsageError("the output %s is also an input (%s): write the output elsewhere", output, in)
			}
		}
	}
	return nil
}

// StreamedRecord builds the JSON record of doc, whose last field must be
// an empty array, with the values fill emits as that array's elements (see
// StreamedRecordTo).
func StreamedRecord(pretty bool, fill func(emit func(v any) error) (doc any, err error)) ([]byte, error) {
	var b bytes.Buffer
	if err := StreamedRecordTo(&b, pretty, fill); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// StreamedRecordTo writes to w the JSON record of doc, whose last field
// must be an empty array, with the values fill emits as that array's
// elements. The elements are encoded as they come and held in a spool
// (memory, then a temporary file) until doc is known: a document with a
// million mentions holds neither the values nor their JSON (extract's
// long documents). With pretty, the values are gathered and the record
// indented as JSONRecord does. Values that are record.Appenders
// (*extract.Mention) are encoded without reflection.
func StreamedRecordTo(w io.Writer, pretty bool, fill func(emit func(v any) error) (doc any, err error)) error {
	var elems corpus.Spool
	defer elems.Close()
	vals := []any{}
	n := 0
	var scratch []byte // the encoding of an Appender, reused
	doc, err := fill(func(v any) error {
		if pretty {
			vals = append(vals, v)
			return nil
		}
		if a, ok := v.(record.Appender); ok {
			scratch = scratch[:0]
			if n > 0 {
				scratch = append(scratch, ',')
			}
			b, err := a.AppendJSON(scratch)
			if err != nil {
				return err
			}
			scratch = b
			n++
			_, err = elems.Write(b)
			return err
		}
		b, err := JSONRecord(v, false)
		if err != nil {
			return err
		}
		if n > 0 {
			if _, err := elems.Write([]byte{','}); err != nil {
				return err
			}
		}
		n++
		_, err = elems.Write(b[:len(b)-1])
		return err
	})
	if err != nil {
		return err
	}
	head, err := JSONRecord(doc, pretty)
	if err != nil {
		return err
	}
	if pretty {
		rec, err := JSONRecord(spliced{head, vals}, true)
		if err != nil {
			return err
		}
		_, err = w.Write(rec)
		return err
	}
	if !bytes.HasSuffix(head, []byte("[]}\n")) {
		return errors.New("StreamedRecord: the record does not end with an empty array")
	}
	if _, err := w.Write(head[:len(head)-len("]}\n")]); err != nil {
		return err
	}
	if _, err := elems.WriteTo(w); err != nil {
		return err
	}
	_, err = w.Write([]byte("]}\n"))
	return err
}

// spliced is a record whose last array is filled in (the pretty path).
type spliced struct {
	head []byte
	vals []any
}

func (s spliced) MarshalJSON() ([]byte, error) {
	head := bytes.TrimRight(s.head, "\n")
	i := bytes.LastIndex(head, []byte("[]"))
	if i < 0 {
		return nil, errors.New("StreamedRecord: the record does not end with an empty array")
	}
	arr, err := JSONRecord(s.vals, false)
	if err != nil {
		return nil, err
	}
	arr = bytes.TrimRight(arr, "\n")
	out := append([]byte(nil), head[:i]...)
	out = append(out, arr...)
	return append(out, head[i+2:]...), nil
}
