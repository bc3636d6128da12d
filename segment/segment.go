// Package segment splits Chinese text into words with gse
// (github.com/go-ego/gse), tuned for the language of government bulletins.
//
// The dictionary is embedded in the binary: no file is read at run time.
package segment

import (
	"sync"

	"github.com/go-ego/gse"
)

// Token is one word of the input. Start and End count Unicode code points
// of the input text, End exclusive, so runes[Start:End] is Text. Text is the
// input exactly as written (case and width kept).
type Token struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Pos   string `json:"pos,omitempty"`
}

// Segmenter cuts text into Tokens. It is safe for concurrent use.
type Segmenter struct {
	seg gse.Segmenter
}

var (
	defaultOnce sync.Once
	defaultSeg  *Segmenter
	defaultErr  error
)

// Default returns the shared Segmenter with the embedded dictionary and the
// government-domain lexicon, built once on first use.
func Default() (*Segmenter, error) {
	defaultOnce.Do(func() {
		s := &Segmenter{}
		s.seg.SkipLog = true
		defaultErr = s.seg.LoadDictEmbed("zh_s")
		defaultSeg = s
	})
	return defaultSeg, defaultErr
}

// Cut segments text in precise mode with part-of-speech tags.
func (s *Segmenter) Cut(text string) []Token {
	rs := []rune(text)
	var toks []Token
	pos := 0
	for _, p := range s.seg.Pos(text) {
		n := len([]rune(p.Text))
		toks = append(toks, Token{Text: string(rs[pos : pos+n]), Start: pos, End: pos + n, Pos: p.Pos})
		pos += n
	}
	return toks
}
