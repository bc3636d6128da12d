package corpus

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"
)

// RunOptions controls Run.
type RunOptions struct {
	// Jobs is the number of documents decoded and processed at once (1 when
	// < 1).
	Jobs int
	// Unordered lets records come out as soon as they are ready instead of
	// in input order.
	Unordered bool
	// Out receives the records. Run writes whole records only: each Write
	// holds one or more complete records, so a reader of Out (or of the file
	// behind it, after a crash) never sees half a record except at the end.
	Out io.Writer
	// ErrorRecord formats the record of a document that failed; it must end
	// with a newline. When nil, Run writes {"id": ..., "error": ...}.
	ErrorRecord func(id string, err error) []byte
	// Done holds the ids of documents already written (by an earlier,
	// interrupted run), each with the number of times it was written: that
	// many documents with the id are skipped, in input order.
	Done map[string]int
	// Progress, when set, is called after each record is written or
	// document skipped, from a single goroutine, with the running summary.
	// It must be quick.
	Progress func(Summary)
	// Window caps the documents read but not yet written, which bounds
	// memory (4*Jobs+4 when < 1).
	Window int
}

// Summary counts what Run did.
type Summary struct {
	Docs        int           // records written (results and errors)
	Errors      int           // error records written
	Skipped     int           // documents skipped because Done listed them
	Bytes       int64         // raw input bytes of the records written
	SkipBytes   int64         // raw input bytes of the documents skipped
	Elapsed     time.Duration // time since Run started
	Interrupted bool          // the context was cancelled before the end
}

// job is one raw document with its input position.
type job struct {
	seq int
	it  *item
}

// result is a processed document waiting to be written.
type result struct {
	seq   int
	id    string
	rec   []byte
	err   error
	bytes int64
	doc   *Document // kept when the document may be skipped (resume)
}

// Run reads inputs and calls work on each document, writing the record work
// returns (or an error record) to opts.Out: exactly one record per
// document, in input order unless opts.Unordered.
//
// Reading runs in one goroutine; decoding and work run in opts.Jobs
// goroutines; writing runs in the caller's. Queues are bounded by
// opts.Window, so memory does not grow with the input. work must be safe
// for concurrent use; a panic in work becomes an error record.
//
// When ctx is cancelled Run stops reading, finishes the documents already
// read, writes their records and returns the summary with Interrupted set
// and ctx's error. It also returns the first error writing to opts.Out.
func Run(ctx context.Context, inputs []string, ropts Options, opts RunOptions, work func(Document) ([]byte, error)) (Summary, error) {
	start := time.Now()
	jobs := max(opts.Jobs, 1)
	window := opts.Window
	if window < 1 {
		window = 4*jobs + 4
	}
	errRec := opts.ErrorRecord
	if errRec == nil {
		errRec = defaultErrorRecord
	}
	// done is read by the workers, remaining is counted down by the writer.
	done := make(map[string]int, len(opts.Done))
	remaining := make(map[string]int, len(opts.Done))
	for id, n := range opts.Done {
		if n > 0 {
			done[id], remaining[id] = n, n
		}
	}

	// stop ends reading early: on cancellation or a write error.
	stopCtx, stop := context.WithCancel(ctx)
	defer stop()

	slots := make(chan struct{}, window)
	in := make(chan job, window)
	out := make(chan result, window)

	go func() {
		defer close(in)
		seq := 0
		walk(inputs, ropts, false, func(it *item) error {
			if stopCtx.Err() != nil {
				return errStop
			}
			select {
			case slots <- struct{}{}:
			case <-stopCtx.Done():
				return errStop
			}
			in <- job{seq: seq, it: it}
			seq++
			return nil
		})
	}()

	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				out <- process(j, ropts, done, work)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	w := &recordWriter{w: opts.Out}
	var sum Summary
	var werr error
	write := func(r result) {
		<-slots
		if werr != nil {
			return
		}
		if r.doc != nil {
			if remaining[r.id] > 0 {
				remaining[r.id]--
				sum.Skipped++
				sum.SkipBytes += r.bytes
				if opts.Progress != nil {
					sum.Elapsed = time.Since(start)
					opts.Progress(sum)
				}
				return
			}
			// A duplicate id beyond those already written: do the work now.
			r = finish(result{seq: r.seq, id: r.id, bytes: r.bytes}, *r.doc, work)
		}
		rec := r.rec
		if r.err != nil {
			sum.Errors++
			rec = errRec(r.id, r.err)
		}
		sum.Docs++
		sum.Bytes += r.bytes
		if err := w.write(rec); err != nil {
			werr = err
			stop()
			return
		}
		if opts.Progress != nil {
			sum.Elapsed = time.Since(start)
			opts.Progress(sum)
		}
	}
	pending := map[int]result{}
	next := 0
	for r := range out {
		if opts.Unordered {
			write(r)
		} else {
			pending[r.seq] = r
			for {
				p, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				write(p)
			}
		}
		if len(out) == 0 && werr == nil {
			if err := w.flush(); err != nil {
				werr = err
				stop()
			}
		}
	}
	if werr == nil {
		werr = w.flush()
	}
	sum.Elapsed = time.Since(start)
	if werr != nil {
		return sum, werr
	}
	if err := ctx.Err(); err != nil {
		sum.Interrupted = true
		return sum, err
	}
	return sum, nil
}

// process decodes and works on one document.
func process(j job, ropts Options, done map[string]int, work func(Document) ([]byte, error)) (r result) {
	r = result{seq: j.seq, id: j.it.id, bytes: j.it.size}
	defer func() {
		if p := recover(); p != nil {
			r.rec, r.doc, r.err = nil, nil, fmt.Errorf("internal error: %v", p)
		}
	}()
	doc := j.it.decode(ropts)
	j.it.data = nil
	r.id = doc.ID
	if doc.Err != nil {
		r.err = doc.Err
		return r
	}
	if done[doc.ID] > 0 { // read-only here; the writer decides in order
		r.doc = &doc
		return r
	}
	return finish(r, doc, work)
}

func finish(r result, doc Document, work func(Document) ([]byte, error)) result {
	r.rec, r.err = safeWork(work, doc)
	r.doc = nil
	return r
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

func defaultErrorRecord(id string, err error) []byte {
	b, _ := json.Marshal(struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	}{id, err.Error()})
	return append(b, '\n')
}

// recordWriter batches whole records into large writes.
type recordWriter struct {
	w   io.Writer
	buf []byte
}

func (w *recordWriter) write(rec []byte) error {
	if len(w.buf)+len(rec) > 256<<10 && len(w.buf) > 0 {
		if err := w.flush(); err != nil {
			return err
		}
	}
	if len(rec) > 256<<10 {
		_, err := w.w.Write(rec)
		return err
	}
	w.buf = append(w.buf, rec...)
	return nil
}

func (w *recordWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}
