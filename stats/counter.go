package stats

import (
	"fmt"
	"strings"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Units are the kinds of term a Counter can count: words, or the mentions
// of an extracted type.
var Units = append([]string{"word"}, extract.Types...)

// Counted is what a Counter makes of one document.
type Counted struct {
	Group   string
	Grouped bool // false: the grouper found no group; leave the document out
	Terms   map[string]int
	POS     map[string]map[string]int
	Tokens  []segment.Token // word unit only, when KeepTokens
	Chars   int
}

// Counter is the per-document work of every term statistic: it groups a
// document and counts its terms. The same Counter serves the tongbao
// commands and the Beam pipeline, so that both count alike. It is safe for
// concurrent use once configured.
type Counter struct {
	Filter     *Filter
	Grouper    *Grouper
	Unit       string
	KeepTokens bool // keep the tokens of the word unit in Counted
	POS        bool // count parts of speech too
	seg        *segment.Segmenter

	// T2S converts a Traditional Chinese document to Simplified before
	// counting (zhconv.Auto: when it is Traditional): terms are counted
	// in their Simplified form, so that a term counts alike in both
	// scripts, and the stopword list applies.
	T2S zhconv.Mode
}

// NewCounter returns a Counter of unit (one of Units) with the filter and
// grouper given, over the default segmenter.
func NewCounter(unit string, f *Filter, g *Grouper) (*Counter, error) {
	ok := false
	for _, u := range Units {
		ok = ok || u == unit
	}
	if !ok {
		return nil, fmt.Errorf("unit %q: want one of %s", unit, strings.Join(Units, ", "))
	}
	if unit != "word" && f != nil && len(f.POS) > 0 {
		return nil, fmt.Errorf("a part-of-speech filter applies to the word unit only, not %q", unit)
	}
	seg, err := segment.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the segmenter: %w", err)
	}
	return &Counter{Filter: f, Grouper: g, Unit: unit, seg: seg}, nil
}

// Count groups one document and counts its terms.
func (c *Counter) Count(doc corpus.Document) (*Counted, error) {
	if c.T2S != zhconv.Never {
		x, err := c.T2S.Apply(doc.Text)
		if err != nil {
			return nil, err
		}
		if x != nil {
			doc.Text = x.Simplified
		}
	}
	out := &Counted{Chars: len([]rune(doc.Text))}
	home := ""
	var ext *extract.Document
	if c.Unit != "word" || c.Grouper.HomeNeeded() {
		types := []string{}
		if c.Unit != "word" {
			types = append(types, c.Unit)
		}
		if c.Grouper.HomeNeeded() {
			types = append(types, extract.TypePlace)
		}
		d, err := extract.NewDocument(doc.Text, extract.WithTypes(types...), extract.WithID(doc.ID),
			extract.WithMeta(doc.Meta), extract.WithSegmenter(c.seg), extract.WithTokens())
		if err != nil {
			return nil, err
		}
		ext = d
		if d.Home != nil {
			home = d.Home.Name
		}
	}
	out.Group, out.Grouped = c.Grouper.Group(doc.ID, doc.Meta, home)
	if !out.Grouped {
		return out, nil
	}
	if c.Unit == "word" {
		toks := c.seg.Cut(doc.Text)
		out.Terms = DocTerms(toks, c.Filter)
		if c.POS {
			out.POS = DocPOS(toks, c.Filter)
		}
		if c.KeepTokens {
			out.Tokens = toks
		}
		return out, nil
	}
	out.Terms = CountTerms(MentionTerms(ext.Mentions, c.Unit), c.Filter)
	if c.POS {
		out.POS = map[string]map[string]int{}
		for w, n := range out.Terms {
			out.POS[w] = map[string]int{c.Unit: n}
		}
	}
	return out, nil
}
