package extract

import (
	"fmt"

	"github.com/tongbao/tongbao/segment"
)

// docContext is the per-document state the stages share: the
// configuration, the text as code points, and the resources, intermediate
// results computed once on first use whatever types are wanted. A stage
// reads a resource through its accessor (d.Tokens, d.timeSpans, findOrgs,
// d.placeIndex), never by calling another stage.
type docContext struct {
	config
	runes []rune
	// scratch holds the buffers of this extraction (nil once NewDocument
	// has returned, or in a Document built by hand).
	scratch *docScratch

	seg    *segment.Segmenter // the segmenter of every word and lookup
	segErr error
	segSet bool

	tokens  []segment.Token
	segDone bool
	// tokensInScratch: tokens is the scratch's buffer, taken back when
	// NewDocument returns.
	tokensInScratch bool

	times     []timeSpan
	timesDone bool
	// timesInScratch: times is the scratch's buffer, taken back when
	// NewDocument returns.
	timesInScratch bool

	// orgSpans caches findOrgs.
	orgSpans []orgSpan
	orgsDone bool

	// placeRuns holds the places found, merged runs included, by start
	// (see placeAt), and which of them are mentions (not inside an
	// organization name); placesDone is set once extractPlaces has run.
	placeRuns  placeList
	placesDone bool
}

// Resources of the context.
const (
	resTokens    = "tokens"
	resTimeSpans = "time_spans"
	resOrgSpans  = "org_spans"
	resPlaces    = "places"
	resGazetteer = "gazetteer"
)

// resource is an intermediate result of the context: what it needs (other
// resources, or fields earlier stages produce) and how to compute it,
// returning the load error of a dictionary or the gazetteer.
type resource struct {
	name   string
	needs  []string
	ensure func(d *Document) error
	// load loads the data the resource reads, once per process (Preload);
	// nil when it reads none.
	load func() error
}

var resources = []resource{
	{name: resTokens, ensure: func(d *Document) error {
		if _, err := d.segmenter(); err != nil {
			return err
		}
		d.Tokens()
		return nil
	}, load: loadSegmenter},
	{name: resTimeSpans, ensure: func(d *Document) error { d.timeSpans(); return nil }, load: loadTimeData},
	{name: resGazetteer, ensure: func(*Document) error {
		if _, err := places(); err != nil {
			return fmt.Errorf("extract: loading the gazetteer: %w", err)
		}
		return nil
	}, load: loadPlaceData},
	{name: resOrgSpans, needs: []string{resTokens, resGazetteer}, ensure: func(d *Document) error {
		findOrgs(d)
		return nil
	}, load: loadOrgData},
	{name: resPlaces, needs: []string{resTokens, resOrgSpans, resGazetteer, fieldRef, fieldTitle, fieldByline, fieldHome}, ensure: func(d *Document) error {
		d.placeIndex()
		return nil
	}},
}

// resourceNamed returns the resource called name, or nil.
func resourceNamed(name string) *resource {
	for i := range resources {
		if resources[i].name == name {
			return &resources[i]
		}
	}
	return nil
}

// ensure computes the resources among needs, and what they need, and
// returns the first load error.
func (d *Document) ensure(needs []string) error {
	for _, n := range needs {
		r := resourceNamed(n)
		if r == nil {
			continue // a field of an earlier stage
		}
		if err := d.ensure(r.needs); err != nil {
			return err
		}
		if err := r.ensure(d); err != nil {
			return err
		}
	}
	return nil
}

// segmenter returns the document's segmenter: the one given by
// WithSegmenter, else segment.Default().
func (d *Document) segmenter() (*segment.Segmenter, error) {
	if !d.segSet {
		d.segSet = true
		d.seg = d.userSeg
		if d.seg == nil {
			if d.seg, d.segErr = segment.Default(); d.segErr != nil {
				d.segErr = fmt.Errorf("extract: loading the dictionary: %w", d.segErr)
			}
		}
	}
	return d.seg, d.segErr
}

// Tokens returns the segmentation of the text, in precise mode with the
// document's segmenter, computed once on first use (nil when the
// dictionary cannot be loaded: NewDocument reports that error).
func (d *Document) Tokens() []segment.Token {
	if !d.segDone {
		d.segDone = true
		if s, err := d.segmenter(); err == nil {
			if sc := d.scratch; sc != nil && !d.keepTokens {
				d.tokens = s.AppendSegment(sc.tokens, d.Text, segment.Precise)
				d.tokensInScratch = true
			} else {
				d.tokens = s.Segment(d.Text, segment.Precise)
			}
		}
	}
	return d.tokens
}

// lookup returns the frequency and tag of word in the dictionaries of the
// document's segmenter, and whether it is a word there.
func (d *Document) lookup(word string) (freq float64, pos string, ok bool) {
	s, err := d.segmenter()
	if err != nil {
		return 0, "", false
	}
	return s.Lookup(word)
}

// timeSpans returns the spans of the time scanner, computed once.
func (d *Document) timeSpans() []timeSpan {
	if !d.timesDone {
		d.times, d.timesDone = scanTimes(d, d.runes), true
	}
	return d.times
}

// placeIndex returns the places of the document by start, computed once
// by extractPlaces (which also sets d.Places and d.Home).
func (d *Document) placeIndex() *placeList {
	if !d.placesDone {
		d.placesDone = true
		extractPlaces(d)
	}
	return &d.placeRuns
}

// runPlaces is the place stage: the place mentions of the context.
func runPlaces(d *Document) {
	pl := d.placeIndex()
	for _, k := range pl.out {
		d.addWithText(pl.all[k]) // runMention set the text
	}
}

// wordAt reports whether rs[i:] starts with w, and the length of w in code
// points: a comparison in place, where string(rs[i:i+n]) == w would build
// a string.
func wordAt(rs []rune, i int, w string) (int, bool) {
	n := 0
	for _, r := range w {
		if i+n >= len(rs) || rs[i+n] != r {
			return 0, false
		}
		n++
	}
	return n, true
}
