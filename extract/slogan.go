package extract

// Slogans: the formulas of official writing. Every slogan mention has a
// Kind saying how the text marks it:
//
//	formula   a numeral and a short head: 四个意识, 两个维护, 三会一课, 五个一,
//	          六稳六保, 两不愁三保障. Quoted formulas (“五个一”) are always
//	          taken; unquoted ones when they are in the curated list or have
//	          the unmistakable N-X-N-Y shape (三会一课, 一村一品), four-character
//	          idioms of that shape (一心一意, 三心二意) excepted.
//	quoted    a phrase in “”, ‘’, 「」 or 『』 that reads as a slogan:
//	          “牢记殷切嘱托、忠诚干净担当、喜迎建党百年”, “我为群众办实事”.
//	parallel  three or more coordinated items of one shape: sharing a head
//	          (学史明理、学史增信、学史崇德、学史力行; 具体到人、具体到事、具体到时段),
//	          a frame character at one place (个性化、差别化、精准化; 听党话、
//	          感党恩、跟党走; 心连心、面对面、手拉手), or verb-led items of one
//	          length aligned with words (学党史、悟思想、办实事、开新局), or a
//	          repeated one-character head (走深走心走实, 真学真懂真信真用).
//	          Items holds the items. Lists of names (县人大、县政府、县政协;
//	          黔西县、大方县、织金县) and counted phrases (一次…、一次…) are not
//	          parallel slogans. The first item may be cut from the words
//	          before it (紧紧围绕|学史明理) and the last from a word that
//	          belongs to the whole list (稳预期|工作); clauses between commas
//	          are never cut.
//	lexicon   a known formulation (提法) from data/slogans.txt found without
//	          any of the marks above: 不忘初心、牢记使命, 以人民为中心.
//
// Whatever the kind, Canonical and Category are set when the span is a
// known formulation in data/slogans.txt (增强“四个意识” gives the formula
// 四个意识 with canonical 四个意识, category ideology; 走深走心走实 gives a
// parallel with canonical 走深走实).
//
// Quoted items that are not slogans are left out, not given a kind of
// their own: quoted speech (after ：or 说, with sentence punctuation,
// particles or 了 inside, or clauses of more than 10 characters), names of
// accounts, apps, columns, websites, products, events and honours
// (“黔西人大”微信公众号, “学习强国”APP, 荣获“优秀共产党员”称号, “乡村振兴贷”),
// designations of places (“家庭教育试验区”), single quoted words (“学”,
// “做”), quoted words of three characters or fewer that are not known
// formulas or formulas, four-character quotes the text does not treat as
// slogans (a slogan has a cue around it: 开展“送法下乡”活动, 弘扬“红船精神”;
// “钻牛角尖” has none), and scare-quoted words listed as terms in
// data/slogans.txt (“老大难”). What is inside a quoted speech is still
// searched for formulas, lists and known formulations.
//
// Overlaps, so that counting each mention once by Canonical (or Text when
// Canonical is empty) counts each slogan occurrence once:
//   - several findings on one span give one mention; its kind is the first
//     of formula, quoted, parallel, lexicon that applies, and it carries the
//     canonical form and items of all of them;
//   - a mention nested in a larger one is kept only when the larger one is
//     not a known formulation and the nested one is (it has a Canonical) or
//     is a formula: “传承红色基因、牢记殷切嘱托、建设富美黔西” gives the quoted
//     slogan and, inside it, 传承红色基因 and 牢记殷切嘱托; the known
//     学史明理、学史增信、学史崇德、学史力行 gives nothing inside it;
//   - of two crossing spans the one starting first is kept.
//
// For the count extractor: sloganFormulaAt(text, i) (and IsSloganFormula
// for library users) tells whether a numeral at text[i] starts a slogan
// formula (四个意识, 五个一, 三会一课) rather than a count. LookupSlogan gives
// the canonical form and category of a known formulation.

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/tongbao/tongbao/segment"
)

// Slogan kinds.
const (
	SloganFormula  = "formula"
	SloganQuoted   = "quoted"
	SloganParallel = "parallel"
	SloganLexicon  = "lexicon"
)

//go:embed data/slogans.txt
var slogansData string

//go:embed data/slogan_words.txt
var sloganWordsTxt string

// sloganWords holds the sections of data/slogan_words.txt.
var sloganWords = readSections(sloganWordsTxt)

// Character sets of data/slogan_words.txt, one bit per BMP character.
var (
	sloganNumeralSet   = newRuneSet(sloganWords.chars("formula_numeral_chars"))
	sloganSepSet       = newRuneSet(sloganWords.chars("separator_marks"))
	sloganQuoteSet     = newRuneSet(sloganQuoteChars() + `"`)
	sloganMeasure      = sloganWords.chars("measure_chars")
	sloganFunction     = sloganWords.chars("function_chars")
	sloganYiWordBefore = sloganWords.chars("yi_word_before_chars")
	sloganQuoteTimes   = sloganWords.chars("quoted_formula_time_chars")
	sloganSpeechBefore = sloganWords.chars("speech_before_chars")
	sloganParticles    = sloganWords.chars("particle_chars")
	sloganShortEnds    = sloganWords.chars("short_quote_end_chars")
	sloganNounEnd      = sloganWords.chars("noun_end_chars")
	sloganBadHeadEnds  = sloganWords.chars("bad_head_end_chars")
	sloganFrameFunc    = sloganWords.chars("frame_function_chars")
	sloganVerbs        = sloganWords.chars("verb_chars")
	sloganShortFrames  = sloganWords.chars("short_frame_chars")
	sloganLeWordBefore = sloganWords.chars("le_word_before_chars")
	sloganSpeechWords  = sloganWords.words("speech_words")
	sloganNumeralWords = sloganWords.set("numeral_words")
	sloganNounWords    = sloganWords.set("noun_words")
)

// sloganQuotePairs maps each opening quotation mark to its closing one.
var sloganQuotePairs = func() map[rune]rune {
	m := map[rune]rune{}
	for _, sec := range sloganWords {
		if sec.name != "quote_pairs" {
			continue
		}
		for _, l := range sec.lines {
			if rs := []rune(l); len(rs) == 2 {
				m[rs[0]] = rs[1]
			}
		}
	}
	return m
}()

func sloganQuoteChars() string {
	var b strings.Builder
	for _, sec := range sloganWords {
		if sec.name == "quote_pairs" {
			for _, l := range sec.lines {
				b.WriteString(l)
			}
		}
	}
	return b.String()
}

// sloganReversed returns a lexicon of the words of a section, reversed
// (matched backwards from the end of a quote or before an opening mark).
func sloganReversed(name string) *lexicon[bool] {
	l := newLexicon[bool]()
	for _, w := range sloganWords.words(name) {
		l.Add(bookReverse(w), true)
	}
	return l
}

// sloganForward returns a lexicon of the words of a section.
func sloganForward(name string) *lexicon[bool] {
	l := newLexicon[bool]()
	for _, w := range sloganWords.words(name) {
		l.Add(w, true)
	}
	return l
}

// sloganEntry is one curated formulation.
type sloganEntry struct {
	canonical, category string
	quotedOnly          bool // the form is also an ordinary word: quoted use only
	formula             bool // the canonical form starts with a numeral
}

// sloganStop marks quoted words that are not slogans (terms and idioms).
var sloganStop = &sloganEntry{category: "stop"}

var sloganLex = newLexicon[*sloganEntry]()

func init() {
	readWordList(slogansData, func(f []string) {
		if len(f) < 2 {
			return
		}
		canon, cat := f[0], f[1]
		e := &sloganEntry{canonical: canon, category: cat}
		if strings.HasPrefix(canon, "~") {
			canon = canon[len("~"):]
			e.canonical, e.quotedOnly = canon, true
		}
		if cat == "term" || cat == "idiom" {
			e = sloganStop
		}
		forms := []string{canon}
		if len(f) > 2 && f[2] != "-" {
			forms = append(forms, strings.Split(f[2], "|")...)
		}
		for _, form := range forms {
			norm, _ := sloganNormalize([]rune(form))
			if len(norm) < 2 {
				continue // the scan relies on forms of two runes or more
			}
			ee := e
			if e != sloganStop {
				// formula and quotedOnly belong to the written form: 四个自信
				// is a formula, 道路自信、理论自信… is not.
				c := *e
				c.formula = sloganNumeral(norm[0])
				c.quotedOnly = c.quotedOnly || len(norm) <= 2 // 三农, 两山: too short to trust unquoted
				ee = &c
			}
			sloganLex.Add(string(norm), ee)
			if len(norm) == 2 {
				sloganLexPairs.add(sloganBigramHash(norm[0], norm[1]))
			} else {
				sloganLexTrigrams.add(sloganTrigramHash(norm[0], norm[1], norm[2]))
			}
		}
	})
	sloganLexFirst = make([]bool, 0x10000)
	sloganLex.FirstRunes(func(r, r2 rune, one bool) {
		switch {
		case one && r < 0x10000:
			sloganLexFirst[r] = true
		case !one:
			h := sloganBigramHash(r, r2)
			sloganLexBigrams[h>>6] |= 1 << (h & 63)
		}
	})
}

// sloganNumeral reports whether r is a Chinese numeral that can open a
// formula (一…十, 两, 双, 百, 千, 万). It is not a numeral parser (that is
// numeral.go) but the set of characters a formula may start with, tested
// for every rune of the text, hence the switch.
func sloganNumeral(r rune) bool { return sloganNumeralSet.has(r) }

// sloganOpenQuote returns the closing mark of an opening quotation mark r,
// or 0.
func sloganOpenQuote(r rune) rune {
	if !sloganQuoteSet.has(r) {
		return 0 // most characters, with one bit test
	}
	return sloganQuotePairs[r]
}

func sloganQuote(r rune) bool { return sloganQuoteSet.has(r) }

func sloganSep(r rune) bool { return sloganSepSet.has(r) }

// sloganNormalize drops quotation marks and writes every list separator
// as 、; pos maps each output rune to its index in rs.
func sloganNormalize(rs []rune) (norm []rune, pos []int32) {
	norm = make([]rune, 0, len(rs))
	pos = make([]int32, 0, len(rs))
	for i, r := range rs {
		switch {
		case sloganQuote(r):
		case sloganSep(r):
			if len(norm) > 0 && norm[len(norm)-1] != '、' {
				norm = append(norm, '、')
				pos = append(pos, int32(i))
			}
		default:
			norm = append(norm, r)
			pos = append(pos, int32(i))
		}
	}
	if len(norm) > 0 && norm[len(norm)-1] == '、' {
		norm, pos = norm[:len(norm)-1], pos[:len(pos)-1]
	}
	return norm, pos
}

// sloganLexFirst marks the first runes of the curated forms (BMP only, set
// once at init).
var sloganLexFirst []bool

// sloganLexBigrams is a one-hash Bloom filter of the first two runes of
// the curated forms: most text positions are skipped with one bit test.
var sloganLexBigrams [1 << 10]uint64

func sloganBigramHash(r1, r2 rune) uint32 {
	return (uint32(r1)*2654435761 ^ uint32(r2)*40503) >> 16
}

// sloganBloom is a one-hash Bloom filter of 1<<16 bits.
type sloganBloom [1 << 10]uint64

func (b *sloganBloom) add(h uint32)      { b[h>>6] |= 1 << (h & 63) }
func (b *sloganBloom) has(h uint32) bool { return b[h>>6]&(1<<(h&63)) != 0 }

// sloganLexPairs holds the curated forms of exactly two runes and
// sloganLexTrigrams the first three runes of the longer ones: a position
// whose next two runes are plain text (no quotation mark, no separator)
// opens a form only if one of them may hold, which spares most walks of
// the lexicon past the bigram filter.
var sloganLexPairs, sloganLexTrigrams sloganBloom

func sloganTrigramHash(r1, r2, r3 rune) uint32 {
	return (uint32(r1)*2654435761 ^ uint32(r2)*40503 ^ uint32(r3)*2246822519) >> 16
}

func sloganFindAll(text []rune) []match[*sloganEntry] {
	var out []match[*sloganEntry]
	for i := 0; i < len(text); {
		r := text[i]
		if r < 0x10000 && !sloganLexFirst[r] || sloganQuote(r) || sloganSep(r) {
			i++
			continue
		}
		if i+1 < len(text) {
			r2 := text[i+1]
			if sloganSep(r2) {
				r2 = '、'
			}
			if h := sloganBigramHash(r, r2); !sloganQuote(r2) && sloganLexBigrams[h>>6]&(1<<(h&63)) == 0 {
				i++
				continue // every form has at least two runes
			}
		}
		if i+2 < len(text) {
			r2, r3 := text[i+1], text[i+2]
			plain := !sloganQuote(r2) && !sloganSep(r2) && !sloganQuote(r3) && !sloganSep(r3)
			if plain && !sloganLexPairs.has(sloganBigramHash(r, r2)) && !sloganLexTrigrams.has(sloganTrigramHash(r, r2, r3)) {
				i++
				continue // the text reads r, r2, r3 as written: no form opens so
			}
		}
		if n, v := sloganLexAt(text, i); n > 0 {
			out = append(out, match[*sloganEntry]{Start: i, End: i + n, Value: v})
			i += n
			continue
		}
		i++
	}
	return out
}

// sloganLexAt returns the length in text of the longest curated form
// starting at text[i], reading the text as sloganNormalize writes it
// (quotation marks skipped, separators as 、) without copying it.
func sloganLexAt(text []rune, i int) (n int, v *sloganEntry) {
	c := sloganLex.Cursor()
	lastSep := false
	for j := i; j < len(text); j++ {
		r := text[j]
		if sloganQuote(r) {
			continue
		}
		if sloganSep(r) {
			if lastSep {
				continue
			}
			lastSep, r = true, '、'
		} else {
			lastSep = false
		}
		if !c.Next(r) {
			break
		}
		if e, ok := c.Word(); ok && !lastSep {
			n, v = j-i+1, e
		}
	}
	return n, v
}

// sloganLookup returns the entry of a text written exactly as a known form:
// the lexicon word of rs as sloganNormalize writes it, read without copying
// it (each normalized rune goes to the lexicon one step late, so that a
// final 、, which sloganNormalize drops, is never read).
func sloganLookup(rs []rune) *sloganEntry {
	c := sloganLex.Cursor()
	var last rune // the last rune of the normalized text so far (0: none)
	for _, r := range rs {
		if sloganQuote(r) {
			continue
		}
		if sloganSep(r) {
			if last == 0 || last == '、' {
				continue
			}
			r = '、'
		}
		if last != 0 && !c.Next(last) {
			return nil
		}
		last = r
	}
	if last != 0 && last != '、' && !c.Next(last) {
		return nil
	}
	e, _ := c.Word()
	return e
}

// lookupSlogan returns the canonical form and category of a known
// formulation written as s (quotes and list separators do not matter).
func lookupSlogan(s string) (canonical, category string, ok bool) {
	e := sloganLookup([]rune(s))
	if e == nil || e == sloganStop {
		return "", "", false
	}
	return e.canonical, e.category, true
}

// isSloganFormula reports whether s, with or without quotation marks, is a
// numeric slogan formula (四个意识, 五个一, 三会一课, 六稳六保) rather than a
// count.
func isSloganFormula(s string) bool {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) >= 2 && sloganOpenQuote(rs[0]) == rs[len(rs)-1] {
		return sloganQuotedFormula(rs[1 : len(rs)-1])
	}
	return len(rs) > 0 && sloganFormulaAt(rs, 0) == len(rs)
}

// sloganFormulaAt returns the length of the slogan formula starting at
// text[i], or 0. It finds curated formulas (四个意识), the N-X-N-Y shape
// (三会一课, 两不愁三保障) and any numeral-led phrase written alone in
// quotes (“五个一”). The count extractor calls it so as not to read such
// formulas as counts.
func sloganFormulaAt(text []rune, i int) int {
	if i < 0 || i >= len(text) || !sloganNumeral(text[i]) {
		return 0
	}
	if i > 0 && (numeralRune(text[i-1]) || text[i-1] == '第') {
		return 0 // 第三会…, 二十四个…
	}
	if i > 0 && sloganOpenQuote(text[i-1]) != 0 {
		close := sloganOpenQuote(text[i-1])
		for j := i + 1; j < len(text) && j-i <= 12; j++ {
			if text[j] == close {
				if sloganQuotedFormula(text[i:j]) {
					return j - i
				}
				break
			}
		}
	}
	if n, e := sloganLex.Longest(text, i); n > 0 && e.formula && !e.quotedOnly {
		return n
	}
	if n := sloganGeYiAt(text, i); n > 0 {
		return n
	}
	return sloganShapeAt(text, i)
}

// sloganGeYiAt matches N个一 (五个一, 三个一) at text[i]: a formula naming N
// items each counted once, not a count of 一.
func sloganGeYiAt(text []rune, i int) int {
	if i+2 >= len(text) || text[i+1] != '个' || text[i+2] != '一' || !sloganNumeral(text[i]) || text[i] == '一' {
		return 0
	}
	if i > 0 && (numeralRune(text[i-1]) || text[i-1] == '第') {
		return 0
	}
	if i+3 < len(text) && (numeralRune(text[i+3]) || strings.ContainsRune(sloganMeasure, text[i+3])) {
		return 0 // 三个一百年, 两个一次
	}
	return 3
}

// sloganShapeAt matches the N-X-N-Y shape at text[i]: two to four groups
// of a numeral and a head, all heads one or two runes long and of the same
// length (三会一课, 三去一降一补, 两不愁三保障, 一岗双责).
func sloganShapeAt(text []rune, i int) int {
	if i > 0 && (numeralRune(text[i-1]) || text[i-1] == '第') {
		return 0
	}
	j, groups, h := i, 0, 0
	end := 0
	for groups < 4 && j < len(text) && sloganShapeNumeral(text[j]) {
		k := j
		for k < len(text) && k-j < 2 && sloganShapeNumeral(text[k]) {
			k++
		}
		m := k
		for m < len(text) && m-k < 2 && sloganHead(text[m]) {
			m++
		}
		hl := m - k
		if groups == 0 {
			// The first head ends where the next numeral starts: one rune
			// (三会一课) or two (两不愁三保障), never more (一个中心…).
			if hl == 0 || hl == 2 && (m >= len(text) || !sloganShapeNumeral(text[m])) {
				return 0
			}
			h = hl
		} else if hl < h {
			break
		}
		for _, r := range text[k : k+h] {
			if strings.ContainsRune(sloganMeasure, r) || strings.ContainsRune(sloganFunction, r) {
				return 0 // 三年一次, 十九届二中, 七是进一步
			}
		}
		if groups > 0 && text[j] == '一' && strings.ContainsRune(sloganYiWordBefore, text[j-1]) {
			return 0
		}
		if strings.ContainsRune("个", text[k]) {
			return 0
		}
		groups++
		j = k + h
		end = j
	}
	if groups < 2 {
		return 0
	}
	// The heads must differ (一件一件 is a manner, not a formula), and the
	// opening must not be a word (三角一体).
	heads := map[string]bool{}
	for k := i; k < end; {
		m := k
		for m < end && sloganShapeNumeral(text[m]) {
			m++
		}
		hd := string(text[m:sloganMin(m+h, end)])
		if heads[hd] {
			return 0
		}
		heads[hd] = true
		k = m + h
	}
	if end-i >= 2 && sloganNumeralWords[string(text[i:i+2])] {
		return 0
	}
	if h == 2 && strings.Count(string(text[i:end]), "一") == groups {
		return 0 // 进一步统一思想
	}
	if i > 0 && text[i] == '一' && strings.ContainsRune(sloganYiWordBefore, text[i-1]) {
		return 0
	}
	if end < len(text) && sloganNumeral(text[end]) {
		return 0
	}
	if e, _ := sloganLex.Get(string(text[i:end])); e == sloganStop {
		return 0
	}
	return end - i
}

// sloganShapeExtend lets the last head of an unquoted N-X-N-Y formula
// end with the word it cuts (三改一加|强 → 三改一加强, 三优一满|意 →
// 三优一满意), by one character at most.
func sloganShapeExtend(d *Document, i, n int) int {
	end := i + n
	if end >= len(d.runes) || !sloganHead(d.runes[end]) {
		return n
	}
	toks := d.Tokens()
	k := sort.Search(len(toks), func(x int) bool { return toks[x].End >= end })
	if k < len(toks) && toks[k].Start < end && toks[k].End == end+1 && toks[k].Start >= i {
		return n + 1
	}
	return n
}

// sloganShapeNumeral: the numerals of an N-X-N-Y formula are small (百, 千,
// 万 make counts: 万人登八达岭).
func sloganShapeNumeral(r rune) bool {
	return sloganNumeral(r) && r != '百' && r != '千' && r != '万'
}

// sloganHan reports whether r is a Han character (fast path for the common
// blocks, unicode.Han otherwise).
func sloganHan(r rune) bool {
	if r >= 0x4e00 && r <= 0x9fff {
		return true
	}
	if r < 0x2e80 {
		return false
	}
	return unicode.Is(unicode.Han, r)
}

func sloganHead(r rune) bool {
	return sloganHan(r) && !sloganNumeral(r) && r != '〇' && r != '零'
}

// sloganQuotedFormula reports whether the inside of a quote is a formula:
// a numeral, an optional 个/项/大/条/类/张/种/位/型, and a short head, or a
// curated formula.
func sloganQuotedFormula(in []rune) bool {
	if len(in) < 2 || len(in) > 10 || !sloganNumeral(in[0]) {
		return false
	}
	if e := sloganLookup(in); e != nil && e != sloganStop && e.formula {
		return true
	}
	if in[0] == '一' && sloganShapeAt(in, 0) != len(in) {
		return false // ‘一切为了群众’: 一 opens words far more often than formulas
	}
	j := 0
	for j < len(in) && j < 3 && sloganNumeral(in[j]) {
		j++
	}
	if j == len(in) {
		// All numerals: 五个一 keeps 个 below; 三八, 七一 are dates.
		return false
	}
	if j >= 2 && !strings.ContainsRune(cnPowersToWan, in[1]) && in[0] != '双' {
		// 三八红旗手, 五一劳动奖章: a holiday, not a formula; 十四五 is listed.
		return false
	}
	rest := in[j:]
	if len(rest) > 6 || sloganNumeralWords[string(in[:2])] {
		return false // “三角地商贸核心圈”, “百姓安居工程”
	}
	if strings.ContainsRune(sloganQuoteTimes, rest[0]) {
		return false // “百年党史青年说”, “百日攻坚”
	}
	for _, r := range rest {
		if !sloganHan(r) && !sloganSep(r) {
			return false
		}
	}
	return len(rest) >= 1 && len(rest) <= 8
}

// sloganCand is one finding before overlaps are resolved.
type sloganCand struct {
	start, end int
	seq        int // order of finding: a tie-break that keeps sorting stable
	kind       string
	entry      *sloganEntry
	items      []string
	rule       string // the rule that accepted it
}

func sloganKindRank(k string) int {
	switch k {
	case SloganFormula:
		return 0
	case SloganQuoted:
		return 1
	case SloganParallel:
		return 2
	}
	return 3
}

func extractSlogans(d *Document) {
	rs := d.runes
	var cands []sloganCand
	quoted := map[[2]int]bool{} // inner spans of quotes
	var qf *sloganQuoteF        // the features of each quote in turn (the scratch's, or one allocation)
	if sc := d.scratch; sc != nil {
		qf = &sc.sloganQuote
		*qf = sloganQuoteF{}
	} else {
		qf = new(sloganQuoteF)
	}
	sloganQuotes(rs, func(s, e int) {
		quoted[[2]int{s, e}] = true
		if c, ok := sloganClassifyQuote(qf, d, rs, s, e); ok {
			cands = append(cands, c)
		}
	})
	// Curated forms, matched on the normalized text.
	var f sloganLexF // the features of each match in turn (one allocation)
	for _, m := range sloganFindAll(rs) {
		f = sloganLexF{entry: m.Value, quoted: quoted[[2]int{m.Start, m.End}]}
		s, en := m.Start, m.End
		f.inNumber = s > 0 && sloganNumeral(rs[s]) && (numeralRune(rs[s-1]) || rs[s-1] == '第')
		f.hasQuote = sloganHasQuote(rs[s:en])
		r := sloganLexRules.decide(d, &f, s, en)
		if r == nil || r.verdict != Accept {
			continue
		}
		kind := SloganLexicon
		if f.entry.formula {
			kind = SloganFormula
		}
		cands = append(cands, sloganCand{start: s, end: en, kind: kind, entry: f.entry, rule: r.name})
	}
	cands = append(cands, sloganShapes(d)...)
	cands = append(cands, sloganParallels(d)...)
	res := sloganResolve(d, cands)
	d.Mentions = slices.Grow(d.Mentions, len(res))
	for _, c := range res {
		d.traceRule(c.rule, Accept, c.start, c.end) // the finding that gave the kind
		m := Mention{Type: TypeSlogan, Start: c.start, End: c.end, Kind: c.kind, Items: c.items}
		if c.entry != nil && c.entry != sloganStop {
			m.Canonical, m.Category = c.entry.canonical, c.entry.category
		}
		d.add(m)
	}
}

// sloganLexF are the features of a match of a known formulation.
type sloganLexF struct {
	entry    *sloganEntry
	quoted   bool // the match is the whole inside of a quotation
	inNumber bool // it opens with a numeral inside a longer number
	hasQuote bool // a quotation mark is inside it
}

// sloganLexRules decide on the known formulations of slogans.txt found in
// the text, quotation marks and separators aside.
var sloganLexRules = newRuleTable("slogan",
	rule[sloganLexF]{"slogan.lexicon_stop_term", "a term or idiom listed as such in slogans.txt is no slogan (老大难)", Reject,
		func(f *sloganLexF) bool { return f.entry == sloganStop }},
	rule[sloganLexF]{"slogan.lexicon_in_number", "a formulation opening with a numeral inside a longer number is none (十四五 in 二十四五)", Reject,
		func(f *sloganLexF) bool { return f.inNumber }},
	rule[sloganLexF]{"slogan.lexicon_quoted_only", "a form that is also an ordinary word, or of two characters (三农, 两山), counts only as the whole of a quotation", Reject,
		func(f *sloganLexF) bool { return f.entry.quotedOnly && !f.quoted }},
	rule[sloganLexF]{"slogan.lexicon_across_quote", "a match running across a quotation mark is left to the quotation (“两学一做”学习教育)", Reject,
		func(f *sloganLexF) bool { return f.hasQuote }},
	rule[sloganLexF]{"slogan.lexicon_formula", "a known formula of slogans.txt opening with a numeral is a formula (四个意识, 两个维护, 十四五)", Accept,
		func(f *sloganLexF) bool { return f.entry.formula }},
	rule[sloganLexF]{"slogan.lexicon_form", "a known formulation of slogans.txt found without marks is a lexicon slogan (不忘初心、牢记使命, 以人民为中心)", Accept,
		func(f *sloganLexF) bool { return true }},
)

// The formulas found by their shape.
var (
	ruleSloganShape = registerRule("slogan", "slogan.formula_shape",
		"two to four groups of a small numeral and a head of one length, heads all different, are a formula (三会一课, 两不愁三保障, 一岗双责; the last head may end with the word it cuts: 三改一加强)", Accept)
	ruleSloganGeYi = registerRule("slogan", "slogan.formula_ge_yi",
		"N个一 names N items each counted once, a formula (五个一, 三个一), not before a numeral or a measure (三个一百年)", Accept)
)

// sloganShapes finds the unquoted formulas of the N-X-N-Y and N个一 shapes.
func sloganShapes(d *Document) []sloganCand {
	rs := d.runes
	var out []sloganCand
	for i := 0; i < len(rs); i++ {
		if !sloganNumeral(rs[i]) {
			continue
		}
		rule := ruleSloganShape
		n := sloganShapeAt(rs, i)
		if n > 0 {
			n = sloganShapeExtend(d, i, n)
		} else {
			n, rule = sloganGeYiAt(rs, i), ruleSloganGeYi
		}
		if n > 0 {
			d.traceRule(rule, Accept, i, i+n)
			out = append(out, sloganCand{start: i, end: i + n, kind: SloganFormula, entry: sloganLookup(rs[i : i+n]), rule: rule})
			i += n - 1
		}
	}
	return out
}

func sloganHasQuote(rs []rune) bool {
	for _, r := range rs {
		if sloganQuote(r) {
			return true
		}
	}
	return false
}

// sloganQuotes calls fn with the inside [s,e) of every closed quotation,
// nested ones included; ASCII " marks pair in order. Quotes do not span
// lines.
func sloganQuotes(rs []rune, fn func(s, e int)) {
	type open struct {
		at    int
		close rune
	}
	var stack []open
	ascii := -1 // an open ASCII quote: they pair in order within a line
	for i, r := range rs {
		if c := sloganOpenQuote(r); c != 0 {
			stack = append(stack, open{i, c})
			continue
		}
		if r == '"' {
			if ascii < 0 {
				ascii = i
			} else {
				if i > ascii+1 {
					fn(ascii+1, i)
				}
				ascii = -1
			}
			continue
		}
		if r == '\n' {
			stack = stack[:0]
			ascii = -1
			continue
		}
		for k := len(stack) - 1; k >= 0; k-- {
			if stack[k].close == r {
				s := stack[k].at
				stack = stack[:k]
				if i > s+1 {
					fn(s+1, i)
				}
				break
			}
		}
	}
}

// Lexicons of data/slogan_words.txt: cues after a closing quote that make
// the quote a name; cues before an opening quote that make it an honour or
// a name (reversed); endings of quoted names and of designations of places
// (reversed).
var (
	sloganNameAfter  = sloganForward("name_after")
	sloganNameBefore = sloganReversed("name_before")
	sloganNameEnd    = sloganReversed("name_end")
	sloganPlaceEnd   = sloganReversed("place_end")
)

func sloganHasSep(in []rune) bool {
	for _, r := range in {
		if sloganSep(r) {
			return true
		}
	}
	return false
}

// sloganEndsWith reports whether rs[:e] ends with a word of a reversed
// lexicon.
func sloganEndsWith(l *lexicon[bool], rs []rune, s, e int) bool {
	found := false
	l.Backward(rs, s, e, func(int, bool) bool { found = true; return false })
	return found
}

// sloganQuoteF are the features of a quotation [s,e) (the inside, marks
// excluded), computed once for sloganQuoteRules.
type sloganQuoteF struct {
	in                                   []rune
	entry                                *sloganEntry // known formulation written so, or nil
	formula                              bool         // sloganQuotedFormula
	nameAfter, nameBefore, nameEnd       bool
	designation, speechCue               bool
	particle, notChinese, badSep         bool
	han                                  int
	trailingSep, speechWord              bool
	longClause, le, short, cueAfter, cue bool
}

// sloganQuoteRules decide what a quotation is: a formula, a known
// formulation, a quoted slogan, or nothing (speech, a name, a term).
var sloganQuoteRules = newRuleTable("slogan",
	rule[sloganQuoteF]{"slogan.quote_stop_term", "a quoted term or idiom listed as such in slogans.txt is no slogan (“老大难”, scare quotes)", Reject,
		func(f *sloganQuoteF) bool { return f.entry == sloganStop }},
	rule[sloganQuoteF]{"slogan.quote_formula", "a numeral and a short head written alone in quotes is a formula (“五个一”, “两学一做”, “三会一课”)", Accept,
		func(f *sloganQuoteF) bool { return f.formula }},
	rule[sloganQuoteF]{"slogan.quote_known", "a known formulation of slogans.txt in quotes is a quoted slogan (“不忘初心、牢记使命”, “放管服”)", Accept,
		func(f *sloganQuoteF) bool { return f.entry != nil }},
	rule[sloganQuoteF]{"slogan.quote_length", "a quote of fewer than 4 or more than 40 characters is a word or a passage, no slogan (“学”, “做”)", Reject,
		func(f *sloganQuoteF) bool { return len(f.in) < 4 || len(f.in) > 40 }},
	rule[sloganQuoteF]{"slogan.quote_name_after", "a quote followed by the word for an account, app, column, honour or body is a name (“黔西人大”微信公众号, “学习强国”APP, “优秀共产党员”称号)", Reject,
		func(f *sloganQuoteF) bool { return f.nameAfter }},
	rule[sloganQuoteF]{"slogan.quote_name_before", "a quote after 荣获, 评为, 关注, 简称 … is an honour or a name (荣获“全国文明村镇”, 关注“黔西发布”)", Reject,
		func(f *sloganQuoteF) bool { return f.nameBefore }},
	rule[sloganQuoteF]{"slogan.quote_name_end", "a quote ending like the name of a body, medium, product or event is a name (“毕节发布”, “爱心超市”, “乡村振兴贷”)", Reject,
		func(f *sloganQuoteF) bool { return f.nameEnd }},
	rule[sloganQuoteF]{"slogan.quote_designation", "a quote without separators ending in 城, 区, 基地, 示范村 … designates a place or body (“中国雪雕城”, “家庭教育试验区”)", Reject,
		func(f *sloganQuoteF) bool { return f.designation }},
	rule[sloganQuoteF]{"slogan.quote_speech_cue", "a quote opening right after ： or 说, 道, 问, 讲 … is quoted speech (他说：“…”)", Reject,
		func(f *sloganQuoteF) bool { return f.speechCue }},
	rule[sloganQuoteF]{"slogan.quote_particle", "a sentence particle (吗, 呢, 吧, 啊 …) ending a clause of the quote makes it speech (“这样行吗”)", Reject,
		func(f *sloganQuoteF) bool { return f.particle }},
	rule[sloganQuoteF]{"slogan.quote_not_chinese", "sentence punctuation, letters or digits inside make a quote speech or a name (“我们来了！”, “5G+智慧党建”)", Reject,
		func(f *sloganQuoteF) bool { return f.notChinese }},
	rule[sloganQuoteF]{"slogan.quote_bad_separator", "a quote opening with a separator or with two separators in a row is no slogan", Reject,
		func(f *sloganQuoteF) bool { return f.badSep }},
	rule[sloganQuoteF]{"slogan.quote_too_short", "a quote of fewer than four Chinese characters, or ending with a separator, is no slogan", Reject,
		func(f *sloganQuoteF) bool { return f.han < 4 || f.trailingSep }},
	rule[sloganQuoteF]{"slogan.quote_speech_words", "personal pronouns or 了 closing a clause make a quote speech (“我们一定能完成任务”)", Reject,
		func(f *sloganQuoteF) bool { return f.speechWord }},
	rule[sloganQuoteF]{"slogan.quote_long_clause", "a part of more than 10 characters between separators is a clause of a quotation, no slogan", Reject,
		func(f *sloganQuoteF) bool { return f.longClause }},
	rule[sloganQuoteF]{"slogan.quote_le", "了 inside a quote of more than 6 characters (not in 为了, 除了) makes it a statement (“出现了一些新变化”)", Reject,
		func(f *sloganQuoteF) bool { return f.le }},
	rule[sloganQuoteF]{"slogan.quote_no_cue", "a short quote (4 characters, one part), a quote with 的 or the name of a day, year or honour is a slogan only with a cue around it (开展“送法下乡”活动, 弘扬“红船精神”; not “钻牛角尖”, “世界艾滋病日”)", Reject,
		func(f *sloganQuoteF) bool { return f.short && !f.cue }},
	rule[sloganQuoteF]{"slogan.quote_slogan", "any other quote of four or more Chinese characters in short parts is a quoted slogan (“牢记殷切嘱托、忠诚干净担当、喜迎建党百年”, “我为群众办实事”)", Accept,
		func(f *sloganQuoteF) bool { return true }},
)

// sloganClassifyQuote decides what the quotation [s,e) is, by
// sloganQuoteRules; f is room for its features, overwritten.
func sloganClassifyQuote(f *sloganQuoteF, d *Document, rs []rune, s, e int) (sloganCand, bool) {
	*f = sloganQuoteFeatures(rs, s, e)
	r := sloganQuoteRules.decide(d, f, s, e)
	switch {
	case r == nil || r.verdict != Accept:
		return sloganCand{}, false
	case r.name == "slogan.quote_formula":
		return sloganCand{start: s, end: e, kind: SloganFormula, entry: f.entry, rule: r.name}, true
	case r.name == "slogan.quote_known":
		return sloganCand{start: s, end: e, kind: SloganQuoted, entry: f.entry, rule: r.name}, true
	}
	return sloganCand{start: s, end: e, kind: SloganQuoted, rule: r.name}, true
}

// sloganQuoteFeatures computes the features of the quotation [s,e).
func sloganQuoteFeatures(rs []rune, s, e int) sloganQuoteF {
	in := rs[s:e]
	f := sloganQuoteF{in: in, entry: sloganLookup(in)}
	if f.entry == sloganStop {
		return f
	}
	f.formula = sloganQuotedFormula(in)
	if n, _ := sloganNameAfter.Longest(rs, e+1); n > 0 {
		f.nameAfter = true
	}
	f.nameBefore = sloganEndsWith(sloganNameBefore, rs, sloganMax(0, s-1-4), s-1)
	f.nameEnd = sloganEndsWith(sloganNameEnd, rs, s, e)
	f.designation = !sloganHasSep(in) && sloganEndsWith(sloganPlaceEnd, rs, s, e)
	f.speechCue = s >= 2 && strings.ContainsRune(sloganSpeechBefore, rs[s-2])
	for i, r := range in {
		switch {
		case sloganHan(r):
			f.han++
			if strings.ContainsRune(sloganParticles, r) && (i == len(in)-1 || sloganSep(in[i+1])) {
				f.particle = true
			}
		case r == '+' || r == '＋':
		case sloganSep(r):
			if i == 0 || sloganSep(in[i-1]) {
				f.badSep = true
			}
		default:
			f.notChinese = true
		}
	}
	f.trailingSep = len(in) > 0 && sloganSep(in[len(in)-1])
	str := string(in)
	for _, w := range sloganSpeechWords {
		f.speechWord = f.speechWord || strings.Contains(str, w)
	}
	part := 0
	for i, r := range in {
		if sloganSep(r) {
			part = 0
			continue
		}
		if part++; part > 10 {
			f.longClause = true
		}
		if r == '了' && len(in) > 6 && (i == 0 || !strings.ContainsRune(sloganLeWordBefore, in[i-1])) {
			f.le = true
		}
	}
	f.short = len(in) > 0 && !sloganHasSep(in) && (len(in) == 4 || strings.ContainsRune(str, '的') || strings.ContainsRune(sloganShortEnds, in[len(in)-1]))
	if f.short {
		n, _ := sloganCueAfter.Longest(rs, e+1)
		f.cue = n > 0 || sloganEndsWith(sloganCueBefore, rs, sloganMax(0, s-1-4), s-1)
	}
	return f
}

// Words around a quote that mark it as a slogan (the ones before,
// reversed).
var sloganCueAfter, sloganCueBefore = sloganForward("cue_after"), sloganReversed("cue_before")

func sloganMin(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func sloganMax(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// The rules of overlaps between findings (sloganResolve).
var (
	ruleSloganCrossing = registerRule("slogan", "slogan.overlap_crossing",
		"of two crossing findings the one starting first is kept", Reject)
	ruleSloganInKnown = registerRule("slogan", "slogan.overlap_inside_known",
		"nothing is kept inside a known formulation (学史明理 inside 学史明理、学史增信、学史崇德、学史力行)", Reject)
	ruleSloganInSlogan = registerRule("slogan", "slogan.overlap_inside_slogan",
		"inside a slogan that is no known formulation, only a known formulation or a formula is kept (牢记殷切嘱托 inside “传承红色基因、牢记殷切嘱托、建设富美黔西”)", Reject)
)

// sloganResolve merges findings on one span and drops overlaps as the
// package comment says.
func sloganResolve(d *Document, cands []sloganCand) []sloganCand {
	for i := range cands {
		cands[i].seq = i
	}
	slices.SortFunc(cands, func(a, b sloganCand) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		if ra, rb := sloganKindRank(a.kind), sloganKindRank(b.kind); ra != rb {
			return ra - rb
		}
		return a.seq - b.seq
	})
	// Merge equal spans.
	merged := make([]sloganCand, 0, len(cands))
	for _, c := range cands {
		if n := len(merged); n > 0 && merged[n-1].start == c.start && merged[n-1].end == c.end {
			m := &merged[n-1]
			if m.entry == nil || m.entry == sloganStop {
				m.entry = c.entry
			}
			if m.items == nil {
				m.items = c.items
			}
			continue
		}
		merged = append(merged, c)
	}
	out := make([]sloganCand, 0, len(merged))
	var outer []int // indexes in out of the kept top-level and nesting spans
	for _, c := range merged {
		// Pop the spans that end before c.
		for len(outer) > 0 && out[outer[len(outer)-1]].end <= c.start {
			outer = outer[:len(outer)-1]
		}
		if len(outer) > 0 {
			k := out[outer[len(outer)-1]]
			nested := c.end <= k.end
			known := k.entry != nil && k.entry != sloganStop
			switch {
			case !nested:
				d.traceRule(ruleSloganCrossing, Reject, c.start, c.end)
				continue
			case known:
				d.traceRule(ruleSloganInKnown, Reject, c.start, c.end)
				continue
			case !(c.entry != nil && c.entry != sloganStop || c.kind == SloganFormula):
				d.traceRule(ruleSloganInSlogan, Reject, c.start, c.end)
				continue
			}
		}
		out = append(out, c)
		outer = append(outer, len(out)-1)
	}
	return out
}

// sloganSepClass groups separators that may join the items of one list.
func sloganSepClass(r rune) rune {
	switch r {
	case '、':
		return '、'
	case '，', ',':
		return '，'
	case '·', '•', '・':
		return '·'
	case '；', ';':
		return '；'
	case ' ', '\u3000':
		return ' '
	}
	return 0
}

type sloganSeg struct {
	start, end int
	sep        rune // separator class after the segment, 0 for a hard stop
}

// sloganParallels finds parallel lists: separated items (学史明理、学史增信、
// 学史崇德、学史力行) and repeated heads (走深走心走实).
func sloganParallels(d *Document) []sloganCand {
	rs := d.runes
	var out []sloganCand
	var segBuf [32]sloganSeg // room for most runs without allocating
	segs := segBuf[:0]
	flush := func() {
		if len(segs) >= 3 {
			out = append(out, sloganListRun(d, segs)...)
		}
		segs = segs[:0]
	}
	for i := 0; i < len(rs); {
		if !sloganHan(rs[i]) {
			flush()
			i++
			continue
		}
		j := i
		for j < len(rs) && sloganHan(rs[j]) {
			j++
		}
		sep := rune(0)
		if j < len(rs) {
			sep = sloganSepClass(rs[j])
		}
		if len(segs) > 0 && segs[len(segs)-1].sep != sep && sep != 0 {
			// A new separator class starts a new run; this segment is the
			// last of the old run and the first of the new one.
			segs = append(segs, sloganSeg{i, j, 0})
			flush()
		}
		segs = append(segs, sloganSeg{i, j, sep})
		if sep == 0 || j+1 >= len(rs) || !sloganHan(rs[j+1]) {
			flush()
			i = j + 1
			continue
		}
		i = j + 1
	}
	flush()
	// Repeated one-rune heads: 走深走心走实, 真学真懂真信真用, 不等不靠不要.
	for i := 0; i+5 < len(rs); i++ {
		a := rs[i]
		if rs[i+2] != a || rs[i+4] != a || !sloganHead(a) {
			continue
		}
		k := 0
		for i+2*k+1 < len(rs) && rs[i+2*k] == a {
			x := rs[i+2*k+1]
			dup := false
			for t := 0; t < k; t++ {
				dup = dup || rs[i+2*t+1] == x
			}
			if !sloganHead(x) || x == a || dup {
				break
			}
			k++
		}
		if k >= 3 && sloganTokenEdge(d, i) && sloganTokenEdge(d, i+2*k) {
			d.traceRule(ruleSloganParRepeated, Accept, i, i+2*k)
			items := make([]string, k)
			for t := 0; t < k; t++ {
				items[t] = string(rs[i+2*t : i+2*t+2])
			}
			out = append(out, sloganCand{start: i, end: i + 2*k, kind: SloganParallel, items: items, entry: sloganLookup(rs[i : i+2*k]), rule: ruleSloganParRepeated})
			i += 2*k - 1
		}
	}
	return out
}

// sloganListRun finds parallel windows in a run of segments joined by one
// separator class. Inner items are whole segments of one length L; the
// first item may be the tail of its segment (紧紧围绕|学史明理) and the last
// the head of its segment (精准化|的自选动作) or a slightly longer segment
// (具体到时段).
func sloganListRun(d *Document, segs []sloganSeg) []sloganCand {
	rs := d.runes
	var out []sloganCand
	n := len(segs)
	ln := func(k int) int { return segs[k].end - segs[k].start }
	for a := 0; a+1 < n; {
		L := ln(a + 1)
		if L < 2 || L > 8 {
			a++
			continue
		}
		b := a + 1
		for b < n && ln(b) == L && b-a <= sloganMaxListItems {
			b++
		}
		// Items possible: the inner ones, a first and a last.
		if possible := b - (a + 1) + 1 + sloganB2i(b < n); possible < 3 {
			a++
			continue
		}
		var buf [16]sloganItem
		inner := buf[:0]
		for k := a + 1; k < b; k++ {
			inner = append(inner, sloganItem{segs[k].start, segs[k].end})
		}
		// Candidate first and last items, best first; a zero item means
		// none.
		var firsts, lasts [3]sloganItem
		nf, nl := 0, 0
		comma := segs[a].sep == '，' || segs[a].sep == '；'
		if ln(a) == L || ln(a) > L && !comma && sloganTokenEdge(d, segs[a].end-L) {
			firsts[nf] = sloganItem{segs[a].end - L, segs[a].end}
			nf++
		}
		nf++ // none
		if b < n && ln(b) > L {
			// A known list decides where its last item ends (保工资、保运转、
			// 保基本民生|底线).
			s0 := segs[a+1].start
			if firsts[0].e > 0 {
				s0 = firsts[0].s
			}
			if k, _ := sloganLex.Longest(rs, s0); k > 0 && s0+k > segs[b].start+1 && s0+k <= segs[b].end {
				lasts[nl] = sloganItem{segs[b].start, s0 + k}
				nl++
			}
			rest := rs[segs[b].start+L : segs[b].end]
			if ln(b) <= L+2 && !sloganTrailer(rest) {
				lasts[nl] = sloganItem{segs[b].start, segs[b].end}
				nl++ // 具体到时段
			} else if b == n-1 && !comma && sloganTrailer(rest) {
				lasts[nl] = sloganItem{segs[b].start, segs[b].start + L}
				nl++ // cut only before a word of the whole list: 稳预期|工作
			}
		}
		nl++ // none
		found := false
		rejected, rs0, re0 := "", 0, 0 // the first window rejected
		var wbuf [18]sloganItem
		for _, f := range firsts[:nf] {
			for _, l := range lasts[:nl] {
				w := wbuf[:0]
				if f.e > 0 {
					w = append(w, f)
				}
				w = append(w, inner...)
				if l.e > 0 {
					w = append(w, l)
				}
				if len(w) < 3 {
					continue
				}
				rule, ok := sloganParallelShape(d, w)
				if !ok {
					if rejected == "" {
						rejected, rs0, re0 = rule, w[0].s, w[len(w)-1].e
					}
					continue
				}
				d.traceRule(rule, Accept, w[0].s, w[len(w)-1].e)
				strs := make([]string, len(w))
				for t, it := range w {
					strs[t] = string(rs[it.s:it.e])
				}
				s, e := w[0].s, w[len(w)-1].e
				out = append(out, sloganCand{start: s, end: e, kind: SloganParallel, items: strs, entry: sloganLookup(rs[s:e]), rule: rule})
				found = true
				break
			}
			if found {
				break
			}
		}
		if found {
			a = b
		} else {
			if rejected != "" {
				d.traceRule(rejected, Reject, rs0, re0)
			}
			a++
		}
	}
	return out
}

// sloganMaxListItems caps the items of one parallel list: a longer run of
// items of one length is cut into lists of at most this many, which keeps
// sloganListRun linear in the run (each failed start retried the whole run).
const sloganMaxListItems = 64

type sloganItem struct{ s, e int }

func sloganSameRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func sloganB2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sloganTokenEdge reports whether a word of the segmentation starts or
// ends at rune position pos.
func sloganTokenEdge(d *Document, pos int) bool {
	toks := d.Tokens()
	k := sort.Search(len(toks), func(x int) bool { return toks[x].End >= pos })
	return k < len(toks) && (toks[k].End == pos || toks[k].Start == pos)
}

// sloganTrailers are words written after a list that belong to the whole
// list, not to its last item (稳就业、…、稳预期工作).
var sloganTrailers = sloganForward("trailers")

// sloganTrailer reports whether rest (what follows a list item of the
// common length) starts with a word that belongs to the whole list.
func sloganTrailer(rest []rune) bool {
	n, _ := sloganTrailers.Longest(rest, 0)
	return n > 0
}

// sloganGoodHead reports whether a shared head can open parallel slogan
// items: not a numeral (一次…、一次…: counts), not a place or rank prefix
// (县人大、县政府、县政协; 副县长、副书记、副主任).
func sloganGoodHead(head []rune) bool {
	if sloganNumeral(head[0]) || isDigitRune(head[0]) {
		return false
	}
	return !strings.ContainsRune(sloganBadHeadEnds, head[len(head)-1])
}

// sloganPunctLike reports whether a shared character is a function word
// too common to make a frame (的, 和).
func sloganPunctLike(r rune) bool {
	return strings.ContainsRune(sloganFrameFunc, r)
}

// The rules of parallel lists (sloganParallelShape decides a window of
// items; sloganParallels finds repeated heads).
var (
	ruleSloganParDuplicate = registerRule("slogan", "slogan.parallel_duplicate",
		"a list repeating an item is no parallel slogan", Reject)
	ruleSloganParStopItem = registerRule("slogan", "slogan.parallel_stop_item",
		"a list with an item listed as a term in slogans.txt is no parallel slogan", Reject)
	ruleSloganParHead = registerRule("slogan", "slogan.parallel_shared_head",
		"three or more items sharing a head, not a numeral nor a place or rank prefix, are parallel (学史明理、学史增信、学史崇德、学史力行; a last item may be longer: 具体到人、具体到事、具体到时段)", Accept)
	ruleSloganParShortFrame = registerRule("slogan", "slogan.parallel_short_frame",
		"two-character items ending alike in 化 are parallel (绿化、美化、亮化)", Accept)
	ruleSloganParABA = registerRule("slogan", "slogan.parallel_aba",
		"three-character items of the shape X?X are parallel (心连心、面对面、手拉手)", Accept)
	ruleSloganParFrame = registerRule("slogan", "slogan.parallel_frame",
		"items of one length sharing a character at one place, inside or at the end, are parallel (听党话、感党恩、跟党走; 个性化、差别化、精准化), not a function word nor the end of a name (黔西县、大方县、织金县)", Accept)
	ruleSloganParVerb = registerRule("slogan", "slogan.parallel_verb_led",
		"items of one length up to 6, each aligned with words and opening with a verb, are parallel (学党史、悟思想、办实事、开新局)", Accept)
	ruleSloganParNoShape = registerRule("slogan", "slogan.parallel_no_shape",
		"items of no common shape are a list, not a slogan: names (县人大、县政府、县政协; 国有企业、民营企业、外资企业), counted phrases (一次…、一次…)", Reject)
	ruleSloganParRepeated = registerRule("slogan", "slogan.parallel_repeated_head",
		"a one-character head repeated three times or more before different characters, as whole words, is parallel (走深走心走实, 真学真懂真信真用)", Accept)
)

// sloganParallelShape decides whether items are of one shape and returns
// the deciding rule: sharing a head (学史明理、学史增信…; a last item may be
// longer), a frame (个性化、差别化、精准化), or verb-led items of one length
// (学党史、悟思想、办实事、开新局). Lists of names (县人大、县政府、县政协) and
// of counted phrases (一次…、一次…) are not parallel slogans.
func sloganParallelShape(d *Document, w []sloganItem) (rule string, ok bool) {
	rs := d.runes
	allNounEnd := true
	for x, it := range w {
		for _, o := range w[:x] {
			if sloganSameRunes(rs[o.s:o.e], rs[it.s:it.e]) {
				return ruleSloganParDuplicate, false
			}
		}
		if n, en := sloganLex.Longest(rs, it.s); n == it.e-it.s && en == sloganStop {
			return ruleSloganParStopItem, false
		}
		allNounEnd = allNounEnd && strings.ContainsRune(sloganNounEnd, rs[it.e-1])
	}
	L := w[0].e - w[0].s
	minLen, sameLen := L, true
	for _, it := range w[1:] {
		l := it.e - it.s
		sameLen = sameLen && l == L
		if l < minLen {
			minLen = l
		}
	}
	// Shared head; a last item may be longer (具体到人、具体到事、具体到时段).
	h := 0
	for h < minLen && sloganSameAt(rs, w, func(it sloganItem) int { return it.s + h }) {
		h++
	}
	if h >= 1 && h < minLen && sloganGoodHead(rs[w[0].s:w[0].s+h]) && !(allNounEnd && h > 1) {
		return ruleSloganParHead, true
	}
	if sameLen && L == 2 {
		// Short frames: 绿化、美化、亮化.
		c := rs[w[0].s+1]
		if strings.ContainsRune(sloganShortFrames, c) && sloganSameAt(rs, w, func(it sloganItem) int { return it.s + 1 }) {
			return ruleSloganParShortFrame, true
		}
		return ruleSloganParNoShape, false
	}
	if !sameLen || L < 3 {
		return ruleSloganParNoShape, false
	}
	if L == 3 {
		// X?X: 心连心、面对面、手拉手.
		aba := true
		for _, it := range w {
			aba = aba && rs[it.s] == rs[it.s+2]
		}
		if aba {
			return ruleSloganParABA, true
		}
	}
	toks := d.Tokens()
	if len(toks) == 0 {
		return ruleSloganParNoShape, false
	}
	if sloganFrame(rs, toks, w, L) {
		return ruleSloganParFrame, true
	}
	if L <= 6 && sloganVerbLed(rs, toks, w) {
		return ruleSloganParVerb, true
	}
	return ruleSloganParNoShape, false
}

// sloganSameAt reports whether every item has the character of the first
// at the position pos gives.
func sloganSameAt(rs []rune, w []sloganItem, pos func(sloganItem) int) bool {
	c := rs[pos(w[0])]
	for _, it := range w[1:] {
		if rs[pos(it)] != c {
			return false
		}
	}
	return true
}

// sloganTokAt returns the index of the token starting at pos, or -1.
func sloganTokAt(toks []segment.Token, pos int) int {
	k := sort.Search(len(toks), func(x int) bool { return toks[x].End > pos })
	if k < len(toks) && toks[k].Start == pos {
		return k
	}
	return -1
}

// sloganFrame reports whether items of one length L share a frame: a
// character at the same place in every item, inside (听党话、感党恩、跟党走)
// or at the end (个性化、差别化、精准化); a shared last character must not be
// the suffix of a name (黔西县、大方县), nor a shared suffix end like a name
// (…企业: 国有企业、民营企业).
func sloganFrame(rs []rune, toks []segment.Token, w []sloganItem, L int) bool {
	suf := 0
	for suf < L && sloganSameAt(rs, w, func(it sloganItem) int { return it.e - 1 - suf }) {
		suf++
	}
	limit := L
	if suf == 1 && strings.ContainsRune(sloganNounEnd, rs[w[0].e-1]) ||
		suf >= 2 && sloganNounWords[string(rs[w[0].e-2:w[0].e])] {
		limit = L - suf
	}
	for p := 1; p < limit; p++ {
		c := rs[w[0].s+p]
		if !sloganSameAt(rs, w, func(it sloganItem) int { return it.s + p }) || sloganPunctLike(c) {
			continue
		}
		if p == L-1 && strings.ContainsRune(sloganNounEnd, c) {
			continue
		}
		// The first item must not open with a preposition (通过集中学).
		k := sloganTokAt(toks, w[0].s)
		if k >= 0 && !strings.HasPrefix(toks[k].Pos, "p") && !strings.HasPrefix(toks[k].Pos, "c") {
			return true
		}
	}
	return false
}

// sloganVerbLed reports whether every item is aligned with words and opens
// with a verb (by its tag, or a one-character verb of the genre: 学原文,
// 寻足迹).
func sloganVerbLed(rs []rune, toks []segment.Token, w []sloganItem) bool {
	endsAt := func(pos int) bool {
		k := sort.Search(len(toks), func(x int) bool { return toks[x].End >= pos })
		return k < len(toks) && toks[k].End == pos
	}
	for _, it := range w {
		k := sloganTokAt(toks, it.s)
		if k < 0 || !endsAt(it.e) {
			return false
		}
		if !strings.HasPrefix(toks[k].Pos, "v") && !strings.ContainsRune(sloganVerbs, rs[it.s]) {
			return false
		}
	}
	return true
}
