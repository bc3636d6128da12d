package stats

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/corpus"
)

func TestCounter(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := corpus.Document{ID: "sample", Text: string(b)}
	g, err := NewGrouper(nil)
	if err != nil {
		t.Fatal(err)
	}
	words, err := NewCounter("word", &Filter{Stopwords: DefaultStopwords()}, g)
	if err != nil {
		t.Fatal(err)
	}
	c, err := words.Count(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Grouped || c.Terms["党史学习教育"] < 10 || c.Terms["的"] != 0 {
		t.Errorf("word counts: grouped %v, 党史学习教育 %d (want >= 10), 的 %d (a stopword, want 0)", c.Grouped, c.Terms["党史学习教育"], c.Terms["的"])
	}
	slogans, err := NewCounter("slogan", &Filter{}, g)
	if err != nil {
		t.Fatal(err)
	}
	if c, err = slogans.Count(doc); err != nil {
		t.Fatal(err)
	}
	if c.Terms["三会一课"] != 2 {
		t.Errorf("slogan counts: 三会一课 %d, want 2 (%v)", c.Terms["三会一课"], c.Terms)
	}
	if _, err := NewCounter("weather", &Filter{}, g); err == nil {
		t.Error("unknown unit accepted")
	}
	if _, err := NewCounter("person", &Filter{POS: []string{"n"}}, g); err == nil {
		t.Error("a POS filter on the person unit accepted")
	}
}
