package extract

import (
	_ "embed"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The time extractor finds temporal expressions with a linear scan: at each
// numeral a date piece (1997年, 12月, 31日, 8时30分, 2021-03-26) is read with
// readNumeral, elsewhere time words (今年, 上半年, 春节, 目前) are matched with
// a Lexicon; adjacent pieces merge into one mention (一九九七年十二月三十一日,
// 今天上午, 去年11月), and two mentions joined by 至 or a dash make a span
// (3月26日至28日). Values are resolved against the document's reference
// date, which this stage also sets (Document.Ref and Document.Date).
//
// Every decision is a named rule (tongbao rules lists them): the rule
// tables timeWordRules (a time word of the lexicon in its context) and
// timeYearRules, timeMonthRules, timeDayRules, timeClockRules (a numeral
// before 年, 月, 日 or 号, 时 or 点) accept or reject each candidate; the
// span-building and resolving steps are registered rules traced where they
// act (time.merge_adjacent, time.join_span, time.year_from_context …).
// Their word lists and character sets are data/time_words.txt and
// data/time_context.txt; their examples are rows of
// testdata/spec/time.jsonl.

//go:embed data/time_words.txt
var timeWordsData string

//go:embed data/time_context.txt
var timeContextData string

type timeWord struct {
	op   string
	arg  string
	arg2 string
}

// timeFirst marks the runes (of the Basic Multilingual Plane) that start a
// time word, so that the scan skips other runes with one bit test (filled
// by timeWords).
var timeFirst [1 << 10]uint64

// timeOne marks the runes that are a time word by themselves, and
// timePairs (a one-hash Bloom filter) the first two runes of the longer
// ones: where neither holds, no time word starts (filled by timeWords).
var timeOne, timePairs [1 << 10]uint64

// timePairBit returns the bit of timePairs for the runes a, b.
func timePairBit(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA6B) >> 16
}

// markTimeWord marks the start of a time word in timeFirst, timeOne and
// timePairs.
func markTimeWord(w string) {
	r := []rune(w)
	switch {
	case len(r) == 0:
	case len(r) == 1:
		if r[0] >= 0 && r[0] < 1<<16 {
			timeOne[r[0]>>6] |= 1 << (uint(r[0]) & 63)
		}
	default:
		h := timePairBit(r[0], r[1])
		timePairs[h>>6] |= 1 << (h & 63)
	}
	if len(r) > 0 && r[0] < 1<<16 {
		timeFirst[r[0]>>6] |= 1 << (uint(r[0]) & 63)
	}
}

// mayTimeWord reports whether a time word may start at text[i] (false
// only when none does).
func mayTimeWord(text []rune, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	r := text[i]
	if r < 0 || r >= 1<<16 || timeOne[r>>6]&(1<<(uint(r)&63)) != 0 {
		return true
	}
	if i+1 >= len(text) {
		return false
	}
	h := timePairBit(r, text[i+1])
	return timePairs[h>>6]&(1<<(h&63)) != 0
}

//go:embed data/eras.txt
var erasData string

var timeWords = sync.OnceValue(func() *lexicon[timeWord] {
	lex := newLexicon[timeWord]()
	readWordList(erasData, func(f []string) {
		markTimeWord(f[0])
		lex.Add(f[0], timeWord{op: "era", arg: f[1]})
	})
	readWordList(timeWordsData, func(f []string) {
		markTimeWord(f[0])
		w := timeWord{op: f[1]}
		if len(f) > 2 {
			w.arg = f[2]
		}
		if len(f) > 3 {
			w.arg2 = f[3]
		}
		lex.Add(f[0], w)
	})
	return lex
})

// timeContext holds the sets of data/time_context.txt.
type timeContext struct {
	chars map[string]string
	words map[string][]string
	// maps keep their pairs in order (year cues are tried in order).
	maps map[string][][2]string

	lunarMonths, lunarDays, plans map[string]int
	yearCues                      []yearCueEntry
	// sets holds the character sets the rules test, by timeChars;
	// mapIndex the maps the word rules read, by timeMap.
	sets     []*runeSet
	mapIndex []map[string]string
	// yearCueWords are the words of which yearCue needs one (the
	// centenary words and anniversaryWord), yearCueFirst their first
	// characters.
	yearCueWords [][]rune
	yearCueFirst runeSet
	// ordinalOpen is the set ordinal_period_open_chars, which the scan
	// tests every character against.
	ordinalOpen *runeSet
}

type yearCueEntry struct {
	prefix string
	base   int
}

var timeCtx = sync.OnceValue(func() *timeContext {
	c := &timeContext{chars: map[string]string{}, words: map[string][]string{}, maps: map[string][][2]string{}}
	readWordList(timeContextData, func(f []string) {
		if len(f) != 2 {
			panic("data/time_context.txt: want NAME<TAB>MEMBERS, got " + strings.Join(f, " | "))
		}
		name, members := f[0], f[1]
		switch {
		case strings.HasSuffix(name, "_chars"):
			c.chars[name] = members
		case strings.HasSuffix(name, "_words"):
			c.words[name] = strings.Fields(members)
		case strings.HasSuffix(name, "_map"):
			for _, kv := range strings.Fields(members) {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					panic("data/time_context.txt: " + name + ": want KEY=VALUE, got " + kv)
				}
				c.maps[name] = append(c.maps[name], [2]string{k, v})
			}
		default:
			panic("data/time_context.txt: set " + name + " ends in none of _chars, _words, _map")
		}
	})
	ints := func(name string) map[string]int {
		m := map[string]int{}
		for _, kv := range c.maps[name] {
			n, err := strconv.Atoi(kv[1])
			if err != nil {
				panic("data/time_context.txt: " + name + ": " + kv[1] + " is not a number")
			}
			m[kv[0]] = n
		}
		return m
	}
	c.lunarMonths, c.lunarDays, c.plans = ints("lunar_months_map"), ints("qingming_day_map"), ints("five_year_plans_map")
	for _, kv := range c.maps["year_cues_map"] {
		n, err := strconv.Atoi(kv[1])
		if err != nil {
			panic("data/time_context.txt: year_cues_map: " + kv[1] + " is not a number")
		}
		c.yearCues = append(c.yearCues, yearCueEntry{kv[0], n})
	}
	c.resolveSets()
	c.resolveMaps()
	for _, w := range append(append([]string{anniversaryWord}, c.words["party_centenary_words"]...), c.words["centenary_words"]...) {
		r := []rune(w)
		if r[0] >= 1<<16 {
			panic("data/time_context.txt: " + w + " starts above U+FFFF")
		}
		c.yearCueWords = append(c.yearCueWords, r)
		c.yearCueFirst.add(r[0])
	}
	ord, ok := c.chars["ordinal_period_open_chars"]
	if !ok {
		panic("data/time_context.txt has no set ordinal_period_open_chars")
	}
	c.ordinalOpen = newRuneSet(ord)
	return c
})

// nameRegistry numbers the names of the sets and maps the rules register at
// start-up, so that a rule reads one by number once the file is read.
type nameRegistry []string

// add registers name and returns its number.
func (r *nameRegistry) add(name string) int {
	*r = append(*r, name)
	return len(*r) - 1
}

// timeChars names a character set of data/time_context.txt that the rules
// test characters against; each is made a runeSet once, when the file is
// read, so that a test is a bit test, not a lookup by name and a search of
// the set's string.
type timeChars int

// timeCharsNames holds the names of the timeChars, by number.
var timeCharsNames nameRegistry

// timeCharsSet registers the character set name (read with the file).
func timeCharsSet(name string) timeChars {
	return timeChars(timeCharsNames.add(name))
}

// The character sets the rules test.
var (
	approxChars              = timeCharsSet("approx_chars")
	bareDayNextChars         = timeCharsSet("bare_day_next_chars")
	betweenJoinerChars       = timeCharsSet("between_joiner_chars")
	bracketCloseChars        = timeCharsSet("bracket_close_chars")
	bracketOpenChars         = timeCharsSet("bracket_open_chars")
	countBeforeChars         = timeCharsSet("count_before_chars")
	datelineOpenChars        = timeCharsSet("dateline_open_chars")
	dayComponentNextChars    = timeCharsSet("day_component_next_chars")
	dayIdiomNextChars        = timeCharsSet("day_idiom_next_chars")
	dayQuantifierBeforeChars = timeCharsSet("day_quantifier_before_chars")
	derivationNextChars      = timeCharsSet("derivation_next_chars")
	durationJoinerChars      = timeCharsSet("duration_joiner_chars")
	isoDateSepChars          = timeCharsSet("iso_date_sep_chars")
	measureBeforeChars       = timeCharsSet("measure_before_chars")
	monthCompoundNextChars   = timeCharsSet("month_compound_next_chars")
	numeralPrefixChars       = timeCharsSet("numeral_prefix_chars")
	numeralWordNextChars     = timeCharsSet("numeral_word_next_chars")
	openRangeOrChars         = timeCharsSet("open_range_or_chars")
	openSingleChars          = timeCharsSet("open_single_chars")
	openSingleNotNextChars   = timeCharsSet("open_single_not_next_chars")
	setdayCountNextChars     = timeCharsSet("setday_count_next_chars")
	shiCompoundNextChars     = timeCharsSet("shi_compound_next_chars")
	spanJoinerChars          = timeCharsSet("span_joiner_chars")
	weekNotTimeNextChars     = timeCharsSet("week_not_time_next_chars")
	xianVerbBeforeChars      = timeCharsSet("xian_verb_before_chars")
	yearListChars            = timeCharsSet("year_list_chars")
	yearSuffixNotTimeChars   = timeCharsSet("year_suffix_not_time_chars")
)

// in reports whether r is in the character set set.
func (c *timeContext) in(set timeChars, r rune) bool {
	return r != 0 && c.sets[set].has(r)
}

// resolveSets makes the registered character sets runeSets.
func (c *timeContext) resolveSets() {
	c.sets = make([]*runeSet, len(timeCharsNames))
	for k, name := range timeCharsNames {
		s, ok := c.chars[name]
		if !ok {
			panic("data/time_context.txt has no set " + name)
		}
		for _, r := range s {
			if r >= 1<<16 {
				panic("data/time_context.txt: " + name + ": a character above U+FFFF")
			}
		}
		c.sets[k] = newRuneSet(s)
	}
}

// timeMap names a WORD=CHARS map of data/time_context.txt that the word
// rules look words up in; each is indexed by word once, when the file is
// read.
type timeMap int

// timeMapNames holds the names of the timeMaps, by number.
var timeMapNames nameRegistry

// timeMapOf registers the map name (read with the file).
func timeMapOf(name string) timeMap {
	return timeMap(timeMapNames.add(name))
}

// The maps the word rules look words up in.
var (
	phraseNextMap        = timeMapOf("phrase_next_map")
	compoundBeforeMap    = timeMapOf("compound_before_map")
	verbComplementBefore = timeMapOf("verb_complement_before_map")
)

// resolveMaps indexes the registered maps by word; the first pair of a
// word is the one that counts.
func (c *timeContext) resolveMaps() {
	c.mapIndex = make([]map[string]string, len(timeMapNames))
	for k, name := range timeMapNames {
		kvs, ok := c.maps[name]
		if !ok {
			panic("data/time_context.txt has no map " + name)
		}
		m := make(map[string]string, len(kvs))
		for _, kv := range kvs {
			if _, seen := m[kv[0]]; !seen {
				m[kv[0]] = kv[1]
			}
		}
		c.mapIndex[k] = m
	}
}

// mapChars returns the characters the map m gives word ("" when none).
func (c *timeContext) mapChars(m timeMap, word string) string {
	return c.mapIndex[m][word]
}

// tfields holds what a time expression states; zero values mean "not said".
type tfields struct {
	year, month, day, hour, minute int
	hasYear, hasMonth, hasDay      bool
	hasHour, hasMinute             bool
	yearOff, monthOff, weekOff     int
	dayOff, centuryOff             int
	relYear, relMonth, relWeek     bool
	relDay, relCentury             bool
	quarter, half, weekday         int
	season, tod, part, fest, lunar string
	ref, set                       string
	dur                            string // duration of unknown length (多年来)
	weekend                        bool
	lunarCal                       bool   // month and day are of the lunar calendar (农历, 正月, 初一)
	decade, century                int    // 90 in 90年代 (1990 in 1990年代); 19 in 十九世纪
	nth                            string // the Nth weekday of a month: 05-2-7 (母亲节)
	isoWeek                        int    // the Nth week of a year (2021年的第一周)
	monthWeek                      int    // the Nth week of a month, from its first Monday (十月的第一周)
	planStart, planEnd             int    // five-year plan period
	zodiac                         int    // 1 + zodiac animal of the year
	ctxYear                        int    // year stated earlier in the same paragraph, or by the section's heading
	ctxSection                     bool   // ctxYear is the section's (time_section.go)
	focusYear                      bool   // the year in focus (全年): a year stated before names it
}

// merge copies what o states over f.
func (f *tfields) merge(o tfields) {
	if o.hasYear {
		f.year, f.hasYear = o.year, true
	}
	if o.hasMonth {
		f.month, f.hasMonth = o.month, true
	}
	if o.hasDay {
		f.day, f.hasDay = o.day, true
	}
	if o.hasHour {
		f.hour, f.hasHour = o.hour, true
	}
	if o.hasMinute {
		f.minute, f.hasMinute = o.minute, true
	}
	if o.relYear && !(o.focusYear && (f.relYear || f.hasYear)) { // 去年全年 is 去年
		f.yearOff, f.relYear, f.focusYear = o.yearOff, true, o.focusYear
	}
	if o.relMonth {
		f.monthOff, f.relMonth = o.monthOff, true
	}
	if o.relWeek {
		f.weekOff, f.relWeek = o.weekOff, true
	}
	if o.relDay {
		f.dayOff, f.relDay = o.dayOff, true
	}
	if o.relCentury {
		f.centuryOff, f.relCentury = o.centuryOff, true
	}
	for _, p := range []struct{ dst, src *int }{{&f.quarter, &o.quarter}, {&f.half, &o.half}, {&f.weekday, &o.weekday}, {&f.planStart, &o.planStart}, {&f.planEnd, &o.planEnd}, {&f.zodiac, &o.zodiac}} {
		if *p.src != 0 {
			*p.dst = *p.src
		}
	}
	for _, p := range []struct{ dst, src *string }{{&f.season, &o.season}, {&f.tod, &o.tod}, {&f.part, &o.part}, {&f.fest, &o.fest}, {&f.lunar, &o.lunar}, {&f.ref, &o.ref}, {&f.set, &o.set}} {
		if *p.src != "" {
			*p.dst = *p.src
		}
	}
	if o.dur != "" {
		f.dur = o.dur
	}
	f.weekend = f.weekend || o.weekend
	f.lunarCal = f.lunarCal || o.lunarCal
	if o.isoWeek != 0 {
		f.isoWeek = o.isoWeek
	}
	if o.monthWeek != 0 {
		f.monthWeek = o.monthWeek
	}
	if o.nth != "" {
		f.nth = o.nth
	}
	if o.decade != 0 {
		f.decade, f.century = o.decade, o.century
	}
}

// specific reports whether f says more than a vague reference.
func (f *tfields) specific() bool {
	return f.hasYear || f.hasMonth || f.hasDay || f.hasHour || f.relYear || f.relMonth ||
		f.relWeek || f.relDay || f.relCentury || f.quarter != 0 || f.half != 0 || f.weekday != 0 ||
		f.season != "" || f.fest != "" || f.lunar != "" || f.tod != "" || f.part != "" || f.weekend ||
		f.planStart != 0 || f.zodiac != 0 || f.decade != 0 || f.nth != ""
}

// monthDay returns the month and day f states, from a date or a fixed
// festival (0 when not stated).
func (f *tfields) monthDay() (int, int) {
	if f.hasMonth {
		if f.hasDay {
			return f.month, f.day
		}
		return f.month, 0
	}
	if m, ok := timeCtx().lunarMonths[f.lunar]; ok {
		return m, timeCtx().lunarDays[f.lunar]
	}
	if len(f.nth) >= 2 {
		m, _ := strconv.Atoi(f.nth[:2])
		return m, 0
	}
	if len(f.fest) == 5 {
		m, _ := strconv.Atoi(f.fest[:2])
		d, _ := strconv.Atoi(f.fest[3:])
		return m, d
	}
	return 0, 0
}

func (f *tfields) fullDate() bool { return f.hasYear && f.hasMonth && f.hasDay }

// timeSpan is one time expression found by scanTimes.
type timeSpan struct {
	start, end int
	f          tfields
	to         *tfields // end of a span (3月26日至28日)
}

type timePiece struct {
	start, end int
	f          tfields
}

// traceTime reports a rule decision when d traces (d may be nil: scans of
// text outside a document, such as a meta field, trace nothing).
func (d *Document) traceTime(name string, v Verdict, start, end int) {
	if d != nil && d.trace != nil {
		d.traceRule(name, v, start, end)
	}
}

// decideTime runs a rule table on f for the candidate [start, end),
// reporting the deciding rule when d traces.
func decideTime[F any](d *Document, t *ruleTable[F], f *F, start, end int) *rule[F] {
	r := t.first(f)
	if r != nil {
		d.traceTime(r.name, r.verdict, start, end)
	}
	return r
}

// Span-building steps, traced where they act.
var (
	ruleTimeMerge   = registerRule("time", "time.merge_adjacent", "adjacent pieces merge into one mention (今天上午, 去年11月, 一九九七年十二月三十一日)", Adjust)
	ruleTimeJoin    = registerRule("time", "time.join_span", "two dated mentions joined by 至, 到 or a dash make a span (3月26日至28日, 2019年至2021年)", Adjust)
	ruleTimeWeek    = registerRule("time", "time.week_weekday", "周 or 星期 with a relative word takes the weekday or 末 after it (下周三, 上星期五, 下周末)", Adjust)
	ruleTimeInBook  = registerRule("time", "time.inside_book_title", "nothing inside a book title is a time (《明日之后》)", Reject)
	ruleTimePlanDoc = registerRule("time", "time.plan_document", "a quoted five-year plan before 规划 names a document, not a period (“十四五”规划)", Reject)
	ruleTimePlan    = registerRule("time", "time.five_year_plan", "a quoted five-year plan is the period of its five years (“十四五”时期 → 2021/2025)", Accept)
)

// scanTimes finds the time expressions of text in one left-to-right pass;
// d (nil for text outside a document) receives the trace.
func scanTimes(d *Document, text []rune) []timeSpan {
	lex := timeWords()
	ordinalOpen := timeCtx().ordinalOpen
	buf := timePiecePool.Get().(*[]timePiece)
	pieces := (*buf)[:0]
	defer func() {
		clear(pieces) // the strings of the fields
		*buf = pieces[:0]
		timePiecePool.Put(buf)
	}()
	for i := 0; i < len(text); {
		var prev *timePiece
		if len(pieces) > 0 && pieces[len(pieces)-1].end == i {
			prev = &pieces[len(pieces)-1]
		}
		r := text[i]
		if prev != nil && ordinalOpen.has(r) {
			if p, ok := ordinalPeriodPiece(d, text, i, prev); ok {
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		if r == '初' && prev != nil {
			if p, ok := lunarDayPiece(d, text, i, prev); ok {
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		if numeralRune(r) || r == '数' {
			if p, ok := datePiece(d, text, i, prev, afterJoiner(text, pieces, i)); ok {
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		if (r >= 1<<16 || timeFirst[r>>6]&(1<<(uint(r)&63)) == 0) && r != '十' { // no time word starts here
			i++
			continue
		}
		// The tests that open wordPiece and planPiece, made here: most
		// runes pass neither, and the pieces they return are large.
		if mayTimeWord(text, i) {
			if p, ok := wordPiece(d, lex, text, i, prev); ok {
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		if r == '十' {
			if p, ok := planPiece(d, text, i); ok {
				d.traceTime(ruleTimePlan, Accept, p.start, p.end)
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		i++
	}
	return joinSpans(d, text, mergePieces(d, outsideBooks(d, text, pieces)))
}

// timePiecePool holds the buffers scanTimes collects its pieces in.
var timePiecePool = sync.Pool{New: func() any { return new([]timePiece) }}

// outsideBooks drops the pieces inside a book title (《明日之后》): nothing
// inside 《》 is another type.
func outsideBooks(d *Document, text []rune, pieces []timePiece) []timePiece {
	var books [][2]int
	for i, r := range text {
		if r != '《' {
			continue
		}
		for k := i + 1; k < len(text) && k < i+100 && text[k] != '\n'; k++ {
			if text[k] == '》' {
				books = append(books, [2]int{i, k})
				break
			}
		}
	}
	if len(books) == 0 {
		return pieces
	}
	out := pieces[:0]
	b := 0
	for _, p := range pieces {
		for b < len(books) && books[b][1] <= p.start {
			b++
		}
		if b < len(books) && books[b][0] < p.start && p.end <= books[b][1] {
			d.traceTime(ruleTimeInBook, Reject, p.start, p.end)
			continue
		}
		out = append(out, p)
	}
	return out
}

// mergePieces merges adjacent pieces, in place.
func mergePieces(d *Document, pieces []timePiece) []timePiece {
	out := pieces[:0]
	for i := range pieces {
		p := &pieces[i]
		if k := len(out) - 1; k >= 0 && out[k].end == p.start {
			out[k].end = p.end
			out[k].f.merge(p.f)
			d.traceTime(ruleTimeMerge, Adjust, out[k].start, out[k].end)
			continue
		}
		if len(out) < i {
			out = append(out, *p)
		} else {
			out = out[:i+1] // p is in place
		}
	}
	return out
}

// joinSpans joins A至B, A—B, A到B, where both state a date, into spans.
func joinSpans(d *Document, text []rune, out []timePiece) []timeSpan {
	var joined []timeSpan
	if d != nil && d.scratch != nil {
		joined = slices.Grow(d.scratch.times[:0], len(out))
		d.timesInScratch = true
	} else {
		joined = make([]timeSpan, 0, len(out))
	}
	for k := 0; k < len(out); k++ {
		s := timeSpan{start: out[k].start, end: out[k].end, f: out[k].f}
		if k+1 < len(out) {
			t := out[k+1]
			if joinedBy(text, s.end, t.start, t.end) && dated(s.f) && dated(t.f) {
				to := t.f
				s.to = &to
				s.end = t.end
				k++
				d.traceTime(ruleTimeJoin, Adjust, s.start, s.end)
			}
		}
		joined = append(joined, s)
	}
	return joined
}

// joinedBy reports whether text[from:to] joins two times into a span: a
// joiner with spaces around it (3月26日至28日, 2010 年至 2018 年), or 和, 与
// when 之间 or 间 follows the second (2015年和2018年之间).
func joinedBy(text []rune, from, to, end int) bool {
	for from < to && text[from] == ' ' {
		from++
	}
	for to > from && text[to-1] == ' ' {
		to--
	}
	if to-from != 1 {
		return false
	}
	if timeCtx().in(spanJoinerChars, text[from]) {
		return true
	}
	return timeCtx().in(betweenJoinerChars, text[from]) && followedBy(text, end, timeCtx().words["between_words"])
}

func dated(f tfields) bool {
	return f.hasYear || f.hasMonth || f.hasDay || f.hasHour || f.weekday != 0 && f.relWeek
}

// wordPiece reads the longest time word of the lexicon at text[i], if the
// rules of timeWordRules accept it here.
func wordPiece(d *Document, lex *lexicon[timeWord], text []rune, i int, prev *timePiece) (timePiece, bool) {
	if !mayTimeWord(text, i) {
		return timePiece{}, false
	}
	n, w := lex.Longest(text, i)
	if n == 0 {
		return timePiece{}, false
	}
	if w.op == "era" {
		return eraPiece(d, text, i, n, w)
	}
	c := newTimeWordCand(text, i, n, w, prev)
	if r := decideTime(d, timeWordRules, &c, i, i+n); r == nil || r.verdict != Accept {
		return timePiece{}, false
	}
	f := wordFields(w)
	if w.op == "week" && i+n < len(text) && text[i+n] == '末' {
		f.weekend = true // 下周末
		n++
		d.traceTime(ruleTimeWeek, Adjust, i, i+n)
	} else if w.op == "week" && i+n < len(text) {
		// 下周三, 上星期五
		if wd := strings.IndexRune(timeCtx().chars["weekday_chars"], text[i+n]); wd >= 0 {
			wd = wd/3 + 1 // byte index of a 3-byte rune
			f.weekday = min(wd, 7)
			n++
			d.traceTime(ruleTimeWeek, Adjust, i, i+n)
		}
	}
	return timePiece{i, i + n, f}, true
}

// nameList is a list of names joined into one string (by NUL, which no
// name holds), so that the names holding a word are found by one search.
type nameList struct {
	names  []string
	joined string
	starts []int // the byte offset of each name in joined
	plain  bool  // no name holds a NUL
	// subs holds every run of characters of the names (nil when a name is
	// not valid UTF-8): a word that is none is inside no name.
	subs map[string]struct{}
}

func newNameList(names []string) *nameList {
	l := &nameList{names: names, plain: true}
	var b strings.Builder
	for k, n := range names {
		if k > 0 {
			b.WriteByte(0)
		}
		l.starts = append(l.starts, b.Len())
		b.WriteString(n)
		if strings.IndexByte(n, 0) >= 0 {
			l.plain = false
		}
	}
	l.joined = b.String()
	l.subs = nameRuns(names)
	return l
}

// nameRuns returns the set of the runs of characters of names, nil when
// one is not valid UTF-8.
func nameRuns(names []string) map[string]struct{} {
	subs := map[string]struct{}{}
	for _, n := range names {
		if !utf8.ValidString(n) {
			return nil
		}
		for s := range n {
			for e := s + 1; e <= len(n); e++ {
				if e == len(n) || utf8.RuneStart(n[e]) {
					subs[n[s:e]] = struct{}{}
				}
			}
		}
	}
	return subs
}

// nameLists are the names of the time context, each list joined once.
var nameLists sync.Map // list name → *nameList

// timeNames returns the names of the time context's word list key, joined.
func timeNames(key string) *nameList {
	if l, ok := nameLists.Load(key); ok {
		return l.(*nameList)
	}
	l, _ := nameLists.LoadOrStore(key, newNameList(timeCtx().words[key]))
	return l.(*nameList)
}

// insideNameOf is insideName over a joined list: the names holding word are
// visited in order, each at the first place it holds word.
func insideNameOf(text []rune, i int, word string, l *nameList) bool {
	if word == "" || strings.IndexByte(word, 0) >= 0 || !l.plain {
		return insideName(text, i, word, l.names)
	}
	if _, ok := l.subs[word]; l.subs != nil && !ok {
		return false // in no name
	}
	for from := 0; from < len(l.joined); {
		k := strings.Index(l.joined[from:], word)
		if k < 0 {
			return false
		}
		pos := from + k
		x := sort.Search(len(l.starts), func(x int) bool { return l.starts[x] > pos }) - 1
		name := l.names[x]
		if insideNameAt(text, i, name, pos-l.starts[x]) {
			return true
		}
		from = l.starts[x] + len(name) + 1
	}
	return false
}

// insideNameAt reports whether name stands in text with its byte k at
// text[i].
func insideNameAt(text []rune, i int, name string, k int) bool {
	s := i - utf8.RuneCountInString(name[:k])
	e := s + utf8.RuneCountInString(name)
	return s >= 0 && e <= len(text) && string(text[s:e]) == name
}

// insideName reports whether the word at text[i] is part of one of the
// names written around it.
func insideName(text []rune, i int, word string, names []string) bool {
	for _, name := range names {
		k := strings.Index(name, word)
		if k < 0 {
			continue
		}
		s := i - len([]rune(name[:k]))
		e := s + len([]rune(name))
		if s >= 0 && e <= len(text) && string(text[s:e]) == name {
			return true
		}
	}
	return false
}

var ruleTimeEraYear = registerRule("time", "time.era_year", "an era name with a year (元年, 三年, 20年) is the Gregorian year it counts from the era's first year (康熙三年 → 1664, 民国三年 → 1914)", Accept)

// eraPiece reads an era year (康熙三年, 神龙元年, 康熙20年): the era name
// of text[i:i+n] and a year number with 年.
func eraPiece(d *Document, text []rune, i, n int, w timeWord) (timePiece, bool) {
	first, err := strconv.Atoi(w.arg)
	j := i + n
	if err != nil || j >= len(text) {
		return timePiece{}, false
	}
	v, k := 1, 1
	if text[j] != '元' {
		num, m := readNumeral(text, j)
		if m == 0 || num.Approx != ApproxExact || num.Decimal || num.Value < 1 || num.Value > 100 || float64(int(num.Value)) != num.Value {
			return timePiece{}, false
		}
		v, k = int(num.Value), m
	}
	if j+k >= len(text) || text[j+k] != '年' {
		return timePiece{}, false
	}
	d.traceTime(ruleTimeEraYear, Accept, i, j+k+1)
	return timePiece{i, j + k + 1, tfields{year: first + v - 1, hasYear: true}}, true
}

// timeWordCand is a time word of the lexicon at text[i:i+n], with what
// its rules look at.
type timeWordCand struct {
	text         []rune
	i, n         int
	w            timeWord
	prev         *timePiece // the piece that ends where the word starts
	first        rune
	word         string
	before, next rune // 0 at the edges
}

func newTimeWordCand(text []rune, i, n int, w timeWord, prev *timePiece) timeWordCand {
	c := timeWordCand{text: text, i: i, n: n, w: w, prev: prev, first: text[i], word: string(text[i : i+n])}
	if i > 0 {
		c.before = text[i-1]
	}
	if i+n < len(text) {
		c.next = text[i+n]
	}
	return c
}

// unitFirst reports whether the word opens with 年, 月, 日 (or 周 when
// week) with no piece before it.
func (c *timeWordCand) unitFirst(week bool) bool {
	if c.prev != nil || c.before == 0 {
		return false
	}
	switch c.first {
	case '年', '月', '日':
		return true
	case '周':
		return week
	}
	return false
}

// timeWordRules decide on each time word of the lexicon; the first rule
// that holds decides.
var timeWordRules = newRuleTable("time",
	rule[timeWordCand]{"time.word_inside_derivation", "a time word before 化 is part of a longer word (现代化)", Reject,
		func(c *timeWordCand) bool { return timeCtx().in(derivationNextChars, c.next) }},
	rule[timeWordCand]{"time.unit_after_count", "a word opening with 年, 月, 日 or 周 after a numeral, 多, 余, 几, 数 or 每 ends a count (三年内, 两月底)", Reject,
		func(c *timeWordCand) bool {
			return c.unitFirst(true) && (numeralRune(c.before) || timeCtx().in(countBeforeChars, c.before))
		}},
	rule[timeWordCand]{"time.unit_after_measure", "a word opening with 年, 月 or 日 after 个, 本, 上 or 下 belongs to the word before (两个月底)", Reject,
		func(c *timeWordCand) bool {
			return c.unitFirst(false) && timeCtx().in(measureBeforeChars, c.before)
		}},
	rule[timeWordCand]{"time.xian_after_verb", "现 after 体, 实, 表 … belongs to a verb (体现在, 实现今年)", Reject,
		func(c *timeWordCand) bool {
			return c.first == '现' && timeCtx().in(xianVerbBeforeChars, c.before)
		}},
	rule[timeWordCand]{"time.part_of_day_between_date_and_clock", "a one-character part of day is a time between a date and a clock time (5日晚8时)", Accept,
		func(c *timeWordCand) bool {
			return c.w.op == "tod" && c.n == 1 && c.prev != nil && c.i+1 < len(c.text) && numeralRune(c.text[c.i+1])
		}},
	rule[timeWordCand]{"time.part_of_day_alone", "a one-character part of day (早, 晚, 夜) is no time on its own (开办夜校)", Reject,
		func(c *timeWordCand) bool { return c.w.op == "tod" && c.n == 1 }},
	rule[timeWordCand]{"time.set_day_counted", "每周一 before 次, 个 or 项 counts occurrences (每周一次)", Reject,
		func(c *timeWordCand) bool {
			return c.w.op == "setday" && timeCtx().in(setdayCountNextChars, c.next)
		}},
	rule[timeWordCand]{"time.modern_adjective", "现代 before a sector noun is an adjective (现代农业, 现代服务业)", Reject,
		func(c *timeWordCand) bool {
			return c.word == "现代" && followedBy(c.text, c.i+c.n, timeCtx().words["modern_adjective_next_words"])
		}},
	rule[timeWordCand]{"time.word_opens_phrase", "a time word that opens a set phrase or another word is none (本年度, 新年伊始, 刚刚过去的一年)", Reject,
		func(c *timeWordCand) bool {
			s := timeCtx().mapChars(phraseNextMap, c.word)
			return s != "" && c.next != 0 && strings.ContainsRune(s, c.next)
		}},
	rule[timeWordCand]{"time.word_in_name", "a time word inside the name of a medium, a product or a programme is none (今日头条, 光明日报)", Reject,
		func(c *timeWordCand) bool {
			return insideNameOf(c.text, c.i, c.word, timeNames("names_with_time_words"))
		}},
	rule[timeWordCand]{"time.word_inside_compound", "a time word that starts inside a compound is none (项目前期, 政治清明)", Reject,
		func(c *timeWordCand) bool {
			s := timeCtx().mapChars(compoundBeforeMap, c.word)
			return s != "" && c.before != 0 && strings.ContainsRune(s, c.before)
		}},
	rule[timeWordCand]{"time.future_category", "未来 before 产业 or 技术 names a category (未来产业)", Reject,
		func(c *timeWordCand) bool {
			return c.word == "未来" && followedBy(c.text, c.i+c.n, timeCtx().words["future_category_next_words"])
		}},
	rule[timeWordCand]{"time.approx_after_numeral", "多, 几 or 数 after a numeral belong to the count (十多年来)", Reject,
		func(c *timeWordCand) bool { return timeCtx().in(approxChars, c.first) && numeralRune(c.before) }},
	rule[timeWordCand]{"time.numeral_festival_in_number", "a festival written with numerals (五一, 八一) inside a longer number or before a measure word is a number (八一二工程, 五一个单位)", Reject,
		func(c *timeWordCand) bool {
			return numeralRune(c.first) && (numeralRune(c.before) || numeralRune(c.next) || timeCtx().in(numeralWordNextChars, c.next))
		}},
	rule[timeWordCand]{"time.verb_complement", "过去 after a verb of motion is its complement (走过去, 看过去)", Reject,
		func(c *timeWordCand) bool {
			s := timeCtx().mapChars(verbComplementBefore, c.word)
			return s != "" && c.before != 0 && strings.ContainsRune(s, c.before)
		}},
	rule[timeWordCand]{"time.frequency", "a frequency is no time (每年, 每月, 每周一 as in 每周一例会)", Reject,
		func(c *timeWordCand) bool { return c.w.op == "set" || c.w.op == "setday" }},
	rule[timeWordCand]{"time.lunar_calendar_word", "农历 is part of a time only before a date (农历八月十五, 农历正月初一)", Reject,
		func(c *timeWordCand) bool {
			return c.w.op == "lunarcal" && !(numeralRune(c.next) || strings.ContainsRune(lunarMonthHeads, c.next))
		}},
	rule[timeWordCand]{"time.word", "a time word of the lexicon (今年, 上半年, 春节, 目前, 每月) is a time", Accept,
		func(c *timeWordCand) bool { return true }},
)

func wordFields(w timeWord) tfields {
	var f tfields
	n, _ := strconv.Atoi(w.arg)
	switch w.op {
	case "year":
		f.yearOff, f.relYear = n, true
		f.focusYear = w.arg2 == "focus"
	case "month":
		f.monthOff, f.relMonth = n, true
	case "week":
		f.weekOff, f.relWeek = n, true
	case "day":
		f.dayOff, f.relDay = n, true
	case "dayp":
		f.dayOff, f.relDay, f.tod = n, true, w.arg2
	case "ref":
		f.ref = w.arg
	case "part":
		f.part = w.arg
	case "ypart":
		f.yearOff, f.relYear, f.part = n, true, w.arg2
	case "mpart":
		f.monthOff, f.relMonth, f.part = n, true, w.arg2
	case "half":
		f.half = n
	case "quarter":
		f.quarter = n
	case "season":
		f.season = w.arg
	case "tod":
		f.tod = w.arg
	case "weekday":
		f.weekday = n
	case "weekend":
		f.weekend = true
	case "fest":
		f.fest = w.arg
	case "lunar":
		f.lunar = w.arg
	case "set":
		f.set = w.arg
	case "century":
		f.centuryOff, f.relCentury = n, true
	case "dur":
		f.dur = w.arg
	case "monthname":
		f.month, f.hasMonth = n, true
	case "setday":
		f.set, f.weekday = "P1W", n
	case "yseason":
		f.yearOff, f.relYear, f.season = n, true, w.arg2
	case "zodiac":
		f.zodiac = n + 1
	case "lunarcal":
		f.lunarCal = true
	case "nthday":
		f.nth = w.arg
	}
	return f
}

// planPiece reads a quoted five-year plan name (“十四五”) as a period.
func planPiece(d *Document, text []rune, i int) (timePiece, bool) {
	if i == 0 || text[i-1] != '“' || text[i] != '十' {
		return timePiece{}, false
	}
	k := i + 1
	for k < len(text) && k < i+4 && text[k] != '”' {
		k++
	}
	if k >= len(text) || text[k] != '”' {
		return timePiece{}, false
	}
	y, ok := timeCtx().plans[string(text[i:k])]
	if !ok {
		return timePiece{}, false
	}
	if followedBy(text, k+1, timeCtx().words["plan_document_next_words"]) {
		d.traceTime(ruleTimePlanDoc, Reject, i, k)
		return timePiece{}, false
	}
	return timePiece{i, k, tfields{planStart: y, planEnd: y + 4}}, true
}

// numCand is a numeral text[i:j] before a time unit text[j] (年, 月, 日,
// 号, 时, 点, 季), with what the rules of its unit look at.
type numCand struct {
	text   []rune
	i, j   int
	num    numeral
	n, v   int
	liang  bool // written with 两
	unit   rune
	after  rune // the rune after the unit (0 at the end)
	before rune // the rune before the numeral (0 at the start)
	prev   *timePiece
}

// afterMonth reports whether the piece before states a month.
func (c *numCand) afterMonth() bool { return c.prev != nil && (c.prev.f.hasMonth || c.prev.f.relMonth) }

// afterDay reports whether the piece before states a day or a part of day.
func (c *numCand) afterDay() bool {
	return c.prev != nil && (c.prev.f.hasDay || c.prev.f.tod != "" || c.prev.f.relDay)
}

// Rules on the numeral itself, before its unit is read.
var (
	ruleTimeNumeralInToken = registerRule("time", "time.numeral_inside_token", "a numeral after a digit, a decimal point, 第, a dash, a slash or a Latin letter is part of a token (第3号, V2021年, 10.5月)", Reject)
	ruleTimeSpelledInNum   = registerRule("time", "time.spelled_inside_number", "a Chinese numeral after another is inside a longer number (二十七点三)", Reject)
	ruleTimeISODate        = registerRule("time", "time.iso_date", "an all-digit date is a date (2021-03-26, 2021.3.26, 2021/3/26)", Accept)
	ruleTimeNotExact       = registerRule("time", "time.numeral_not_exact", "a percentage, a decimal, a range or an approximate number is no date (10.5月, 三五日)", Reject)
)

// datePiece reads a date or clock piece starting at text[i]: a year,
// month, day, hour (with minutes) or quarter written with a numeral, or an
// all-digit date (2021-03-26, 2021.3.26, 2021/3/26).
func datePiece(d *Document, text []rune, i int, prev *timePiece, joined bool) (timePiece, bool) {
	if vagueCountSet.has(text[i]) {
		return durationPiece(d, text, i, prev)
	}
	if !numeralRune(text[i]) {
		return timePiece{}, false
	}
	if i > 0 {
		p := text[i-1]
		// Inside a longer number, a decimal, a phone or ID number.
		if isDigitRune(p) || isDecimalPoint(p) || timeCtx().in(numeralPrefixChars, p) && !joined || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') {
			traceNumeralVeto(d, ruleTimeNumeralInToken, text, i)
			return timePiece{}, false
		}
		if !isDigitRune(text[i]) {
			_, isDigit := cnDigit(p)
			_, isUnit := cnUnit(p)
			if isDigit || isUnit {
				traceNumeralVeto(d, ruleTimeSpelledInNum, text, i)
				return timePiece{}, false
			}
		}
	}
	if isDigitRune(text[i]) { // both read digits
		if p, ok := isoDate(text, i); ok {
			if _, k := readDigits(text, p.start, 4); k == 4 {
				d.traceTime(ruleTimeISODate, Accept, p.start, p.end)
			} else {
				d.traceTime(ruleTimeDMY, Accept, p.start, p.end)
			}
			return p, true
		}
		if p, ok := colonClock(text, i); ok {
			d.traceTime(ruleTimeColonClock, Accept, p.start, p.end)
			return p, true
		}
	}
	num, n := readNumeral(text, i)
	if n == 0 {
		return timePiece{}, false
	}
	if i+n >= len(text) {
		if p, ok := fromYearPiece(d, text, i, num, n, joined); ok {
			return p, true
		}
		return bareDayPiece(d, text, i, num, n, prev)
	}
	if p, ok := sharedYearPiece(d, text, i, num, n); ok {
		return p, true
	}
	if p, ok := fromYearPiece(d, text, i, num, n, joined); ok {
		return p, true
	}
	if p, ok := decadePiece(d, text, i, num, n, prev); ok {
		return p, true
	}
	if p, ok := numeralDatePiece(d, text, i, num, n, prev); ok {
		return p, true
	}
	if p, ok := bareDayPiece(d, text, i, num, n, prev); ok {
		return p, true
	}
	return durationPieceOf(d, text, i, prev, &readNum{num, n})
}

// numeralDatePiece reads the numeral text[i:i+n] and its unit as a year,
// month, day, clock time or quarter, when the rules of the unit accept it.
func numeralDatePiece(d *Document, text []rune, i int, num numeral, n int, prev *timePiece) (timePiece, bool) {
	j := i + n
	if num.Digits && j+1 < len(text) && (text[j] == ' ' || text[j] == '\u3000') && timeUnitTable(text[j+1]) != nil {
		j++ // 2008 年
	}
	table := timeUnitTable(text[j])
	if table == nil {
		return timePiece{}, false // no time unit: no candidate
	}
	if num.Percent || num.Ordinal || num.Decimal || num.Range || num.Approx != ApproxExact || float64(int(num.Value)) != num.Value {
		d.traceTime(ruleTimeNotExact, Reject, i, j+1)
		return timePiece{}, false
	}
	// The candidate escapes to the rules: built only past the cheap tests.
	c := numCand{text: text, i: i, j: j, num: num, n: n, v: int(num.Value), unit: text[j], prev: prev}
	if i > 0 {
		c.before = text[i-1]
	}
	if c.j+1 < len(text) {
		c.after = text[c.j+1]
	}
	for _, r := range text[i:c.j] {
		if r == '两' {
			c.liang = true
		}
	}
	r := table.first(&c)
	if r == nil || r.verdict != Accept {
		if r != nil {
			d.traceTime(r.name, r.verdict, i, c.j+1)
		}
		return timePiece{}, false
	}
	p, ok := unitPiece(&c)
	if ok {
		d.traceTime(r.name, r.verdict, p.start, p.end)
	}
	return p, ok
}

// traceNumeralVeto reports a veto of the numeral at text[i] when d traces
// and a time unit follows the numeral (a time candidate), so that the
// digits inside every long number are not reported.
func traceNumeralVeto(d *Document, name string, text []rune, i int) {
	if d == nil || d.trace == nil {
		return
	}
	j := i
	for j < len(text) && numeralRune(text[j]) {
		j++
	}
	if j < len(text) && timeUnitTable(text[j]) != nil {
		d.traceRule(name, Reject, i, j+1)
	}
}

// twoDigitYear places a year written with two digits: 00–49 in 2000–2049,
// 50–99 in 1950–1999.
func twoDigitYear(v int) int {
	if v < 50 {
		return 2000 + v
	}
	return 1900 + v
}

// afterJoiner reports whether text[i] follows a span joiner (and spaces)
// that follows the last piece: the numeral opens the end of a range
// (5月-10月, 2018/1/10-2018/7/10).
func afterJoiner(text []rune, pieces []timePiece, i int) bool {
	if len(pieces) == 0 {
		return false
	}
	k := i - 1
	for k >= 0 && text[k] == ' ' {
		k--
	}
	if k < 0 || !timeCtx().in(spanJoinerChars, text[k]) {
		return false
	}
	k--
	for k >= 0 && text[k] == ' ' {
		k--
	}
	return k+1 == pieces[len(pieces)-1].end
}

// sharedYearPiece reads four digits that share the 年 of the year after
// them (1995-1997年, 2019、2020年度, 2015和2018年).
func sharedYearPiece(d *Document, text []rune, i int, num numeral, n int) (timePiece, bool) {
	if !num.Digits || n != 4 || num.Value < 1000 || num.Value > 2200 || num.Approx != ApproxExact || num.Decimal {
		return timePiece{}, false
	}
	k := i + n
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || !(timeCtx().in(spanJoinerChars, text[k]) || timeCtx().in(yearListChars, text[k])) {
		return timePiece{}, false
	}
	k++
	for k < len(text) && text[k] == ' ' {
		k++
	}
	if k >= len(text) || !numeralRune(text[k]) {
		return timePiece{}, false
	}
	m, mn := readNumeral(text, k)
	e := k + mn
	for e < len(text) && text[e] == ' ' {
		e++
	}
	if !m.Digits || mn != 4 || e >= len(text) || text[e] != '年' {
		return timePiece{}, false
	}
	d.traceTime(ruleTimeSharedYear, Accept, i, i+n)
	return timePiece{i, i + n, tfields{year: int(num.Value), hasYear: true}}, true
}

var ruleTimeSharedYear = registerRule("time", "time.year_shared_suffix", "four digits before a joiner and another year share its 年 (1995-1997年, 2019、2020年度)", Accept)

var ruleTimeDecade = registerRule("time", "time.decade", "a round number before 年代 after a century is a decade of it (上世纪90年代, 十九世纪七十年代, 20世纪80年代); 90年代 alone is none", Accept)

// decadePiece reads a decade (90年代, 九十年代, 1980年代), with the century
// written before it (20世纪80年代, 十九世纪七十年代).
func decadePiece(d *Document, text []rune, i int, num numeral, n int, prev *timePiece) (timePiece, bool) {
	j := i + n
	v := int(num.Value)
	if j+1 >= len(text) || text[j] != '年' || text[j+1] != '代' || num.Approx != ApproxExact || float64(v) != num.Value || v%10 != 0 {
		return timePiece{}, false
	}
	if !(v >= 10 && v <= 90 || v >= 1000 && v <= 2100) {
		return timePiece{}, false
	}
	f := tfields{decade: v}
	start := i
	// A century written before it: 20世纪, 十九世纪.
	if i >= 3 && text[i-1] == '纪' && text[i-2] == '世' {
		k := i - 2
		for k > 0 && numeralRune(text[k-1]) {
			k--
		}
		if k < i-2 {
			if c, m := readNumeral(text, k); m == i-2-k && c.Value >= 1 && c.Value <= 21 {
				f.century, start = int(c.Value), k
			}
		}
	}
	if f.century == 0 && !(prev != nil && prev.end == i && prev.f.relCentury) {
		return timePiece{}, false // 90年代 alone names an era more than a time
	}
	d.traceTime(ruleTimeDecade, Accept, start, j+2)
	return timePiece{start, j + 2, f}, true
}

var ruleTimeOrdinalPeriod = registerRule("time", "time.ordinal_period", "第 N 周 or 第 N 个月 after a year, or 第 N 周 after a month, is that week or month of it (2021年的第一周, 明年第九个月, 十月的第一周)", Accept)

// ordinalPeriodPiece reads (的)第N周 or (的)第N个月 right after a year.
func ordinalPeriodPiece(d *Document, text []rune, i int, prev *timePiece) (timePiece, bool) {
	inMonth := prev.f.hasMonth && !prev.f.hasDay
	if prev.end != i || !(prev.f.hasYear || prev.f.relYear || inMonth) || prev.f.hasMonth && !inMonth || prev.f.quarter != 0 || prev.f.half != 0 {
		return timePiece{}, false
	}
	j := i
	if text[j] == '的' {
		j++
	}
	if j+2 >= len(text) || text[j] != '第' || !numeralRune(text[j+1]) {
		return timePiece{}, false
	}
	num, n := readNumeral(text, j+1)
	k := j + 1 + n
	v := int(num.Value)
	if n == 0 || float64(v) != num.Value || num.Approx != ApproxExact || v < 1 {
		return timePiece{}, false
	}
	var f tfields
	switch {
	case k < len(text) && text[k] == '周' && inMonth && v <= 5:
		f.monthWeek, k = v, k+1 // 十月的第一周: from the month's first Monday
	case k < len(text) && text[k] == '周' && !inMonth && v <= 53:
		f.isoWeek, k = v, k+1
	case k+1 < len(text) && text[k] == '个' && text[k+1] == '月' && v <= 12:
		f.month, f.hasMonth, k = v, true, k+2
	default:
		return timePiece{}, false
	}
	d.traceTime(ruleTimeOrdinalPeriod, Accept, i, k)
	return timePiece{i, k, f}, true
}

var ruleTimeFromYears = registerRule("time", "time.from_year_to_year", "four digits after 从 and four digits joined to them by 到, 至 or a dash are years (从2016到2018)", Accept)

// fromYearPiece reads a bare year after 从 that a joiner and another bare
// year follow, or that bare year after the joiner (从2016到2018, 从2016-2018).
func fromYearPiece(d *Document, text []rune, i int, num numeral, n int, joined bool) (timePiece, bool) {
	if !num.Digits || n != 4 || num.Value < 1000 || num.Value > 2200 || num.Approx != ApproxExact || num.Decimal {
		return timePiece{}, false
	}
	e := i + n
	u := e
	for u < len(text) && text[u] == ' ' {
		u++
	}
	if u < len(text) && (numeralRune(text[u]) || timeUnitTable(text[u]) != nil) {
		return timePiece{}, false // 2018 年 is read with its unit
	}
	ok := joined
	if !joined && i > 0 && text[i-1] == '从' && e+5 <= len(text) && timeCtx().in(spanJoinerChars, text[e]) {
		m, mn := readNumeral(text, e+1)
		ok = m.Digits && mn == 4 && m.Value >= 1000 && m.Value <= 2200 && (e+1+mn == len(text) || !numeralRune(text[e+1+mn]) && timeUnitTable(text[e+1+mn]) == nil)
	}
	if !ok {
		return timePiece{}, false
	}
	d.traceTime(ruleTimeFromYears, Accept, i, e)
	return timePiece{i, e, tfields{year: int(num.Value), hasYear: true}}, true
}

// monthAt reports whether a month (a number from 1 to 12 and 月) starts at
// text[i].
func monthAt(text []rune, i int) bool {
	if i >= len(text) || !numeralRune(text[i]) {
		return false
	}
	num, n := readNumeral(text, i)
	return n > 0 && i+n < len(text) && text[i+n] == '月' && num.Value >= 1 && num.Value <= 12
}

// timeUnitTable returns the rule table of the time unit u (nil when u is
// none).
func timeUnitTable(u rune) *ruleTable[numCand] {
	switch u {
	case '年':
		return timeYearRules
	case '月':
		return timeMonthRules
	case '日', '号':
		return timeDayRules
	case '时', '点':
		return timeClockRules
	case '季':
		return timeQuarterRules
	}
	return nil
}

// unitPiece builds the piece an accepted numeral and its unit make.
func unitPiece(c *numCand) (timePiece, bool) {
	var f tfields
	text, i, j := c.text, c.i, c.j
	switch c.unit {
	case '年':
		f.year, f.hasYear = c.v, true
		if c.n == 2 && c.v < 100 {
			f.year = twoDigitYear(c.v)
		}
		if c.after == '度' {
			return timePiece{i, j + 2, f}, true // 2020年度
		}
		return timePiece{i, j + 1, f}, true
	case '月':
		f.month, f.hasMonth = c.v, true
		end := j + 1
		if end < len(text) && text[end] == '份' {
			end++
		}
		return timePiece{i, end, f}, true
	case '日', '号':
		f.day, f.hasDay = c.v, true
		return timePiece{i, j + 1, f}, true
	case '时', '点':
		f.hour, f.hasHour = c.v, true
		end := j + 1
		if end < len(text) && strings.ContainsRune(clockHourEnds, text[end]) {
			end++
		} else if end < len(text) && text[end] == '半' {
			f.minute, f.hasMinute = 30, true
			end++
		} else if m, k := clockMinutes(text, end); k > 0 {
			f.minute, f.hasMinute = m, true
			end += k
		}
		return timePiece{i, end, f}, true
	case '季':
		f.quarter = c.v
		return timePiece{i, j + 2, f}, true
	}
	return timePiece{}, false
}

var timeYearRules = newRuleTable("time",
	rule[numCand]{"time.year_thousands", "a Chinese number from 1000 to 2200 with 千 and 零, or before a month, is a year (两千零四年, 两千年八月)", Accept,
		func(c *numCand) bool {
			if c.num.Digits || c.num.Spelled || c.v < 1000 || c.v > 2200 || c.num.Approx != ApproxExact {
				return false
			}
			body := string(c.text[c.i:c.j])
			return strings.ContainsRune(body, '千') && (strings.ContainsRune(body, '零') || monthAt(c.text, c.j+1))
		}},
	rule[numCand]{"time.year_two_digits", "two digits before 年 are a year when written with a leading zero or before a month: 00–49 are 2000–2049, 50–99 are 1950–1999 (08年, 零八年, 18年10月1日)", Accept,
		func(c *numCand) bool {
			if c.n != 2 || !(c.num.Digits || c.num.Spelled) || c.num.Approx != ApproxExact {
				return false
			}
			zero := c.text[c.i] == '0' || c.text[c.i] == '０' || c.text[c.i] == '零' || c.text[c.i] == '〇'
			return zero || monthAt(c.text, c.j+1)
		}},
	rule[numCand]{"time.year_not_four_digits", "a year is four digits or four spelled Chinese digits between 1000 and 2200 (三年, 15年 are no years)", Reject,
		func(c *numCand) bool {
			return !(c.num.Digits && c.n == 4 || c.num.Spelled && c.n == 4) || c.v < 1000 || c.v > 2200
		}},
	rule[numCand]{"time.year_suffix", "a round year before 年代 or a year before 级 is no year (1980年代, 2021级); 1994年代表 is a year", Reject,
		func(c *numCand) bool {
			return c.after == '级' || c.after == '代' && c.v%10 == 0
		}},
	rule[numCand]{"time.year", "four digits before 年 are a year (2021年, 一九九七年)", Accept,
		func(c *numCand) bool { return true }},
)

var timeMonthRules = newRuleTable("time",
	rule[numCand]{"time.month_out_of_range", "a month is 1 to 12, written with digits (at most two) or a Chinese number without 两 (两个月 is a count)", Reject,
		func(c *numCand) bool {
			return c.v < 1 || c.v > 12 || c.liang || c.num.Spelled || c.num.Digits && c.n > 2
		}},
	rule[numCand]{"time.month_compound", "月 before 球, 饼, 薪, 票 or 革 is part of a word (5月球, 十月革命)", Reject,
		func(c *numCand) bool { return timeCtx().in(monthCompoundNextChars, c.after) }},
	rule[numCand]{"time.month", "a number from 1 to 12 before 月 (and 份) is a month (3月, 十二月, ８月份)", Accept,
		func(c *numCand) bool { return true }},
)

var timeDayRules = newRuleTable("time",
	rule[numCand]{"time.day_out_of_range", "a day is 1 to 31, written with digits (at most two) or a Chinese number without 两", Reject,
		func(c *numCand) bool {
			return c.v < 1 || c.v > 31 || c.liang || c.num.Spelled || c.num.Digits && c.n > 2
		}},
	rule[numCand]{"time.day_hao_without_month", "号 is a day only after a month (3号文件 is none)", Reject,
		func(c *numCand) bool { return c.unit == '号' && !c.afterMonth() }},
	rule[numCand]{"time.day_idiom", "a one-character Chinese numeral + 日 without a month, in an idiom or at the end, is no date (一日三餐, 一日游)", Reject,
		func(c *numCand) bool {
			return !c.num.Digits && !c.afterMonth() && c.n < 2 &&
				(c.after == 0 || timeCtx().in(dayIdiomNextChars, c.after) || c.v == 0)
		}},
	rule[numCand]{"time.day_after_quantifier", "a one-character Chinese numeral + 日 after 每, 近, 数, 同, 前 … is no date (同一日, 前一日)", Reject,
		func(c *numCand) bool {
			return !c.num.Digits && !c.afterMonth() && c.n < 2 && timeCtx().in(dayQuantifierBeforeChars, c.before)
		}},
	rule[numCand]{"time.day_component", "日 or 号 before 元 is part of a word (五日元)", Reject,
		func(c *numCand) bool { return timeCtx().in(dayComponentNextChars, c.after) }},
	rule[numCand]{"time.day", "a number from 1 to 31 before 日, or 号 after a month, is a day (26日, 3月5号, 警方三日宣布)", Accept,
		func(c *numCand) bool { return true }},
)

var timeClockRules = newRuleTable("time",
	rule[numCand]{"time.clock_out_of_range", "an hour is 0 to 24, not spelled digit by digit, and 两 makes no hour with 时", Reject,
		func(c *numCand) bool { return c.v > 24 || c.liang && c.unit == '时' || c.num.Spelled }},
	rule[numCand]{"time.clock_shi_compound", "时 before 间, 期, 代, 候 … is part of a word (三时期, 七时代)", Reject,
		func(c *numCand) bool { return c.unit == '时' && timeCtx().in(shiCompoundNextChars, c.after) }},
	rule[numCand]{"time.clock_yishi", "一时 without a day before it means for a while (一时)", Reject,
		func(c *numCand) bool {
			return c.unit == '时' && !c.num.Digits && c.n == 1 && !c.afterDay() && c.v == 1
		}},
	rule[numCand]{"time.clock_dian_needs_context", "点 is an hour only with 钟, 整, 半, minutes or a day before it (十一点建议 is none)", Reject,
		func(c *numCand) bool {
			if c.unit != '点' || strings.ContainsRune(clockHourEnds, c.after) || c.after == '半' || c.afterDay() {
				return false
			}
			_, k := clockMinutes(c.text, c.j+1)
			return k == 0
		}},
	rule[numCand]{"time.clock", "a number before 时 or 点 is an hour, with its minutes (9点30分, 上午十点半, 1月5日晚8时)", Accept,
		func(c *numCand) bool { return true }},
)

var timeQuarterRules = newRuleTable("time",
	rule[numCand]{"time.quarter_numeral", "a one-character number from 1 to 4 before 季度 is a quarter (一季度, 2020年四季度)", Accept,
		func(c *numCand) bool { return c.after == '度' && c.v >= 1 && c.v <= 4 && c.n == 1 }},
)

// clockMinutes reads "30分" at text[i] (0-59, written with a numeral).
func clockMinutes(text []rune, i int) (int, int) {
	if i >= len(text) || !numeralRune(text[i]) {
		return 0, 0
	}
	num, n := readNumeral(text, i)
	if n == 0 || i+n >= len(text) || text[i+n] != '分' || num.Decimal || num.Range || num.Percent || num.Approx != ApproxExact {
		return 0, 0
	}
	v := int(num.Value)
	if v < 0 || v > 59 || float64(v) != num.Value {
		return 0, 0
	}
	k := n + 1
	// 分 followed by 钟 is a duration only without an hour; keep it here.
	if i+k < len(text) && text[i+k] == '钟' {
		k++
	}
	return v, k
}

// isoDate reads 2021-03-26, 2021.3.26 or 2021/3/26.
func isoDate(text []rune, i int) (timePiece, bool) {
	if i+8 > len(text) {
		return timePiece{}, false
	}
	y, k := readDigits(text, i, 4)
	if k != 4 || y < 1000 || y > 2200 {
		return dayMonthYear(text, i)
	}
	sep := text[i+4]
	if !timeCtx().in(isoDateSepChars, sep) {
		return timePiece{}, false
	}
	m, km := readDigits(text, i+5, 2)
	if km == 0 || m < 1 || m > 12 || i+5+km >= len(text) || text[i+5+km] != sep {
		return timePiece{}, false
	}
	dd, kd := readDigits(text, i+6+km, 2)
	if kd == 0 || dd < 1 || dd > 31 {
		return timePiece{}, false
	}
	end := i + 6 + km + kd
	if end < len(text) && (isDigitRune(text[end]) || text[end] == sep) {
		return timePiece{}, false
	}
	f := tfields{year: y, month: m, day: dd, hasYear: true, hasMonth: true, hasDay: true}
	if end < len(text) && text[end] == '日' {
		end++
	}
	return timePiece{i, end, f}, true
}

var ruleTimeColonClock = registerRule("time", "time.colon_clock", "an hour and two-digit minutes written with a colon are a time of day (9:30, 下午5:00)", Accept)

// colonClock reads 9:30 or 17:05 (an hour up to 24, two-digit minutes).
func colonClock(text []rune, i int) (timePiece, bool) {
	h, kh := readDigits(text, i, 2)
	j := i + kh
	if kh == 0 || h > 24 || j+2 >= len(text) || text[j] != ':' && text[j] != '：' {
		return timePiece{}, false
	}
	m, km := readDigits(text, j+1, 2)
	end := j + 1 + km
	if km != 2 || m > 59 || end < len(text) && (text[end] == ':' || text[end] == '：' || isDigitRune(text[end])) {
		return timePiece{}, false
	}
	return timePiece{i, end, tfields{hour: h, hasHour: true, minute: m, hasMinute: true}}, true
}

var ruleTimeDMY = registerRule("time", "time.day_month_year", "an all-digit date that ends with a four-digit year is day, month, year (13.5.2015, 1/2/2020 → 2020-02-01, 3-7-2017)", Accept)

// dayMonthYear reads 13.5.2015, 1/2/2020 or 3-7-2017: one or two digits,
// a separator, one or two digits, the same separator, four digits.
func dayMonthYear(text []rune, i int) (timePiece, bool) {
	dd, kd := readDigits(text, i, 2)
	if kd == 0 || i+kd >= len(text) {
		return timePiece{}, false
	}
	sep := text[i+kd]
	if sep != '/' && sep != '.' && sep != '-' {
		return timePiece{}, false
	}
	m, km := readDigits(text, i+kd+1, 2)
	j := i + kd + 1 + km
	if km == 0 || j >= len(text) || text[j] != sep {
		return timePiece{}, false
	}
	y, ky := readDigits(text, j+1, 4)
	end := j + 1 + ky
	if ky != 4 || y < 1000 || y > 2200 || m < 1 || m > 12 || !validDate(y, m, dd) {
		return timePiece{}, false
	}
	if end < len(text) && (isDigitRune(text[end]) || text[end] == sep) {
		return timePiece{}, false
	}
	return timePiece{i, end, tfields{year: y, month: m, day: dd, hasYear: true, hasMonth: true, hasDay: true}}, true
}

// readDigits reads up to max digits at text[i].
func readDigits(text []rune, i, max int) (int, int) {
	v, k := 0, 0
	for k < max && i+k < len(text) {
		d, ok := digitValue(text[i+k])
		if !ok {
			break
		}
		v = v*10 + d
		k++
	}
	if i+k < len(text) && isDigitRune(text[i+k]) {
		return 0, 0 // longer than max
	}
	return v, k
}

// runDate is the date stage: d.Ref and d.Date from the time spans.
func runDate(d *Document) { resolveRef(d, d.timeSpans()) }

// runTimes is the time stage: the time spans resolved against d.Ref.
func runTimes(d *Document) { timeMentions(d, d.timeSpans()) }

// timeSpanPairs returns the code-point spans [start, end) of the time
// expressions of text, as the time extractor finds them; other extractors
// use it to keep out of dates.
func timeSpanPairs(text []rune) [][2]int {
	spans := scanTimes(nil, text)
	out := make([][2]int, len(spans))
	for i, s := range spans {
		out[i] = [2]int{s.start, s.end}
	}
	return out
}
