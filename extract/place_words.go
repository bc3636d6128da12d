package extract

import (
	_ "embed"
	"unicode/utf8"
)

// The word lists and character sets of the place stage, read from
// data/place_words.txt (format in its header).

//go:embed data/place_words.txt
var placeWordsTxt string

// placeWordLists holds the lists of data/place_words.txt.
type placeWordLists struct {
	shape        map[string]string // shape word -> kind
	shapeChar    map[rune]string   // last character of a place-tagged run -> kind
	shapeChars   *runeSet          // the keys of shapeChar
	villageChars *runeSet          // last characters of village words with a rare stem
	gseEnd       *runeSet          // last characters of gse place words continuing a place
	townSuffix   *runeSet          // characters ending a township name
	townStems    []string          // township suffixes whose stem names it too
	countryStyle []string          // in file order: longer first
	foreignUnit  []string
	position     map[string]bool
	demonym      *runeSet
	zoneHeads    *lexicon[int]   // zone heads, reversed
	zoneLast     *runeSet        // last characters of zone heads (all those above U+FFFF pass)
	zoneStop     map[string]bool // words that end a zone's name before its head
	route        []string        // words that may follow the second end of a route
	routeFrom    *runeSet        // characters before the first end of a route
	ordinalHead  *runeSet        // first characters of an ordinal that ends a zone's name
	zoneVerb     map[string]bool // verbs that may stand inside a zone's name
	figureRoad   map[string]bool // words before 大道 in a figure of speech
	areaRest     map[string]bool // generic words the segmenter may fuse onto a region's end
	doctrine     [][]rune        // words after 中国 in a doctrine or slogan
	// shapeFirst marks the first code points of shape words and
	// shapeMaxBytes is the length of the longest, so that most tokens are
	// rejected without hashing them.
	shapeFirst    *[1 << 16 / 64]uint64
	shapeMaxBytes int
}

var placeWords = readPlaceWords(placeWordsTxt)

// readPlaceWords parses data/place_words.txt.
func readPlaceWords(data string) *placeWordLists {
	w := &placeWordLists{shape: map[string]string{}, shapeChar: map[rune]string{}, position: map[string]bool{},
		shapeChars: new(runeSet), villageChars: new(runeSet), gseEnd: new(runeSet), townSuffix: new(runeSet), demonym: new(runeSet),
		shapeFirst: new([1 << 16 / 64]uint64), zoneHeads: newLexicon[int](), zoneLast: new(runeSet), zoneStop: map[string]bool{}, zoneVerb: map[string]bool{}, figureRoad: map[string]bool{}, areaRest: map[string]bool{},
		routeFrom: new(runeSet), ordinalHead: new(runeSet)}
	readWordList(data, func(f []string) {
		if len(f) < 2 || f[1] == "" {
			return
		}
		kind := ""
		if len(f) >= 3 {
			kind = f[2]
		}
		r, _ := utf8.DecodeRuneInString(f[1])
		switch f[0] {
		case "shape":
			w.shape[f[1]] = kind
			if r < 1<<16 {
				w.shapeFirst[r>>6] |= 1 << (uint(r) & 63)
			}
			w.shapeMaxBytes = max(w.shapeMaxBytes, len(f[1]))
		case "shape_char":
			w.shapeChar[r] = kind
			w.shapeChars.add(r)
		case "village_char":
			w.villageChars.add(r)
		case "gse_end":
			w.gseEnd.add(r)
		case "town_suffix":
			w.townSuffix.add(r)
		case "town_stem":
			w.townStems = append(w.townStems, f[1])
		case "country_style":
			w.countryStyle = append(w.countryStyle, f[1])
		case "foreign_unit":
			w.foreignUnit = append(w.foreignUnit, f[1])
		case "position":
			w.position[f[1]] = true
		case "doctrine":
			w.doctrine = append(w.doctrine, []rune(f[1]))
		case "zone_head":
			rev := []rune(f[1])
			for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
				rev[i], rev[j] = rev[j], rev[i]
			}
			w.zoneHeads.Add(string(rev), len(rev))
			if len(rev) > 0 {
				w.zoneLast.add(rev[0])
			}
		case "area_rest":
			w.areaRest[f[1]] = true
		case "figure_road":
			w.figureRoad[f[1]] = true
		case "zone_verb":
			w.zoneVerb[f[1]] = true
		case "zone_stop":
			w.zoneStop[f[1]] = true
		case "demonym":
			w.demonym.add(r)
		case "route":
			w.route = append(w.route, f[1])
		case "route_from":
			w.routeFrom.add(r)
		case "ordinal_head":
			w.ordinalHead.add(r)
		}
	})
	return w
}

// shapeWord returns the kind of shape word w is.
func shapeWord(w string) (string, bool) {
	pw := placeWords
	if len(w) == 0 || len(w) > pw.shapeMaxBytes {
		return "", false
	}
	if r := firstRune(w); r >= 1<<16 || pw.shapeFirst[r>>6]&(1<<(uint(r)&63)) == 0 {
		return "", false
	}
	lvl, ok := pw.shape[w]
	return lvl, ok
}

// firstRune returns the first code point of w (not empty), decoding the
// three bytes of a Han character in line. For a string that is no valid
// UTF-8 it may differ from utf8.DecodeRuneInString; shapeWord only uses
// it to reject words before looking them up.
func firstRune(w string) rune {
	if len(w) >= 3 && w[0]&0xF0 == 0xE0 {
		return rune(w[0]&0x0F)<<12 | rune(w[1]&0x3F)<<6 | rune(w[2]&0x3F)
	}
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// shapeKind names the kind of place a final shape character makes.
func shapeKind(r rune) string {
	if k, ok := placeWords.shapeChar[r]; ok {
		return k
	}
	return "site"
}

// zoneHead returns the length of the zone head that ends rs, or 0.
func (w *placeWordLists) zoneHead(rs []rune) int {
	if k := len(rs); k == 0 || rs[k-1] < 1<<16 && !w.zoneLast.has(rs[k-1]) {
		return 0 // most words: no head ends with their last character
	}
	n, _ := w.zoneHeads.LongestBackward(rs, 0, len(rs))
	return n
}
