package corpus

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// MapOptions controls Map.
type MapOptions struct {
	// Jobs is the number of documents decoded and worked on at once (1
	// when < 1, MaxJobs at most).
	Jobs int
	// Unordered hands results to consume as soon as they are ready instead
	// of in input order.
	Unordered bool
	// InOrder, with Unordered, names the documents that keep their place
	// all the same: consume gets such a document after every document read
	// before it. It is called once per document, after decoding, from the
	// workers. (RunTo holds back this way the documents it may skip on
	// resume, since which of several with one id is skipped is decided in
	// input order.)
	InOrder func(Document) bool
	// Window caps the documents read but not yet consumed (4*Jobs+4 when
	// < 1).
	Window int
	// MaxBytesInFlight caps the raw bytes of the documents read but not yet
	// consumed, which bounds memory whatever the documents' sizes
	// (DefaultMaxBytesInFlight when < 1). A document larger than the cap is
	// still read, alone.
	MaxBytesInFlight int64
	// Idle, when set, is called from consume's goroutine whenever no
	// finished result is waiting: a consumer that batches its output
	// writes it out then. An error from Idle stops Map as consume's does.
	Idle func() error
}

// Map reads the documents named by inputs, runs work on each of them in
// opts.Jobs goroutines and calls consume with every document, work's result
// and its error, one call at a time from the caller's goroutine, in input
// order unless opts.Unordered.
//
// Every document read reaches consume exactly once. A document that could
// not be read or decoded (its Err set) reaches it without work being
// called, with Err as the error; a panic in work (or in decoding) becomes
// an error "internal error: ...". The document consume receives has no
// Text: a result waiting for its turn holds what work returned, not the
// text (work keeps what it needs of the text in its result).
//
// Reading runs in one goroutine, decoding and work in the workers. At most
// opts.Window documents and opts.MaxBytesInFlight raw bytes are between
// reading and consuming, so memory does not grow with the input, and a slow
// document cannot make the finished ones behind it pile up.
//
// When consume (or opts.Idle) returns an error, Map stops reading, drops the
// documents in flight without working on them and returns that error. When
// ctx is cancelled Map stops reading, finishes the documents already read,
// consumes them and returns ctx's error; it does not wait for a read that
// nothing interrupts (a terminal).
func Map[R any](ctx context.Context, inputs []string, ropts Options, opts MapOptions, work func(Document) (R, error), consume func(Document, R, error) error) error {
	jobs := min(max(opts.Jobs, 1), MaxJobs)
	window := opts.Window
	if window < 1 || window > 4*MaxJobs+4 {
		window = 4*jobs + 4
	}

	type job struct {
		seq int
		it  *item
	}
	type result struct {
		seq  int
		doc  Document // without its text
		val  R
		err  error
		held int64 // bytes of the budget held until consumed
		keep bool  // Unordered: consumed in input order (InOrder)
	}

	// stop ends reading early: on cancellation or a consumer's error.
	stopCtx, stop := context.WithCancel(ctx)
	defer stop()
	var dropped atomic.Bool // a consumer's error: work on nothing more

	slots := make(chan struct{}, window)
	budget := newByteBudget(opts.MaxBytesInFlight)
	in := make(chan job, window)
	out := make(chan result, window)

	go func() {
		defer close(in)
		seq := 0
		reserve := func(n int64) bool { return budget.acquire(stopCtx, n) }
		walkReserve(stopCtx, inputs, ropts, false, reserve, func(it *item) error {
			if stopCtx.Err() != nil {
				budget.release(it.reserved)
				return errStop
			}
			select {
			case slots <- struct{}{}:
			case <-stopCtx.Done():
				budget.release(it.reserved)
				return errStop
			}
			extra := max(it.size-it.reserved, 0)
			if !budget.acquire(stopCtx, extra) {
				budget.release(it.reserved)
				<-slots
				return errStop
			}
			it.reserved += extra
			in <- job{seq: seq, it: it}
			seq++
			return nil
		})
	}()

	process := func(j job) (r result) {
		r = result{seq: j.seq, doc: Document{ID: j.it.id, Bytes: j.it.size}, held: j.it.reserved}
		defer func() {
			if p := recover(); p != nil {
				var zero R
				r.val, r.err = zero, internalError(p)
			}
		}()
		doc := j.it.decode(ropts)
		j.it.data = nil
		r.doc = doc
		r.doc.Text = ""
		if opts.Unordered && opts.InOrder != nil {
			r.keep = opts.InOrder(doc)
		}
		switch {
		case doc.Err != nil:
			r.err = doc.Err
		case dropped.Load():
			r.err = errStop
		default:
			r.val, r.err = work(doc)
		}
		return r
	}

	// Workers finish every document read, also after cancellation (so
	// that the documents consumed are those read, whatever the order they
	// finish in), but do not wait for the reader to return: it may be
	// blocked in a read that nothing interrupts (a terminal).
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				var j job
				var ok bool
				select {
				case j, ok = <-in:
				case <-stopCtx.Done():
					select { // what was read, without waiting for more
					case j, ok = <-in:
					default:
					}
				}
				if !ok {
					return
				}
				out <- process(j)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()

	var cerr error // the first error of consume or Idle
	fail := func(err error) {
		cerr = err
		dropped.Store(true)
		stop()
	}
	deliver := func(r result) {
		if cerr == nil {
			if err := consume(r.doc, r.val, r.err); err != nil {
				fail(err)
			}
		}
		<-slots
		budget.release(r.held)
	}
	// pending holds results waiting for their turn: all of them in input
	// order; only those to keep in order (InOrder) with Unordered.
	pending := map[int]result{}
	arrived := map[int]bool{} // Unordered: seqs received beyond next
	next := 0
	for r := range out {
		if opts.Unordered {
			if !r.keep {
				deliver(r)
			} else {
				pending[r.seq] = r
			}
			arrived[r.seq] = true
			for arrived[next] {
				delete(arrived, next)
				if p, ok := pending[next]; ok {
					delete(pending, next)
					deliver(p)
				}
				next++
			}
		} else {
			pending[r.seq] = r
			for {
				p, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				deliver(p)
			}
		}
		if len(out) == 0 && cerr == nil && opts.Idle != nil {
			if err := opts.Idle(); err != nil {
				fail(err)
			}
		}
	}
	if opts.Unordered { // after cancellation: the rest, in input order
		for _, seq := range slices.Sorted(maps.Keys(pending)) {
			deliver(pending[seq])
		}
	}
	if cerr != nil {
		return cerr
	}
	return ctx.Err()
}

// call runs work on doc, turning a panic into an error so that one bad
// document cannot take the batch down (Map's workers do the same).
func call[R any](work func(Document) (R, error), doc Document) (r R, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = internalError(p)
		}
	}()
	return work(doc)
}

// internalError is the error a panic becomes.
func internalError(p any) error { return fmt.Errorf("internal error: %v", p) }
