package cmdutil

import (
	"context"
	"fmt"
	"sync"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
)

// ScanSummary counts what Scan did.
type ScanSummary struct {
	Docs   int
	Failed int
	Bytes  int64
}

// Err returns the exit error for failed documents (nil when none failed).
func (s ScanSummary) Err() error {
	if s.Failed == 0 {
		return nil
	}
	return &ExitError{Code: ExitFailure, Msg: fmt.Sprintf("%d of %d documents failed", s.Failed, s.Docs)}
}

// Scan reads the documents named by args, runs work on up to in.Jobs of
// them at once and calls consume with each result in input order (at most
// 4·Jobs+4 documents are in flight). A
// document that cannot be read, or on which work fails, is reported on
// stderr and skipped; Scan goes on and counts it in the summary. Only
// consume's error stops the scan.
func Scan[R any](cmd *cobra.Command, args []string, in *InputFlags, work func(corpus.Document) (R, error), consume func(corpus.Document, R) error) (ScanSummary, error) {
	var sum ScanSummary
	if in.Jobs < 1 {
		return sum, UsageError("--jobs must be at least 1, got %d", in.Jobs)
	}
	sigCtx := cmd.Context()
	if sigCtx == nil {
		sigCtx = context.Background()
	}
	ctx, cancel := context.WithCancel(sigCtx)
	defer cancel()
	type result struct {
		seq int
		doc corpus.Document
		r   R
		err error
	}
	type job struct {
		seq int
		doc corpus.Document
	}
	jobs := make(chan job, in.Jobs)
	results := make(chan result, in.Jobs)
	// window bounds the documents between reading and consuming, so that a
	// slow document cannot make the finished ones behind it pile up
	window := make(chan struct{}, 4*in.Jobs+4)
	var readErr error
	var wg sync.WaitGroup
	for i := 0; i < in.Jobs; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				res := result{seq: j.seq, doc: j.doc}
				if j.doc.Err != nil {
					res.err = j.doc.Err
				} else {
					res.r, res.err = safe(work, j.doc)
				}
				res.doc.Text = "" // results hold no text
				if j.doc.Err == nil && res.err == nil {
					res.doc.Text = j.doc.Text
				}
				select {
				case results <- res:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		seq := 0
		readErr = corpus.ReadContext(ctx, args, in.ReadOptions(cmd), func(d corpus.Document) error {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case jobs <- job{seq, d}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
		close(jobs)
		wg.Wait()
		close(results)
	}()
	pending := map[int]result{}
	next := 0
	var consumeErr error
loop:
	for {
		var res result
		var ok bool
		select {
		case res, ok = <-results:
		case <-sigCtx.Done(): // interrupted: do not wait for a blocked reader
		}
		if !ok {
			break loop
		}
		pending[res.seq] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			sum.Docs++
			sum.Bytes += r.doc.Bytes
			if consumeErr != nil {
				continue
			}
			if r.err != nil {
				sum.Failed++
				fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %s: %v\n", r.doc.ID, r.err)
				continue
			}
			if err := consume(r.doc, r.r); err != nil {
				consumeErr = err
				cancel()
			}
		}
	}
	if consumeErr != nil {
		return sum, consumeErr
	}
	if sigCtx.Err() != nil {
		return sum, &ExitError{Code: ExitInterrupted, Msg: fmt.Sprintf("interrupted after %d documents", sum.Docs)}
	}
	if readErr != nil {
		return sum, readErr
	}
	return sum, nil
}

func safe[R any](work func(corpus.Document) (R, error), doc corpus.Document) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v", p)
		}
	}()
	return work(doc)
}
