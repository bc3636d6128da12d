package extract

import (
	"math/rand"
	"strings"
	"testing"
)

// TestSloganLookupNormalizes checks that sloganLookup, which reads the
// normalized text without building it, finds what the lexicon holds for
// the text sloganNormalize writes: on every curated form as listed, and
// quoted, cut by separators and padded with them, and on random texts of
// form runes, quotes and separators.
func TestSloganLookupNormalizes(t *testing.T) {
	want := func(rs []rune) *sloganEntry {
		norm, _ := sloganNormalize(rs)
		e, _ := sloganLex.Get(string(norm))
		return e
	}
	var texts []string
	readWordList(slogansData, func(f []string) {
		forms := []string{strings.TrimPrefix(f[0], "~")}
		if len(f) > 2 && f[2] != "-" {
			forms = append(forms, strings.Split(f[2], "|")...)
		}
		for _, w := range forms {
			texts = append(texts, w, "“"+w+"”", "、"+w+"，", w+"、、", strings.ReplaceAll(w, "、", "，“"))
		}
	})
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("四个意识自信稳就业金融、，；“”\"'")
	for range 5000 {
		rs := make([]rune, rng.Intn(10))
		for i := range rs {
			rs[i] = alphabet[rng.Intn(len(alphabet))]
		}
		texts = append(texts, string(rs))
	}
	found := 0
	for _, s := range texts {
		rs := []rune(s)
		got, exp := sloganLookup(rs), want(rs)
		if got != exp {
			t.Fatalf("sloganLookup(%q) = %v, the lexicon word of its normal form %v", s, got, exp)
		}
		if got != nil {
			found++
		}
	}
	if found < len(texts)/10 {
		t.Errorf("only %d of %d texts found: the test reads no forms", found, len(texts))
	}
}
