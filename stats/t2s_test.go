package stats

import (
	"os"
	"testing"

	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/zhconv"
)

// TestCountT2S counts the terms of paragraphs of the 1954 report in
// Traditional characters: converted, in their Simplified form.
func TestCountT2S(t *testing.T) {
	b, err := os.ReadFile("../zhconv/testdata/1954-traditional.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := corpus.Document{ID: "1954", Text: string(b)}
	c, err := NewCounter("word", &Filter{MinLen: 2, Stopwords: DefaultStopwords()}, nil)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := c.Count(doc)
	if err != nil {
		t.Fatal(err)
	}
	c.T2S = zhconv.Auto
	conv, err := c.Count(doc)
	if err != nil {
		t.Fatal(err)
	}
	if conv.Terms["国家机关"] == 0 || conv.Terms["經濟"] != 0 || conv.Terms["经济"] == 0 {
		t.Errorf("converted: 国家机关 %d, 經濟 %d, 经济 %d", conv.Terms["国家机关"], conv.Terms["經濟"], conv.Terms["经济"])
	}
	if plain.Terms["国家机关"] != 0 {
		t.Error("without conversion, a Simplified term is counted")
	}
	if conv.Chars != plain.Chars {
		t.Errorf("characters %d, want %d", conv.Chars, plain.Chars)
	}
	// a simplified document counts the same either way
	s := corpus.Document{ID: "s", Text: "县人大常委会召开党史学习教育动员大会，推进经济发展。"}
	a, _ := c.Count(s)
	c.T2S = zhconv.Never
	n, _ := c.Count(s)
	if len(a.Terms) != len(n.Terms) || a.Terms["经济"] != n.Terms["经济"] {
		t.Errorf("Auto changed a simplified document's counts: %v, %v", a.Terms, n.Terms)
	}
}
