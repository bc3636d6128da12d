package extract

// The place stage and its lexicon on the State Council's paragraphs
// (scParagraphs).

import "testing"

// BenchmarkPlaceLexiconSC looks up the place lexicon at every position of
// the State Council's paragraphs, Longest and Prefixes:
//
//	go test ./extract -run XXX -bench PlaceLexiconSC -benchtime 20x
func BenchmarkPlaceLexiconSC(b *testing.B) {
	ps := scParagraphs(b)
	px, err := places()
	if err != nil {
		b.Fatal(err)
	}
	texts := make([][]rune, len(ps))
	for i, p := range ps {
		texts[i] = []rune(p)
	}
	n := 0
	cpuLoop(b, func() {
		for _, rs := range texts {
			for i := range rs {
				k, _ := px.lex.Longest(rs, i)
				n += k
				px.lex.Prefixes(rs, i, func(k int, _ placeVal) { n += k })
			}
		}
	})
}

// BenchmarkPlaceStageSC times the place stage alone on the State Council's
// paragraphs, already segmented (with the home each document had after
// its first run, so that findHome has nothing to do):
//
//	go test ./extract -run XXX -bench PlaceStageSC -benchtime 5x
func BenchmarkPlaceStageSC(b *testing.B) {
	ps := scParagraphs(b)
	var docs []*Document
	var homes []*Home
	for _, p := range ps {
		d, err := NewDocument(p, WithTypes(TypePlace))
		if err != nil {
			b.Fatal(err)
		}
		d.Tokens()
		findOrgs(d)
		docs = append(docs, d)
		homes = append(homes, d.Home)
	}
	sc := new(docScratch) // the pipeline's buffers, reused from one document to the next
	cpuLoop(b, func() {
		for k, d := range docs {
			sc.ints.n, sc.int32s.n, sc.bools.n = 0, 0, 0
			d.scratch, d.Home, d.Places, d.placeRuns = sc, homes[k], nil, placeList{}
			extractPlaces(d)
		}
	})
}
