package extract

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/tongbao/tongbao/zhconv"
)

// WithT2S converts a Traditional Chinese text to Simplified before the
// extractors run (zhconv.Auto: when zhconv.IsTraditional says it is;
// zhconv.Always; zhconv.Never, the default). The lexicons, the gazetteer
// and the segmenter's dictionary are Simplified: on the text as written,
// a Traditional text yields little. Every mention, section and byline
// then gives the text and offsets of the original (the title too, when it
// is a line of the text); the values that normalize (a time's value, a
// place's path and canonical name, entity names, titles, objects) stay
// Simplified, so Traditional and Simplified documents count alike.
func WithT2S(m zhconv.Mode) Option { return func(c *config) { c.t2s = m } }

// withoutT2S is WithT2S(zhconv.Never), made once.
var withoutT2S = WithT2S(zhconv.Never)

// t2sOf returns the conversion mode the options set.
func t2sOf(opts []Option) zhconv.Mode {
	c := optionsConfig(opts)
	m := c.t2s
	putConfig(c)
	return m
}

// configPool holds the configs t2sOf and convertT2S read options into and
// let go at once (an option is a function of a *config: a config it is
// applied to lives on the heap).
var configPool = sync.Pool{New: func() any { return new(config) }}

// optionsConfig returns a pooled config with opts applied; putConfig gives
// it back.
func optionsConfig(opts []Option) *config {
	c := configPool.Get().(*config)
	for _, o := range opts {
		if o != nil {
			o(c)
		}
	}
	return c
}

func putConfig(c *config) {
	*c = config{}
	configPool.Put(c)
}

// convertT2S converts text as the options say: x is nil when the text is
// analysed as it is; opts are then the options to analyse the converted
// text with (no second conversion, the trace mapped back).
func convertT2S(text string, opts []Option) (x *zhconv.Text, out []Option, err error) {
	m := t2sOf(opts)
	if m == zhconv.Never {
		return nil, opts, nil
	}
	x, err = m.Apply(text)
	if err != nil || x == nil {
		return nil, append(opts[:len(opts):len(opts)], withoutT2S), err
	}
	out = append(opts[:len(opts):len(opts)], withoutT2S)
	c := optionsConfig(opts)
	trace := c.trace
	putConfig(c)
	if trace != nil {
		out = append(out, WithTrace(func(e TraceEvent) {
			e.Start, e.End, e.Text = spanT2S(x, e.Start, e.End, e.Text)
			trace(e)
		}))
	}
	return x, out, nil
}

// spanT2S maps a span of the converted text to the original: its offsets
// and its text. An empty span stays empty (a trace event about the whole
// document has none).
func spanT2S(x *zhconv.Text, start, end int, text string) (int, int, string) {
	if start >= end {
		s := x.Boundary(start)
		return s, s, text
	}
	s, e := x.Span(start, end)
	return s, e, x.Substring(s, e)
}

// newDocumentT2S is NewDocument for options that ask for conversion.
func newDocumentT2S(text string, opts []Option) (*Document, error) {
	x, topts, err := convertT2S(text, opts)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return NewDocument(text, topts...)
	}
	d, err := NewDocument(x.Simplified, topts...)
	if err != nil {
		return nil, err
	}
	mentionsT2S(x, d.Mentions)
	documentT2S(x, d)
	return d, nil
}

// streamT2S is NewDocumentStream for options that ask for conversion.
func streamT2S(text string, window int, emit func([]Mention) error, opts []Option) (*Document, error) {
	x, topts, err := convertT2S(text, opts)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return NewDocumentStream(text, window, emit, topts...)
	}
	d, err := NewDocumentStream(x.Simplified, window, func(ms []Mention) error {
		mentionsT2S(x, ms)
		return emit(ms)
	}, topts...)
	if err != nil {
		return nil, err
	}
	documentT2S(x, d)
	return d, nil
}

// mentionsT2S maps mentions of the converted text to the original.
func mentionsT2S(x *zhconv.Text, ms []Mention) {
	for i := range ms {
		m := &ms[i]
		m.Start, m.End, m.Text = spanT2S(x, m.Start, m.End, m.Text)
	}
}

// documentT2S maps the document-level fields of d, found in the converted
// text, to the original (mentions apart: see mentionsT2S).
func documentT2S(x *zhconv.Text, d *Document) {
	for i := range d.Sections {
		s := &d.Sections[i]
		s.Start, s.End, s.Text = spanT2S(x, s.Start, s.End, s.Text)
	}
	if b := d.Byline; b != nil && b.End > b.Start {
		b.Start, b.End, b.Text = spanT2S(x, b.Start, b.End, b.Text)
	}
	for _, es := range [][]Entity{d.People, d.Places, d.Orgs} {
		for i := range es {
			es[i].First = x.Boundary(es[i].First)
		}
	}
	if d.Title != nil && *d.Title != "" {
		// a title that is a line of the text is given as written there
		if i := strings.Index(x.Simplified, *d.Title); i >= 0 {
			start := utf8.RuneCountInString(x.Simplified[:i])
			s, e := x.Span(start, start+utf8.RuneCountInString(*d.Title))
			t := x.Substring(s, e)
			d.Title = &t
		}
	}
	d.Text = x.Original
}
