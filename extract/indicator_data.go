package extract

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The word lists of the indicator stage: the lexicon of indicators
// (data/indicators.txt) and the cue words (data/indicator_cues.txt).

//go:embed data/indicators.txt
var indicatorsData string

//go:embed data/indicator_cues.txt
var indicatorCuesData string

// Natures of an indicator (data/indicators.txt).
const (
	natureAmount = "amount" // a level that grows
	natureFlow   = "flow"   // an amount counted over a period
	natureRatio  = "ratio"  // a share that is the indicator itself
	naturePrice  = "price"  // a price index stated as its change
)

// indicatorDef is one line of data/indicators.txt.
type indicatorDef struct {
	ids       []string // one id, or two for a pair (城乡居民人均可支配收入)
	canonical string
	category  string
	nature    string
}

// indicatorWord is a variant of an indicator.
type indicatorWord struct {
	def      *indicatorDef
	generic  bool   // ~投资: only right before its growth verb
	rateOnly bool   // ~!投资: a generic word that never takes a level (完成投资300亿元)
	head     string // ^总产量@粮食: only after the head word in the sentence
	local    string // ~财政收入>fiscal_revenue_total: the id it names in a province's or a city's report
}

// fivePlan is a five-year plan's name (十四五) and its end year.
type fivePlan struct {
	name []rune
	year int
}

// indicatorLists holds the lexicon and the cues.
type indicatorLists struct {
	words    *lexicon[indicatorWord]
	defs     map[string]*indicatorDef // by id
	cues     map[string][]string      // kind → words, longest first
	left     *lexicon[bool]           // the left words, matched backwards
	maxLeft  int
	fyp      []fivePlan // 十四五 → 2025, longest name first
	gdpRatio *lexicon[bool]
	sets     map[string]*runeSet // the kinds ending in "chars": character sets
	years    []multiYear         // kind multiyear, in the file's order
}

// multiYear is a period of years counted from this year (三年) and its
// number of years.
type multiYear struct {
	word []rune
	n    int
}

var indicatorData = sync.OnceValue(func() *indicatorLists {
	l := &indicatorLists{words: newLexicon[indicatorWord](), defs: map[string]*indicatorDef{},
		cues: map[string][]string{}, left: newLexicon[bool](), gdpRatio: newLexicon[bool](), sets: map[string]*runeSet{}}
	readWordList(indicatorsData, func(f []string) {
		if len(f) != 5 {
			panic("extract: data/indicators.txt: want id, canonical, category, nature, variants: " + strings.Join(f, " "))
		}
		def := &indicatorDef{ids: strings.Split(f[0], "+"), canonical: f[1], category: f[2], nature: f[3]}
		if len(def.ids) == 1 {
			l.defs[f[0]] = def
		}
		for _, v := range strings.Split(f[4], "|") {
			generic := strings.HasPrefix(v, "~")
			v = strings.TrimPrefix(v, "~")
			rateOnly := generic && strings.HasPrefix(v, "!")
			v = strings.TrimPrefix(v, "!")
			local := ""
			if w, id, ok := strings.Cut(v, ">"); ok {
				if id == "" {
					panic("extract: data/indicators.txt: a local variant needs its id: " + v)
				}
				v, local = w, id
			}
			head := ""
			if strings.HasPrefix(v, "^") {
				w, h, ok := strings.Cut(v[1:], "@")
				if !ok || h == "" {
					panic("extract: data/indicators.txt: an elliptic variant needs its head: " + v)
				}
				v, head = w, h
			}
			if v != "" {
				l.words.Add(v, indicatorWord{def: def, generic: generic, rateOnly: rateOnly, head: head, local: local})
			}
		}
	})
	readWordList(indicatorCuesData, func(f []string) {
		if len(f) < 2 {
			panic("extract: data/indicator_cues.txt: want kind and word: " + strings.Join(f, " "))
		}
		if strings.HasSuffix(f[0], "chars") {
			l.sets[f[0]] = newRuneSet(f[1])
		}
		switch f[0] {
		case "multiyear":
			n, err := strconv.Atoi(f[2])
			if err != nil {
				panic("extract: data/indicator_cues.txt: bad number of years: " + strings.Join(f, " "))
			}
			l.years = append(l.years, multiYear{word: []rune(f[1]), n: n})
		case "fyp":
			y, err := strconv.Atoi(f[2])
			if err != nil {
				panic("extract: data/indicator_cues.txt: bad year: " + strings.Join(f, " "))
			}
			l.fyp = append(l.fyp, fivePlan{name: []rune(f[1]), year: y})
		case "left":
			// matched backwards: store reversed
			r := []rune(f[1])
			for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
				r[i], r[j] = r[j], r[i]
			}
			l.left.Add(string(r), true)
			if len(r) > l.maxLeft {
				l.maxLeft = len(r)
			}
		case "gdpratio":
			l.gdpRatio.Add(f[1], true)
		}
		l.cues[f[0]] = append(l.cues[f[0]], f[1])
	})
	for k, ws := range l.cues {
		// longest first, so that a cue is read whole (力争达到 before 力争)
		sortByLenDesc(ws)
		l.cues[k] = ws
	}
	// longest first, so that at one position 十五五 wins over 十五
	sort.SliceStable(l.fyp, func(i, j int) bool { return len(l.fyp[i].name) > len(l.fyp[j].name) })
	return l
})

func sortByLenDesc(ws []string) {
	for i := 1; i < len(ws); i++ {
		for j := i; j > 0 && len(ws[j]) > len(ws[j-1]); j-- {
			ws[j], ws[j-1] = ws[j-1], ws[j]
		}
	}
}

// IndicatorInfo describes one indicator of the lexicon.
type IndicatorInfo struct {
	ID        string `json:"id"`
	Canonical string `json:"canonical"`
	Category  string `json:"category"`
}

// IndicatorList lists the indicators of the lexicon (data/indicators.txt),
// in the order of the file.
func IndicatorList() []IndicatorInfo {
	var out []IndicatorInfo
	readWordList(indicatorsData, func(f []string) {
		if len(f) == 5 && !strings.Contains(f[0], "+") {
			out = append(out, IndicatorInfo{ID: f[0], Canonical: f[1], Category: f[2]})
		}
	})
	return out
}

// hasCue reports whether s contains a cue word of kind.
func (l *indicatorLists) hasCue(kind string, s []rune) bool {
	return l.findCue(kind, s) >= 0
}

// findCue returns the position in s of the first cue of kind, or -1.
func (l *indicatorLists) findCue(kind string, s []rune) int {
	best := -1
	for _, w := range l.cues[kind] {
		if i := runeIndex(s, []rune(w)); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// lastCue returns the end in s of the last cue of kind, or -1.
func (l *indicatorLists) lastCue(kind string, s []rune) int {
	best := -1
	for _, w := range l.cues[kind] {
		wr := []rune(w)
		if i := runeLastIndex(s, wr); i >= 0 && i+len(wr) > best {
			best = i + len(wr)
		}
	}
	return best
}

// isCue reports whether w is a cue of kind.
func (l *indicatorLists) isCue(kind, w string) bool {
	for _, c := range l.cues[kind] {
		if c == w {
			return true
		}
	}
	return false
}

// set returns the character set of kind (a kind ending in "chars").
func (l *indicatorLists) set(kind string) *runeSet {
	s, ok := l.sets[kind]
	if !ok {
		panic("extract: data/indicator_cues.txt has no set " + kind)
	}
	return s
}

// cueAt returns the cue of kind written at s[i:], or "".
func (l *indicatorLists) cueAt(kind string, s []rune, i int) string {
	for _, w := range l.cues[kind] {
		if runesAt(s, i, []rune(w)) {
			return w
		}
	}
	return ""
}

func runeIndex(s, w []rune) int {
	for i := 0; i+len(w) <= len(s); i++ {
		if runesAt(s, i, w) {
			return i
		}
	}
	return -1
}

func runeLastIndex(s, w []rune) int {
	for i := len(s) - len(w); i >= 0; i-- {
		if runesAt(s, i, w) {
			return i
		}
	}
	return -1
}
