package segment

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Engine selects the algorithm that cuts the text.
type Engine int

const (
	// Table, the default, finds the most probable path through the words of
	// gse's dictionary (the DAG method of gse's CutDAGNoHMM and of jieba),
	// over a pre-built table embedded in the binary: start-up costs
	// milliseconds.
	Table Engine = iota
	// GSE runs gse's own Segmenter (Segment, the shortest path by word
	// distance that gse's Cut uses; with WithHMM, gse's Cut(text, true)),
	// loaded from gse's embedded dictionary when the Segmenter is built:
	// start-up takes seconds. The domain lexicon and user words are loaded
	// into it too, ahead of gse's own entries. It supports the Precise mode
	// only, and user words cannot remove gse words.
	GSE
)

// String returns the engine's name: table or gse.
func (e Engine) String() string {
	if e == GSE {
		return "gse"
	}
	return "table"
}

// ParseEngine returns the Engine named s (table or gse).
func ParseEngine(s string) (Engine, error) {
	switch strings.ToLower(s) {
	case "table", "":
		return Table, nil
	case "gse":
		return GSE, nil
	}
	return 0, fmt.Errorf("segment: unknown engine %q (want table or gse)", s)
}

// WithEngine selects the algorithm (Table by default).
func WithEngine(e Engine) Option { return func(c *config) { c.engine = e } }

// gseEngine is gse's own Segmenter with the words added to ours.
type gseEngine struct {
	seg gse.Segmenter
}

// newGSE builds gse's Segmenter over its embedded simplified-Chinese
// dictionary, with extra ("word freq pos" lines) loaded first so that they
// take precedence.
func newGSE(extra []string) (*gseEngine, error) {
	g := &gseEngine{}
	g.seg.SkipLog = true
	g.seg.NotLoadHMM = true
	// gse keeps the first entry of a word: the extra words go in first,
	// while the dictionary is small, so that gse's full pass over its
	// tokens runs once, when its own dictionary is added.
	if len(extra) > 0 {
		if err := g.seg.LoadDictStr(strings.Join(extra, "\n")); err != nil {
			return nil, fmt.Errorf("segment: gse dictionary: %w", err)
		}
	}
	if err := g.seg.LoadDictEmbed("zh_s"); err != nil {
		return nil, fmt.Errorf("segment: gse dictionary: %w", err)
	}
	return g, nil
}

// gseLine formats a word for gse's dictionary format, or returns "" when
// gse's format cannot hold it (a word with a space).
func gseLine(word string, freq float64, pos string) string {
	if strings.ContainsAny(word, " \t") || freq <= 0 {
		return ""
	}
	l := word + " " + strconv.FormatFloat(freq, 'f', 0, 64)
	if pos != "" {
		l += " " + pos
	}
	return l
}

// cut segments text with gse, mapping gse's pieces back onto text so that
// tokens keep the text as written (gse lowercases ASCII letters) and cover
// it exactly.
func (g *gseEngine) cut(text string, hmm bool) []Token {
	if text == "" {
		return nil
	}
	var pieces []string
	var tags []string
	if hmm {
		pieces = g.seg.Cut(text, true)
	} else {
		for _, s := range g.seg.Segment([]byte(text)) {
			pieces = append(pieces, text[s.Start():s.End()])
			tags = append(tags, s.Token().Pos())
		}
	}
	toks := make([]Token, 0, len(pieces))
	at, runes := 0, 0 // byte and code point offsets in text
	emit := func(n int, pos string) {
		piece := text[at : at+n]
		k := utf8.RuneCountInString(piece)
		if pos == "" {
			pos = "x"
		}
		toks = append(toks, Token{Text: fixText(piece), Start: runes, End: runes + k, Pos: pos})
		at += n
		runes += k
	}
	for i, p := range pieces {
		if at+len(p) > len(text) || !strings.EqualFold(text[at:at+len(p)], p) {
			// gse dropped or changed something here: resynchronise on the
			// next occurrence of the piece, the skipped text as one token.
			j := strings.Index(strings.ToLower(text[at:]), strings.ToLower(p))
			if j < 0 {
				break
			}
			if j > 0 {
				emit(j, "x")
			}
		}
		pos := ""
		if i < len(tags) {
			pos = tags[i]
		} else if _, tg, ok := g.seg.Find(strings.ToLower(p)); ok {
			pos = tg
		}
		emit(len(p), pos)
	}
	if at < len(text) {
		emit(len(text)-at, "x")
	}
	return toks
}
