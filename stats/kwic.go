package stats

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Span is a match in code points of the text, End exclusive.
type Span struct{ Start, End int }

// Line is one keyword-in-context line. Left and Right are the context
// before and after the match, with line breaks and tabs shown as spaces.
type Line struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Left  string `json:"left"`
	Match string `json:"text"` // the text at [Start, End)
	Right string `json:"right"`
}

// TermSpans returns where term occurs as a whole sequence of tokens (it
// starts at the start of a token and ends at the end of one).
func TermSpans(tokens []segment.Token, term string) []Span {
	var out []Span
	if term == "" {
		return nil
	}
	for i := range tokens {
		rest := term
		for j := i; j < len(tokens) && strings.HasPrefix(rest, tokens[j].Text) && tokens[j].Text != ""; j++ {
			rest = rest[len(tokens[j].Text):]
			if rest == "" {
				out = append(out, Span{tokens[i].Start, tokens[j].End})
				break
			}
		}
	}
	return out
}

// SubstringSpans returns every occurrence of term in text, whether or not
// it starts and ends at word boundaries (non-overlapping, left to right).
func SubstringSpans(text, term string) []Span {
	var out []Span
	if term == "" {
		return nil
	}
	n := utf8.RuneCountInString(term)
	pos, runes := 0, 0 // byte offset searched from, and its rune offset
	for {
		i := strings.Index(text[pos:], term)
		if i < 0 {
			return out
		}
		runes += utf8.RuneCountInString(text[pos : pos+i])
		out = append(out, Span{runes, runes + n})
		runes += n
		pos += i + len(term)
	}
}

// RegexpTextSpans returns every match of re in text, whether or not it
// starts and ends at word boundaries (left to right, as
// FindAllStringIndex; empty matches left out), in code points.
func RegexpTextSpans(text string, re *regexp.Regexp) []Span {
	var out []Span
	b, r := 0, 0 // byte offset and its rune offset, moving forward only
	for _, m := range re.FindAllStringIndex(text, -1) {
		if m[1] == m[0] {
			continue
		}
		r += utf8.RuneCountInString(text[b:m[0]])
		start := r
		r += utf8.RuneCountInString(text[m[0]:m[1]])
		b = m[1]
		out = append(out, Span{Start: start, End: r})
	}
	return out
}

// RegexpSpans returns the tokens whose text re matches (anywhere in the
// token; anchor the pattern with ^ and $ for whole tokens).
func RegexpSpans(tokens []segment.Token, re *regexp.Regexp) []Span {
	var out []Span
	for _, t := range tokens {
		if re.MatchString(t.Text) {
			out = append(out, Span{t.Start, t.End})
		}
	}
	return out
}

// KWICOptions sets the context window.
type KWICOptions struct {
	// Window is the context size on each side: tokens, or code points when
	// Chars is set.
	Window int
	Chars  bool
}

var contextSpace = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\t", " ")

// KWIC builds a concordance line for each span of the text (runes, as
// segmented into tokens), in span order.
func KWIC(id string, runes []rune, tokens []segment.Token, spans []Span, opts KWICOptions) []Line {
	out := make([]Line, 0, len(spans))
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(runes) || sp.Start > sp.End {
			continue
		}
		var l, r int
		if opts.Chars {
			l, r = max(0, sp.Start-opts.Window), min(len(runes), sp.End+opts.Window)
		} else {
			// first token ending after the match start, first token
			// starting at or after the match end
			i := sort.Search(len(tokens), func(k int) bool { return tokens[k].End > sp.Start })
			j := sort.Search(len(tokens), func(k int) bool { return tokens[k].Start >= sp.End })
			l, r = sp.Start, sp.End
			if i-opts.Window >= 0 && i-opts.Window < len(tokens) {
				l = tokens[i-opts.Window].Start
			} else if i > 0 {
				l = 0
			}
			if opts.Window > 0 {
				if j+opts.Window-1 < len(tokens) {
					r = tokens[j+opts.Window-1].End
				} else {
					r = len(runes)
				}
			}
			l, r = min(l, sp.Start), max(r, sp.End)
		}
		out = append(out, Line{
			ID: id, Start: sp.Start, End: sp.End,
			Left:  contextSpace.Replace(string(runes[l:sp.Start])),
			Match: string(runes[sp.Start:sp.End]),
			Right: contextSpace.Replace(string(runes[sp.End:r])),
		})
	}
	return out
}
