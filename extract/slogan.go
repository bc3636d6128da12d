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
func sloganNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '双', '百', '千', '万':
		return true
	}
	return false
}

func sloganOpenQuote(r rune) rune {
	switch r {
	case '“':
		return '”'
	case '‘':
		return '’'
	case '「':
		return '」'
	case '『':
		return '』'
	}
	return 0
}

func sloganQuote(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '「', '」', '『', '』', '"':
		return true
	}
	return false
}

func sloganSep(r rune) bool {
	switch r {
	case '、', '，', ',', '·', '•', '・', '；', ';', ' ', '\u3000':
		return true
	}
	return false
}

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

// sloganLookup returns the entry of a text written exactly as a known form.
func sloganLookup(rs []rune) *sloganEntry {
	norm, _ := sloganNormalize(rs)
	e, _ := sloganLex.Get(string(norm))
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

// sloganMeasure lists heads that make N-X-N-Y a count or a date rather
// than a formula (三年一次, 三月一日, 一步一个脚印).
const sloganMeasure = "年月日天周次个届期季度回遍趟批名位元岁倍成号时分秒死伤点多余几"

// sloganNumeralWords are words that open with a numeral character but
// are not numerals (each followed by a space).
const sloganNumeralWords = "四川 三峡 五岳 九寨 百姓 百货 百般 百合 百灵 千万 万一 万物 万分 万象 十分 十足 三角 四周 四处 八成 九州 双方 两岸 五金 六合 七夕 一切 一起 一样 一定 一直 一些 一般 一致 一线 一流 一体 一道 一同 一律 一贯 一再 一并 一旦 "

// sloganFunction lists function words that never make a formula head.
const sloganFunction = "是的了在和与为对把被将及等从向以到或并"

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
		if groups > 0 && text[j] == '一' && strings.ContainsRune("进统唯同逐万专划单之均第", text[j-1]) {
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
	if end-i >= 2 && strings.Contains(sloganNumeralWords, string(text[i:i+2])+" ") {
		return 0
	}
	if h == 2 && strings.Count(string(text[i:end]), "一") == groups {
		return 0 // 进一步统一思想
	}
	if i > 0 && text[i] == '一' && strings.ContainsRune("进统唯同逐万专划单之均第", text[i-1]) {
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
	if j >= 2 && !strings.ContainsRune("十百千万", in[1]) && in[0] != '双' {
		// 三八红旗手, 五一劳动奖章: a holiday, not a formula; 十四五 is listed.
		return false
	}
	rest := in[j:]
	if len(rest) > 6 || strings.Contains(sloganNumeralWords, string(in[:2])+" ") {
		return false // “三角地商贸核心圈”, “百姓安居工程”
	}
	if strings.ContainsRune("年月日天周时分秒岁", rest[0]) {
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
	sloganQuotes(rs, func(s, e int) {
		quoted[[2]int{s, e}] = true
		if c, ok := sloganClassifyQuote(rs, s, e); ok {
			cands = append(cands, c)
		}
	})
	// Curated forms, matched on the normalized text.
	for _, m := range sloganFindAll(rs) {
		e := m.Value
		if e == sloganStop {
			continue
		}
		s, en := m.Start, m.End
		if s > 0 && sloganNumeral(rs[s]) && (numeralRune(rs[s-1]) || rs[s-1] == '第') {
			continue // 十四五 in 二十四五
		}
		if e.quotedOnly && !quoted[[2]int{s, en}] {
			continue
		}
		if sloganHasQuote(rs[s:en]) {
			continue // “两学一做”学习教育: the quoted formula is the slogan
		}
		kind := SloganLexicon
		if e.formula {
			kind = SloganFormula
		}
		cands = append(cands, sloganCand{start: s, end: en, kind: kind, entry: e})
	}
	// Unquoted formulas of the N-X-N-Y shape.
	for i := 0; i < len(rs); i++ {
		if !sloganNumeral(rs[i]) {
			continue
		}
		n := sloganShapeAt(rs, i)
		if n > 0 {
			n = sloganShapeExtend(d, i, n)
		} else {
			n = sloganGeYiAt(rs, i)
		}
		if n > 0 {
			cands = append(cands, sloganCand{start: i, end: i + n, kind: SloganFormula, entry: sloganLookup(rs[i : i+n])})
			i += n - 1
		}
	}
	cands = append(cands, sloganParallels(d)...)
	res := sloganResolve(cands)
	d.Mentions = slices.Grow(d.Mentions, len(res))
	for _, c := range res {
		m := Mention{Type: TypeSlogan, Start: c.start, End: c.end, Kind: c.kind, Items: c.items}
		if c.entry != nil && c.entry != sloganStop {
			m.Canonical, m.Category = c.entry.canonical, c.entry.category
		}
		d.add(m)
	}
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

// Cues after a closing quote that make the quoted text a name.
var sloganNameAfter = newLexicon[bool]()

// Cues before an opening quote that make the quoted text an honour or a
// name.
var sloganNameBefore = newLexicon[bool]()

// Endings of quoted names (“黔西人大”, “毕节发布”, “爱心超市”).
var sloganNameEnd = newLexicon[bool]()

func init() {
	for _, w := range strings.Fields(`微信公众号 公众号 微信号 微信群 微信 微博 抖音 抖音号 快手 头条号 视频号 APP App app
		客户端 小程序 平台 网站 网 专栏 栏目 频道 节目 号 品牌 商标 牌 称号 荣誉称号 荣誉 奖 奖章 奖杯 杯 证书
		热线 公司 企业 合作社 协会 基地 工作室 服务队 志愿服务队 志愿队 队 团队 书屋 超市 食堂 广场 公园 大桥 小区
		示范村 示范点 示范单位 先进集体 先进个人 标兵 账号 官方账号 官微 软件 系统 网页 公号`) {
		sloganNameAfter.Add(w, true)
	}
	for _, w := range strings.Fields(`评为 荣获 获评 授予 获得 命名为 荣膺 被评为 关注 登录 下载 扫描 搜索 点击 名为 叫做 叫 称为 简称 又称 俗称 号称 绰号`) {
		sloganNameBefore.Add(bookReverse(w), true)
	}
	for _, w := range strings.Fields(`人大 政协 政府 发布 融媒 在线 之声 之窗 之家 日报 晚报 网 号 书屋 驿站 讲堂 课堂 大讲堂
		论坛 超市 银行 贷 险 卡 码 宝 食堂 工作室 展 展览 晚会 节 大赛 比赛 演唱会 音乐会 证 室 基金 之国 研究所 研究院 事件 效应 队 证明书 补助金 指数 专业户 服务站 小组 家园 公司 中心 协会 合作社 委员会 学堂 夜校 农民讲习所 讲习所 频道 杯 奖 奖章 牌`) {
		sloganNameEnd.Add(bookReverse(w), true)
	}
}

// Endings of designations given to places and bodies.
var sloganPlaceEnd = newLexicon[bool]()

func init() {
	for _, w := range strings.Fields("城 区 县 市 旗 园区 营地 基地 英雄会 之城 名城 卫生院 学校 医院 单位 示范村 示范镇 示范乡") {
		sloganPlaceEnd.Add(bookReverse(w), true)
	}
}

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

// sloganClassifyQuote decides what the quotation [s,e) is.
func sloganClassifyQuote(rs []rune, s, e int) (sloganCand, bool) {
	in := rs[s:e]
	entry := sloganLookup(in)
	if entry == sloganStop {
		return sloganCand{}, false
	}
	if sloganQuotedFormula(in) {
		return sloganCand{start: s, end: e, kind: SloganFormula, entry: entry}, true
	}
	if entry != nil {
		return sloganCand{start: s, end: e, kind: SloganQuoted, entry: entry}, true
	}
	if len(in) < 4 || len(in) > 40 {
		return sloganCand{}, false
	}
	// Names of accounts, apps, columns, honours.
	if n, _ := sloganNameAfter.Longest(rs, e+1); n > 0 {
		return sloganCand{}, false
	}
	if sloganEndsWith(sloganNameBefore, rs, sloganMax(0, s-1-4), s-1) {
		return sloganCand{}, false
	}
	if sloganEndsWith(sloganNameEnd, rs, s, e) {
		return sloganCand{}, false
	}
	if !sloganHasSep(in) && sloganEndsWith(sloganPlaceEnd, rs, s, e) {
		return sloganCand{}, false // “中国雪雕城”, “家庭教育试验区”: designations
	}
	// Quoted speech.
	if s >= 2 {
		switch rs[s-2] {
		case '：', ':', '说', '道', '问', '喊', '讲', '称':
			return sloganCand{}, false
		}
	}
	han := 0
	for i, r := range in {
		switch {
		case sloganHan(r):
			han++
			if strings.ContainsRune("吗呢吧啊呀嘛哦哈", r) && (i == len(in)-1 || sloganSep(in[i+1])) {
				return sloganCand{}, false
			}
		case r == '+' || r == '＋':
		case sloganSep(r):
			if i == 0 || sloganSep(in[i-1]) {
				return sloganCand{}, false
			}
		default:
			// Sentence punctuation, letters, digits: speech or a name.
			return sloganCand{}, false
		}
	}
	if han < 4 || sloganSep(in[len(in)-1]) {
		return sloganCand{}, false
	}
	str := string(in)
	for _, p := range []string{"我们", "你们", "咱们", "他们", "你", "您", "了，", "了、"} {
		if strings.Contains(str, p) {
			return sloganCand{}, false
		}
	}
	// Long parts between commas are clauses of a quotation, not slogans.
	part := 0
	for i, r := range in {
		if sloganSep(r) {
			part = 0
			continue
		}
		if part++; part > 10 {
			return sloganCand{}, false
		}
		if r == '了' && len(in) > 6 && (i == 0 || in[i-1] != '为' && in[i-1] != '除') {
			return sloganCand{}, false // “出现了一些不正常的变化”
		}
	}
	// A short phrase (4 characters, one part), a phrase with 的 and the
	// name of a day, year or honour are taken only where the text treats
	// them as slogans: 弘扬“红船精神”, “送法下乡”活动, 开展“作风建设年”活动.
	// Others are quoted terms, idioms and names (“钻牛角尖”, “一次光荣的
	// 道歉”, “世界艾滋病日”, “三八红旗手”).
	if !sloganHasSep(in) && (len(in) == 4 || strings.ContainsRune(str, '的') || strings.ContainsRune("年日月周节手", in[len(in)-1])) {
		n, _ := sloganCueAfter.Longest(rs, e+1)
		if n == 0 && !sloganEndsWith(sloganCueBefore, rs, sloganMax(0, s-1-4), s-1) {
			return sloganCand{}, false
		}
	}
	return sloganCand{start: s, end: e, kind: SloganQuoted}, true
}

// Words around a quote that mark it as a slogan.
var sloganCueAfter, sloganCueBefore = newLexicon[bool](), newLexicon[bool]()

func init() {
	for _, w := range strings.Fields(`活动 行动 理念 精神 要求 主题 工程 口号 建设 创建 模式 目标 工作法 专项 机制 战役 攻坚
		专题 系列 教育 宣传 宣讲 实践 服务 计划 管理 号召 誓言 主旋律 战略 方针 原则 路径 新路 思想 重要思想
		重要论述 标语 承诺 竞赛 创评 评选 改革 制度 行为 作风 的理念 的要求 的目标 的精神 的号召 的口号 的誓言 的承诺 的主题`) {
		sloganCueAfter.Add(w, true)
	}
	for _, w := range strings.Fields(`开展 践行 坚持 弘扬 树立 牢记 提出 围绕 喊响 唱响 倡导 推行 实施 落实 贯彻 深化 推进
		打响 发出 高呼 秉持 坚守 遵循 以 聚焦 实现 争当 争做 争创 创建 打造 做到 按照 探索 建立 推动 开启 掀起
		营造 形成 学习 组织 举办 启动 设立 搭建 促进 推出 提倡 发起 参加 参与 弘扬了 践行了 坚持了 提出了 喊出 发扬 传承 秉承 建设 建成 深入开展 大力推进 着力打造`) {
		sloganCueBefore.Add(bookReverse(w), true)
	}
}

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

// sloganResolve merges findings on one span and drops overlaps as the
// package comment says.
func sloganResolve(cands []sloganCand) []sloganCand {
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
			if !nested || known || !(c.entry != nil && c.entry != sloganStop || c.kind == SloganFormula) {
				continue
			}
		}
		out = append(out, c)
		outer = append(outer, len(out)-1)
	}
	return out
}

// sloganNounEnd lists last characters that make an item a name (of a
// place, an office, a body, a person) rather than a slogan phrase.
const sloganNounEnd = "县市省区镇乡村州盟旗委局会院部厅所站队组处科室校馆业员长者家户厂司社团协府记任们"

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
	var segs []sloganSeg
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
			items := make([]string, k)
			for t := 0; t < k; t++ {
				items[t] = string(rs[i+2*t : i+2*t+2])
			}
			out = append(out, sloganCand{start: i, end: i + 2*k, kind: SloganParallel, items: items, entry: sloganLookup(rs[i : i+2*k])})
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
				if len(w) < 3 || !sloganParallelShape(d, w) {
					continue
				}
				strs := make([]string, len(w))
				for t, it := range w {
					strs[t] = string(rs[it.s:it.e])
				}
				s, e := w[0].s, w[len(w)-1].e
				out = append(out, sloganCand{start: s, end: e, kind: SloganParallel, items: strs, entry: sloganLookup(rs[s:e])})
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
var sloganTrailers = newLexicon[bool]()

func init() {
	for _, w := range strings.Fields(`的 工作 活动 监管 要求 目标 任务 战略 理念 精神 机制 体系 格局 底线 行动 工程 措施
		政策 方针 原则 模式 氛围 作用 问题 领域 方面 建设 发展 服务 管理 制度 能力 水平 意识 思想 形式 方式 等 相结合 有机统一 治理 保护 工作 体制`) {
		sloganTrailers.Add(w, true)
	}
}

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
	return !strings.ContainsRune("县市省区镇乡村州盟旗国副正各本该原前", head[len(head)-1])
}

// sloganPunctLike reports whether a shared character is a function word
// too common to make a frame (的, 和).
func sloganPunctLike(r rune) bool {
	return strings.ContainsRune("的和与及或之了", r)
}

// sloganNounWords end lists of names of bodies (国有企业、民营企业、外资企业);
// each is followed by a space.
const sloganNounWords = "企业 公司 单位 部门 机关 学校 医院 乡镇 社区 政府 组织 机构 银行 协会 中心 县城 城市 农村 地区 国家 "

// sloganVerbs are one-character verbs that open slogan items.
const sloganVerbs = "学悟办开读守担找抓走访听问帮解送强建育促保稳兴治管用提补降去防化优严树立破讲比做干创争当看赶超亮践寻传弘铸筑聚凝惠富美净护惩扶引留练考评查改转敢善谋求拓延固重带"

// sloganParallelShape reports whether items are of one shape: sharing a
// head (学史明理、学史增信…; a last item may be longer), sharing a frame
// suffix (个性化、差别化、精准化), or verb-led items of one length (学党史、
// 悟思想、办实事、开新局). Lists of names (县人大、县政府、县政协) and of
// counted phrases (一次…、一次…) are not parallel slogans.
func sloganParallelShape(d *Document, w []sloganItem) bool {
	rs := d.runes
	allNounEnd := true
	for x, it := range w {
		for _, o := range w[:x] {
			if sloganSameRunes(rs[o.s:o.e], rs[it.s:it.e]) {
				return false
			}
		}
		if n, en := sloganLex.Longest(rs, it.s); n == it.e-it.s && en == sloganStop {
			return false
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
	for h < minLen {
		c := rs[w[0].s+h]
		all := true
		for _, it := range w[1:] {
			all = all && rs[it.s+h] == c
		}
		if !all {
			break
		}
		h++
	}
	if h >= 1 && h < minLen && sloganGoodHead(rs[w[0].s:w[0].s+h]) && !(allNounEnd && h > 1) {
		return true
	}
	if sameLen && L == 2 {
		// Short frames: 绿化、美化、亮化.
		c := rs[w[0].s+1]
		all := strings.ContainsRune("化", c)
		for _, it := range w[1:] {
			all = all && rs[it.s+1] == c
		}
		return all
	}
	if !sameLen || L < 3 {
		return false
	}
	if L == 3 {
		// X?X: 心连心、面对面、手拉手.
		aba := true
		for _, it := range w {
			aba = aba && rs[it.s] == rs[it.s+2]
		}
		if aba {
			return true
		}
	}
	toks := d.Tokens()
	if len(toks) == 0 {
		return false
	}
	tokAt := func(pos int) int { // index of the token starting at pos, or -1
		k := sort.Search(len(toks), func(x int) bool { return toks[x].End > pos })
		if k < len(toks) && toks[k].Start == pos {
			return k
		}
		return -1
	}
	endsAt := func(pos int) bool {
		k := sort.Search(len(toks), func(x int) bool { return toks[x].End >= pos })
		return k < len(toks) && toks[k].End == pos
	}
	// A shared frame: a character at the same place in every item, inside
	// (听党话、感党恩、跟党走) or at the end (个性化、差别化、精准化); a shared
	// last character must not be the suffix of a name (黔西县、大方县).
	// A shared suffix ending like a name (…企业: 国有企业、民营企业) is no frame.
	suf := 0
	for suf < L {
		c := rs[w[0].e-1-suf]
		all := true
		for _, it := range w[1:] {
			all = all && rs[it.e-1-suf] == c
		}
		if !all {
			break
		}
		suf++
	}
	limit := L
	if suf == 1 && strings.ContainsRune(sloganNounEnd, rs[w[0].e-1]) ||
		suf >= 2 && strings.Contains(sloganNounWords, string(rs[w[0].e-2:w[0].e])+" ") {
		limit = L - suf
	}
	for p := 1; p < limit; p++ {
		c := rs[w[0].s+p]
		all := true
		for _, it := range w[1:] {
			all = all && rs[it.s+p] == c
		}
		if !all || sloganPunctLike(c) {
			continue
		}
		if p == L-1 && strings.ContainsRune(sloganNounEnd, c) {
			continue
		}
		// The first item must not open with a preposition (通过集中学).
		k := tokAt(w[0].s)
		if k >= 0 && !strings.HasPrefix(toks[k].Pos, "p") && !strings.HasPrefix(toks[k].Pos, "c") {
			return true
		}
	}
	if L > 6 {
		return false
	}
	// Verb-led items: each aligned with words, opening with a verb (by
	// its tag, or a one-character verb of the genre: 学原文, 寻足迹).
	for _, it := range w {
		k := tokAt(it.s)
		if k < 0 || !endsAt(it.e) {
			return false
		}
		verb := strings.HasPrefix(toks[k].Pos, "v") || strings.ContainsRune(sloganVerbs, rs[it.s])
		if !verb {
			return false
		}
	}
	return true
}
