package extract

import "testing"

// BenchmarkLexiconLongest scans PD1998 dev paragraphs with the place
// lexicon, the largest one, at every position.
func BenchmarkLexiconLongest(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	px, err := places()
	if err != nil {
		b.Fatal(err)
	}
	texts := make([][]rune, len(ps))
	for i, p := range ps {
		texts[i] = []rune(p)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ResetTimer()
	for range b.N {
		for _, rs := range texts {
			for i := range rs {
				px.lex.Longest(rs, i)
			}
		}
	}
}
