package eval

import (
	"unicode/utf8"

	"github.com/tongbao/tongbao/segment"
)

// Segmentation returns a system whose mentions are the words cut finds,
// as Word spans.
func Segmentation(name string, cut func(string) []segment.Token) System {
	return System{Name: name, Find: func(d *Doc) ([]Span, error) {
		toks := cut(d.Text)
		out := make([]Span, len(toks))
		for i, t := range toks {
			out[i] = Span{Word, t.Start, t.End}
		}
		return out, nil
	}}
}

// SegmentationSystems returns one system per mode of tongbao's segmenter
// (segment.Default): "precise", "precise+hmm", "search" and "full"
// (search and full emit overlapping tokens, which lowers their precision),
// and with baseline also "gse" (plain gse Cut, its embedded zh_s
// dictionary, no HMM).
func SegmentationSystems(baseline bool) ([]System, error) {
	seg, err := segment.Default()
	if err != nil {
		return nil, err
	}
	hmm, err := segment.New(segment.WithHMM(true))
	if err != nil {
		return nil, err
	}
	mode := func(m segment.Mode) func(string) []segment.Token {
		return func(text string) []segment.Token { return seg.Segment(text, m) }
	}
	systems := []System{
		Segmentation("precise", mode(segment.Precise)),
		Segmentation("precise+hmm", hmm.Cut),
		Segmentation("search", mode(segment.Search)),
		Segmentation("full", mode(segment.Full)),
	}
	if baseline {
		if err := loadBaseline(); err != nil {
			return nil, err
		}
		systems = append(systems, Segmentation("gse", func(text string) []segment.Token {
			words := baseSeg.Cut(text)
			out := make([]segment.Token, 0, len(words))
			pos := 0
			for _, w := range words {
				n := utf8.RuneCountInString(w)
				out = append(out, segment.Token{Text: w, Start: pos, End: pos + n})
				pos += n
			}
			return out
		}))
	}
	return systems, nil
}
