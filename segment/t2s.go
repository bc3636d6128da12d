package segment

import "github.com/tongbao/tongbao/zhconv"

// CutT2S cuts text as Cut does, converting it from Traditional to
// Simplified Chinese first as m says (zhconv.Auto: when it is
// Traditional): the dictionary is Simplified, and a Traditional text cut
// as written falls apart into single characters. The tokens give the text
// and offsets of the original (see FromConverted). The error is that of
// the conversion tables, which are embedded and do not fail in practice.
func (s *Segmenter) CutT2S(text string, m zhconv.Mode) ([]Token, error) {
	x, err := m.Apply(text)
	if err != nil {
		return nil, err
	}
	if x == nil {
		return s.Cut(text), nil
	}
	return FromConverted(s.Cut(x.Simplified), x), nil
}

// FromConverted maps tokens of x.Simplified to x.Original, in place: each
// token gets the original's offsets and text. Offsets map monotonically,
// so tokens that tile the converted text tile the original; a token left
// empty (inside a replacement that made the text longer) is dropped. x nil
// leaves toks as they are.
func FromConverted(toks []Token, x *zhconv.Text) []Token {
	if x == nil {
		return toks
	}
	out := toks[:0]
	for _, t := range toks {
		t.Start, t.End = x.Boundary(t.Start), x.Boundary(t.End)
		if t.End <= t.Start {
			continue
		}
		t.Text = x.Substring(t.Start, t.End)
		out = append(out, t)
	}
	return out
}
