package extract

import (
	_ "embed"
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/tongbao/tongbao/segment"
)

// The count extractor reads a numeral (readNumeral) followed by a measure
// word from an embedded list (213件, 30余本, 1.2万元, 两三个, 第三次), and
// percentages (30%, 百分之三十). The span covers numeral and measure word;
// approximation words around it (约, 近, 左右, 以上) set Approx but stay out
// of the span. The counted object is the noun that follows the measure
// word, else the noun or verb that precedes the numeral (开展调研12次); it
// is read from the segmentation (Document.Tokens).

//go:embed data/count_units.txt
var countUnitsData string

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

// countSlogans are numbered slogans and formulas whose numerals are not
// counts (五个一, 三会一课, 四个意识).
var countSlogans = sync.OnceValue(func() *lexicon[bool] {
	lex := newLexicon[bool]()
	defer func() {
		// Mark the first runes of the slogans for a one-bit test per rune.
		lex.FirstRunes(func(r, _ rune, one bool) {
			if one && r < 1<<16 {
				sloganFirst[r>>6] |= 1 << (uint(r) & 63)
			}
		})
	}()
	for _, w := range []string{
		"三会一课", "两学一做", "一带一路", "四个意识", "四个自信", "两个维护", "两个确立",
		"四个全面", "五位一体", "三严三实", "八项规定", "两个一百年", "五个一", "三个代表",
		"一国两制", "一岗双责", "三重一大", "四个服从", "三个有利于", "四项基本原则",
		"一个中心", "两个基本点", "五个一工程", "三农", "四风", "六稳", "六保", "三大攻坚战",
		"一把手", "一条龙", "一刀切", "一票否决", "一站式", "一揽子", "一次性", "一门式",
		"一手抓", "两手抓", "一盘棋", "一张蓝图", "一体化",
		"千方百计", "四面八方", "五湖四海", "千家万户", "千军万马", "万水千山", "千千万万", "一五一十",
		"三心二意", "一心一意", "七上八下", "三番五次", "一丝不苟", "一成不变", "一辈子", "一部分", "一方面",
		"另一方面", "进一步", "往一处", "一年一度", "一年四季", "上一年", "一家一户", "一头扎",
		"一点一滴", "一点一点", "五笔字型", "一代又一代", "一代代", "千头万绪", "三番两次", "独此一家", "一步步", "一级级", "四周", "两节", "一角", "一番", "一阵", "一些",
	} {
		lex.Add(w, true)
	}
	return lex
})

// sloganFirst marks the runes that start a word of countSlogans.
var sloganFirst [1 << 10]uint64

// notCounts are numeral + measure-word strings that are words of another
// kind (十分 very, 一度 once, 一下 a moment).
var notCounts = map[string]bool{
	"十分": true, "万分": true, "一度": true, "一下": true, "一点": true, "一样": true, "一行": true, "一方面": true,
	"一起": true, "一口气": true, "一线": true, "一时": true, "一同": true, "万口": true, "一折": true, "一刻": true,
}

// unitCollisions are words that begin with a measure word: after a
// numeral they make it part of another word (一代表团, 三方面, 一部分).
var unitCollisions = map[string]bool{
	"代表": true, "方面": true, "部分": true, "部门": true, "家人": true, "年级": true, "年度": true,
	"名单": true, "条件": true, "条例": true, "期间": true, "所以": true, "所有": true, "起来": true,
	"成为": true, "成立": true, "只有": true, "只要": true, "只能": true, "把握": true, "分析": true,
	"分别": true, "道路": true, "头脑": true, "件事": false, "码事": true, "方向": true, "方式": true,
	"方法": true, "方案": true, "面积": true, "位置": true, "场所": true, "口号": true, "支持": true,
	"周边": true, "周围": true, "点儿": false, "层次": true, "级别": true,
	"家庭": true, "家长": true, "段落": true, "声音": true, "步骤": true, "步伐": true,
}

// eventCases are nouns after 一起 that make it a count of cases.
var eventCases = []string{"案", "事", "交通", "火灾", "车祸", "重大", "特大", "严重", "恶性", "刑事", "命案", "纠纷", "爆炸", "袭击", "诈骗", "盗窃", "抢劫", "杀人"}

// ordinalHeads are measure words after 首 that make it the ordinal
// "first" (首次, 首批, 首届).
const ordinalHeads = "次批届位家个期轮场座部架台艘件项例笔条辆"

type countHit struct {
	start, end int // span of numeral and measure word
	numEnd     int // end of the numeral
	num        numeral
	unit       string
	class      string
	percent    bool
}

// scanCounts finds counts in text, skipping the spans in skip (times,
// sorted by start).
func scanCounts(text []rune, skip [][2]int) []countHit {
	units := countUnits()
	slogans := countSlogans()
	var out []countHit
	sk := 0
	for i := 0; i < len(text); i++ {
		for sk < len(skip) && skip[sk][1] <= i {
			sk++
		}
		if sk < len(skip) && skip[sk][0] <= i {
			i = skip[sk][1] - 1
			continue
		}
		r := text[i]
		if r < 1<<16 && sloganFirst[r>>6]&(1<<(uint(r)&63)) != 0 {
			if n, _ := slogans.Longest(text, i); n > 0 {
				i += n - 1
				continue
			}
		}
		if r == '首' {
			if h, ok := ordinalFirst(text, i, units); ok {
				out = append(out, h)
				i = h.end - 1
			}
			continue
		}
		if !numeralStart(r) && r != '百' {
			continue
		}
		if i > 0 {
			p := text[i-1]
			if numeralRune(p) || isDecimalPoint(p) || p == ',' || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') || p == '第' {
				continue
			}
		}
		if r == '一' && i > 0 && strings.ContainsRune("统唯同单专划逐之均归万", text[i-1]) {
			continue // 统一, 唯一, 之一: 一 belongs to the word before
		}
		num, n := readNumeral(text, i)
		if n == 0 {
			continue
		}
		j := i + n
		if num.Spelled || num.Digits && phoneLike(text, i, j) {
			i = j - 1
			continue
		}
		if num.Percent {
			out = append(out, countHit{start: i, end: j, numEnd: j, num: num, unit: "%", percent: true})
			i = j - 1
			continue
		}
		un, class := units.Longest(text, j)
		if un == 0 && j < len(text) && text[j] == '人' && approxBefore(text, i) != "" {
			// 近千人, 约200人: 人 is a noun, but after an estimate the
			// figure counts people.
			un, class = 1, "item"
		}
		if un == 0 {
			continue
		}
		if un == 1 && j+2 <= len(text) && unitCollisions[string(text[j:j+2])] {
			continue
		}
		word := string(text[i : j+un])
		if notCounts[word] {
			if word != "一起" || !followedBy(text, j+un, eventCases) {
				continue
			}
		}
		if strings.HasPrefix(word, "一") && j+un < len(text) && (text[j+un] == '性') {
			continue // 一次性
		}
		if word == "一个" || word == "一级" {
			continue // the indefinite article 一个; 一级 as an adjective
		}
		if !num.Digits && !num.Ordinal && n == 1 && (r == '百' || r == '千' || r == '万') && (text[j] == '年' || text[j] == '分') {
			continue // 百年大计, 千年古城, 百分点
		}
		if text[j] == '年' && j+1 < len(text) && text[j+1] == '代' {
			continue // 80年代: a decade
		}
		if !num.Ordinal && sessionOrdinal(text, i, j, un) {
			i = j + un - 1
			continue
		}
		if !num.Ordinal && un == 1 && text[j] == '个' && j+1 < len(text) && isFormulaDigit(text, j+1) {
			continue // 五个一: a formula, not a count
		}
		if num.Digits && un == 1 && text[j] == '点' && j+1 < len(text) && isDigitRune(text[j+1]) {
			continue // 10点30: a clock time
		}
		end := j + un
		if un == 1 && end < len(text) && text[end] == text[j] {
			end++ // 一条条, 一对对: a reduplicated measure word
		}
		start := i
		if r == '几' && i > 0 && text[i-1] == '好' {
			start = i - 1 // 好几个
		} else if r == '几' && i > 1 && text[i-2] == '少' && text[i-1] == '数' {
			start = i - 2 // 少数几个
		}
		out = append(out, countHit{start: start, end: end, numEnd: j, num: num, unit: string(text[j : j+un]), class: class})
		i = end - 1
	}
	return out
}

// isFormulaDigit reports whether text[i] is a Chinese digit that makes
// numeral + 个 a formula (五个一, 六个一百), not 两个百分点.
func isFormulaDigit(text []rune, i int) bool {
	if _, ok := cnDigit(text[i]); !ok || text[i] == '两' || text[i] == '〇' || text[i] == '零' {
		return false
	}
	return !followedBy(text, i, []string{"一百分点"}) && !(i+1 < len(text) && (text[i+1] == '个' || text[i+1] == '万' || text[i+1] == '亿'))
}

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

// ordinalFirst reads 首 + measure word (首次, 首批) as the ordinal first.
func ordinalFirst(text []rune, i int, units *lexicon[string]) (countHit, bool) {
	if i+1 >= len(text) || !strings.ContainsRune(ordinalHeads, text[i+1]) {
		return countHit{}, false
	}
	if i > 0 && (numeralRune(text[i-1]) || text[i-1] == '元' || text[i-1] == '党') {
		return countHit{}, false
	}
	un, class := units.Longest(text, i+1)
	if un == 0 {
		return countHit{}, false
	}
	num := numeral{Value: 1, Lo: 1, Hi: 1, Approx: ApproxExact, Ordinal: true}
	return countHit{start: i, end: i + 1 + un, numEnd: i + 1, num: num, unit: string(text[i+1 : i+1+un]), class: class}, true
}

// sessionOrdinal reports whether text[i:j+un] is the session number of a
// congress (人大六次会议, 十四届三次全会), which is an ordinal, not a count.
func sessionOrdinal(text []rune, i, j, un int) bool {
	if un != 1 || text[j] != '次' {
		return false
	}
	after := j + 1
	if !followedBy(text, after, []string{"会议", "全会", "全体会议", "常委会", "主任会议", "党代会", "代表大会"}) {
		return false
	}
	if i == 0 {
		return false
	}
	p := text[i-1]
	return p == '届' || p == '大' || p == '会'
}

// phoneLike reports whether the digits text[i:j] look like a phone, ID or
// account number rather than a quantity (7 or more digits with no
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

// approxAround reads approximation words around a count: 约 / 大约 / 近 /
// 将近 / 逾 / 超过 / 不足 / 不到 before, 左右 / 上下 / 以上 / 多 / 以下 after.
func approxAround(text []rune, start, end int) string {
	if a := approxBefore(text, start); a != "" {
		return a
	}
	switch {
	case followedBy(text, end, []string{"左右", "上下", "许"}):
		return ApproxAbout
	case followedBy(text, end, []string{"以上", "多"}):
		return ApproxOver
	case followedBy(text, end, []string{"以下", "以内"}):
		return ApproxUnder
	}
	return ""
}

// approxBefore reads an approximation word just before text[start].
func approxBefore(text []rune, start int) string {
	before := func(w string) bool {
		rs := []rune(w)
		if start < len(rs) {
			return false
		}
		for k, r := range rs {
			if text[start-len(rs)+k] != r {
				return false
			}
		}
		return true
	}
	if before("近") && start >= 2 && strings.ContainsRune("最附邻靠就", text[start-2]) {
		return "" // 最近3天: recent, not nearly
	}
	switch {
	case before("约") || before("大约") || before("大概"):
		return ApproxAbout
	case before("近") || before("将近") || before("不足") || before("不到") || before("接近") || before("不满"):
		return ApproxUnder
	case before("逾") || before("超过") || before("超") || before("多达") || before("高达"):
		return ApproxOver
	}
	return ""
}

// countObject finds the counted thing: the noun after the measure word,
// else (for verbal measure words or none after) the word before the
// numeral.
func countObject(tokens []segment.Token, h countHit) string {
	if len(tokens) == 0 {
		return ""
	}
	k := sort.Search(len(tokens), func(x int) bool { return tokens[x].Start >= h.end })
	nounish := func(p string) bool {
		return strings.HasPrefix(p, "n") && p != "nr" || p == "vn" || p == "j"
	}
	if h.class != "event" || (k < len(tokens) && nounish(tokens[k].Pos) && tokens[k].Start == h.end) {
		if k < len(tokens) && tokens[k].Start == h.end && nounish(tokens[k].Pos) {
			obj := tokens[k].Text
			// 集体学习, 党史书籍: a second word ending the phrase.
			if k+1 < len(tokens) && (strings.HasPrefix(tokens[k+1].Pos, "n") || tokens[k+1].Pos == "v" || tokens[k+1].Pos == "vn") &&
				(k+2 >= len(tokens) || tokens[k+2].Pos == "x" || tokens[k+2].Pos == "w" || tokens[k+2].Pos == "u" || tokens[k+2].Pos == "c") {
				obj += tokens[k+1].Text
			}
			return obj
		}
	}
	// The word before the numeral: 调研12次, 书籍30余本.
	b := sort.Search(len(tokens), func(x int) bool { return tokens[x].End > h.start }) - 1
	if b >= 0 && tokens[b].End == h.start {
		p := tokens[b].Pos
		if nounish(p) || h.class == "event" && (p == "v" || p == "vn") {
			return tokens[b].Text
		}
	}
	return ""
}

func countMention(text []rune, h countHit) Mention {
	m := Mention{Type: TypeCount, Start: h.start, End: h.end, Unit: h.unit}
	v := h.num.Value
	if !math.IsInf(v, 0) && !math.IsNaN(v) {
		m.Value = v
	}
	approx := h.num.Approx
	if a := approxAround(text, h.start, h.end); a != "" && approx == ApproxExact {
		approx = a
	}
	if h.num.Range && approx == ApproxExact {
		approx = ApproxAbout // 两三个: one of two figures
	}
	m.Approx = approx
	if h.num.Range || h.num.Approx == ApproxAbout && h.num.Hi > h.num.Lo && !math.IsInf(h.num.Hi, 0) {
		m.Range = []float64{h.num.Lo, h.num.Hi}
	}
	switch {
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
	skip := make([][2]int, len(spans))
	for k, s := range spans {
		skip[k] = [2]int{s.start, s.end}
	}
	hits := scanCounts(d.runes, skip)
	if len(hits) == 0 {
		return
	}
	tk := d.Tokens()
	for _, h := range hits {
		m := countMention(d.runes, h)
		if !h.percent {
			m.Object = countObject(tk, h)
		}
		d.add(m)
	}
}
