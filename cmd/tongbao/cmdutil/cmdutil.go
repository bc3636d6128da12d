// Package cmdutil holds what every tongbao command shares: the input flags,
// the batch runner with its output contract, and exit codes.
package cmdutil

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"

	"github.com/spf13/cobra"
	"github.com/tongbao/tongbao/corpus"
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
	return ExitFailure
}

// InputFlags are the flags of every command that reads documents.
type InputFlags struct {
	TextField   string
	IDField     string
	Encoding    string
	MaxDocBytes int64
	Jobs        int
	Unordered   bool
	Pretty      bool
	Quiet       bool
}

// AddInputFlags registers the input and batch flags on cmd.
func AddInputFlags(cmd *cobra.Command) *InputFlags {
	f := &InputFlags{}
	fs := cmd.Flags()
	fs.StringVar(&f.TextField, "text-field", "text", "JSONL field holding the document text")
	fs.StringVar(&f.IDField, "id-field", "id", "JSONL field holding the document id")
	fs.StringVar(&f.Encoding, "encoding", "", "force the input encoding (utf-8, gbk, gb18030, big5, utf-16le, utf-16be); detected when empty")
	fs.Int64Var(&f.MaxDocBytes, "max-doc-bytes", corpus.DefaultMaxDocBytes, "documents larger than this many bytes become error records")
	fs.IntVarP(&f.Jobs, "jobs", "j", runtime.NumCPU(), "documents processed in parallel")
	fs.BoolVar(&f.Unordered, "unordered", false, "write records as they finish instead of in input order")
	fs.BoolVar(&f.Pretty, "pretty", false, "indent JSON output")
	fs.BoolVarP(&f.Quiet, "quiet", "q", false, "no progress or summary on stderr (errors still go there)")
	return f
}

// ReadOptions returns the corpus options the flags describe.
func (f *InputFlags) ReadOptions(cmd *cobra.Command) corpus.Options {
	return corpus.Options{
		TextField:   f.TextField,
		IDField:     f.IDField,
		Encoding:    f.Encoding,
		MaxDocBytes: f.MaxDocBytes,
		Stdin:       cmd.InOrStdin(),
	}
}

// JSONRecord marshals v as one JSON Lines record (or indented, when pretty),
// without HTML escaping, ending in a newline.
func JSONRecord(v any, pretty bool) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ErrorRecord is the JSON record of a document that failed.
type ErrorRecord struct {
	ID    string `json:"id"`
	Error string `json:"error"`
}

// RunDocs reads the documents named by args and writes work's record for
// each, or an error record, to the command's output. It prints a one-line
// summary on stderr and returns an ExitError with code 1 when any document
// failed.
func RunDocs(cmd *cobra.Command, args []string, f *InputFlags, work func(corpus.Document) ([]byte, error)) error {
	if f.Jobs < 1 {
		return UsageError("--jobs must be at least 1, got %d", f.Jobs)
	}
	errRec := func(id string, err error) []byte {
		b, _ := JSONRecord(ErrorRecord{ID: id, Error: err.Error()}, f.Pretty)
		fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %s: %v\n", id, err)
		return b
	}
	ctx := cmd.Context()
	if ctx == nil {
		ctx = context.Background()
	}
	sum, err := corpus.Run(ctx, args, f.ReadOptions(cmd), corpus.RunOptions{
		Jobs:        f.Jobs,
		Unordered:   f.Unordered,
		Out:         cmd.OutOrStdout(),
		ErrorRecord: errRec,
	}, work)
	if err != nil {
		return err
	}
	if sum.Errors > 0 {
		return &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("%d of %d documents failed", sum.Errors, sum.Docs)}
	}
	if !f.Quiet && sum.Docs > 1 {
		fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d documents, %d bytes, no errors\n", sum.Docs, sum.Bytes)
	}
	return nil
}
