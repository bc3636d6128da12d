package extract

import "unicode/utf8"

// The first test of the place stage at a text position: may a name start
// there? Most word starts begin no name of the lexicon and no township,
// and two small Bloom filters of the first two runes of the names say so
// before the lexicon is walked.

// pairFilter is a Bloom filter of pairs of runes, two bits per pair in one
// 64-bit word: a pair not in it starts no name it was built from.
type pairFilter struct {
	words []uint64 // a power of two of them
	shift uint     // 64 - log2(len(words))
}

func newPairFilter(logWords uint) pairFilter {
	return pairFilter{words: make([]uint64, 1<<logWords), shift: 64 - logWords}
}

// pairBits returns the word of the pair a, b and its two bits there.
func (f *pairFilter) pairBits(a, b rune) (int, uint64) {
	h := (uint64(uint32(a))<<32 | uint64(uint32(b))) * 0x9E3779B97F4A7C15
	return int(h >> f.shift), 1<<(h&63) | 1<<(h>>6&63)
}

func (f *pairFilter) add(a, b rune) {
	k, m := f.pairBits(a, b)
	f.words[k] |= m
}

func (f *pairFilter) has(a, b rune) bool {
	k, m := f.pairBits(a, b)
	return f.words[k]&m == m
}

// Sizes of the filters: some 4000 pairs start lexicon names (16 KB, which
// stays in cache), some 20000 township names (32 KB, tested only near a
// township suffix).
const (
	startsLogWords     = 11
	townStartsLogWords = 12
)

// townSpan returns how many runes from rs[i] a township name may span:
// at most the longest township name, and 0 when nextTown (the index of the
// first township suffix character at or after i+2; -1: unknown) lies
// beyond.
func (px *placeIndex) townSpan(rs []rune, i, nextTown int) int {
	nt := min(px.g.maxTown, len(rs)-i)
	if nextTown >= 0 && nextTown-i+1 > nt {
		nt = 0
	}
	return nt
}

// mayStart reports whether a place name may start at rs[i], with nextTown
// as for longestNear: no name starts where it reports false.
func (px *placeIndex) mayStart(rs []rune, i, nextTown int) bool {
	if i+1 < len(rs) {
		a, b := rs[i], rs[i+1]
		if px.starts.has(a, b) || px.townSpan(rs, i, nextTown) >= 3 && px.townStarts.has(a, b) {
			return true
		}
	}
	return px.oneRune.has(rs[i]) || px.wideOne && rs[i] >= 1<<16
}

// nextTownSuffix returns the index of the first township suffix character
// at or after rs[from], or len(rs).
func (px *placeIndex) nextTownSuffix(rs []rune, from int) int {
	for i := from; i < len(rs); i++ {
		for _, s := range px.townSuffixes {
			if rs[i] == s {
				return i
			}
		}
	}
	return len(rs)
}

// indexStarts fills the filters, oneRune, wideOne and townSuffixes.
func (px *placeIndex) indexStarts() {
	for r := rune(0); r < 1<<16; r++ {
		if placeWords.townSuffix.has(r) {
			px.townSuffixes = append(px.townSuffixes, r)
		}
	}
	px.starts, px.townStarts = newPairFilter(startsLogWords), newPairFilter(townStartsLogWords)
	for k := range px.g.recs {
		if r := &px.g.recs[k]; r.Level == LevelTownship {
			a, n := utf8.DecodeRuneInString(r.Name)
			b, _ := utf8.DecodeRuneInString(r.Name[n:])
			px.townStarts.add(a, b)
		}
	}
	px.lex.FirstRunes(func(r, r2 rune, one bool) {
		if !one {
			px.starts.add(r, r2)
		} else if _, ok := px.lex.Get(string(r)); ok {
			px.oneRune.add(r)
			px.wideOne = px.wideOne || r >= 1<<16
		}
	})
}
