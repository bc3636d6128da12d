package extract

import (
	"sync"

	"github.com/tongbao/tongbao/segment"
)

// docScratch holds the buffers one extraction works in and the next can
// reuse: the mentions being collected, and arrays of one entry per code
// point (token starts, covered positions, …). NewDocument takes a scratch
// from scratchPool and puts it back when it returns, so that a worker
// extracting document after document allocates these once rather than once
// per document. Nothing a scratch holds outlives the NewDocument call that
// took it: what the Document keeps is copied out first.
//
// A nil *docScratch (a Document built by hand, as in tests) hands out
// fresh slices.
type docScratch struct {
	mentions []Mention
	order    []int32 // the permutation that sorts mentions
	// sorted holds the sorted mentions a streaming extraction hands to its
	// callback (newDocument with emit).
	sorted []Mention
	ints   slabs[int]
	int32s slabs[int32]
	bools  slabs[bool]
	places placeScan       // the place stage's state, its hits kept for the next document
	tokens []segment.Token // the segmentation, unless the Document keeps it (WithTokens)
	times  []timeSpan      // the time spans (joinSpans), taken back from the Document
	person personCtx       // the person stage's state
	// countHits and countCand are scanCounts' hits and candidate.
	countHits []countHit
	countCand countCand
	countSkip [][2]int   // the spans runCounts skips
	metaLines []metaLine // the header lines of the metadata stage
	// sloganQuote and orgHead are the features of the quote and the token
	// the slogan and organization stages decide.
	sloganQuote sloganQuoteF
	orgHead     orgHeadF
	orgHeads    []orgHeadSpan // the heads findHeads finds
}

var scratchPool = sync.Pool{New: func() any { return new(docScratch) }}

// getScratch returns a scratch from the pool, empty.
func getScratch() *docScratch { return scratchPool.Get().(*docScratch) }

// release empties s, dropping the references its mentions hold, and puts it
// back in the pool.
func (s *docScratch) release() {
	if s == nil {
		return
	}
	clear(s.mentions) // the mentions past len were cleared before or never written
	s.mentions = s.mentions[:0]
	s.ints.n, s.int32s.n, s.bools.n = 0, 0, 0
	s.person = personCtx{}
	clear(s.countHits)
	s.countHits = s.countHits[:0]
	s.countCand = countCand{}
	s.sloganQuote, s.orgHead = sloganQuoteF{}, orgHeadF{}
	scratchPool.Put(s)
}

// intSlice returns n ints, each set to fill, valid until the scratch is
// released.
func (s *docScratch) intSlice(n, fill int) []int {
	if s == nil {
		return filled(make([]int, n), fill)
	}
	return filled(s.ints.get(n), fill)
}

// int32Slice returns n int32s, each set to fill, valid until the scratch
// is released.
func (s *docScratch) int32Slice(n int, fill int32) []int32 {
	if s == nil {
		return filled(make([]int32, n), fill)
	}
	return filled(s.int32s.get(n), fill)
}

// boolSlice returns n false bools, valid until the scratch is released.
func (s *docScratch) boolSlice(n int) []bool {
	if s == nil {
		return make([]bool, n)
	}
	return filled(s.bools.get(n), false)
}

// slabs are the buffers of one element type a scratch hands out, in
// order: the first n are in use.
type slabs[T any] struct {
	bufs [][]T
	n    int
}

// get returns the next buffer, of length n, its contents undefined.
func (s *slabs[T]) get(n int) []T {
	if s.n == len(s.bufs) {
		s.bufs = append(s.bufs, nil)
	}
	b := s.bufs[s.n]
	if cap(b) < n {
		b = make([]T, n)
		s.bufs[s.n] = b
	}
	s.n++
	return b[:n]
}

// filled sets every element of b to v and returns b.
func filled[T comparable](b []T, v T) []T {
	var zero T
	if v == zero {
		clear(b)
		return b
	}
	for i := range b {
		b[i] = v
	}
	return b
}
