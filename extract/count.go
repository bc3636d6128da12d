package extract

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/tongbao/tongbao/segment"
)

// The count stage reads a numeral (readNumeral) followed by a measure word
// of data/count_units.txt (213件, 30余本, 1.2万元, 两三个), and percentages
// (30%, 百分之三十). The span covers numeral and measure word; approximation
// words around it (约, 近, 左右, 以上; data/count_approx.txt) set Approx but
// stay out of the span. The counted object is the noun that follows the
// measure word, else the noun or verb that precedes the numeral (开展调研12次);
// it is read from the segmentation (Document.Tokens).
//
// Every decision is a named rule: countRules decides each candidate (a
// numeral that starts where no other numeral continues), the span-building
// steps are registered rules reported as they apply, and the numeral rules
// that read the numeral are reported with each count. Spans the time stage
// found are skipped.

//go:embed data/count_units.txt
var countUnitsData string

//go:embed data/count_fixed_words.txt
var countFixedWordsData string

//go:embed data/count_not_counts.txt
var countNotCountsData string

//go:embed data/count_unit_collisions.txt
var countUnitCollisionsData string

//go:embed data/count_case_nouns.txt
var countCaseNounsData string

//go:embed data/count_session_words.txt
var countSessionWordsData string

//go:embed data/count_approx.txt
var countApproxData string

//go:embed data/count_chars.txt
var countCharsData string

//go:embed data/count_duration_units.txt
var countDurationUnitsData string

//go:embed data/count_term_words.txt
var countTermWordsData string

//go:embed data/count_phase_words.txt
var countPhaseWordsData string

//go:embed data/count_article_units.txt
var countArticleUnitsData string

//go:embed data/count_numeral_places.txt
var countNumeralPlacesData string

//go:embed data/count_unit_words.txt
var countUnitWordsData string

var countUnits = sync.OnceValue(func() *lexicon[string] {
	lex := newLexicon[string]()
	readWordList(countUnitsData, func(f []string) {
		class := "item"
		if len(f) > 1 {
			class = f[1]
		}
		lex.Add(f[0], class)
	})
	return lex
})

// countFixedWords are the words of data/count_fixed_words.txt: numbered
// slogans, formulas and idioms whose numerals are not counts.
var countFixedWords = sync.OnceValue(func() *lexicon[bool] {
	lex := newLexicon[bool]()
	readWordList(countFixedWordsData, func(f []string) {
		lex.Add(f[0], true)
		// Mark the first rune for a one-bit test per rune, and the first
		// two.
		rs := []rune(f[0])
		if r := rs[0]; r < 1<<16 {
			fixedFirst[r>>6] |= 1 << (uint(r) & 63)
		}
		if len(rs) < 2 {
			fixedShort = true
		} else {
			h := fixedPairHash(rs[0], rs[1])
			fixedPairs[h>>6] |= 1 << (h & 63)
		}
	})
	return lex
})

// fixedFirst marks the runes that start a word of countFixedWords.
var fixedFirst [1 << 10]uint64

// fixedPairs marks, by a hash, the first two runes of the words of
// countFixedWords; fixedShort is set when a word has one rune only.
var (
	fixedPairs [1 << 10]uint64
	fixedShort bool
)

// fixedPairHash is the index in fixedPairs of the runes r1, r2.
func fixedPairHash(r1, r2 rune) uint64 {
	return (uint64(uint32(r1))<<32 | uint64(uint32(r2))) * 0x9E3779B97F4A7C15 >> 48
}

// fixedMayStart reports whether a word of countFixedWords may start at
// text[i], whose first rune is marked in fixedFirst (false: none does).
func fixedMayStart(text []rune, i int) bool {
	if fixedShort {
		return true
	}
	if i+1 >= len(text) {
		return false
	}
	h := fixedPairHash(text[i], text[i+1])
	return fixedPairs[h>>6]&(1<<(h&63)) != 0
}

// countTriggers marks the runes at which scanCounts has something to do:
// the first runes of countFixedWords, 首 and the runes a numeral starts
// with (numeralStart, 百). Every other rune is passed over with one test.
var countTriggers = sync.OnceValue(func() *runeSet {
	countFixedWords() // sets fixedFirst
	s := new(runeSet)
	*s = fixedFirst
	for r := rune(0); r < 1<<16; r++ {
		if numeralStart(r) {
			s.add(r)
		}
	}
	s.add('首') // ordinalFirst
	s.add('百') // 百分之
	return s
})

// approxWord is an approximation word of data/count_approx.txt.
type approxWord struct {
	word   []rune
	approx string
}

// countLists holds the word lists and character sets of the count rules.
type countLists struct {
	notCounts      *lexicon[bool] // data/count_not_counts.txt
	unitCollisions *lexicon[bool] // data/count_unit_collisions.txt
	caseNouns      []string       // data/count_case_nouns.txt
	sessionWords   []string       // data/count_session_words.txt
	approxBefore   []approxWord   // data/count_approx.txt, side before
	approxAfter    []approxWord   // data/count_approx.txt, side after
	chars          map[string]string
	durations      *lexicon[bool] // data/count_duration_units.txt, after the numeral
	durationsGe    []string       // data/count_duration_units.txt, after 个
	termWords      []string       // data/count_term_words.txt
	phaseWords     []string       // data/count_phase_words.txt
	articleUnits   *lexicon[bool] // data/count_article_units.txt
	places         *lexicon[bool] // data/count_numeral_places.txt
	// data/count_unit_words.txt
	points      map[string]bool // kind point
	spacedRatio map[string]bool // kind spaced_ratio
	moneySub    []moneySub      // kind money_sub
	notFormula  []string        // kind not_formula
	indefinite  []string        // kind indefinite
	// sets are the character sets of data/count_chars.txt the rules test,
	// resolved once.
	sets countSets
}

// countSets are character sets of data/count_chars.txt, by name.
type countSets struct {
	yiWordBefore, shuWordBefore, qianUnitAfter, capitalDigits, jiaoMoneyAfter  *runeSet
	yidaoNext, yiNounUnits, yiNounNext, ordinalHeads, titleBeforeShou          *runeSet
	sessionBefore, recentBeforeJin, currencySigns, minusSigns, spacedRatioLast *runeSet
	magnitudeWordNext, formulaNotNext, moneyJoiners, moneySubNotNext, geChars  *runeSet
	// spacedAlphabet holds spaced_alphabet and capital_digits: the runes
	// besides numerals that stand in a spaced number.
	spacedAlphabet *runeSet
}

// resolve sets the character sets from chars; a missing set panics.
func (s *countSets) resolve(chars map[string]string) {
	get := func(name string) *runeSet {
		cs, ok := chars[name]
		if !ok {
			panic("data/count_chars.txt: no set " + name)
		}
		return newRuneSet(cs)
	}
	s.yiWordBefore, s.shuWordBefore, s.qianUnitAfter = get("yi_word_before"), get("shu_word_before"), get("qian_unit_after")
	s.capitalDigits, s.jiaoMoneyAfter, s.yidaoNext = get("capital_digits"), get("jiao_money_after"), get("yidao_next")
	s.yiNounUnits, s.yiNounNext, s.ordinalHeads = get("yi_noun_units"), get("yi_noun_next"), get("ordinal_heads")
	s.titleBeforeShou, s.sessionBefore, s.recentBeforeJin = get("title_before_shou"), get("session_before"), get("recent_before_jin")
	s.currencySigns, s.minusSigns, s.spacedRatioLast = get("currency_signs"), get("minus_signs"), get("spaced_ratio_last")
	s.magnitudeWordNext, s.formulaNotNext, s.moneyJoiners = get("magnitude_word_next"), get("formula_not_next"), get("money_joiners")
	s.moneySubNotNext, s.geChars = get("money_sub_not_next"), get("ge_chars")
	s.spacedAlphabet = newRuneSet(chars["spaced_alphabet"] + chars["capital_digits"])
}

// countSet returns the resolved character sets of the count rules.
func countSet() *countSets { return &countData().sets }

// wordIn reports whether rs is one of words, building no string.
func wordIn(rs []rune, words []string) bool {
	for _, w := range words {
		if n, ok := wordAt(rs, 0, w); ok && n == len(rs) {
			return true
		}
	}
	return false
}

// lexHas reports whether rs is a word of l, building no string.
func lexHas(l *lexicon[bool], rs []rune) bool {
	c := l.Cursor()
	for _, r := range rs {
		if !c.Next(r) {
			return false
		}
	}
	return c.AtWord()
}

// moneySub is a smaller unit of money and its value in the sum's unit.
type moneySub struct {
	word  []rune
	value float64
}

var countData = sync.OnceValue(func() *countLists {
	l := &countLists{notCounts: newLexicon[bool](), unitCollisions: newLexicon[bool](), chars: map[string]string{},
		durations: newLexicon[bool](), articleUnits: newLexicon[bool](), places: newLexicon[bool](),
		points: map[string]bool{}, spacedRatio: map[string]bool{}}
	readWordList(countUnitWordsData, l.addUnitWord)
	readWordList(countDurationUnitsData, func(f []string) {
		if len(f) == 2 && f[1] == "个" {
			l.durationsGe = append(l.durationsGe, f[0])
		} else {
			l.durations.Add(f[0], true)
		}
	})
	readWordList(countTermWordsData, func(f []string) { l.termWords = append(l.termWords, f[0]) })
	readWordList(countPhaseWordsData, func(f []string) { l.phaseWords = append(l.phaseWords, f[0]) })
	readWordList(countArticleUnitsData, func(f []string) { l.articleUnits.Add(f[0], true) })
	readWordList(countNumeralPlacesData, func(f []string) { l.places.Add(f[0], true) })
	readWordList(countNotCountsData, func(f []string) { l.notCounts.Add(f[0], true) })
	readWordList(countUnitCollisionsData, func(f []string) { l.unitCollisions.Add(f[0], true) })
	readWordList(countCaseNounsData, func(f []string) { l.caseNouns = append(l.caseNouns, f[0]) })
	readWordList(countSessionWordsData, func(f []string) { l.sessionWords = append(l.sessionWords, f[0]) })
	readWordList(countApproxData, func(f []string) {
		if len(f) != 3 {
			panic("data/count_approx.txt: want word, side, approx: " + strings.Join(f, " "))
		}
		w := approxWord{word: []rune(f[0]), approx: f[2]}
		if f[1] == "before" {
			l.approxBefore = append(l.approxBefore, w)
		} else {
			l.approxAfter = append(l.approxAfter, w)
		}
	})
	readWordList(countCharsData, func(f []string) {
		if len(f) == 2 {
			l.chars[f[0]] = f[1]
		}
	})
	l.sets.resolve(l.chars)
	return l
})

// addUnitWord reads an entry of data/count_unit_words.txt.
func (l *countLists) addUnitWord(f []string) {
	switch {
	case f[0] == "point" && len(f) == 2:
		l.points[f[1]] = true
	case f[0] == "spaced_ratio" && len(f) == 2:
		l.spacedRatio[f[1]] = true
	case f[0] == "not_formula" && len(f) == 2:
		l.notFormula = append(l.notFormula, f[1])
	case f[0] == "indefinite" && len(f) == 2:
		l.indefinite = append(l.indefinite, f[1])
	case f[0] == "money_sub" && len(f) == 3:
		v, err := strconv.ParseFloat(f[2], 64)
		if err != nil {
			panic("data/count_unit_words.txt: bad value: " + strings.Join(f, " "))
		}
		l.moneySub = append(l.moneySub, moneySub{word: []rune(f[1]), value: v})
	default:
		panic("data/count_unit_words.txt: want kind, word and a value for money_sub: " + strings.Join(f, " "))
	}
}

// countCharSets returns the character sets of data/count_chars.txt by name.
func countCharSets() map[string]string { return countData().chars }

// countCand is a candidate count: a numeral and the measure word after it.
type countCand struct {
	text   []rune
	start  int // first rune of the numeral
	numEnd int // end of the numeral
	num    numeral
	un     int    // runes of the measure word, 0 when there is none
	class  string // class of the measure word
	people bool   // 人 taken as the measure word after an estimate
	minus  bool   // a minus sign (负, -, −, －) written before the numeral
	sign   rune   // a currency sign written before the numeral ($, ￥), or 0
}

// unitRunes returns the measure word as written.
func (c *countCand) unitRunes() []rune { return c.text[c.numEnd : c.numEnd+c.un] }

// word returns numeral and measure word as written. (It is made where it
// is used, so that the string stays on the stack.)
func (c *countCand) word() []rune { return c.text[c.start : c.numEnd+c.un] }

// unitIs reports whether the measure word is the one rune r.
func (c *countCand) unitIs(r rune) bool { return c.un == 1 && c.text[c.numEnd] == r }

// after returns the rune at numEnd+k, or 0 outside the text.
func (c *countCand) after(k int) rune {
	if j := c.numEnd + k; j < len(c.text) {
		return c.text[j]
	}
	return 0
}

// countRules decide each candidate, in order; the first that holds decides.
var countRules = newRuleTable("count",
	rule[countCand]{"count.after_latin_letter", "a numeral right after a Latin letter belongs to a code or model name (G20, A3纸)", Reject,
		func(c *countCand) bool {
			p := c.before()
			return p >= 'A' && p <= 'Z' || p >= 'a' && p <= 'z'
		}},
	rule[countCand]{"count.yi_in_word", "一 after 统, 唯, 同, 单, 之, 万 … is part of the word before (统一, 唯一, 之一, 万一)", Reject,
		func(c *countCand) bool {
			return c.text[c.start] == '一' && c.start > 0 && countSet().yiWordBefore.has(c.text[c.start-1])
		}},
	rule[countCand]{"count.shu_in_word", "数 after 多, 少, 无, 半 or 大 is part of the word before (多数人, 少数地区, 无数次)", Reject,
		func(c *countCand) bool {
			return c.text[c.start] == '数' && c.start > 0 && countSet().shuWordBefore.has(c.text[c.start-1])
		}},
	rule[countCand]{"count.spelled_digits", "Chinese digits read one by one are a year or a code, not a count (一九九七, 二〇二一), but two before 折 are a discount (八五折)", Reject,
		func(c *countCand) bool { return c.num.Spelled && !(c.numEnd-c.start == 2 && c.unitIs('折')) }},
	rule[countCand]{"count.phone_number", "eleven or more digits, or digits joined by a dash, are a phone, ID or account number (13812345678)", Reject,
		func(c *countCand) bool { return c.num.Digits && phoneLike(c.text, c.start, c.numEnd) }},
	rule[countCand]{"count.url_percent", "a percent sign inside a web address is an escape, no count (https://www.example.com/search?q=30%25)", Reject,
		func(c *countCand) bool { return c.num.Percent && insideURL(c.text, c.start) }},
	rule[countCand]{"count.percent", "a percentage is a count with unit % (增长30%, 百分之三十, １２．５％)", Accept,
		func(c *countCand) bool { return c.num.Percent }},
	rule[countCand]{"count.currency_sign", "a currency sign before digits makes a sum of money, the sign its unit ($20, ￥300, ¥50)", Accept,
		func(c *countCand) bool { return c.sign != 0 && c.num.Digits && !c.num.Percent }},
	rule[countCand]{"count.no_measure_word", "a numeral without a measure word after it counts nothing (十三亿人民, 300人参加)", Reject,
		func(c *countCand) bool { return c.un == 0 }},
	rule[countCand]{"count.unit_starts_word", "a one-rune measure word that begins a word of data/count_unit_collisions.txt belongs to that word (一代表团, 三方面, 一部分)", Reject,
		func(c *countCand) bool {
			j := c.numEnd
			return c.un == 1 && j+2 <= len(c.text) && lexHas(countData().unitCollisions, c.text[j:j+2])
		}},
	rule[countCand]{"count.other_word", "numeral and measure word, or with the rune after, forming a word of data/count_not_counts.txt are that word (十分, 一度, 一口气; 一起 unless a case noun follows: 一起交通事故)", Reject,
		func(c *countCand) bool {
			l := countData()
			w := c.word()
			if end := c.numEnd + c.un; end < len(c.text) && lexHas(l.notCounts, c.text[c.start:end+1]) {
				return true // 一口气: the word runs one rune past the measure word
			}
			if !lexHas(l.notCounts, w) {
				return false
			}
			return !(len(w) == 2 && w[0] == '一' && w[1] == '起') || !followedBy(c.text, c.numEnd+c.un, l.caseNouns)
		}},
	rule[countCand]{"count.yi_xing", "一 + measure word + 性 is an adjective (一次性)", Reject,
		func(c *countCand) bool { return c.text[c.start] == '一' && c.after(c.un) == '性' }},
	rule[countCand]{"count.indefinite_yi", "一个 is the indefinite article and 一级 an adjective (这是一个问题, 一级文物)", Reject,
		func(c *countCand) bool {
			return wordIn(c.word(), countData().indefinite)
		}},
	rule[countCand]{"count.magnitude_word", "百, 千 or 万 alone before 年 or 分 make a word (百年大计, 千年古城, 百分)", Reject,
		func(c *countCand) bool {
			r := c.text[c.start]
			return !c.num.Digits && !c.num.Ordinal && c.numEnd-c.start == 1 && (r == '百' || r == '千' || r == '万') && countSet().magnitudeWordNext.has(c.after(0))
		}},
	rule[countCand]{"count.decade", "a numeral + 年代 is a decade (80年代, 二十世纪九十年代)", Reject,
		func(c *countCand) bool { return c.after(0) == '年' && c.after(1) == '代' }},
	rule[countCand]{"count.session_number", "numeral + 次 between a congress and 会议 or 全会 is a session number (人大六次会议, 十四届三次全会)", Reject,
		func(c *countCand) bool { return !c.num.Ordinal && sessionOrdinal(c.text, c.start, c.numEnd, c.un) }},
	rule[countCand]{"count.formula_ge", "numeral + 个 + a Chinese digit is a formula (五个一, 六个一百), not 两个百分点", Reject,
		func(c *countCand) bool {
			return !c.num.Ordinal && c.unitIs('个') && c.numEnd+1 < len(c.text) && isFormulaDigit(c.text, c.numEnd+1)
		}},
	rule[countCand]{"count.clock_time", "digits + 点 + digits are a clock time (10点30)", Reject,
		func(c *countCand) bool { return c.num.Digits && c.unitIs('点') && isDigitRune(c.after(1)) }},
	rule[countCand]{"count.ordinal", "第 + numeral + measure word is an ordinal, no count (第三次, 第十四届, 第三位)", Reject,
		func(c *countCand) bool { return c.num.Ordinal }},
	rule[countCand]{"count.place_name", "a division name of data/count_numeral_places.txt that opens with the count and runs past it is a place (六盘水, 三门峡市, 七台河)", Reject,
		func(c *countCand) bool {
			n, _ := countData().places.Longest(c.text, c.start)
			return n > c.numEnd+c.un-c.start
		}},
	rule[countCand]{"count.duration", "numeral + a time unit of data/count_duration_units.txt is a duration, a time (三年行动, 半个月, 40周年)", Reject,
		func(c *countCand) bool {
			l := countData()
			if lexHas(l.durations, c.unitRunes()) {
				return true
			}
			return c.unitIs('个') && followedBy(c.text, c.numEnd+1, l.durationsGe)
		}},
	rule[countCand]{"count.term_number", "numeral + 届 before a congress, committee or session is a term, no count (十四届人大, 省委八届八次全会, 十九届四中全会)", Reject,
		func(c *countCand) bool {
			if !c.unitIs('届') {
				return false
			}
			if _, ok := cnDigit(c.after(1)); ok {
				return true
			}
			return followedBy(c.text, c.numEnd+1, countData().termWords)
		}},
	rule[countCand]{"count.phase", "numeral + 期 before 工程, 项目 or 建设 is a project phase, no count (二期工程, 一期项目, 六期建设)", Reject,
		func(c *countCand) bool {
			return c.unitIs('期') && followedBy(c.text, c.numEnd+1, countData().phaseWords)
		}},
	rule[countCand]{"count.rank", "前 + numeral + 名 or 位 is a rank, no count (进入全国前5名, 居前十位)", Reject,
		func(c *countCand) bool { return c.before() == '前' && (c.unitIs('名') || c.unitIs('位')) }},
	rule[countCand]{"count.indefinite_article", "一 + a measure word of data/count_article_units.txt is the indefinite article (培育一批企业, 出台一系列政策, 新一轮改革, 一种新模式), but 翻一番 counts", Reject,
		func(c *countCand) bool {
			if c.text[c.start] != '一' || c.numEnd-c.start != 1 || !lexHas(countData().articleUnits, c.unitRunes()) {
				return false
			}
			return !(c.unitIs('番') && c.before() == '翻')
		}},
	rule[countCand]{"count.quoted_name", "a count opening a short quoted phrase is part of a name or formula (“三个高地”, “两个责任”, “六项机制”)", Reject,
		func(c *countCand) bool { return c.before() == '“' && quoteClosesWithin(c.text, c.numEnd+c.un, 8) }},
	rule[countCand]{"count.magnitude_grade", "a bare magnitude + 级 is a grade, no count (千亿级产业集群, 千万级机场)", Reject,
		func(c *countCand) bool { return c.unitIs('级') && bareMagnitudeWord(c.text[c.start:c.numEnd]) }},
	rule[countCand]{"count.er_ordinal", "二 alone before a measure word of items or events is an ordinal (二级市场, 二轮延包); a count says 两 (两轮)", Reject,
		func(c *countCand) bool {
			return c.numEnd-c.start == 1 && c.text[c.start] == '二' && (c.class == "item" || c.class == "event")
		}},
	rule[countCand]{"count.number_label", "numeral + 号 numbers a thing, no count (地铁1号线, 一号文件, 3号楼)", Reject,
		func(c *countCand) bool { return c.unitIs('号') }},
	rule[countCand]{"count.one_by_one", "一 + measure word repeated (一件一件, 一步一步) means one by one, no count", Reject,
		func(c *countCand) bool {
			if c.text[c.start] != '一' || c.numEnd-c.start != 1 {
				return false
			}
			u := c.unitRunes()
			next := c.after(c.un) == '一' && runesAt(c.text, c.numEnd+c.un+1, u)
			prev := c.start > len(u) && c.text[c.start-len(u)-1] == '一' && runesAt(c.text, c.start-len(u), u)
			return next || prev
		}},
	rule[countCand]{"count.unit_label", "a bare magnitude (万, 亿, 百万) + unit standing alone, as a table heading or a unit in brackets, labels a column (| 万吨 |, 数量（万吨）)", Reject,
		func(c *countCand) bool {
			return bareMagnitudeWord(c.text[c.start:c.numEnd]) && unitLabel(c.text, c.start, c.numEnd+c.un)
		}},
	rule[countCand]{"count.kilo_unit_word", "千 alone before 瓦, 克 or 米 is the prefix of the unit, no count (每千瓦时)", Reject,
		func(c *countCand) bool {
			return c.numEnd-c.start == 1 && c.text[c.start] == '千' && countSet().qianUnitAfter.has(c.after(0))
		}},
	rule[countCand]{"count.capital_numeral_word", "a lone capital-form digit before a measure word that is no money is a word (登陆部队, 拾起石子)", Reject,
		func(c *countCand) bool {
			return c.numEnd-c.start == 1 && countSet().capitalDigits.has(c.text[c.start]) && c.class != "money"
		}},
	rule[countCand]{"count.jiao_word", "a Chinese numeral + 角 before a word is a shape or a name, not a sum in jiao (五角大楼, 三角形)", Reject,
		func(c *countCand) bool {
			return c.unitIs('角') && !c.num.Digits && unicode.Is(unicode.Han, c.after(1)) && !countSet().jiaoMoneyAfter.has(c.after(1))
		}},
	rule[countCand]{"count.latin_unit_in_word", "a Latin unit followed by another Latin letter is part of a word, no unit (5GB is none of 5G)", Reject,
		func(c *countCand) bool { return latinUnit(c.unitRunes()) && isLatinLetter(c.after(c.un)) }},
	rule[countCand]{"count.yidao_together", "一道 before a comma, a verb or a preposition is the adverb together, no count (与全国人民一道，为实现目标而奋斗; 与群众一道参加劳动)", Reject,
		func(c *countCand) bool {
			return c.text[c.start] == '一' && c.numEnd-c.start == 1 && c.unitIs('道') && countSet().yidaoNext.has(c.after(1))
		}},
	rule[countCand]{"count.yi_noun_after_de", "的 + 一面, 一家 or 一方 before punctuation or a function word is a noun, the aspect, family or party, no count (看到有利的一面，也要看到不利的一面; 他的一家却)", Reject,
		func(c *countCand) bool {
			l := countSet()
			return c.text[c.start] == '一' && c.numEnd-c.start == 1 && c.un == 1 && c.before() == '的' &&
				l.yiNounUnits.has(c.text[c.numEnd]) && l.yiNounNext.has(c.after(1))
		}},
	rule[countCand]{"count.question_ji", "几 + measure word before a question mark asks how many, no count (有几部？)", Reject,
		func(c *countCand) bool {
			return c.text[c.start] == '几' && (c.after(c.un) == '？' || c.after(c.un) == '?' || c.after(c.un) == '吗')
		}},
	rule[countCand]{"count.measure_word", "a numeral followed by a measure word of data/count_units.txt is a count (213件, 两三个, 3000万元)", Accept,
		func(c *countCand) bool { return true }},
)

// before returns the rune before the numeral, or 0.
func (c *countCand) before() rune {
	if c.start > 0 {
		return c.text[c.start-1]
	}
	return 0
}

// Rules of the count stage applied in code, reported as they apply.
var (
	ruleCountFixedWord = registerRule("count", "count.fixed_word",
		"a word of data/count_fixed_words.txt is skipped whole: slogans, formulas and idioms with numerals (四个意识, 三会一课, 千方百计, 进一步)", Reject)
	ruleCountFirstOrdinal = registerRule("count", "count.first_ordinal",
		"首 + a measure word of ordinal_heads is the ordinal first, no count (首次, 首批, 首届)", Reject)
	ruleCountShouTitle = registerRule("count", "count.shou_after_title",
		"首 after a numeral, 元 or 党 is no ordinal: 元首 and 党首 are heads (元首届时出席)", Reject)
	ruleCountPeople = registerRule("count", "count.people_after_estimate",
		"人 after an estimated figure counts people, though 人 is no measure word (近千人, 约200人)", Adjust)
	ruleCountReduplicated = registerRule("count", "count.reduplicated_unit",
		"a doubled one-rune measure word is part of the count (一条条, 一对对)", Adjust)
	ruleCountPercentagePoint = registerRule("count", "count.percentage_point",
		"个百分点 is one measure word inside the count, unit 百分点, kind percent (提高1.8个百分点)", Adjust)
	ruleCountHaoJi = registerRule("count", "count.hao_ji",
		"好 or 少数 before 几 belong to the count (好几个, 少数几个)", Adjust)
	ruleCountApproxBefore = registerRule("count", "count.approx_before",
		"an approximation word before the numeral sets approx and stays outside the span (约200名 about, 近千名 under, 逾万名 over)", Adjust)
	ruleCountApproxAfter = registerRule("count", "count.approx_after",
		"an approximation word after the count sets approx and stays outside the span (50岁左右 about, 5000元以上 over, 100元以下 under)", Adjust)
	ruleCountRecent = registerRule("count", "count.recent_not_nearly",
		"近 after 最, 附, 邻, 靠 or 就 means recent or near, not nearly (最近3次, 附近5公里)", Adjust)
	ruleCountRangeAbout = registerRule("count", "count.range_about",
		"a range of two figures is approximate, approx about (两三个, 三五天)", Adjust)
	ruleCountObjectAfter = registerRule("count", "count.object_after",
		"the counted object is the noun right after the measure word, with a second noun or verb ending the phrase (3次集体学习)", Adjust)
	ruleCountObjectBefore = registerRule("count", "count.object_before",
		"else it is the noun (or, for a verbal measure word, the verb) right before the numeral (调研12次, 书籍30余本)", Adjust)
)

type countHit struct {
	start, end int // span of numeral and measure word
	numEnd     int // end of the numeral
	num        numeral
	unit       string
	class      string
	percent    bool
	kind       string // the kind when it is not the class (percent for 三成)
}

// scanCounts finds the counts of d's text, skipping the spans in skip
// (times, sorted by start), and reports its decisions to d's trace.
// The hits are in a buffer of d's scratch when it has one, valid until the
// next scanCounts on d.
func scanCounts(d *Document, skip [][2]int) []countHit {
	text := d.runes
	units := countUnits()
	fixed := countFixedWords()
	triggers := countTriggers()
	var out []countHit
	// c is the candidate, one variable for the whole scan, made at the
	// first numeral (the scratch's when d has one): the rule table takes
	// its address.
	var c *countCand
	if sc := d.scratch; sc != nil {
		out, c = sc.countHits[:0], &sc.countCand
		defer func() { sc.countHits = out }()
	}
	sk := 0
	for i := 0; i < len(text); i++ {
		if !triggers.has(text[i]) {
			continue // nothing starts here (a time span may cover it)
		}
		for sk < len(skip) && skip[sk][1] <= i {
			sk++
		}
		if sk < len(skip) && skip[sk][0] <= i {
			i = skip[sk][1] - 1
			continue
		}
		r := text[i]
		if r < 1<<16 && fixedFirst[r>>6]&(1<<(uint(r)&63)) != 0 && fixedMayStart(text, i) {
			if n, _ := fixed.Longest(text, i); n > 0 {
				d.traceRule(ruleCountFixedWord, Reject, i, i+n)
				i += n - 1
				continue
			}
		}
		if r == '首' {
			if end := ordinalFirst(d, i, units); end > i {
				i = end - 1
			}
			continue
		}
		if !numeralStart(r) && r != '百' || i > 0 && continuesNumber(text, i) {
			continue // no numeral starts inside another
		}
		if hs, end, ok := spacedCounts(d, i); ok {
			out = append(out, hs...)
			i = end - 1
			continue
		}
		num, n := readNumeral(text, i)
		if n == 0 {
			continue
		}
		if h, ok := readFractionCount(d, i, num, n); ok {
			out = append(out, h)
			i = h.end - 1
			continue
		}
		if c == nil {
			c = new(countCand)
		}
		*c = countCand{text: text, start: i, numEnd: i + n, num: num}
		c.minus, c.sign = signBefore(text, i)
		c.un, c.class = units.Longest(text, c.numEnd)
		if h, ok := spacedUnitCount(d, c, units); ok {
			out = append(out, h)
			i = h.end - 1
			continue
		}
		if c.un == 0 && c.after(0) == '人' && approxBefore(text, i) != "" {
			c.un, c.class, c.people = 1, "item", true
		}
		h, ok, next := decideCount(d, c)
		if ok {
			out = append(out, h)
		}
		i = next
	}
	return out
}

// continuesNumber reports whether a numeral after p would continue a
// number already read (digits, a decimal point, a thousands comma, 第).
func continuesNumber(text []rune, i int) bool {
	p := text[i-1]
	if p == ',' {
		return i >= 2 && isDigitRune(text[i-2]) // 1,234; not 2成,2.5成
	}
	return numeralRune(p) || isDecimalPoint(p) || p == '第' || isMiddleDot(p) && i >= 2 && middleDotDecimal(text, i-1)
}

// decideCount runs countRules on c and returns the count it makes (ok
// false when rejected) and the index the scan resumes after.
func decideCount(d *Document, c *countCand) (countHit, bool, int) {
	i, j := c.start, c.numEnd
	span := j + c.un
	if c.num.Percent || c.un == 0 {
		span = j
	}
	if d.trace != nil {
		c.num.rules.each(func(name string) { d.traceRule(name, Adjust, i, j) })
	}
	r := countRules.decide(d, c, i, span)
	switch r.name {
	case "count.spelled_digits", "count.phone_number":
		return countHit{}, false, j - 1
	case "count.session_number":
		return countHit{}, false, j + c.un - 1
	case "count.percent":
		h := countHit{start: i, end: j, numEnd: j, num: c.num, unit: "%", percent: true}
		finishCount(d, c, &h)
		return h, true, h.end - 1
	case "count.currency_sign":
		h := countHit{start: i - 1, end: j, numEnd: j, num: c.num, unit: string(c.sign), class: "money"}
		finishCount(d, c, &h)
		return h, true, h.end - 1
	}
	if r.verdict != Accept {
		return countHit{}, false, i
	}
	if c.people {
		d.traceRule(ruleCountPeople, Adjust, i, span)
	}
	text := c.text
	end := span
	if c.un == 1 && end < len(text) && text[end] == text[j] {
		end++ // 一条条, 一对对: a reduplicated measure word
		d.traceRule(ruleCountReduplicated, Adjust, i, end)
	}
	start := i
	if text[i] == '几' && i > 0 && text[i-1] == '好' {
		start = i - 1 // 好几个
		d.traceRule(ruleCountHaoJi, Adjust, start, end)
	} else if text[i] == '几' && i > 1 && text[i-2] == '少' && text[i-1] == '数' {
		start = i - 2 // 少数几个
		d.traceRule(ruleCountHaoJi, Adjust, start, end)
	}
	h := countHit{start: start, end: end, numEnd: j, num: c.num, unit: string(text[j : j+c.un]), class: c.class}
	finishCount(d, c, &h)
	return h, true, h.end - 1
}

// unitLabel reports whether text[start:end] stands alone as a label: in a
// table cell (| or <br> around it), in brackets after a heading word
// (数量（万吨）), or as a line of its own.
func unitLabel(text []rune, start, end int) bool {
	p := start - 1
	for p >= 0 && (text[p] == ' ' || text[p] == '\u3000') {
		p--
	}
	n := end
	for n < len(text) && (text[n] == ' ' || text[n] == '\u3000') {
		n++
	}
	opens := p < 0 || strings.ContainsRune(cellOpenMarks, text[p])
	closes := n >= len(text) || strings.ContainsRune(cellCloseMarks, text[n])
	if !closes && n == end {
		// A compound unit written on, up to three runes (亿千瓦小时 |).
		for n < len(text) && n < end+3 && unicode.Is(unicode.Han, text[n]) {
			n++
		}
		for n < len(text) && (text[n] == ' ' || text[n] == '\u3000') {
			n++
		}
		closes = n < len(text) && strings.ContainsRune(cellCloseMarks, text[n])
	}
	if opens && closes {
		return true
	}
	// A unit between spaces before a figure: 天然气 亿立方米 500.
	return p < start-1 && n > end && n < len(text) && isDigitRune(text[n])
}

// quoteClosesWithin reports whether a ” follows text[i] within max runes,
// with no other punctuation before it.
func quoteClosesWithin(text []rune, i, max int) bool {
	for k := i; k < len(text) && k <= i+max; k++ {
		switch r := text[k]; {
		case r == '”':
			return true
		case unicode.IsPunct(r) || unicode.IsSpace(r):
			return false
		}
	}
	return false
}

// bareMagnitudeWord reports whether w is written with powers of ten only
// (千亿, 千万, 百亿, 万).
func bareMagnitudeWord(w []rune) bool {
	for _, r := range w {
		if !isUnit(r) {
			return false
		}
	}
	return len(w) > 0
}

// isFormulaDigit reports whether text[i] is a Chinese digit that makes
// numeral + 个 a formula (五个一, 六个一百), not 两个百分点.
func isFormulaDigit(text []rune, i int) bool {
	if _, ok := cnDigit(text[i]); !ok || text[i] == '两' || text[i] == '〇' || text[i] == '零' {
		return false
	}
	return !followedBy(text, i, countData().notFormula) && !(i+1 < len(text) && countSet().formulaNotNext.has(text[i+1]))
}

// followedBy reports whether one of words starts at text[i].
func followedBy(text []rune, i int, words []string) bool {
	for _, w := range words {
		k := i
		ok := true
		for _, r := range w {
			if k >= len(text) || text[k] != r {
				ok = false
				break
			}
			k++
		}
		if ok {
			return true
		}
	}
	return false
}

// ordinalFirst reads 首 + measure word (首次, 首批) as the ordinal first,
// which is no count, and returns where it ends (i when it is none).
func ordinalFirst(d *Document, i int, units *lexicon[string]) int {
	text := d.runes
	if i+1 >= len(text) || !countSet().ordinalHeads.has(text[i+1]) {
		return i
	}
	un, _ := units.Longest(text, i+1)
	if un == 0 {
		return i
	}
	if i > 0 && (numeralRune(text[i-1]) || countSet().titleBeforeShou.has(text[i-1])) {
		d.traceRule(ruleCountShouTitle, Reject, i, i+1+un)
		return i
	}
	d.traceRule(ruleCountFirstOrdinal, Reject, i, i+1+un)
	return i + 1 + un
}

// sessionOrdinal reports whether text[i:j+un] is the session number of a
// congress (人大六次会议, 十四届三次全会), which is an ordinal, not a count.
func sessionOrdinal(text []rune, i, j, un int) bool {
	if un != 1 || text[j] != '次' {
		return false
	}
	if !followedBy(text, j+1, countData().sessionWords) {
		return false
	}
	if i == 0 {
		return false
	}
	return countSet().sessionBefore.has(text[i-1])
}

// phoneLike reports whether the digits text[i:j] look like a phone, ID or
// account number rather than a quantity (11 or more digits with no
// separator, or joined by dashes).
func phoneLike(text []rune, i, j int) bool {
	digits := 0
	for k := i; k < j; k++ {
		if isDigitRune(text[k]) {
			digits++
		} else {
			break
		}
	}
	if digits >= 11 {
		return true
	}
	if j < len(text) && (text[j] == '-' || text[j] == '－') && j+1 < len(text) && isDigitRune(text[j+1]) {
		return true
	}
	return false
}

// approxAround reads approximation words around a count (see
// data/count_approx.txt) and returns the approx and the rule that read it.
// recent is true when a 近 before it means recent (最近3天).
func approxAround(text []rune, start, end int) (approx, rule string, recent bool) {
	a, rule := approxBeforeRule(text, start)
	if a != "" {
		return a, rule, false
	}
	recent = rule == ruleCountRecent
	for _, w := range countData().approxAfter {
		if runesAt(text, end, w.word) {
			return w.approx, ruleCountApproxAfter, recent
		}
	}
	return "", "", recent
}

// approxBefore reads an approximation word just before text[start].
func approxBefore(text []rune, start int) string {
	a, _ := approxBeforeRule(text, start)
	return a
}

// approxBeforeRule reads an approximation word just before text[start] and
// returns the approx and the rule that decided ("" when none).
func approxBeforeRule(text []rune, start int) (string, string) {
	if start >= 2 && text[start-1] == '近' && countSet().recentBeforeJin.has(text[start-2]) {
		return "", ruleCountRecent // 最近3天: recent, not nearly
	}
	for _, w := range countData().approxBefore {
		if start >= len(w.word) && runesAt(text, start-len(w.word), w.word) {
			return w.approx, ruleCountApproxBefore
		}
	}
	return "", ""
}

// runesAt reports whether w is written at text[i].
func runesAt(text []rune, i int, w []rune) bool {
	if i < 0 || i+len(w) > len(text) {
		return false
	}
	for k, r := range w {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

// countObject finds the counted thing: the noun after the measure word,
// else (for verbal measure words or none after) the word before the
// numeral. It returns the object and the rule that found it.
func countObject(tokens []segment.Token, h countHit) (string, string) {
	if len(tokens) == 0 {
		return "", ""
	}
	k := tokenSearch(tokens, func(t *segment.Token) bool { return t.Start >= h.end })
	nounish := func(p string) bool {
		return strings.HasPrefix(p, "n") && p != "nr" || p == "vn" || p == "j"
	}
	if k < len(tokens) && tokens[k].Start == h.end && nounish(tokens[k].Pos) {
		obj := tokens[k].Text
		// 集体学习, 党史书籍: a second word ending the phrase.
		if k+1 < len(tokens) && (strings.HasPrefix(tokens[k+1].Pos, "n") || tokens[k+1].Pos == "v" || tokens[k+1].Pos == "vn") &&
			(k+2 >= len(tokens) || tokens[k+2].Pos == "x" || tokens[k+2].Pos == "w" || tokens[k+2].Pos == "u" || tokens[k+2].Pos == "c") {
			obj += tokens[k+1].Text
		}
		return obj, ruleCountObjectAfter
	}
	// The word before the numeral: 调研12次, 书籍30余本.
	b := tokenSearch(tokens, func(t *segment.Token) bool { return t.End > h.start }) - 1
	if b >= 0 && tokens[b].End == h.start {
		p := tokens[b].Pos
		if nounish(p) || h.class == "event" && (p == "v" || p == "vn") {
			return tokens[b].Text, ruleCountObjectBefore
		}
	}
	return "", ""
}

// tokenSearch is sort.Search over tokens: the first token for which f
// holds, f false up to it and true from it on.
func tokenSearch(tokens []segment.Token, f func(t *segment.Token) bool) int {
	lo, hi := 0, len(tokens)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if !f(&tokens[m]) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// countMention makes the mention of a count, reporting the rules that set
// its approximation to d's trace.
func countMention(d *Document, h countHit) Mention {
	m := Mention{Type: TypeCount, Start: h.start, End: h.end, Unit: h.unit}
	v := h.num.Value
	if !math.IsInf(v, 0) && !math.IsNaN(v) {
		m.Value = v
	}
	approx := h.num.Approx
	a, rule, recent := approxAround(d.runes, h.start, h.end)
	if recent {
		d.traceRule(ruleCountRecent, Adjust, h.start, h.end)
	}
	if a != "" && approx == ApproxExact {
		approx = a
		d.traceRule(rule, Adjust, h.start, h.end)
	}
	if h.num.Range && approx == ApproxExact {
		approx = ApproxAbout // 两三个: one of two figures
		d.traceRule(ruleCountRangeAbout, Adjust, h.start, h.end)
	}
	m.Approx = approx
	if h.num.Range || h.num.Approx == ApproxAbout && h.num.Hi > h.num.Lo && !math.IsInf(h.num.Hi, 0) {
		m.Range = []float64{h.num.Lo, h.num.Hi}
	}
	switch {
	case h.kind != "":
		m.Kind = h.kind
	case h.percent:
		m.Kind = "percent"
		m.Unit = "%"
	case h.num.Ordinal:
		m.Kind = "ordinal"
	case h.class != "":
		m.Kind = h.class
	}
	return m
}

// runCounts is the count stage; it keeps out of the time spans.
func runCounts(d *Document) {
	spans := d.timeSpans()
	var skip [][2]int
	if sc := d.scratch; sc != nil {
		skip = sc.countSkip[:0]
		defer func() { sc.countSkip = skip }()
	}
	for _, s := range spans {
		skip = append(skip, [2]int{s.start, s.end})
	}
	hits := scanCounts(d, skip)
	if len(hits) == 0 {
		return
	}
	tk := d.Tokens()
	for _, h := range hits {
		m := countMention(d, h)
		if !h.percent {
			var rule string
			if m.Object, rule = countObject(tk, h); rule != "" {
				d.traceRule(rule, Adjust, h.start, h.end)
			}
		}
		d.add(m)
	}
}
