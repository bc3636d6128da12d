package extract

import (
	"sync"
	"unicode/utf8"
)

// Indexes that let the metadata stage read a header line in one pass: a
// document's metadata is read once per document, and on short documents
// (one paragraph each) its fixed cost counts.

// cueFinder finds which of a list of words occurs in a line, the first
// of the list winning, in one pass over the line: only the positions
// holding the first rune of some word are tried.
type cueFinder struct {
	words  [][]rune
	firsts []rune       // the distinct first runes (a few)
	lists  [][]int      // for each, the indices of its words, ascending
	bits   [1024]uint64 // first runes below 1<<16
	big    bool         // some word starts above 1<<16
}

func newCueFinder(words []string) *cueFinder {
	f := &cueFinder{}
	for i, w := range words {
		rs := []rune(w)
		f.words = append(f.words, rs)
		if len(rs) == 0 {
			continue
		}
		r := rs[0]
		if k := f.firstIndex(r); k >= 0 {
			f.lists[k] = append(f.lists[k], i)
		} else {
			f.firsts, f.lists = append(f.firsts, r), append(f.lists, []int{i})
		}
		if r >= 0 && r < 1<<16 {
			f.bits[r>>6] |= 1 << (uint(r) & 63)
		} else {
			f.big = true
		}
	}
	return f
}

// listOf returns the index in f.lists of the words that start with r, or
// -1 (most characters are rejected by the bitmap).
func (f *cueFinder) listOf(r rune) int {
	if r >= 0 && r < 1<<16 {
		if f.bits[r>>6]&(1<<(uint(r)&63)) == 0 {
			return -1
		}
	} else if !f.big {
		return -1
	}
	return f.firstIndex(r)
}

// first returns the index of the first word of the list that occurs in
// rs, or -1: the word w for which indexRunes(rs, w) >= 0 with the least
// index. (No word is empty: the cue file rejects empty words.)
func (f *cueFinder) first(rs []rune) int {
	best := -1
	for i, r := range rs {
		k := f.listOf(r)
		if k < 0 {
			continue
		}
		for _, w := range f.lists[k] {
			if best >= 0 && w >= best {
				break
			}
			if hasRunes(rs, i, f.words[w]) {
				best = w
				if w == 0 {
					return 0
				}
				break
			}
		}
	}
	return best
}

// firstEach sets pos[w] to the index in rs of the first occurrence of
// the w-th word, or -1, in one pass over rs (len(pos) == len(f.words)).
func (f *cueFinder) firstEach(rs []rune, pos []int) {
	for w := range pos {
		pos[w] = -1
	}
	for i, r := range rs {
		k := f.listOf(r)
		if k < 0 {
			continue
		}
		for _, w := range f.lists[k] {
			if pos[w] < 0 && hasRunes(rs, i, f.words[w]) {
				pos[w] = i
			}
		}
	}
}

// firstIndex returns the index of r in f.firsts, or -1.
func (f *cueFinder) firstIndex(r rune) int {
	for k, x := range f.firsts {
		if x == r {
			return k
		}
	}
	return -1
}

// metaNameLens holds, for each rune below 1<<16, the greatest length in
// runes (up to 255) of a full division name of the gazetteer starting with
// it, 0 for none: a name of the text starting with a rune is looked up only
// up to that length.
var metaNameLens = sync.OnceValue(func() *[1 << 16]uint8 {
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	t := new([1 << 16]uint8)
	for k := range g.full.head {
		r, _ := utf8.DecodeRuneInString(k)
		if r >= 1<<16 {
			continue
		}
		if n := min(utf8.RuneCountInString(k), 255); n > int(t[r]) {
			t[r] = uint8(n)
		}
	}
	return t
})

// metaNamePairs marks, in a bit set indexed by a hash, the pairs of
// first runes of the full division names of the gazetteer: a place in a
// line whose two runes are not marked starts no name (a marked pair may
// still start none).
var metaNamePairs = sync.OnceValue(func() *[1 << 14]uint64 {
	g, err := loadGazetteer()
	if err != nil {
		return nil
	}
	t := new([1 << 14]uint64)
	for k := range g.full.head {
		r1, n := utf8.DecodeRuneInString(k)
		r2, _ := utf8.DecodeRuneInString(k[n:])
		h := metaPairHash(r1, r2)
		t[h>>6] |= 1 << (h & 63)
	}
	return t
})

// metaPairHash is the index in metaNamePairs of the runes r1, r2.
func metaPairHash(r1, r2 rune) uint64 {
	return (uint64(uint32(r1))<<32 | uint64(uint32(r2))) * 0x9E3779B97F4A7C15 >> 44
}

// metaMayStartName reports whether a full division name of at least two
// runes may start at rs[s] (false: none does).
func metaMayStartName(rs []rune, s int) bool {
	t := metaNamePairs()
	if t == nil || s+1 >= len(rs) {
		return true
	}
	h := metaPairHash(rs[s], rs[s+1])
	return t[h>>6]&(1<<(h&63)) != 0
}

// metaMaxName returns the greatest length in runes of a full division name
// that may start with r (255 when the index cannot tell).
func metaMaxName(r rune) int {
	t := metaNameLens()
	if t == nil || r < 0 || r >= 1<<16 || r == utf8.RuneError {
		return 255
	}
	return int(t[r])
}

// metaDivisionRunes is metaDivision of string(rs), which it builds only
// when the gazetteer has a full name of those bytes.
func metaDivisionRunes(g *gazetteer, rs []rune, year int) (int32, bool) {
	if len(rs) == 0 || len(rs) > metaMaxName(rs[0]) {
		return 0, false
	}
	var buf [64]byte
	b := buf[:0]
	for _, r := range rs {
		b = utf8.AppendRune(b, r)
	}
	if _, ok := g.full.head[string(b)]; !ok {
		return 0, false
	}
	return metaDivision(g, string(b), year)
}
