package eval

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/go-ego/gse/hmm/pos"

	"github.com/tongbao/tongbao/segment"
)

// Baseline returns the "gse alone" system: the gold corpora's own mention
// definitions applied to the part-of-speech tags of plain gse: its
// jieba-style tagger (gse/hmm/pos, HMM on) over its embedded zh_s
// dictionary, none of tongbao's tuning. person is a maximal run of nr*
// tokens (nr, nrfg, nrt), place of ns, org of nt, time of t, and count a
// maximal run of m tokens directly followed by a run of q tokens, mapped
// to the guideline as the PD1998 reader maps its gold (ordinals dropped,
// durations made times). It finds no book titles.
func Baseline() (System, error) {
	if err := loadBaseline(); err != nil {
		return System{}, err
	}
	return System{Name: "baseline", Find: func(d *Doc) ([]Span, error) {
		return BaselineSpans(GseTokens(d.Text)), nil
	}}, nil
}

var (
	baseOnce sync.Once
	baseSeg  gse.Segmenter
	basePos  pos.Segmenter
	baseErr  error
)

// loadBaseline loads plain gse's embedded dictionary once.
func loadBaseline() error {
	baseOnce.Do(func() {
		baseSeg.SkipLog = true
		baseErr = baseSeg.LoadDictEmbed("zh_s")
		basePos.WithGse(baseSeg)
	})
	return baseErr
}

// GseTokens tags text with plain gse's part-of-speech tagger (HMM on) and
// returns the tokens with code-point offsets into text, their text as
// written in text.
func GseTokens(text string) []segment.Token {
	if err := loadBaseline(); err != nil {
		return nil
	}
	rs := []rune(text)
	ps := basePos.Cut(text, true)
	out := make([]segment.Token, 0, len(ps))
	at := 0
	for _, p := range ps {
		n := utf8.RuneCountInString(p.Text)
		if at+n > len(rs) {
			break
		}
		out = append(out, segment.Token{Text: string(rs[at : at+n]), Start: at, End: at + n, Pos: p.Pos})
		at += n
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
		units[i] = pdUnit{tag: baselineTag(t.Pos), start: t.Start, end: t.End, word: t.Text}
	}
	out := unitRuns(units)
	SortSpans(out)
	return out
}
