package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// scParagraphs returns the non-empty lines of the State Council's work
// reports, the paragraphs of the JSONL workload.
func scParagraphs(b *testing.B) []string {
	files, _ := filepath.Glob("../../shared/corpora/gov-work-reports/state-council/*.md")
	if len(files) == 0 {
		b.Skip("the work reports are absent: the benchmark needs ../shared next to the repository")
	}
	var out []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

// BenchmarkSCParagraphs runs the default types on the State Council's
// paragraphs, one document each, the shape of the JSONL workload:
//
//	go test ./extract -run XXX -bench SCParagraphs -benchtime 1x
func BenchmarkSCParagraphs(b *testing.B) {
	ps := scParagraphs(b)
	if _, err := NewDocument(ps[0]); err != nil {
		b.Fatal(err)
	}
	cpuLoop(b, func() {
		for _, p := range ps {
			if _, err := NewDocument(p); err != nil {
				b.Fatal(err)
			}
		}
	})
}

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
