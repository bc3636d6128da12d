package lexicon

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// naiveLongest is the reference for Lexicon.Longest: the longest word of
// words that text[i:] starts with.
func naiveLongest(words map[string]int, text []rune, i int) (int, int) {
	best, val := 0, 0
	for w, v := range words {
		rs := []rune(w)
		if len(rs) > best && i+len(rs) <= len(text) && string(text[i:i+len(rs)]) == w {
			best, val = len(rs), v
		}
	}
	return best, val
}

// TestLexiconMatchesNaive checks the trie layout (first-rune bitset and
// rank, sorted children, map for code points above U+FFFF) against a
// plain scan, on random words over a small alphabet so that nodes get
// both few and many children and words share prefixes.
func TestLexiconMatchesNaive(t *testing.T) {
	alphabet := []rune("一二三中国北京市县人大会议𠀀𠀁abc")
	for i := range 40 { // more than lexScan children under some nodes
		alphabet = append(alphabet, rune(0x4E00+i*37))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	word := func(maxLen int) string {
		var b strings.Builder
		for range 1 + rng.IntN(maxLen) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for _, size := range []int{5, 30, 3000} { // root as a small node, then indexed
		lex := New[int]()
		words := map[string]int{}
		for k := range size {
			w := word(4)
			lex.Add(w, k)
			words[w] = k
		}
		checkLexicon(t, lex, words, word)
	}
	if _, ok := New[int]().Get("中"); ok {
		t.Error("empty lexicon has a word")
	}
	if n, _ := New[int]().Longest([]rune("中"), 0); n != 0 {
		t.Error("empty lexicon matches")
	}
}

func checkLexicon(t *testing.T, lex *Lexicon[int], words map[string]int, word func(int) string) {
	t.Helper()
	if lex.Len() != len(words) {
		t.Fatalf("Len = %d, want %d", lex.Len(), len(words))
	}
	for w, v := range words {
		if got, ok := lex.Get(w); !ok || got != v {
			t.Fatalf("Get(%q) = %d, %v; want %d", w, got, ok, v)
		}
	}
	for range 300 {
		text := []rune(word(30))
		for i := range text {
			n, v := lex.Longest(text, i)
			wn, wv := naiveLongest(words, text, i)
			if n != wn || (n > 0 && v != wv) {
				t.Fatalf("Longest(%q, %d) = %d, %d; want %d, %d", string(text), i, n, v, wn, wv)
			}
			var lens []int
			lex.Prefixes(text, i, func(n int, v int) {
				if words[string(text[i:i+n])] != v {
					t.Fatalf("Prefixes(%q, %d) gave %q with value %d", string(text), i, string(text[i:i+n]), v)
				}
				lens = append(lens, n)
			})
			want := 0
			for n := 1; i+n <= len(text); n++ {
				if _, ok := words[string(text[i:i+n])]; ok {
					if want >= len(lens) || lens[want] != n {
						t.Fatalf("Prefixes(%q, %d) = %v, misses length %d", string(text), i, lens, n)
					}
					want++
				}
			}
			if want != len(lens) {
				t.Fatalf("Prefixes(%q, %d) = %v, want %d words", string(text), i, lens, want)
			}
		}
	}
	if n, _ := lex.Longest([]rune("中"), 5); n != 0 {
		t.Errorf("Longest past the end = %d", n)
	}
}

// TestCursorAndBackward checks the walks the extractors make by hand: a
// cursor fed code points, and backward matching over reversed words.
func TestCursorAndBackward(t *testing.T) {
	rev := func(w string) string {
		rs := []rune(w)
		for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
			rs[i], rs[j] = rs[j], rs[i]
		}
		return string(rs)
	}
	lex := New[string]()
	for _, w := range []string{"长", "县长", "副县长", "书记"} {
		lex.Add(rev(w), w)
	}
	if lex.MaxLen() != 3 {
		t.Errorf("MaxLen = %d", lex.MaxLen())
	}
	text := []rune("常务副县长王立")
	var got []string
	lex.Backward(text, 0, 5, func(n int, v string) bool {
		got = append(got, fmt.Sprintf("%d:%s", n, v))
		return true
	})
	if strings.Join(got, " ") != "1:长 2:县长 3:副县长" {
		t.Errorf("Backward = %v", got)
	}
	got = nil
	lex.Backward(text, 3, 5, func(n int, v string) bool { got = append(got, v); return true })
	if strings.Join(got, " ") != "长 县长" {
		t.Errorf("Backward from 3 = %v (lo must bound the walk)", got)
	}
	got = nil
	lex.Backward(text, 0, 5, func(n int, v string) bool { got = append(got, v); return false })
	if strings.Join(got, " ") != "长" {
		t.Errorf("Backward stopped = %v", got)
	}
	for _, c := range []struct {
		lo, end, n int
		v          string
	}{{0, 5, 3, "副县长"}, {3, 5, 2, "县长"}, {0, 4, 0, ""}, {0, 99, 0, ""}, {0, 0, 0, ""}} {
		if n, v := lex.LongestBackward(text, c.lo, c.end); n != c.n || v != c.v {
			t.Errorf("LongestBackward(%d, %d) = %d %q, want %d %q", c.lo, c.end, n, v, c.n, c.v)
		}
		want := 0
		if c.end <= len(text) && c.end > 0 {
			r := []rune(rev(string(text[c.lo:c.end])))
			want, _ = lex.Longest(r, 0)
		}
		if c.n != want {
			t.Errorf("LongestBackward(%d, %d) = %d, Longest over the reversed text %d", c.lo, c.end, c.n, want)
		}
	}
	fwd := New[int]()
	fwd.Add("中国", 1)
	fwd.Add("中国人", 2)
	c := fwd.Cursor()
	if _, ok := c.Word(); ok {
		t.Error("word at the root")
	}
	if !c.Next('中') || !c.Next('国') {
		t.Fatal("cursor lost 中国")
	}
	if v, ok := c.Word(); !ok || v != 1 {
		t.Errorf("Word after 中国 = %v, %v", v, ok)
	}
	if c.Next('家') {
		t.Error("cursor goes on after 中国家")
	}
	pairs := map[string]bool{}
	fwd.Add("美", 3)
	fwd.FirstRunes(func(a, b rune, one bool) {
		if one {
			pairs[string(a)] = true
		} else {
			pairs[string([]rune{a, b})] = true
		}
	})
	if len(pairs) != 3 || !pairs["中"] || !pairs["美"] || !pairs["中国"] {
		t.Errorf("FirstRunes = %v", pairs)
	}
}

// TestReadWordList checks the word-list format: comments and blank lines
// skipped, tab-separated fields trimmed, space-separated fields split on
// runs of spaces, CRLF line ends, and a last line without a line end.
func TestReadWordList(t *testing.T) {
	data := "# header\n\n县长\tcounty \t\r\n  书记  party   x \n#x\ty\n\t\n最后\t1"
	var got []string
	ReadWordList(data, func(f []string) { got = append(got, strings.Join(f, "|")) })
	want := []string{"县长|county", "书记|party|x", "最后|1"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ReadWordList = %q, want %q", got, want)
	}
}
