package corpus

import (
	"context"
	"fmt"
	"io"
)

// RunOptions controls Run.
type RunOptions struct {
	// Jobs is the number of documents processed at once (1 when < 1).
	Jobs int
	// Unordered lets records come out as soon as they are ready.
	Unordered bool
	// Out receives the records.
	Out io.Writer
	// ErrorRecord formats the record of a document that failed; it must end
	// with a newline.
	ErrorRecord func(id string, err error) []byte
}

// Summary counts what Run did.
type Summary struct {
	Docs   int   // documents seen
	Errors int   // error records written
	Bytes  int64 // raw input bytes
}

// Run reads inputs and calls work on each document, writing the record work
// returns (or an error record) to opts.Out: exactly one record per document,
// in input order.
//
// This is the sequential version; work must be safe for concurrent use so
// that Run may parallelize it.
func Run(ctx context.Context, inputs []string, ropts Options, opts RunOptions, work func(Document) ([]byte, error)) (Summary, error) {
	var sum Summary
	err := Read(inputs, ropts, func(doc Document) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		sum.Docs++
		sum.Bytes += doc.Bytes
		var rec []byte
		err := doc.Err
		if err == nil {
			rec, err = safeWork(work, doc)
		}
		if err != nil {
			sum.Errors++
			rec = opts.ErrorRecord(doc.ID, err)
		}
		_, werr := opts.Out.Write(rec)
		return werr
	})
	return sum, err
}

// safeWork runs work, turning a panic into an error so that one bad
// document cannot take the batch down.
func safeWork(work func(Document) ([]byte, error), doc Document) (rec []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return work(doc)
}
