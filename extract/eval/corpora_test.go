package eval

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedCorpora returns the path of the shared corpora, or skips.
func sharedCorpora(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "corpora")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("../shared/corpora is absent (%v): the gold readers are not checked on the real corpora", err)
	}
	return dir
}

func readShared(t *testing.T, format string, parts ...string) []Doc {
	t.Helper()
	docs, err := ReadFiles(format, []string{filepath.Join(parts...)})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

type corpusTally struct {
	docs, chars int
	types       map[string]int
}

func tallyDocs(docs []Doc) corpusTally {
	c := corpusTally{docs: len(docs), types: map[string]int{}}
	for _, d := range docs {
		rs := []rune(d.Text)
		c.chars += len(rs)
		for _, g := range d.Gold {
			if g.Start < 0 || g.End > len(rs) || g.Start >= g.End {
				panic("span outside its text")
			}
			c.types[g.Type]++
		}
	}
	return c
}

// The figures below are those the corpora's READMEs give.

func TestPD1998Corpus(t *testing.T) {
	dir := sharedCorpora(t)
	test := tallyDocs(readShared(t, FormatPD1998, dir, "pd1998-01", "test.txt"))
	if test.docs != 6987 || test.chars != 649387 {
		t.Errorf("test.txt: %d paragraphs, %d characters; README: 6,987 and 649,387", test.docs, test.chars)
	}
	dev := tallyDocs(readShared(t, FormatPD1998, dir, "pd1998-01", "dev.txt"))
	if dev.docs != 12497 || dev.docs+test.docs != 19484 || dev.chars+test.chars != 1841657 {
		t.Errorf("dev.txt: %d paragraphs, month %d characters; README: 12,497 and 1,841,657", dev.docs, dev.chars+test.chars)
	}
	// The README counts 19,537 nr runs and 16,065 t runs outside every
	// compound; the gold also takes the nr and t tokens inside [...]nz,
	// [...]i and [...]l compounds (a few dozen more), none inside [...]nt or
	// [...]ns. Mapped to the guideline, about 3,150 numeral + time-unit
	// runs become times (durations), 176 of them merged with a time they
	// touch.
	month := func(typ string) int { return dev.types[typ] + test.types[typ] }
	if n := month("person"); n < 19537 || n > 19600 {
		t.Errorf("%d person mentions in the month, want 19,537 plus a few dozen", n)
	}
	if n := month("time"); n < 16065+3150-176 || n > 16100+3160-176 {
		t.Errorf("%d time mentions in the month, want 16,065 plus a few, plus about 3,150 durations less 176 merged", n)
	}
	for _, typ := range FormatTypes(FormatPD1998) {
		if test.types[typ] == 0 {
			t.Errorf("no %s mention in test.txt", typ)
		}
	}
}

func TestCLUENERCorpus(t *testing.T) {
	dir := sharedCorpora(t)
	c := tallyDocs(readShared(t, FormatCLUENER, dir, "cluener2020", "dev.json"))
	if c.docs != 1343 {
		t.Errorf("%d documents, README: 1,343", c.docs)
	}
	// README counts: name 465, address 373, book 154; government 247 +
	// organization 367 + company 378 = 992 org spans before merging.
	if c.types["person"] != 465 || c.types["place"] != 373 || c.types["book"] != 154 {
		t.Errorf("types %v, README: person 465, place 373, book 154", c.types)
	}
	if n := c.types["org"]; n > 992 || n < 980 {
		t.Errorf("%d org spans, want 992 less the few labeled twice", n)
	}
}

func TestMSRACorpus(t *testing.T) {
	dir := sharedCorpora(t)
	c := tallyDocs(readShared(t, FormatMSRA, dir, "msra-ner-test", "msra_test_bio.txt"))
	if c.docs != 3442 || c.chars != 172601 {
		t.Errorf("%d sentences, %d characters; README: 3,442 and 172,601", c.docs, c.chars)
	}
	if c.types["place"] != 2886 || c.types["person"] != 1973 || c.types["org"] != 1331 {
		t.Errorf("types %v; README: LOC 2,886, PER 1,973, ORG 1,331", c.types)
	}
}

func TestSIGHANCorpus(t *testing.T) {
	dir := sharedCorpora(t)
	for _, c := range []struct {
		file         string
		lines, words int
	}{{"pku_test_gold.utf8", 1944, 104372}, {"msr_test_gold.utf8", 3985, 106873}} {
		got := tallyDocs(readShared(t, FormatSIGHAN, dir, "sighan2005", c.file))
		if got.docs != c.lines || got.types[Word] != c.words {
			t.Errorf("%s: %d lines, %d words; README: %d and %d", c.file, got.docs, got.types[Word], c.lines, c.words)
		}
	}
}
