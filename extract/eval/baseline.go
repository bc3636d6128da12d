package eval

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"

	"github.com/tongbao/tongbao/segment"
)

// Baseline returns the "gse alone" system: the gold corpora's own mention
// definitions applied to the part-of-speech tags of plain gse (its embedded
// zh_s dictionary, precise mode, none of tongbao's tuning). person is a
// maximal run of nr* tokens (nr, nrfg, nrt), place of ns, org of nt, time
// of t, and count a maximal run of m tokens directly followed by a run of q
// tokens. It finds no book titles.
func Baseline() (System, error) {
	if err := loadBaseline(); err != nil {
		return System{}, err
	}
	return System{Name: "baseline", Find: func(d *Doc) ([]Span, error) {
		return BaselineSpans(GseTokens(&baseSeg, d.Text)), nil
	}}, nil
}

var (
	baseOnce sync.Once
	baseSeg  gse.Segmenter
	baseErr  error
)

// loadBaseline loads plain gse's embedded dictionary once.
func loadBaseline() error {
	baseOnce.Do(func() {
		baseSeg.SkipLog = true
		baseErr = baseSeg.LoadDictEmbed("zh_s")
	})
	return baseErr
}

// GseTokens tags text with gse's Pos and returns the tokens with
// code-point offsets into text, their text as written in text.
func GseTokens(seg *gse.Segmenter, text string) []segment.Token {
	rs := []rune(text)
	ps := seg.Pos(text)
	out := make([]segment.Token, 0, len(ps))
	pos := 0
	for _, p := range ps {
		n := utf8.RuneCountInString(p.Text)
		if pos+n > len(rs) {
			break
		}
		out = append(out, segment.Token{Text: string(rs[pos : pos+n]), Start: pos, End: pos + n, Pos: p.Pos})
		pos += n
	}
	return out
}

// baselineTag maps a gse tag to the run class it belongs to.
func baselineTag(pos string) string {
	switch {
	case strings.HasPrefix(pos, "nr"):
		return "nr"
	case pos == "ns", pos == "nt", pos == "t", pos == "m", pos == "q":
		return pos
	}
	return ""
}

// BaselineSpans applies the baseline definitions to tagged tokens.
func BaselineSpans(toks []segment.Token) []Span {
	units := make([]pdUnit, len(toks))
	for i, t := range toks {
		units[i] = pdUnit{tag: baselineTag(t.Pos), start: t.Start, end: t.End}
	}
	out := unitRuns(units)
	SortSpans(out)
	return out
}
