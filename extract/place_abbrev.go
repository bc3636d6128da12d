package extract

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Groups of regions written as compounds of one-character abbreviations
// (滇黔桂, 俄蒙, 孟中印缅) and parts of a region named by an abbreviation
// and a compass word (泰北, 缅北), from data/place_abbrev.txt.

//go:embed data/place_abbrev.txt
var placeAbbrevTxt string

var (
	rulePlaceAbbrevGroup = registerRule("place", "place.abbreviation_group",
		"three or four one-character abbreviations of regions or countries standing as words, or two before 等, 地区 or a numeral with 省, 地, 市 or 区, are one place (湘鄂赣, 中老泰, 川渝两地, 沪苏等地); before a road, rail or people word they are none (川藏铁路)", Accept)
	rulePlaceAbbrevCompass = registerRule("place", "place.abbreviation_compass",
		"an abbreviation of a region or country with a compass word, alone between punctuation, names a part of it (老北, 缅北; not 中 with a compass word)", Accept)
)

type placeAbbrevLists struct {
	abbrev  *runeSet
	compass map[string]bool
	fused   []string
	before  *runeSet // characters after which a group may open
	level   *runeSet // level characters after a numeral of a few
}

var placeAbbrev = readPlaceAbbrev(placeAbbrevTxt)

func readPlaceAbbrev(data string) *placeAbbrevLists {
	l := &placeAbbrevLists{abbrev: new(runeSet), compass: map[string]bool{}, before: new(runeSet), level: new(runeSet)}
	readWordList(data, func(f []string) {
		if len(f) < 2 || f[1] == "" {
			return
		}
		switch f[0] {
		case "abbrev":
			r, _ := utf8.DecodeRuneInString(f[1])
			l.abbrev.add(r)
		case "compass":
			l.compass[f[1]] = true
		case "fused":
			l.fused = append(l.fused, f[1])
		case "before":
			r, _ := utf8.DecodeRuneInString(f[1])
			l.before.add(r)
		case "level":
			r, _ := utf8.DecodeRuneInString(f[1])
			l.level.add(r)
		}
	})
	return l
}

// abbreviationGroups applies place.abbreviation_group and
// place.abbreviation_compass. A group replaces the known names inside it
// (日韩 in 日韩台).
func (ps *placeScan) abbreviationGroups() {
	rs, ab := ps.rs, placeAbbrev
	n := len(rs)
	sepOrStart := func(i int) bool {
		return i == 0 || placeListSep(rs[i-1]) || ab.before.has(rs[i-1])
	}
	for i := 0; i < n; i++ {
		if !ab.abbrev.has(rs[i]) || !ps.starts[i] || i > 0 && ab.abbrev.has(rs[i-1]) {
			continue
		}
		e := i
		for e < n && ab.abbrev.has(rs[e]) && e-i < 5 {
			e++
		}
		if e-i > 4 {
			i = e
			continue
		}
		rule := ""
		switch {
		case e-i >= 3 && ps.ends[e] && !ps.fusedAt(e):
			rule = rulePlaceAbbrevGroup
		case e-i == 2 && ps.ends[e] && ps.countFollows(e):
			rule = rulePlaceAbbrevGroup
		case e-i == 1 && rs[i] != '中' && sepOrStart(i):
			for _, w := range []int{2, 1} {
				c := i + 1 + w // the end of the compass word
				if c <= n && ps.ends[c] && ab.compass[string(rs[i+1:c])] &&
					(c == n || placeListSep(rs[c]) || hasRunes(rs, c, []rune("地区")) || rs[c] == '等') {
					e, rule = c, rulePlaceAbbrevCompass
					break
				}
			}
		}
		if rule != "" && ps.tokAt[i] > 0 && ps.toks[ps.tokAt[i]-1].End == e {
			switch ps.toks[ps.tokAt[i]-1].Pos {
			case "ns", "j", "nz":
			default:
				rule = "" // 老中青 is one word for the generations
			}
		}
		if rule == "" {
			i = e - 1
			continue
		}
		if !ps.replaceInside(i, e) {
			i = e - 1
			continue
		}
		ps.hits = append(ps.hits, placeHit{start: i, end: e, level: LevelOther, kind: "area", rule: rule})
		for k := i; k < e; k++ {
			ps.covered[k] = true
		}
		i = e - 1
	}
}

// fusedAt reports whether a word that fuses a group into another name
// starts at e (川藏铁路).
func (ps *placeScan) fusedAt(e int) bool {
	for _, w := range placeAbbrev.fused {
		if hasRunes(ps.rs, e, []rune(w)) {
			return true
		}
	}
	return false
}

// countFollows reports whether 等, 地区 or a numeral of a few with 省, 地,
// 市 or 区 follows at e (川渝两地, 滇越五省市, 沪苏等地); a pair of
// countries before 两国 is a diplomatic pair, left to the lexicon.
func (ps *placeScan) countFollows(e int) bool {
	rs := ps.rs
	if e >= len(rs) {
		return false
	}
	if rs[e] == '等' || hasRunes(rs, e, []rune("地区")) {
		return true
	}
	return e+1 < len(rs) && strings.ContainsRune(cnDigitsTwoToNine, rs[e]) && placeAbbrev.level.has(rs[e+1])
}

// replaceInside drops the hits lying inside [s,e) and reports whether
// none overlaps it partly or is it already (京津冀 in the lexicon).
func (ps *placeScan) replaceInside(s, e int) bool {
	for _, h := range ps.hits {
		if h.start < e && h.end > s && (h.start <= s && h.end >= e || h.start < s || h.end > e) {
			return false
		}
	}
	kept := ps.hits[:0]
	for _, h := range ps.hits {
		if h.start >= s && h.end <= e {
			continue
		}
		kept = append(kept, h)
	}
	ps.hits = kept
	return true
}
