package corpus

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
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
	// Window caps the documents read but not yet written (4*Jobs+4 when
	// < 1).
	Window int
	// MaxBytesInFlight caps the raw bytes of the documents read but not
	// yet written, which bounds memory whatever the documents' sizes
	// (DefaultMaxBytesInFlight when < 1). A document larger than the cap
	// is still read, alone.
	MaxBytesInFlight int64
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

// Run reads inputs and calls work on each document, writing the record work
// returns (or an error record) to opts.Out: exactly one record per
// document, in input order unless opts.Unordered.
//
// It is Map with a writer as the consumer: reading runs in one goroutine;
// decoding and work run in opts.Jobs goroutines; writing runs in the
// caller's. Queues are bounded by opts.Window and opts.MaxBytesInFlight, so
// memory does not grow with the input. work must be safe for concurrent
// use; a panic in work becomes an error record.
//
// When ctx is cancelled Run stops reading, finishes the documents already
// read, writes their records and returns the summary with Interrupted set
// and ctx's error. It also returns the first error writing to opts.Out.
func Run(ctx context.Context, inputs []string, ropts Options, opts RunOptions, work func(Document) ([]byte, error)) (Summary, error) {
	return RunTo(ctx, inputs, ropts, opts, func(d Document, w io.Writer) error {
		rec, err := work(d)
		if err != nil {
			return err
		}
		_, err = w.Write(rec)
		return err
	})
}

// RunTo is Run for work that writes its record to w instead of returning
// it, for records too large to hold: w keeps the first SpoolMemory bytes in
// memory and the rest in a temporary file until the record's turn comes.
// What work wrote is dropped when it returns an error (the error record is
// written instead).
func RunTo(ctx context.Context, inputs []string, ropts Options, opts RunOptions, work func(Document, io.Writer) error) (Summary, error) {
	start := time.Now()
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
	// build runs work on doc into a spool: the record in memory, or in a
	// temporary file when large.
	build := func(doc Document) (*record, error) {
		sp := &spool{buf: getRecordBuf()}
		kept := false
		defer func() {
			if !kept {
				sp.discard()
				putRecordBuf(sp.buf)
			}
		}()
		if err := work(doc, sp); err != nil {
			return nil, err
		}
		kept = true
		if sp.spilled() {
			return &record{spool: sp}, nil
		}
		return &record{buf: sp.buf}, nil
	}
	// A document whose id is in done waits for the writer, which decides
	// in input order whether it is skipped or worked on.
	produce := func(doc Document) (*record, error) {
		if done[doc.ID] > 0 {
			return &record{doc: &doc}, nil
		}
		return build(doc)
	}

	w := &recordWriter{w: opts.Out}
	var sum Summary
	var werr error
	progress := func() {
		if opts.Progress != nil {
			sum.Elapsed = time.Since(start)
			opts.Progress(sum)
		}
	}
	write := func(doc Document, r *record, err error) error {
		if remaining[doc.ID] > 0 {
			remaining[doc.ID]--
			sum.Skipped++
			sum.SkipBytes += doc.Bytes
			progress()
			return nil
		}
		if err == nil && r.doc != nil {
			// A duplicate id beyond those already written: do the work now.
			r, err = call(build, *r.doc)
		}
		sum.Docs++
		sum.Bytes += doc.Bytes
		if err != nil {
			sum.Errors++
			werr = w.write(errRec(doc.ID, err))
		} else if r.spool.spilled() {
			werr = w.copyFrom(r.spool)
		} else {
			werr = w.write(r.buf)
			putRecordBuf(r.buf)
			r.buf = nil
		}
		if werr != nil {
			return werr
		}
		progress()
		return nil
	}
	err := Map(ctx, inputs, ropts, MapOptions{
		Jobs:             opts.Jobs,
		Unordered:        opts.Unordered,
		InOrder:          func(d Document) bool { return done[d.ID] > 0 },
		Window:           opts.Window,
		MaxBytesInFlight: opts.MaxBytesInFlight,
		Idle:             func() error { werr = w.flush(); return werr },
	}, produce, write)
	if werr == nil {
		werr = w.flush()
	}
	sum.Elapsed = time.Since(start)
	if werr != nil {
		return sum, werr
	}
	if err != nil && ctx.Err() != nil {
		sum.Interrupted = true
		return sum, ctx.Err()
	}
	return sum, err
}

// record is a document's record, or the document itself when its id is
// in RunOptions.Done (the writer decides in input order).
type record struct {
	buf   []byte
	spool *spool // the record, when part of it is in a temporary file
	doc   *Document
}

// MaxJobs caps RunOptions.Jobs (and the --jobs flag).
const MaxJobs = 1024

// DefaultMaxBytesInFlight is the default of RunOptions.MaxBytesInFlight.
const DefaultMaxBytesInFlight = 64 << 20

// byteBudget bounds the raw bytes of the documents read but not yet
// written. One document is always let in, however large, so that a
// document over the budget runs alone rather than never.
type byteBudget struct {
	mu     sync.Mutex
	max    int64
	used   int64
	wakeup chan struct{} // closed and replaced on each release
}

func newByteBudget(max int64) *byteBudget {
	if max <= 0 {
		max = DefaultMaxBytesInFlight
	}
	return &byteBudget{max: max, wakeup: make(chan struct{})}
}

func (b *byteBudget) acquire(ctx context.Context, n int64) bool {
	n = max(n, 0)
	for {
		b.mu.Lock()
		if b.used == 0 || b.used+n <= b.max {
			b.used += n
			b.mu.Unlock()
			return true
		}
		wake := b.wakeup
		b.mu.Unlock()
		select {
		case <-wake:
		case <-ctx.Done():
			return false
		}
	}
}

func (b *byteBudget) release(n int64) {
	n = max(n, 0)
	b.mu.Lock()
	b.used -= n
	close(b.wakeup)
	b.wakeup = make(chan struct{})
	b.mu.Unlock()
}

// SpoolMemory is how much of one record RunTo keeps in memory; the rest
// goes to a temporary file.
const SpoolMemory = 8 << 20

// spool holds one record: in memory up to SpoolMemory, then in a
// temporary file.
type spool struct {
	buf []byte
	f   *os.File
	err error
}

func (s *spool) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.f == nil && len(s.buf)+len(p) <= SpoolMemory {
		s.buf = append(s.buf, p...)
		return len(p), nil
	}
	if s.f == nil {
		f, err := os.CreateTemp("", "tongbao-record-*")
		if err != nil {
			s.err = fmt.Errorf("spooling a large record: %w", err)
			return 0, s.err
		}
		os.Remove(f.Name()) // unlinked: gone with the process, whatever happens
		s.f = f
		if _, err := f.Write(s.buf); err != nil {
			s.err = err
			return 0, err
		}
		s.buf = nil
	}
	n, err := s.f.Write(p)
	if err != nil {
		s.err = err
	}
	return n, err
}

func (s *spool) spilled() bool { return s != nil && s.f != nil }

func (s *spool) discard() {
	if s != nil && s.f != nil {
		s.f.Close()
		s.f = nil
	}
}

func defaultErrorRecord(id string, err error) []byte {
	b, _ := json.Marshal(struct {
		ID    string `json:"id"`
		Error string `json:"error"`
	}{id, err.Error()})
	return append(b, '\n')
}

// recordBufs holds the memory of records already written, for the next
// ones: a record is written piece by piece (one mention at a time), and a
// buffer of the right size from the start spares the copies of growing it.
var recordBufs sync.Pool

// getRecordBuf returns an empty buffer for a record.
func getRecordBuf() []byte {
	if b, ok := recordBufs.Get().(*[]byte); ok {
		return (*b)[:0]
	}
	return make([]byte, 0, 4<<10)
}

// putRecordBuf gives the memory of a written record back; buffers of
// large records are left to the garbage collector.
func putRecordBuf(b []byte) {
	if cap(b) == 0 || cap(b) > 1<<20 {
		return
	}
	recordBufs.Put(&b)
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

// copyFrom writes a spooled record and closes its file.
func (w *recordWriter) copyFrom(s *spool) error {
	defer s.discard()
	if err := w.flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	_, err := io.Copy(w.w, bufio.NewReaderSize(s.f, 1<<20))
	return err
}

func (w *recordWriter) flush() error {
	if len(w.buf) == 0 {
		return nil
	}
	_, err := w.w.Write(w.buf)
	w.buf = w.buf[:0]
	return err
}

// Spool holds bytes written to it: up to SpoolMemory in memory, the rest in
// an unlinked temporary file. It lets a writer produce output that must be
// written after something it only knows at the end (a record's header)
// without holding all of it in memory.
type Spool struct{ s spool }

// Write appends p.
func (s *Spool) Write(p []byte) (int, error) {
	if s.s.buf == nil && s.s.f == nil {
		s.s.buf = getRecordBuf()
	}
	return s.s.Write(p)
}

// WriteTo writes what the spool holds to w.
func (s *Spool) WriteTo(w io.Writer) (int64, error) {
	if s.s.err != nil {
		return 0, s.s.err
	}
	if s.s.f == nil {
		n, err := w.Write(s.s.buf)
		return int64(n), err
	}
	if _, err := s.s.f.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	return io.Copy(w, bufio.NewReaderSize(s.s.f, 1<<20))
}

// Close frees the spool's memory and file.
func (s *Spool) Close() error {
	s.s.discard()
	putRecordBuf(s.s.buf)
	s.s.buf = nil
	return nil
}
