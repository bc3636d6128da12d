package extract

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// The indicator stage reads targets and results of the lexicon's
// indicators (data/indicators.txt) off the counts of the text: for each
// percentage or amount it finds the indicator phrase before it in its
// clause (地区生产总值增长6.5%), or the indicator of the figure it
// continues (达到9017亿元，增长5.5%), and says what the figure measures
// (growth, level, share, points), whether it is a target, a result or an
// estimate, and for which year. Status and period come from cue words of
// the sentence (data/indicator_cues.txt) and from the part of the document
// the figure stands in: the review of the past year (or five years) or the
// work of this year, read off its headings; every figure of a statistical
// communiqué is a result of its statistical year.
//
// Qualitative targets (与经济增长同步, 快于全省平均) have no number and give
// no mention.

// TypeIndicator is the mention type of an indicator figure.
const TypeIndicator = "indicator"

// Measures of an indicator figure.
const (
	MeasureGrowth = "growth" // a rate of change: 增长7%
	MeasureLevel  = "level"  // an amount: 达到5000亿元
	MeasureShare  = "share"  // a ratio that is the indicator: 失业率4.5%
	MeasurePoints = "points" // a change of a share: 提高1.2个百分点
)

// Statuses of an indicator figure.
const (
	StatusTarget   = "target"
	StatusActual   = "actual"
	StatusExpected = "expected"
)

// Named rules of the indicator stage.
var (
	ruleIndPhrase = registerRule("indicator", "indicator.phrase_before",
		"an indicator of the lexicon before a number in its clause, with only a verb of change or of level between, is the figure's indicator (地区生产总值增长6.5%)", Accept)
	ruleIndPart = registerRule("indicator", "indicator.part_of_other",
		"an indicator word right after another Chinese word names a part, a sector or a sub-region, not the indicator (民间投资增长10%)", Reject)
	ruleIndGeneric = registerRule("indicator", "indicator.generic_word",
		"a generic wording (投资, 出口, 经济增长) names the indicator only right before its verb of change or its number (投资增长8%)", Reject)
	ruleIndGap = registerRule("indicator", "indicator.not_predicate",
		"a number separated from the indicator by more than a verb of change or of level measures something else (单位生产总值能耗下降3%)", Reject)
	ruleIndOther = registerRule("indicator", "indicator.other_quantity",
		"a share, ratio or part between indicator and number makes it another quantity (一般公共预算收入中税收占比75%)", Reject)
	ruleIndChain = registerRule("indicator", "indicator.chain",
		"a rate of change after a level, or points after a share, measure the same indicator (粮食产量650亿斤，增长2%)", Accept)
	ruleIndCompare = registerRule("indicator", "indicator.comparison",
		"a number after a figure, or after the indicator, that compares it with another region or an average is no item (增长7.2%，高于全国0.6个百分点; 增速高于全国0.8个百分点)", Reject)
	ruleIndShared = registerRule("indicator", "indicator.shared_number",
		"indicators listed before 均, 都 or 各, or a pair (城乡居民), share the number (地区生产总值、规模以上工业增加值均增长7%左右)", Accept)
	ruleIndRespectively = registerRule("indicator", "indicator.respectively",
		"indicators listed before 分别 take the numbers in order (城镇和农村居民人均可支配收入分别增长6%和8%)", Accept)
	ruleIndRange = registerRule("indicator", "indicator.range",
		"two figures joined by a dash or 至 are a range; value is the lower bound (增长6%—6.5%, 增长7～7.5%)", Adjust)
	ruleIndStretch = registerRule("indicator", "indicator.stretch",
		"a second figure after 力争 or 争取 is the stretch of the target before it, no item of its own (增长8%以上，力争9%)", Adjust)
	ruleIndFrom = registerRule("indicator", "indicator.from_level",
		"a level after 由 or 从 is the starting level, no item; the level after 增加到 is the item (由5600亿元增加到8000亿元)", Adjust)
	ruleIndDecline = registerRule("indicator", "indicator.decline",
		"a change after a verb of decline is negative (单位地区生产总值能耗下降3% → -3)", Adjust)
	ruleIndUnit = registerRule("indicator", "indicator.unit_mismatch",
		"a number whose unit the indicator cannot have is no item (a count of items, or a percentage of a price index's level)", Reject)
	ruleIndRatioGDP = registerRule("indicator", "indicator.rd_ratio",
		"a ratio to GDP after research spending is the R&D intensity (研发经费支出与地区生产总值之比为2.5%)", Accept)
	ruleIndBaseYear = registerRule("indicator", "indicator.base_year",
		"a change counted from a base year (比2020年累计下降13%) links to the indicator before it; a result of it is for the years after the base year, up to the year reviewed", Adjust)
	ruleIndIncrement = registerRule("indicator", "indicator.increment",
		"an amount after a level, joined by a verb of change (粮食产量6.5亿吨，比上年增加0.1亿吨), is the level's change, no item; a rate after it measures the level's indicator", Reject)
	ruleIndEndLevel = registerRule("indicator", "indicator.period_end_level",
		"a level or share reached from a starting one (比重由1%上升到1.7%) is of the last year reviewed, even in a sentence on five years", Adjust)
	ruleIndBare = registerRule("indicator", "indicator.bare_magnitude",
		"a number written with 万 or 亿 and no unit (贫困人口减少20万) is a figure too, an amount in the unit as written", Adjust)
	ruleIndNumberBefore = registerRule("indicator", "indicator.number_before",
		"a number of people before the poor and 脱贫 in its clause is the poverty reduction (5万贫困人口脱贫, 8.3万人脱贫)", Accept)
	ruleIndWholeYear = registerRule("indicator", "indicator.period_whole_year",
		"a count after 全年 or 当年 in its sentence (全年减贫20万人) is of the year reviewed, in a review of five years too", Adjust)
	ruleIndPointsShare = registerRule("indicator", "indicator.points_then_share",
		"a share after a change in points of a ratio, joined by a verb of level (城镇化率提高1.5个百分点，达到46.2%), is the ratio's share", Accept)
	ruleIndLocalWord = registerRule("indicator", "indicator.local_wording",
		"a wording that names another indicator in a province's or a city's report than in the country's (财政收入: the general budget revenue nationally, the fiscal revenue total locally) takes the local one there", Adjust)
	ruleIndMixedList = registerRule("indicator", "indicator.respectively_mixed",
		"a 分别 list whose items are not all indicators of the lexicon gives each indicator the number in its place (进出口总额、实际利用外资、跨境电商交易额分别增长30%、20%、30%)", Accept)
	ruleIndGenericLevel = registerRule("indicator", "indicator.generic_level",
		"a generic wording that takes levels (财政收入, 进出口, not 投资) names the indicator before a verb of level right before its number (财政收入达753.2亿元)", Accept)
	ruleIndRegionOf = registerRule("indicator", "indicator.region_of",
		"an indicator after the home region's name or a word of the whole region and 的 is the region's (来源于东莞的财政总收入, 源于广州地区的财政总收入)", Accept)
	ruleIndTitleLine = registerRule("indicator", "indicator.title_line",
		"a heading that names the report or the session it is given at (2009年政府工作报告, 在省十一届人大三次会议上) is the title block, no part of the review or the plan; one that names the tasks of the year reviewed (完成了2004年的工作任务) opens the review", Adjust)
	ruleIndConsecutive = registerRule("indicator", "indicator.period_consecutive",
		"a level held for consecutive years (粮食产量连续5年稳定在550亿斤以上; 连年 in a review of five years) is for those years, up to the year reviewed", Adjust)
	ruleIndTimesFive = registerRule("indicator", "indicator.period_multiple_five",
		"a change in multiples (增长2.8倍) in a review of five years, with no year of its own, is of the five years", Adjust)
	ruleIndSubarea = registerRule("indicator", "indicator.subarea_subject",
		"an indicator in a sentence that opens with a zone or district of the region as the subject of a result (综合保税区实现进出口总额…, 高新区实现生产总值…) is the zone's, no item, unless a word of the whole region names it", Reject)
	ruleIndApprox = registerRule("indicator", "indicator.approx_before",
		"不低于, 不少于 before the number give approx over; 不超过, 不高于 under (不超过3%); 接近 about", Adjust)

	ruleIndStatusCommunique = registerRule("indicator", "indicator.status_communique",
		"every figure of a statistical communiqué is a result of its statistical year", Adjust)
	ruleIndStatusExpected = registerRule("indicator", "indicator.status_expected",
		"预计, 初步测算 or 有望 before the number in its sentence make an estimate (预计全年地区生产总值增长7%)", Adjust)
	ruleIndStatusTargetCue = registerRule("indicator", "indicator.status_target_cue",
		"a goal word before the number in its sentence (预期目标是, 力争, 确保, 控制在, 今年) makes a target", Adjust)
	ruleIndStatusActualCue = registerRule("indicator", "indicator.status_actual_cue",
		"去年 or 过去一年 before the number makes a result, even in the part on this year's work", Adjust)
	ruleIndStatusReview = registerRule("indicator", "indicator.status_review",
		"a figure in the review part of a work report (before the targets, or under a heading of 回顾) is a result", Adjust)
	ruleIndStatusPlan = registerRule("indicator", "indicator.status_plan",
		"a figure in the part on this year's work (after 主要预期目标是, or under a heading of 工作安排, 主要任务) is a target", Adjust)

	ruleIndPeriodYear = registerRule("indicator", "indicator.period_year_written",
		"a year written before the number in its sentence is the period (到2025年城镇化率达到65%)", Adjust)
	ruleIndPeriodTarget = registerRule("indicator", "indicator.period_target",
		"a target of a work report is for the report's year", Adjust)
	ruleIndPeriodPlan = registerRule("indicator", "indicator.period_plan",
		"a target of a five-year plan (“十四五”时期, 今后五年) is for the plan's end year", Adjust)
	ruleIndPeriodReview = registerRule("indicator", "indicator.period_review",
		"a result or estimate in a work report's review is for the year before the report's", Adjust)
	ruleIndPeriodInterval = registerRule("indicator", "indicator.period_interval",
		"a multi-year average or total of the five years reviewed (过去五年年均增长7%) is for the interval, first/last year", Adjust)
	ruleIndPeriodCommunique = registerRule("indicator", "indicator.period_communique",
		"a figure of a statistical communiqué is for its statistical year", Adjust)
	ruleIndMarkedHeading = registerRule("indicator", "indicator.marked_heading",
		"a short line with no sentence punctuation set apart by the blanks of its emphasis marks (**2018年工作回顾**) is a heading that opens a part", Adjust)
	ruleIndPeriodThisYear = registerRule("indicator", "indicator.period_this_year",
		"今年 after any five-year plan named, in the sentence or the paragraph, makes a target one of the report's year (对接“十四五”规划，提出今年的主要预期目标是)", Adjust)
	ruleIndPlainHeading = registerRule("indicator", "indicator.plain_heading",
		"a line of at most 24 characters with no punctuation, standing alone, is a heading that opens a part (2019年工作回顾)", Adjust)
	ruleIndLevelAfter = registerRule("indicator", "indicator.level_after_rate",
		"a level after a rate of change, in a clause that opens with a verb of level, is the same indicator's level (一般公共预算收入增长8%，达到500亿元)", Accept)
	ruleIndLevelEnd = registerRule("indicator", "indicator.level_not_average",
		"a level after a multi-year average rate is the level of the last year reviewed, not of the years (年均增长8.6%，突破40万亿元)", Adjust)
	ruleIndFiveQualifier = registerRule("indicator", "indicator.five_years_qualifier",
		"过去五年 right before an average (过去五年年均增长7.5%) qualifies that rate only: a count later in the paragraph is of the year reviewed", Adjust)
	ruleIndAverageAfter = registerRule("indicator", "indicator.average_after_rate",
		"a rate after a rate, in a clause of the multi-year average (，过去五年年均增长7.5%), measures the same indicator", Accept)
	ruleIndBaseMultiple = registerRule("indicator", "indicator.base_multiple",
		"a multiple of a base year after a level (，是2012年的1.5倍) is no item; a rate after it measures the level's indicator (，年均增长8%)", Reject)
	ruleIndPeriodBaseYear = registerRule("indicator", "indicator.period_average_after_year",
		"a year written before a multi-year average of a result (2017年…年均增长8%) or before 的 (是2012年的1.5倍) is no period of the average: the average covers the years reviewed", Adjust)
	ruleIndStartYear = registerRule("indicator", "indicator.plan_start_year",
		"a heading on the start of a five-year plan (为“十四五”开好局) opens this year's work: its targets are for the report's year", Adjust)
	ruleIndThisYearPara = registerRule("indicator", "indicator.this_year_paragraph",
		"a paragraph opening with 今年是 or the report's year (2023年是…开局之年) inside a part on a five-year plan opens this year's work", Adjust)
	ruleIndRateTarget = registerRule("indicator", "indicator.rate_word_target",
		"a generic word that names a rate itself (经济增长, 经济增速) takes the number after 目标为 or 为 (经济增长预期目标为6%—6.5%)", Accept)
	ruleIndPeriodYears = registerRule("indicator", "indicator.period_years_target",
		"a target totalled or averaged over the next two to four years (三年累计突破1万亿元) is for the last of them", Adjust)
	ruleIndPriceIndex = registerRule("indicator", "indicator.price_index_level",
		"a price index written as its level after 价格指数 (居民消费价格指数控制在103左右) is its change: 3%", Adjust)
	ruleIndNotTarget = registerRule("indicator", "indicator.obtain_not_goal",
		"争取 with the state or the centre as its object (争取国家补助资金) obtains something and sets no goal: the figure keeps the status of its part", Adjust)
	ruleIndThreshold = registerRule("indicator", "indicator.threshold_count",
		"a count of thresholds passed (连跨4个千亿台阶) is no figure, and its clause does not part the indicator from the level after it (地区生产总值连跨4个千亿台阶，达到1.3万亿元)", Reject)
	ruleIndHeadingYear = registerRule("indicator", "indicator.period_heading_year",
		"a report whose review heading names its own year (2008年工作回顾), or whose plan heading names the next (2009年工作安排), sets targets for the next year and reviews its own", Adjust)
)

// IndicatorValue returns the value of an indicator figure (下降3% → -3,
// the lower bound of a range); ok is false for other mentions.
func (m *Mention) IndicatorValue() (v float64, ok bool) {
	if m.Type != TypeIndicator {
		return 0, false
	}
	return numberValue(m.Value)
}

// indNum is a number the stage reads: a count, or two joined as a range.
type indNum struct {
	start, end int
	value      float64
	unit       string // as written: %, 个百分点, 亿元, 万人
	approx     string
	rng        []float64
	percent    bool
	points     bool
	amount     bool // a unit of an amount (元, 吨, 斤, 人)
	times      bool // 倍: a change in multiples (增长2.8倍)
	// link state
	done     bool // taken (as stretch, range end, from-level)
	items    []int
	fromInds []indMatch // set on a starting level (由X增加到Y)
	nounNext bool       // a bare magnitude right before a noun (5万关口, 5.97万贫困人口): a figure only of a statement that names the indicator after it
	incOf    int        // 1 + the index of the level this amount is the change of (比上年增加1559万吨), else 0
	endLevel bool       // the level or share reached after a starting one (由1%上升到1.7%)
}

// rate reports whether n is a rate of change or a share (%, 倍).
func (n *indNum) rate() bool { return n.percent || n.times }

// indMatch is an indicator word found in a sentence.
type indMatch struct {
	start, end int
	word       indicatorWord
}

// indMode is the part of a work report a position stands in.
type indMode struct {
	start   int
	plan    bool // this year's work (else the review)
	five    bool // the five years reviewed, or a five-year plan
	planEnd int  // the end year of a five-year plan's targets, 0 if none
	fypName bool // a five-year plan is named in the heading
}

// indDoc is the state of the stage over one document.
type indDoc struct {
	d     *Document
	l     *indicatorLists
	text  []rune
	year  int
	comm  bool
	modes []indMode
	homes [][]rune
	local bool // a report of a province, a city or a county, not the country's
}

// runIndicators is the indicator stage.
func runIndicators(d *Document) {
	nums := indicatorNumbers(d)
	if len(nums) == 0 {
		return
	}
	x := &indDoc{d: d, l: indicatorData(), text: d.runes}
	if d.Year != nil {
		x.year = *d.Year
	} else if d.Ref.Year != 0 {
		x.year = d.Ref.Year
	}
	x.comm = d.Genre == GenreCommunique
	if d.Home != nil {
		x.homes = homeWords(d.Home.Name)
		x.local = !x.comm && d.Home.Name != "" && d.Home.Name != CountryName
	}
	if !x.comm {
		x.headingYear()
		x.modes = x.readModes()
	}
	// sentence by sentence
	k := 0
	for k < len(nums) {
		s, e := x.sentence(nums[k].start)
		j := k
		for j < len(nums) && nums[j].start < e {
			j++
		}
		x.linkSentence(s, e, nums[k:j])
		k = j
	}
}

// homeWords returns the home's name and its name without the level suffix.
func homeWords(name string) [][]rune {
	if name == "" || name == CountryName {
		return nil
	}
	out := [][]rune{[]rune(name)}
	for _, suf := range indicatorData().cues["homesuffix"] {
		if short := strings.TrimSuffix(name, suf); short != name && len([]rune(short)) >= 2 {
			out = append(out, []rune(short))
			break
		}
	}
	return out
}

// indicatorNumbers returns the counts of d as numbers, joining ranges.
func indicatorNumbers(d *Document) []indNum {
	var counts []Mention
	if d.types != nil && d.types[TypeCount] {
		counts = d.MentionsOf(TypeCount)
	} else {
		spans := d.timeSpans()
		skip := make([][2]int, len(spans))
		for k, s := range spans {
			skip[k] = [2]int{s.start, s.end}
		}
		for _, h := range scanCounts(d, skip) {
			m := countMention(d, h)
			m.Text = string(d.runes[m.Start:m.End])
			counts = append(counts, m)
		}
	}
	counts = append(counts, bareMagnitudes(d, counts)...)
	sort.SliceStable(counts, func(i, j int) bool { return counts[i].Start < counts[j].Start })
	text := d.runes
	var out []indNum
	for _, m := range counts {
		n, ok := numberAsWritten(text, m)
		if !ok {
			continue
		}
		if m.Kind == kindBare && m.End < len(text) && unicode.Is(unicode.Han, text[m.End]) {
			n.nounNext = !runesAt(text, m.End, []rune("左右")) && !runesAt(text, m.End, []rune("以上")) && !runesAt(text, m.End, []rune("以内")) && !runesAt(text, m.End, []rune("上下"))
		}
		// 6%—6.5%: join with the number before
		if len(out) > 0 {
			p := &out[len(out)-1]
			if p.rng == nil && m.Start-p.end >= 1 && m.Start-p.end <= 2 && isRangeDash(text[p.end:m.Start]) && p.percent == n.percent && p.value < n.value {
				p.rng = []float64{p.value, n.value}
				p.end, p.unit = n.end, n.unit
				if n.approx != ApproxExact && n.approx != "" {
					p.approx = n.approx
				}
				d.traceRule(ruleIndRange, Adjust, p.start, p.end)
				continue
			}
		}
		// 7～7.5%: a bare number and a dash before the count
		if lo, start, ok := rangeBefore(text, n.start); ok && lo < n.value {
			n.rng = []float64{lo, n.value}
			n.value, n.start = lo, start
			d.traceRule(ruleIndRange, Adjust, n.start, n.end)
		}
		out = append(out, n)
	}
	if extra := priceIndexNumbers(d, text); len(extra) > 0 {
	next:
		for _, e := range extra {
			for _, n := range out {
				if n.start < e.end && e.start < n.end {
					continue next
				}
			}
			out = append(out, e)
		}
		sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	}
	return out
}

// priceIndexNumbers reads the level of a price index written as a bare
// number after 价格指数 (居民消费价格指数控制在103左右): the change it
// stands for (103 → 3%), a figure no count gives.
func priceIndexNumbers(d *Document, text []rune) []indNum {
	var out []indNum
	l := indicatorData()
	w := []rune("价格指数")
	for i := runeIndex(text, w); i >= 0; {
		j := i + len(w)
		j += len([]rune(l.cueAt("indexverb", text, j)))
		k := j
		for k < len(text) && (isDigit(text[k]) || text[k] == '.' && k > j) {
			k++
		}
		if k-j >= 3 && (k == len(text) || !unicode.Is(unicode.Han, text[k]) || l.cueAt("indexapprox", text, k) != "") {
			if v, err := strconv.ParseFloat(toASCIIDigits(string(text[j:k])), 64); err == nil && v > 100 && v < 120 {
				n := indNum{start: j, end: k, value: math.Round((v-100)*100) / 100, unit: "%", approx: ApproxExact, percent: true}
				switch {
				case runesAt(text, k, []rune("左右")):
					n.approx = ApproxAbout
				case runesAt(text, k, []rune("以内")), runesAt(text, k, []rune("以下")):
					n.approx = ApproxUnder
				}
				d.traceRule(ruleIndPriceIndex, Adjust, j, k)
				out = append(out, n)
			}
		}
		next := runeIndex(text[i+1:], w)
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return out
}

// kindBare marks the counts bareMagnitudes makes.
const kindBare = "bare"

// bareMagnitudes returns the numbers written with 万 or 亿 and no unit
// (贫困人口减少20万, 5.97万贫困人口脱贫) that no count covers, as counts.
func bareMagnitudes(d *Document, counts []Mention) []Mention {
	text := d.runes
	covered := func(i, j int) bool {
		for _, c := range counts {
			if c.Start < j && i < c.End {
				return true
			}
		}
		return false
	}
	var out []Mention
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || text[i-1] == '.' || text[i-1] == '．' || unicode.IsLetter(text[i-1]) && !unicode.Is(unicode.Han, text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && (isDigit(text[j]) || (text[j] == '.' || text[j] == '．') && j+1 < len(text) && isDigit(text[j+1])) {
			j++
		}
		k := j
		if k < len(text) && text[k] == '万' {
			k++
		}
		if k < len(text) && text[k] == '亿' {
			k++
		}
		if k == j || k < len(text) && (isDigit(text[k]) || overMarkSet.has(text[k])) || covered(i, k) {
			i = j
			continue
		}
		m := Mention{Type: TypeCount, Kind: kindBare, Start: i, End: k, Text: string(text[i:k]), Approx: ApproxExact}
		switch {
		case runesAt(text, k, []rune("左右")) || runesAt(text, k, []rune("上下")):
			m.Approx = ApproxAbout
		case i > 0 && indicatorData().set("bareaboutchars").has(text[i-1]):
			m.Approx = ApproxAbout
		}
		d.traceRule(ruleIndBare, Adjust, i, k)
		out = append(out, m)
		i = k - 1
	}
	return out
}

// anyIn reports whether a character of s is in the character set of
// kind.
func (x *indDoc) anyIn(kind string, s []rune) bool {
	set := x.l.set(kind)
	for _, r := range s {
		if set.has(r) {
			return true
		}
	}
	return false
}

// isRangeDash reports whether s is made of the characters that join the
// two figures of a range (5%—6%, 3至5).
func isRangeDash(s []rune) bool {
	set := indicatorData().set("rangechars")
	for _, r := range s {
		if !set.has(r) {
			return false
		}
	}
	return len(s) > 0
}

// rangeBefore reads "7～" right before text[i]: a bare number and a dash.
func rangeBefore(text []rune, i int) (lo float64, start int, ok bool) {
	if i < 2 || !indicatorData().set("rangebeforechars").has(text[i-1]) {
		return 0, 0, false
	}
	j := i - 1
	if text[j] == '—' && j > 0 && text[j-1] == '—' {
		j--
	}
	if j > 0 && (text[j-1] == '%' || text[j-1] == '％') {
		j-- // 6.5%-7%: the count before the dash was not read
	}
	k := j
	for k > 0 && (isDigit(text[k-1]) || text[k-1] == '.') {
		k--
	}
	if k == j || k > 0 && (unicode.IsLetter(text[k-1]) && !unicode.Is(unicode.Han, text[k-1]) || text[k-1] == '-') {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(toASCIIDigits(string(text[k:j])), 64)
	if err != nil {
		return 0, 0, false
	}
	return v, k, true
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func toASCIIDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		if r == '．' {
			return '.'
		}
		if r == ',' || r == '，' {
			return -1
		}
		return r
	}, s)
}

// numberAsWritten reads a count as the stage needs it: the value and unit
// as written (23223.8亿元 → 23223.8, 亿元), whether it is a percentage,
// points or an amount.
func numberAsWritten(text []rune, m Mention) (indNum, bool) {
	w := []rune(m.Text)
	k := 0
	for k < len(w) && (isDigit(w[k]) || w[k] == '.' || w[k] == '．' || w[k] == ',' && k+1 < len(w) && isDigit(w[k+1])) {
		k++
	}
	n := indNum{start: m.Start, end: m.End, approx: m.Approx}
	if n.approx == "" {
		n.approx = ApproxExact
	}
	unit := strings.TrimSpace(string(w[k:]))
	if k > 0 {
		v, err := strconv.ParseFloat(toASCIIDigits(string(w[:k])), 64)
		if err != nil {
			return n, false
		}
		n.value = v
	} else if len(w) > 1 && (w[0] == '万' || w[0] == '亿') && !unicode.Is(unicode.Han, text[max(m.Start-1, 0)]) || len(w) > 1 && (w[0] == '万' || w[0] == '亿') && m.Start > 0 && indicatorData().set("unitlevelchars").has(text[m.Start-1]) {
		// 稳定在万亿斤以上: one 万亿斤, as written
		n.value, unit = 1, string(w)
	} else {
		v, ok := m.Number()
		if !ok {
			return n, false
		}
		n.value, unit = v, m.Unit
	}
	if m.Range != nil && len(m.Range) == 2 && k > 0 {
		return n, false // 两三个: no figure of an indicator
	}
	switch {
	case strings.HasSuffix(unit, "百分点"):
		n.points, unit = true, "个百分点"
	case unit == "%" || unit == "％" || m.Unit == "%" && k == 0:
		n.percent, unit = true, "%"
	case unit == "倍":
		n.times = true
	default:
		n.amount = amountUnit(unit)
	}
	n.unit = unit
	return n, true
}

// amountUnit reports whether a unit as written is one of an amount of
// money, goods or people (亿元, 万吨, 亿斤, 万人, 万, 亿).
func amountUnit(u string) bool {
	if u == "" {
		return false
	}
	for _, w := range indicatorData().cues["amountunit"] {
		if strings.HasSuffix(u, w) {
			return true
		}
	}
	return u == "万" || u == "亿" || u == "万亿"
}

// sentence returns the bounds of the sentence around i: from after the
// previous 。！？；or line break to the next one.
func (x *indDoc) sentence(i int) (int, int) {
	s := i
	for s > 0 && !sentenceEnd(x.text[s-1]) {
		s--
	}
	e := i
	for e < len(x.text) && !sentenceEnd(x.text[e]) {
		e++
	}
	return s, e
}

func sentenceEnd(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '；' || r == ';' || r == '\n'
}

// matches returns the indicator words of text[s:e] that name an indicator
// where they stand (not a part of another word).
func (x *indDoc) matches(s, e int) []indMatch {
	var out []indMatch
	for _, m := range x.l.words.FindAll(x.text[s:e]) {
		im := indMatch{start: s + m.Start, end: s + m.End, word: m.Value}
		if im.word.head != "" && runeIndex(x.text[s:im.start], []rune(im.word.head)) < 0 {
			continue // 总产量 names grain output only after 粮食
		}
		if im.word.def.ids[0] == "gdp" && x.ratioStart(s, im) >= 0 {
			// a ratio to GDP: the R&D intensity after research spending,
			// else the share of a part (三产增加值占地区生产总值比重)
			if rd := x.rdRatio(s, im); rd != nil {
				out = append(out, *rd)
				continue
			}
			x.d.traceRule(ruleIndOther, Reject, im.start, im.end)
			continue
		}
		if !x.leftOK(im.start, s) {
			x.d.traceRule(ruleIndPart, Reject, im.start, im.end)
			continue
		}
		if im.word.generic && (!x.genericOK(im, e) || !x.genericLeft(im.start, s)) {
			x.d.traceRule(ruleIndGeneric, Reject, im.start, im.end)
			continue
		}
		if x.subareaSubject(s, im.start) {
			// 南宁综合保税区入驻企业61家，实现进出口总额23.09亿美元: the zone's
			x.d.traceRule(ruleIndSubarea, Reject, im.start, im.end)
			continue
		}
		if im.word.local != "" && x.local {
			// 财政收入 in a province's or a city's report: the broad total
			if def := x.l.defs[im.word.local]; def != nil {
				im.word.def = def
				x.d.traceRule(ruleIndLocalWord, Adjust, im.start, im.end)
			}
		}
		out = append(out, im)
	}
	return out
}

// leftOK reports whether an indicator word at i stands at the start of
// its phrase: after punctuation, a number or a left word (全省, 实现, 和).
func (x *indDoc) leftOK(i, s int) bool {
	if i == s {
		return true
	}
	r := x.text[i-1]
	if r == ']' { // a footnote mark: read before it
		k := i - 2
		for k > s && isDigit(x.text[k]) {
			k--
		}
		if k >= s && x.text[k] == '[' && k < i-2 {
			return x.leftOK(k, s)
		}
	}
	if !unicode.Is(unicode.Han, r) {
		return true
	}
	if r == '的' && x.regionBefore(i-1, s) {
		// 来源于东莞的财政总收入: the region's
		x.d.traceRule(ruleIndRegionOf, Accept, i-1, i)
		return true
	}
	for _, w := range x.l.cues["left"] {
		if runesAt(x.text, i-len([]rune(w)), []rune(w)) {
			return true
		}
	}
	for _, h := range x.homes {
		if runesAt(x.text, i-len(h), h) {
			return true
		}
	}
	return false
}

// subareaSubject reports whether the sentence from s opens with a zone or
// a district of the region (data/indicator_cues.txt, subarea) as the
// subject of a result (南宁综合保税区实现…, 高新区全年…: a zoneverb after
// it), with at most a short name before it and no word of the whole
// region between it and the indicator at i.
func (x *indDoc) subareaSubject(s, i int) bool {
	lim := s + 14
	if lim > i {
		lim = i
	}
	at := x.l.findCue("subarea", x.text[s:lim])
	if at < 0 || at > 6 {
		return false
	}
	stop := x.l.set("subareastopchars")
	for _, r := range x.text[s : s+at] {
		if !unicode.Is(unicode.Han, r) || stop.has(r) {
			return false
		}
	}
	end := s + at + len([]rune(x.l.cueAt("subarea", x.text[s:lim], at)))
	if x.l.cueAt("zoneverb", x.text[:i], end) == "" {
		return false
	}
	between := x.text[s+at : i]
	if x.l.hasCue("region", between) {
		return false
	}
	for _, h := range x.homes {
		if runeIndex(between, h) >= 0 {
			return false
		}
	}
	return true
}

// regionBefore reports whether the home region's name or a word of the
// whole region (data/indicator_cues.txt, region) ends at i.
func (x *indDoc) regionBefore(i, s int) bool {
	for _, h := range x.homes {
		if i-len(h) >= s && runesAt(x.text, i-len(h), h) {
			return true
		}
	}
	for _, w := range x.l.cues["region"] {
		if n := len([]rune(w)); i-n >= s && runesAt(x.text, i-n, []rune(w)) {
			return true
		}
	}
	return false
}

// genericLeft reports whether a generic word at i opens its clause: after
// punctuation or a word of the whole region (全省, 其中), not after a verb
// (完成投资300亿元 is a project's investment).
func (x *indDoc) genericLeft(i, s int) bool {
	if i == s || !unicode.Is(unicode.Han, x.text[i-1]) {
		return true
	}
	for _, w := range x.l.cues["gleft"] {
		if runesAt(x.text, i-len([]rune(w)), []rune(w)) {
			return true
		}
	}
	return false
}

// genericOK reports whether a generic word ending at i is followed by its
// verb of change or its number.
func (x *indDoc) genericOK(im indMatch, e int) bool {
	start, j := im.start, im.end
	for {
		f := x.l.cueAt("filler", x.text[:e], j)
		if f == "" || f == "目标" {
			break
		}
		j += len([]rune(f))
	}
	if j < e && isDigit(x.text[j]) {
		// a level after a generic word (其中出口300亿美元, 实现进出口665亿美元),
		// but for a word that names a project's figure as well (完成投资300亿元)
		return !im.word.rateOnly || x.comm || runesAt(x.text, start-2, []rune("其中")) || runesAt(x.text, start-3, []rune("其中，"))
	}
	if v := x.l.cueAt("reach", x.text[:e], j); v != "" && !im.word.rateOnly {
		// 财政收入达753.2亿元: a verb of level right before the number
		if k := j + len([]rune(v)); k < e && isDigit(x.text[k]) {
			x.d.traceRule(ruleIndGenericLevel, Accept, im.start, k)
			return true
		}
	}
	if x.l.cueAt("growth", x.text[:e], j) != "" {
		return true
	}
	// 经济增长预期目标为6%: a word that names a rate itself takes its
	// target after 目标为
	w := x.text[im.start:im.end]
	if runeIndex(w, []rune("增长")) >= 0 || runeIndex(w, []rune("增速")) >= 0 || runeIndex(w, []rune("速度")) >= 0 {
		if runesAt(x.text[:e], j, []rune("目标")) {
			j += 2
		}
		if j < e && x.l.set("targetlinkchars").has(x.text[j]) {
			j++
		}
		if j < e && isDigit(x.text[j]) {
			x.d.traceRule(ruleIndRateTarget, Accept, im.start, j)
			return true
		}
	}
	return false
}

// predicate checks the text between an indicator and its number: fillers
// (比上年, 同比, 预计), then a verb of change or level (增长, 达到,
// 控制在), then at most a few code points. It returns the rule that
// rejects it ("" when it links).
func (x *indDoc) predicate(gap []rune) string {
	gap = x.stripThreshold(stripNotes(gap))
	for _, w := range x.l.cues["reject"] {
		if runeIndex(gap, []rune(w)) >= 0 {
			return ruleIndOther
		}
	}
	if x.comparesRegion(gap) {
		return ruleIndCompare
	}
	j, commas := 0, 0
	for j < len(gap) {
		if gap[j] == '，' || gap[j] == ',' || gap[j] == '、' || gap[j] == ' ' {
			if gap[j] != ' ' {
				commas++
			}
			j++
			continue
		}
		if strings.ContainsRune("）)”’\u3000", gap[j]) {
			j++
			continue
		}
		if n := footnoteAt(gap, j); n > 0 {
			j += n
			continue
		}
		if f := x.l.cueAt("filler", gap, j); f != "" {
			j += len([]rune(f))
			continue
		}
		if n := baseYearAt(gap, j); n > 0 {
			j += n
			continue
		}
		if n, _ := consecutiveAt(gap, j); n > 0 {
			j += n
			continue
		}
		break
	}
	if commas > 1 {
		return ruleIndGap
	}
	if j == len(gap) {
		return ""
	}
	v := x.l.cueAt("verb", gap, j)
	if v == "" {
		return ruleIndGap
	}
	rest := gap[j+len([]rune(v)):]
	if len(rest) > 8 {
		return ruleIndGap
	}
	for _, r := range rest {
		if r == '，' || r == ',' {
			return ruleIndGap
		}
	}
	return ""
}

// comparesRegion reports whether the text between an indicator and its
// number compares it with another region or an average (增速高于全国,
// 比全省平均): the number is the difference, no item.
func (x *indDoc) comparesRegion(gap []rune) bool {
	for _, w := range x.l.cues["compare"] {
		i := runeIndex(gap, []rune(w))
		if i < 0 {
			continue
		}
		rest := gap[i+len([]rune(w)):]
		for _, r := range x.l.cues["compareto"] {
			if runesAt(rest, 0, []rune(r)) {
				return true
			}
		}
		if runeIndex([]rune(w), []rune("全")) >= 0 || runeIndex([]rune(w), []rune("平均")) >= 0 {
			return true
		}
	}
	return false
}

// thresholdAt reports whether the number at start…i names thresholds (个千亿台阶,
// 个万亿元台阶) within a few code points.
func (x *indDoc) thresholdAt(start, i int) bool {
	for k := start; k < len(x.text) && k < i+6; k++ {
		if strings.ContainsRune("，。；、", x.text[k]) {
			return false
		}
		if x.l.cueAt("threshold", x.text, k) != "" {
			return true
		}
	}
	return false
}

// stripThreshold removes from a gap a clause that counts thresholds
// passed (，连跨两个万亿元台阶，达到 → ，达到) and a year opening the
// clause after it (，2024年达到 → ，达到).
func (x *indDoc) stripThreshold(gap []rune) []rune {
	for _, w := range x.l.cues["threshold"] {
		i := runeLastIndex(gap, []rune(w))
		if i < 0 {
			continue
		}
		s := i
		for s > 0 && gap[s-1] != '，' && gap[s-1] != ',' {
			s--
		}
		rest := gap[i+len([]rune(w)):]
		if len(rest) == 0 || rest[0] != '，' && rest[0] != '、' {
			return gap
		}
		if _, ok := yearWritten(rest[1:min(len(rest), 6)]); ok && len(rest) >= 6 && rest[5] == '年' {
			rest = append([]rune{rest[0]}, rest[6:]...)
		}
		out := append([]rune(nil), gap[:s]...)
		if s == 0 {
			rest = rest[1:]
		}
		return append(out, rest...)
	}
	return gap
}

// stripNotes returns gap without its footnote marks ([37]).
func stripNotes(gap []rune) []rune {
	for i := 0; i < len(gap); i++ {
		if n := footnoteAt(gap, i); n > 0 {
			out := append([]rune(nil), gap[:i]...)
			return append(out, stripNotes(gap[i+n:])...)
		}
	}
	return gap
}

// footnoteAt returns the length of a footnote mark ([2]) at s[i:], or 0.
func footnoteAt(s []rune, i int) int {
	if i >= len(s) || s[i] != '[' {
		return 0
	}
	k := i + 1
	for k < len(s) && isDigit(s[k]) {
		k++
	}
	if k > i+1 && k < len(s) && s[k] == ']' {
		return k + 1 - i
	}
	return 0
}

// group returns the indicator words listed together ending with ms[k]
// (A、B和C), and the ids they name in order.
func (x *indDoc) group(ms []indMatch, k int) (first int, ids []string) {
	first = k
	for first > 0 {
		sep := x.text[ms[first-1].end:ms[first].start]
		if x.l.isCue("listsep", string(sep)) {
			first--
			continue
		}
		break
	}
	for _, m := range ms[first : k+1] {
		ids = append(ids, m.word.def.ids...)
	}
	return first, ids
}

// link is one figure of one indicator.
type link struct {
	id    string
	match indMatch
	num   int // index in the sentence's numbers
	rule  string
}

// sentenceLinker links the numbers of one sentence to its indicator
// words: the links made so far, and the 分别 list being distributed (the
// links still to take a number, and the numbers that took one).
type sentenceLinker struct {
	x        *indDoc
	nums     []indNum
	links    []link
	pending  []link
	listNums []int
}

// linkSentence finds the indicator figures of one sentence.
func (x *indDoc) linkSentence(s, e int, nums []indNum) {
	ms := x.matches(s, e)
	sl := &sentenceLinker{x: x, nums: nums, links: x.numberBefore(e, nums)}
	if len(ms) == 0 {
		if len(sl.links) > 0 {
			x.emit(s, nums, sl.links)
		}
		return
	}
	lastNum := -1
	for k := range nums {
		n := &nums[k]
		if n.done || n.nounNext {
			continue
		}
		if x.thresholdAt(n.start, n.end) {
			// 连跨4个千亿台阶: a count of thresholds passed, no figure
			x.d.traceRule(ruleIndThreshold, Reject, n.start, n.end)
			continue
		}
		// the nearest indicator word before the number
		mi := -1
		for i := range ms {
			if ms[i].end <= n.start {
				mi = i
			}
		}
		switch {
		case mi < 0:
		case lastNum >= 0 && nums[lastNum].end > ms[mi].end:
			// the number follows another number of the clause
			sl.afterNumber(k, lastNum)
		default:
			sl.afterWord(s, ms, mi, k)
		}
		lastNum = k
	}
	sl.endList()
	x.emit(s, nums, sl.links)
}

// endList closes the 分别 list being distributed.
func (sl *sentenceLinker) endList() {
	nums := sl.nums
	if len(sl.listNums) == 1 && len(sl.pending) > 0 {
		// one figure for a pair: 城乡居民人均可支配收入分别增长7.5%左右
		for _, p := range sl.pending {
			p.num = sl.listNums[0]
			sl.links = append(sl.links, p)
		}
		sl.x.collect(sl.links, nums, sl.listNums[0])
	}
	if len(sl.listNums) > 1 {
		// one qualifier at the end of the list qualifies every figure
		last := nums[sl.listNums[len(sl.listNums)-1]].approx
		for _, k := range sl.listNums[:len(sl.listNums)-1] {
			if nums[k].approx == ApproxExact {
				nums[k].approx = last
			}
		}
	}
	sl.pending, sl.listNums = nil, nil
}

// startList opens a 分别 list: the first link of tmpl takes number k, the
// others wait for the numbers that follow.
func (sl *sentenceLinker) startList(tmpl []link, k int, rule string) {
	sl.endList()
	for i, t := range tmpl {
		t.rule = rule
		if i == 0 {
			t.num = k
			sl.links = append(sl.links, t)
		} else {
			sl.pending = append(sl.pending, t)
		}
	}
	sl.listNums = []int{k}
}

// linkItems links number k to the indicators of the items of p.
func (sl *sentenceLinker) linkItems(p *indNum, k int, rule string) {
	for _, li := range p.items {
		sl.links = append(sl.links, link{id: sl.links[li].id, match: sl.links[li].match, num: k, rule: rule})
	}
}

// afterNumber links number k, which follows number last of the clause
// with no indicator word between them.
func (sl *sentenceLinker) afterNumber(k, last int) {
	x, nums := sl.x, sl.nums
	n, p := &nums[k], &nums[last]
	gap := x.text[p.end:n.start]
	if p.incOf > 0 {
		p = &nums[p.incOf-1] // the level the increment changes
	}
	if !sl.listOrStretch(k, last, p, gap) && !sl.chain(k, last, p, gap) {
		sl.endList()
		if len(p.items) > 0 {
			x.d.traceRule(ruleIndCompare, Reject, n.start, n.end)
		}
	}
	x.collect(sl.links, nums, k)
}

// listOrStretch links number k as the next figure of a 分别 list, the end
// of a change from one level to another, the stretch figure of a target,
// or rejects it as a multiple of a base year; false when none applies.
func (sl *sentenceLinker) listOrStretch(k, last int, p *indNum, gap []rune) bool {
	x, nums := sl.x, sl.nums
	n := &nums[k]
	switch {
	case len(sl.pending) > 0 && x.isListSep(gap):
		lk := sl.pending[0]
		lk.num = k
		sl.links = append(sl.links, lk)
		sl.pending = sl.pending[1:]
		sl.listNums = append(sl.listNums, k)
	case len(p.fromInds) > 0 && x.fromGap(gap) && (runeIndex(gap, []rune("到")) >= 0 || runeIndex(gap, []rune("至")) >= 0):
		sl.endList()
		for _, fm := range p.fromInds {
			for _, id := range fm.word.def.ids {
				sl.links = append(sl.links, link{id: id, match: fm, num: k, rule: ruleIndFrom})
			}
		}
		x.d.traceRule(ruleIndFrom, Adjust, p.start, p.end)
		n.endLevel = true
	case len(p.items) > 0 && x.isStretch(gap) && !n.points:
		n.done = true
		x.d.traceRule(ruleIndStretch, Adjust, n.start, n.end)
		// stretch is attached when the mentions are made
		sl.linkItems(p, k, ruleIndStretch)
	case len(p.items) > 0 && p.amount && n.times && baseMultipleGap(gap):
		// 地区生产总值4462亿元，是2012年的1.5倍，年均增长8%: the
		// multiple is no item; a rate after it measures the level
		sl.endList()
		sl.changeOf(k, last)
		x.d.traceRule(ruleIndBaseMultiple, Reject, n.start, n.end)
	default:
		return false
	}
	return true
}

// changeOf marks number k as a change of the level number last states
// (or changes), which is no item of its own.
func (sl *sentenceLinker) changeOf(k, last int) {
	n := &sl.nums[k]
	n.incOf = last + 1
	if q := &sl.nums[last]; q.incOf > 0 {
		n.incOf = q.incOf
	}
}

// chain links number k to the indicators of the figure p before it: a
// rate after a level or a share, an average after a rate, a share after
// its change in points, a total after a rate; or rejects it as a change
// of a level. False when none applies.
func (sl *sentenceLinker) chain(k, last int, p *indNum, gap []rune) bool {
	x, nums := sl.x, sl.nums
	n := &nums[k]
	switch {
	case len(p.items) > 0 && (p.amount || x.isShareLink(sl.links, p)) && (n.rate() || n.points):
		sl.endList()
		if !x.chainGap(gap) {
			x.d.traceRule(ruleIndCompare, Reject, n.start, n.end)
			break
		}
		if l := x.listLen(nums, k); l > 1 || runeIndex(gap, []rune("分别")) >= 0 {
			// 分别达到4.7万元和2.1万元，增长8%和9%: the levels' indicators in order
			if tmpl := levelLinks(sl.links, nums, l); len(tmpl) > 0 {
				sl.startList(tmpl, k, ruleIndRespectively)
				break
			}
		}
		sl.linkItems(p, k, ruleIndChain)
	case len(p.items) > 0 && p.rate() && n.rate() && x.averageGap(gap):
		// 增长6.9%，过去五年年均增长7.5%
		sl.endList()
		sl.linkItems(p, k, ruleIndAverageAfter)
	case len(p.items) > 0 && p.points && n.percent && x.ratioLinks(sl.links, p) && x.levelGap(gap):
		// 城镇化率提高1.5个百分点，达到46.2%: the share reached
		sl.endList()
		sl.linkItems(p, k, ruleIndPointsShare)
	case len(p.items) > 0 && n.amount && p.rate() && x.totalGap(gap) != "":
		// 增长6.7%，总量达9.26万亿元
		sl.endList()
		rule := x.totalGap(gap)
		if l := x.listLen(nums, k); l > 1 {
			// 分别增长7%、8%，达到4.3万元、1.9万元: the rates' indicators in order
			if tmpl := rateLinks(sl.links, nums, l); len(tmpl) > 0 {
				sl.startList(tmpl, k, ruleIndRespectively)
				break
			}
		}
		sl.linkItems(p, k, rule)
	case len(p.items) > 0 && p.amount && n.amount && p.rng == nil && x.chainGap(gap) && runeIndex(gap, []rune("分别")) < 0:
		// 粮食产量6.5亿吨，比上年增加0.1亿吨: the change of the level
		sl.endList()
		sl.changeOf(k, last)
		x.d.traceRule(ruleIndIncrement, Reject, n.start, n.end)
	default:
		return false
	}
	return true
}

// afterWord links number k to the indicator word ms[mi], the nearest
// before it, and the words listed with it.
func (sl *sentenceLinker) afterWord(s int, ms []indMatch, mi, k int) {
	x, nums := sl.x, sl.nums
	n, m := &nums[k], ms[mi]
	sl.endList()
	gap := x.text[m.end:n.start]
	first, ids := x.group(ms, mi)
	if f := x.l.cueAt("from", gap, 0); f != "" && runeIndex(gap, []rune("到")) < 0 {
		n.fromInds = []indMatch{m}
		n.done = true
		return
	}
	rule := x.predicate(gap)
	if rule == "" && n.times && runeIndex(gap, []rune("的")) >= 0 {
		rule = ruleIndOther // 是2010年的1.9倍: a ratio to a base year, not a growth
	}
	if runeIndex(gap, []rune("分别")) >= 0 {
		if tmpl := x.mixedList(s, ms, mi, nums, k, rule != ""); len(tmpl) > 0 {
			// 进出口总额、实际利用外资、跨境电商交易额分别增长30%、20%、30%
			sl.startList(tmpl, k, ruleIndMixedList)
			x.collect(sl.links, nums, k)
			return
		}
	}
	if rule != "" {
		x.d.traceRule(rule, Reject, m.start, n.end)
		return
	}
	var tmpl []link
	for _, mm := range ms[first : mi+1] {
		for _, id := range mm.word.def.ids {
			tmpl = append(tmpl, link{id: id, match: mm})
		}
	}
	sl.wordLinks(tmpl, ids, m, gap, k)
	x.collect(sl.links, nums, k)
}

// wordLinks links number k to the indicator words of tmpl (ids, the last
// of them m): one by one in a 分别 list or a list of as many numbers, all
// of them for a shared number (均, 都, 各), or m's own indicators.
func (sl *sentenceLinker) wordLinks(tmpl []link, ids []string, m indMatch, gap []rune, k int) {
	x, nums := sl.x, sl.nums
	switch {
	case runeIndex(gap, []rune("分别")) >= 0 && len(ids) > 1:
		sl.startList(tmpl, k, ruleIndRespectively)
	case len(ids) > 1 && x.listLen(nums, k) == len(ids):
		// 农民人均纯收入、城镇居民人均可支配收入为8296元、22160元
		sl.startList(tmpl, k, ruleIndRespectively)
	case (runeIndex(gap, []rune("均")) >= 0 || runeIndex(gap, []rune("都")) >= 0 || runesAt(gap, 0, []rune("各"))) && len(ids) > 1:
		for _, t := range tmpl {
			sl.links = append(sl.links, link{id: t.id, match: t.match, num: k, rule: ruleIndShared})
		}
	case len(m.word.def.ids) > 1:
		if x.listLen(nums, k) > 1 {
			sl.startList(tmpl[len(tmpl)-len(m.word.def.ids):], k, ruleIndRespectively)
			break
		}
		for _, id := range m.word.def.ids {
			sl.links = append(sl.links, link{id: id, match: m, num: k, rule: ruleIndShared})
		}
	default:
		sl.links = append(sl.links, link{id: m.word.def.ids[0], match: m, num: k, rule: ruleIndPhrase})
	}
}

// numberBefore links the numbers of people that a statement of poverty
// reduction names after them (5万贫困人口脱贫, 8.3万人脱贫, 120万农村贫
// 困人口全部实现脱贫): the number, a few qualifiers (农村, 建档立卡), the
// poor (a poorpeople cue, or the unit 人 of the number), a few words
// (全部实现), then a povertyexit cue, in one clause.
func (x *indDoc) numberBefore(e int, nums []indNum) []link {
	def := x.l.defs["poverty_reduction"]
	if def == nil {
		return nil
	}
	var links []link
	for k := range nums {
		n := &nums[k]
		if n.done || !n.amount && !n.nounNext || !peopleUnit(n.unit) {
			continue
		}
		j := n.end
		if runesAt(x.text, j, []rune("左右")) {
			j += 2
		}
		lim := j + 16
		if lim > e {
			lim = e
		}
		clause := x.text[j:lim]
		for i, r := range clause {
			if !unicode.Is(unicode.Han, r) {
				clause = clause[:i]
				break
			}
		}
		exit := x.l.findCue("povertyexit", clause)
		if exit < 0 {
			continue
		}
		who := x.l.lastCue("poorpeople", clause[:exit])
		if who < 0 && !strings.HasSuffix(n.unit, "人") && !strings.HasSuffix(n.unit, "名") || who >= 0 && exit-who > 4 || who < 0 && !x.onlyCues("exitfill", clause[:exit]) {
			continue // 1.2万名干部助力脱贫: the people are not the poor
		}
		end := j + exit + len([]rune(x.l.cueAt("povertyexit", clause, exit)))
		m := indMatch{start: j, end: end, word: indicatorWord{def: def}}
		n.done = true
		links = append(links, link{id: "poverty_reduction", match: m, num: k, rule: ruleIndNumberBefore})
	}
	return links
}

// onlyCues reports whether s is made of cue words of kind only (or empty).
func (x *indDoc) onlyCues(kind string, s []rune) bool {
	for j := 0; j < len(s); {
		w := x.l.cueAt(kind, s, j)
		if w == "" {
			return false
		}
		j += len([]rune(w))
	}
	return true
}

// peopleUnit reports whether a unit as written counts people (万, 万人,
// 名, 亿).
func peopleUnit(u string) bool {
	return indicatorData().isCue("peopleunit", u)
}

// mixedList reads a 分别 list whose items are not all of the lexicon
// (进出口总额、实际利用外资、跨境电商交易额分别增长30%、20%、30%): the
// items of the clause before 分别, split at 、 和 及 与, each the indicator
// whose word ends it or none, as many as the numbers listed from nums[k].
// allKnown lets a list of indicators only through (the text between it
// and 分别 is no verb of change: 均实现翻番，分别达1.47万亿元和6228亿元).
// An item of none takes its number as a placeholder link of no indicator.
// nil when the text is no such list.
func (x *indDoc) mixedList(s int, ms []indMatch, mi int, nums []indNum, k int, allKnown bool) []link {
	m := ms[mi]
	fb := m.end + runeIndex(x.text[m.end:nums[k].start], []rune("分别"))
	if fb < m.end {
		return nil
	}
	// a short predicate between the list and 分别 (…收入跃上新台阶，分别为)
	e1 := fb
	for e1 > m.end && (x.text[e1-1] == '，' || x.text[e1-1] == ',') {
		e1--
	}
	if c := runeLastIndex(x.text[m.end:e1], []rune("，")); c >= 0 {
		if e1-(m.end+c+1) > 8 {
			return nil
		}
		e1 = m.end + c
	} else if e1 < fb && e1-m.end <= 8 && !x.anyIn("listsepchars", x.text[m.end:e1]) {
		e1 = m.end // …和全口径财政收入跃上新台阶，分别为: the list ends with the indicator
	}
	cs := m.start
	for cs > s && !strings.ContainsRune("，,：:；;（(", x.text[cs-1]) {
		cs--
	}
	inMatch := func(i int) bool {
		for _, mm := range ms {
			if mm.start <= i && i < mm.end {
				return true
			}
		}
		return false
	}
	// the items
	var spans [][2]int
	st := cs
	for i := cs; i <= e1; i++ {
		sep := 0
		if i == e1 {
			sep = -1
		} else if !inMatch(i) {
			if x.l.set("listsepchars").has(x.text[i]) {
				sep = 1
			} else if runesAt(x.text, i, []rune("以及")) {
				sep = 2
			}
		}
		if sep == 0 {
			continue
		}
		if i == st {
			return nil
		}
		spans = append(spans, [2]int{st, i})
		if sep < 0 {
			break
		}
		st = i + sep
		i = st - 1
	}
	var tmpl []link
	known, unknown := 0, 0
	for j, sp := range spans {
		var hit *indMatch
		for i := range ms {
			if ms[i].end == sp[1] && ms[i].start >= sp[0] {
				hit = &ms[i]
			}
		}
		if hit == nil {
			unknown++
			tmpl = append(tmpl, link{id: "?" + strconv.Itoa(j), match: indMatch{start: sp[0], end: sp[1]}})
			continue
		}
		known++
		for _, id := range hit.word.def.ids {
			tmpl = append(tmpl, link{id: id, match: *hit})
		}
	}
	if known == 0 || unknown == 0 && !allKnown || len(tmpl) < 2 || x.listLen(nums, k) != len(tmpl) {
		return nil
	}
	// the verb after 分别
	if g := x.text[fb+2 : nums[k].start]; len(g) > 4 || len(g) > 0 && x.l.cueAt("verb", g, 0) == "" {
		return nil
	}
	return tmpl
}

// fromGap reports whether the text between a starting level and the next
// number is short enough to lead to the level reached: at most 8 code
// points, or 14 with the year of the level written (提高到2012年的).
func (x *indDoc) fromGap(gap []rune) bool {
	if len(gap) <= 8 {
		return true
	}
	_, ok := yearWritten(gap)
	return ok && len(gap) <= 14
}

// listLen returns how many numbers from nums[k] on are joined as a list
// (6%和8%, 5.5%左右、6%).
func (x *indDoc) listLen(nums []indNum, k int) int {
	l := 1
	for j := k + 1; j < len(nums) && x.isListSep(x.text[nums[j-1].end:nums[j].start]); j++ {
		l++
	}
	return l
}

// levelLinks returns the links of the last l levels of the sentence, in
// order, one per indicator (nil when there are fewer).
func levelLinks(links []link, nums []indNum, l int) []link {
	var out []link
	seen := map[string]bool{}
	for i := len(links) - 1; i >= 0 && len(out) < l; i-- {
		lk := links[i]
		if lk.rule == ruleIndStretch || !nums[lk.num].amount || seen[lk.id] {
			continue
		}
		seen[lk.id] = true
		out = append([]link{{id: lk.id, match: lk.match}}, out...)
	}
	if len(out) < l {
		return nil
	}
	return out
}

// baseMultipleGap reports whether the text before a multiple compares a
// level with a base year (，是2012年的; ，为五年前的).
func baseMultipleGap(gap []rune) bool {
	gap = stripNotes(gap)
	if len(gap) < 3 || gap[len(gap)-1] != '的' {
		return false
	}
	i := len(gap) - 1
	for i > 0 && gap[i-1] != '，' && gap[i-1] != ',' {
		i--
	}
	if i == 0 {
		return false
	}
	c := gap[i : len(gap)-1]
	return indicatorData().cueAt("basemultiple", c, 0) != "" && len(c) <= 12
}

// averageGap reports whether the text between two rates opens a clause
// of the multi-year average of the same indicator (，过去五年年均增长).
func (x *indDoc) averageGap(gap []rune) bool {
	gap = stripNotes(gap)
	j := 0
	for j < len(gap) && (gap[j] == '，' || gap[j] == ',') {
		j++
	}
	if j == 0 {
		return false
	}
	if f := x.l.cueAt("fiveyears", gap, j); f != "" {
		j += len([]rune(f))
	} else if runesAt(gap, j, []rune("五年")) {
		j += 2
	}
	a := x.l.cueAt("average", gap, j)
	if a == "" || a == "累计" {
		return false
	}
	j += len([]rune(a))
	v := x.l.cueAt("growth", gap, j)
	return v != "" && len(gap)-j-len([]rune(v)) <= 1
}

// rateLinks returns the links of the last l rates of the sentence, in
// order, one per indicator (nil when there are fewer).
func rateLinks(links []link, nums []indNum, l int) []link {
	var out []link
	seen := map[string]bool{}
	for i := len(links) - 1; i >= 0 && len(out) < l; i-- {
		lk := links[i]
		if lk.rule == ruleIndStretch || !nums[lk.num].rate() || seen[lk.id] {
			continue
		}
		seen[lk.id] = true
		out = append([]link{{id: lk.id, match: lk.match}}, out...)
	}
	if len(out) < l {
		return nil
	}
	return out
}

// totalGap returns the rule by which the text between a rate and an
// amount names the level of the same indicator (，总量达; ，达到), or "".
func (x *indDoc) totalGap(gap []rune) string {
	gap = x.stripThreshold(gap)
	j := 0
	for j < len(gap) && (gap[j] == '，' || gap[j] == '、') {
		j++
	}
	if x.l.cueAt("totalword", gap, j) != "" {
		if len(gap)-j <= 6 {
			return ruleIndChain
		}
		return ""
	}
	// 增长13.3%，达到5519.5亿元: a verb of level opens the clause
	if j > 0 {
		if w := x.l.cueAt("levelverb", gap, j); w != "" && len(gap)-j-len([]rune(w)) <= 1 {
			return ruleIndLevelAfter
		}
	}
	return ""
}

// collect records on nums[k] the links that take it.
func (x *indDoc) collect(links []link, nums []indNum, k int) {
	nums[k].items = nums[k].items[:0]
	for i := range links {
		if links[i].num == k && links[i].rule != ruleIndStretch {
			nums[k].items = append(nums[k].items, i)
		}
	}
}

func (x *indDoc) isListSep(gap []rune) bool {
	gap = stripNotes(gap)
	gap = gap[len([]rune(x.l.cueAt("approxsep", gap, 0))):]
	return x.l.isCue("listsep", string(gap))
}

// isStretch reports whether the text between two figures introduces a
// stretch figure (，力争9%).
func (x *indDoc) isStretch(gap []rune) bool {
	gap = stripNotes(gap)
	j := len([]rune(x.l.cueAt("approxstretch", gap, 0)))
	for j < len(gap) && (gap[j] == '，' || gap[j] == ',' || gap[j] == '、' || gap[j] == ' ') {
		j++
	}
	w := x.l.cueAt("stretch", gap, j)
	if w == "" {
		return false
	}
	rest := gap[j+len([]rune(w)):]
	return len(rest) <= 4
}

// isShareLink reports whether the number p was linked as a share.
func (x *indDoc) isShareLink(links []link, p *indNum) bool {
	if !p.percent || len(p.items) == 0 {
		return false
	}
	def := x.l.defs[links[p.items[0]].id]
	return def != nil && def.nature == natureRatio
}

// ratioLinks reports whether every link of the number p is of an
// indicator that is a ratio (城镇化率).
func (x *indDoc) ratioLinks(links []link, p *indNum) bool {
	for _, li := range p.items {
		if def := x.l.defs[links[li].id]; def == nil || def.nature != natureRatio {
			return false
		}
	}
	return len(p.items) > 0
}

// levelGap reports whether the text between a change and a following
// number is a verb of level (，达到).
func (x *indDoc) levelGap(gap []rune) bool {
	gap = stripNotes(gap)
	j := 0
	for j < len(gap) && (gap[j] == '，' || gap[j] == ',' || gap[j] == '、') {
		j++
	}
	if j == 0 {
		return false
	}
	w := x.l.cueAt("reach", gap, j)
	return w != "" && len(gap)-j-len([]rune(w)) <= 1
}

// chainGap reports whether the text between a level (or share) and a
// following number is a verb of change (，比上年增长).
func (x *indDoc) chainGap(gap []rune) bool {
	gap = stripNotes(gap)
	for _, w := range x.l.cues["compare"] {
		if runeIndex(gap, []rune(w)) >= 0 {
			return false
		}
	}
	j := len([]rune(x.l.cueAt("approxlevel", gap, 0))) // 1.27万亿元左右，增长8%: the level's qualifier
	for j < len(gap) {
		if gap[j] == '，' || gap[j] == ',' || gap[j] == '、' || gap[j] == ' ' {
			j++
			continue
		}
		if f := x.l.cueAt("filler", gap, j); f != "" {
			j += len([]rune(f))
			continue
		}
		break
	}
	v := x.l.cueAt("growth", gap, j)
	return v != "" && len(gap)-j-len([]rune(v)) <= 2
}

// ratioStart returns where a ratio to the gdp word m opens (与, 占 or
// 相当于 before it, a 市 or 省 between: 相当于市生产总值), or -1.
func (x *indDoc) ratioStart(s int, m indMatch) int {
	j := m.start
	if j > s && x.l.set("ratiolevelchars").has(x.text[j-1]) {
		j--
	}
	for _, w := range x.l.cues["ratioopen"] {
		if k := j - len([]rune(w)); k >= s && runesAt(x.text, k, []rune(w)) {
			return k
		}
	}
	return -1
}

// rdRatio returns the R&D intensity that a gdp word m after 与, 占 or
// 相当于 names (与国内生产总值之比, 占国内生产总值的2.1%) when research
// spending is named before it in its clause, or, for a clause that opens
// with the ratio, in the first clause of the sentence, else nil.
func (x *indDoc) rdRatio(s int, m indMatch) *indMatch {
	start := x.ratioStart(s, m)
	cs := start
	for cs > s && !strings.ContainsRune(clauseCommas, x.text[cs-1]) {
		cs--
	}
	if cs == start {
		// 经费支出6980亿元，增长20%，占国内生产总值的1.75%: the subject of
		// the nearest clause before that has one
		if !x.rdSubject(s, cs) {
			return nil
		}
	} else if !x.l.hasCue("rdword", x.text[cs:start]) {
		return nil
	}
	def := x.l.defs["rd_intensity"]
	if def == nil {
		return nil
	}
	end := m.end
	for _, w := range x.l.cues["ratioend"] {
		if runesAt(x.text, end, []rune(w)) {
			if w == "的" && (end+1 >= len(x.text) || !isDigit(x.text[end+1])) {
				continue // 的 only right before the figure (占国内生产总值的2.1%)
			}
			end += len([]rune(w))
			x.d.traceRule(ruleIndRatioGDP, Accept, start, end)
			return &indMatch{start: start, end: end, word: indicatorWord{def: def}}
		}
	}
	return nil
}

// rdSubject reports whether the nearest clause before i (in the sentence
// from s) that opens with its own subject, not a verb of change (，增长20%),
// names research spending.
func (x *indDoc) rdSubject(s, i int) bool {
	for e := i - 1; e > s; {
		cs := e
		for cs > s && !strings.ContainsRune(clauseCommas, x.text[cs-1]) {
			cs--
		}
		clause := x.text[cs:e]
		if x.l.hasCue("rdword", clause) {
			return true
		}
		j := 0
		for {
			f := x.l.cueAt("filler", clause, j)
			if f == "" {
				break
			}
			j += len([]rune(f))
		}
		if x.l.cueAt("growth", clause, j) == "" {
			return false
		}
		e = cs - 1
	}
	return false
}

// emit makes the mentions of the links.
func (x *indDoc) emit(s int, nums []indNum, links []link) {
	stretch := map[int]float64{} // link index → stretch
	for i := range links {
		if links[i].rule != ruleIndStretch {
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if links[j].id == links[i].id && links[j].rule != ruleIndStretch {
				stretch[j] = nums[links[i].num].value
				break
			}
		}
	}
	for i, lk := range links {
		if lk.rule == ruleIndStretch {
			continue
		}
		n := nums[lk.num]
		def := x.l.defs[lk.id]
		if def == nil {
			continue
		}
		measure := x.measure(def, n, lk)
		if measure == "" {
			x.d.traceRule(ruleIndUnit, Reject, n.start, n.end)
			continue
		}
		x.d.traceRule(lk.rule, Accept, n.start, n.end)
		v := n.value
		if (measure == MeasureGrowth || measure == MeasurePoints) && v > 0 && x.declines(lk, n) {
			v = -v
			x.d.traceRule(ruleIndDecline, Adjust, n.start, n.end)
		}
		approx := n.approx
		if a := x.approxBefore(n.start); a != "" {
			approx = a
			x.d.traceRule(ruleIndApprox, Adjust, n.start, n.end)
		}
		status := x.status(s, n, min(lk.match.start, n.start))
		m := Mention{Type: TypeIndicator, Start: n.start, End: n.end, Value: v, Unit: n.unit,
			Approx: approx, Indicator: lk.id, IndicatorText: string(x.text[lk.match.start:lk.match.end]),
			Measure: measure, Status: status, Period: x.period(s, n, lk.id, status, measure)}
		if n.rng != nil {
			m.Range = []float64{n.rng[0], n.rng[1]}
			if v < 0 {
				m.Range = []float64{-n.rng[1], -n.rng[0]}
				m.Value = m.Range[0]
			}
		}
		if st, ok := stretch[i]; ok && status == StatusTarget {
			st := st
			m.Stretch = &st
		}
		x.d.add(m)
	}
}

// measure says what the number measures for the indicator ("" when the
// indicator cannot have it).
func (x *indDoc) measure(def *indicatorDef, n indNum, lk link) string {
	if n.points {
		return MeasurePoints
	}
	if strings.HasSuffix(n.unit, "个") && def.nature != natureFlow {
		return "" // 7个千亿级台阶: a count of items; only jobs are counted in 个
	}
	if lk.match.start >= n.end {
		// the indicator after the number (5万贫困人口脱贫)
		if n.amount || n.nounNext {
			return MeasureLevel
		}
		return ""
	}
	gap := x.text[lk.match.end:n.start]
	switch def.nature {
	case natureRatio:
		if n.percent {
			return MeasureShare
		}
		return ""
	case naturePrice:
		if n.percent {
			return MeasureGrowth
		}
		return ""
	}
	if n.times {
		return MeasureGrowth
	}
	if n.percent {
		// 提高到60%: a level of a share is no growth of an amount
		if i := x.l.lastCue("growth", gap); i >= 0 && i < len(gap) && x.l.cueAt("to", gap, i) != "" {
			return ""
		}
		return MeasureGrowth
	}
	if n.amount {
		return MeasureLevel
	}
	return ""
}

// declines reports whether a verb of decline stands right before the
// number (下降3%, 降低0.5个百分点).
func (x *indDoc) declines(lk link, n indNum) bool {
	lo := lk.match.end
	if lo > n.start || n.start-lo > 24 {
		lo = n.start - 8
		if lo < 0 {
			lo = 0
		}
	}
	gap := x.text[lo:n.start]
	end := -1
	for _, w := range x.l.cues["growth"] {
		if i := runeLastIndex(gap, []rune(w)); i >= 0 && i > end {
			end = i
		}
	}
	if end < 0 {
		return false
	}
	return x.l.cueAt("decline", gap, end) != ""
}

// approxBefore reads 不低于, 不超过, 接近 … right before the number.
func (x *indDoc) approxBefore(i int) string {
	best, approx := 0, ""
	for _, k := range []string{"under", "over", "about"} {
		for _, w := range x.l.cues[k] {
			if n := len([]rune(w)); n > best && runesAt(x.text, i-n, []rune(w)) {
				best, approx = n, map[string]string{"under": ApproxUnder, "over": ApproxOver, "about": ApproxAbout}[k]
			}
		}
	}
	return approx
}

// modeAt returns the part of the document position i stands in.
func (x *indDoc) modeAt(i int) indMode {
	k := sort.Search(len(x.modes), func(j int) bool { return x.modes[j].start > i }) - 1
	if k < 0 {
		return indMode{}
	}
	return x.modes[k]
}

// status says whether the number at n is a target, a result or an
// estimate.
func (x *indDoc) status(s int, n indNum, mstart int) string {
	if x.comm {
		x.d.traceRule(ruleIndStatusCommunique, Adjust, n.start, n.end)
		return StatusActual
	}
	before := x.text[s:n.start]
	// 预计 heading a list separated by ； governs the list, up to a clause
	// that opens with a verb of result (，完成…)
	full := x.text[x.fullSentenceStart(n.start):n.start]
	if x.l.hasCue("expected", before) && x.l.lastCue("expected", before) > x.l.lastCue("result", before) ||
		mstart-s <= 2 && !x.l.hasCue("result", before) && x.l.lastCue("expected", full) > x.l.lastCue("result", full) {
		x.d.traceRule(ruleIndStatusExpected, Adjust, n.start, n.end)
		return StatusExpected
	}
	target := x.l.hasCue("target", before)
	if target && x.l.hasCue("nottarget", before) {
		// 争取国家各类补助资金: 争取 obtains, it sets no goal
		masked := append([]rune(nil), before...)
		for _, w := range x.l.cues["nottarget"] {
			wr := []rune(w)
			for i := runeIndex(masked, wr); i >= 0; i = runeIndex(masked, wr) {
				for k := range wr {
					masked[i+k] = ' '
				}
			}
		}
		if !x.l.hasCue("target", masked) {
			target = false
			x.d.traceRule(ruleIndNotTarget, Adjust, n.start, n.end)
		}
	}
	if wy, ok := yearWritten(before); ok && x.year > 0 && wy > x.year {
		target = true // 到2025年
	}
	mode := x.modeAt(n.start)
	if target {
		x.d.traceRule(ruleIndStatusTargetCue, Adjust, n.start, n.end)
		return StatusTarget
	}
	if mode.plan && x.l.hasCue("actual", before) {
		x.d.traceRule(ruleIndStatusActualCue, Adjust, n.start, n.end)
		return StatusActual
	}
	if mode.plan {
		x.d.traceRule(ruleIndStatusPlan, Adjust, n.start, n.end)
		return StatusTarget
	}
	x.d.traceRule(ruleIndStatusReview, Adjust, n.start, n.end)
	return StatusActual
}

// period says for which year (or years) the number stands.
func (x *indDoc) period(s int, n indNum, id, status, measure string) string {
	if x.year == 0 {
		return ""
	}
	y := x.year
	if x.comm {
		x.d.traceRule(ruleIndPeriodCommunique, Adjust, n.start, n.end)
		return strconv.Itoa(y)
	}
	before := x.text[s:n.start]
	if p, ok := x.periodWritten(&before, n, status, measure); ok {
		return p
	}
	mode := x.modeAt(n.start)
	fyp := x.fypIn(before)
	switch status {
	case StatusTarget:
		return x.periodTarget(before, n, mode, fyp)
	case StatusExpected:
		if mode.plan {
			return strconv.Itoa(y)
		}
	}
	return x.periodReview(before, n, mode, fyp, id, measure)
}

// periodWritten returns the period the sentence before the number states:
// the years a level was held, the years since a base year, a year written;
// a base year of a target is cut from before.
func (x *indDoc) periodWritten(bp *[]rune, n indNum, status, measure string) (string, bool) {
	y, before := x.year, *bp
	if yrs := x.consecutiveIn(before, n.start); yrs > 1 && status != StatusTarget && (measure == MeasureLevel || measure == MeasureShare) {
		// 粮食产量连续5年稳定在550亿斤以上: a level held over the years
		x.d.traceRule(ruleIndConsecutive, Adjust, n.start, n.end)
		return fmt.Sprintf("%d/%d", y-yrs, y-1), true
	}
	if wy, ok := baseYearIn(before); ok && wy < y-1 {
		// 比2020年累计下降13%: the base year is no period
		if status != StatusTarget {
			x.d.traceRule(ruleIndBaseYear, Adjust, n.start, n.end)
			return fmt.Sprintf("%d/%d", wy+1, y-1), true
		}
		*bp = before[:0]
		before = *bp
	}
	if wy, at, ok := periodYear(before); ok {
		if status == StatusTarget && wy >= y && wy <= y+15 || status != StatusTarget && wy >= y-6 && wy < y {
			if status != StatusTarget && measure != MeasureLevel && x.l.hasCue("average", before[at:]) {
				// 2017年…年均增长8%: the average of the years up to it
				x.d.traceRule(ruleIndPeriodBaseYear, Adjust, n.start, n.end)
			} else {
				x.d.traceRule(ruleIndPeriodYear, Adjust, n.start, n.end)
				return strconv.Itoa(wy), true
			}
		}
	}
	return "", false
}

// periodTarget returns the period of a target: the report's year, the
// end year of a plan or of a multi-year target.
func (x *indDoc) periodTarget(before []rune, n indNum, mode indMode, fyp int) string {
	y := x.year
	para := x.text[x.lineStart(n.start):n.start]
	if x.l.hasCue("average", before) {
		// 三年累计突破1万亿元: a target over the next years, for the last
		for _, p := range x.l.years {
			if i := runeLastIndex(before, p.word); i >= 0 && x.l.hasCue("average", before[i+len(p.word):]) {
				x.d.traceRule(ruleIndPeriodYears, Adjust, n.start, n.end)
				return strconv.Itoa(y + p.n - 1)
			}
		}
		// a multi-year target: the plan or the term the paragraph opens,
		// or the year the paragraph aims at (…年均增长8%以上，到2020年…)
		line := x.text[x.lineStart(n.start):x.lineEnd(n.start)]
		if pf := x.fypIn(para); pf > y {
			fyp = pf
		} else if x.l.hasCue("nextfive", para) {
			// 今后五年…年均增长6%, even with 2035年 named after it
			x.d.traceRule(ruleIndPeriodPlan, Adjust, n.start, n.end)
			return strconv.Itoa(y + 4)
		} else if wy, ok := yearAfter(line, y); ok {
			x.d.traceRule(ruleIndPeriodPlan, Adjust, n.start, n.end)
			return strconv.Itoa(wy)
		}
	}
	if fyp > 0 && fyp >= y {
		// 对接“十四五”规划，提出今年的主要预期目标: this year's
		if fyp > y && !x.l.hasCue("average", before) && x.l.lastCue("thisyear", before) > x.fypEnd(before) {
			x.d.traceRule(ruleIndPeriodThisYear, Adjust, n.start, n.end)
			return strconv.Itoa(y)
		}
		x.d.traceRule(ruleIndPeriodPlan, Adjust, n.start, n.end)
		return strconv.Itoa(fyp)
	}
	if mode.plan && mode.five && mode.planEnd > 0 {
		// 今年 in the paragraph, after any plan it names, sets this
		// year's targets inside a part on the plan
		if t := x.l.lastCue("thisyear", para); t >= 0 && t > x.l.lastCue("nextfive", para) && t > x.fypEnd(para) {
			x.d.traceRule(ruleIndPeriodThisYear, Adjust, n.start, n.end)
			return strconv.Itoa(y)
		}
		x.d.traceRule(ruleIndPeriodPlan, Adjust, n.start, n.end)
		return strconv.Itoa(mode.planEnd)
	}
	x.d.traceRule(ruleIndPeriodTarget, Adjust, n.start, n.end)
	return strconv.Itoa(y)
}

// periodReview returns the period of a result: the year reviewed, or the
// years of a multi-year figure of the review.
func (x *indDoc) periodReview(before []rune, n indNum, mode indMode, fyp int, id, measure string) string {
	y := x.year
	para := x.text[x.lineStart(n.start):n.start]
	avg := x.l.hasCue("average", before)
	if avg && measure == MeasureLevel {
		// 年均增长7%，达到4.3万元: the average is the rate's, the level
		// is the last year's
		if i := lastDigit(before); i >= 0 && !x.l.hasCue("average", before[i:]) {
			avg = false
			x.d.traceRule(ruleIndLevelEnd, Adjust, n.start, n.end)
		}
	}
	fiveAt := x.fiveScope(n.start, para)
	if fyp > 0 && fyp < y {
		fiveAt = len(para)
	}
	lastAt := x.l.lastCue("actual", para)
	if wy, ok := yearWritten(para); ok && wy == y-1 {
		lastAt = len(para)
	}
	def := x.l.defs[id]
	flow := def != nil && def.nature == natureFlow && measure == MeasureLevel
	if flow && x.l.hasCue("wholeyear", before) && x.l.lastCue("wholeyear", before) > x.l.lastCue("fiveyears", before) {
		// 全年减贫20万人: the count of the last year, in a five-year review too
		lastAt = len(para)
		x.d.traceRule(ruleIndWholeYear, Adjust, n.start, n.end)
	}
	if flow && fiveAt < 0 && lastAt < 0 && mode.five && !mode.plan {
		fiveAt = 0 // a count of the five years reviewed (新增城镇就业133.5万人)
	}
	if !flow {
		// a change is of the five years only when its own sentence says so
		// (上海：…过去五年年均增长7.5%。居民消费价格上涨2.4%: the last year's)
		fiveAt, lastAt = x.l.lastCue("fiveyears", before), x.l.lastCue("actual", before)
		if fyp > 0 && fyp < y {
			fiveAt = len(before)
		}
	}
	if n.times && measure == MeasureGrowth && mode.five && !mode.plan && lastAt < 0 && fiveAt < 0 {
		// 财政总收入…分别增长2.8倍: a change in multiples in a review of
		// five years is of the five years
		fiveAt = 0
		lastAt = -1
		x.d.traceRule(ruleIndTimesFive, Adjust, n.start, n.end)
	}
	if n.endLevel && (measure == MeasureLevel && !flow || measure == MeasureShare) {
		// 占地区生产总值比重由1%上升到1.7%: the level reached, at the end
		avg, fiveAt = false, -1
		x.d.traceRule(ruleIndEndLevel, Adjust, n.start, n.end)
	}
	if avg || fiveAt >= 0 && fiveAt > lastAt && (measure == MeasureGrowth || measure == MeasurePoints || flow) {
		lo, hi := y-5, y-1
		if fyp > 0 && fyp < y {
			lo, hi = fyp-4, fyp
		}
		x.d.traceRule(ruleIndPeriodInterval, Adjust, n.start, n.end)
		return fmt.Sprintf("%d/%d", lo, hi)
	}
	x.d.traceRule(ruleIndPeriodReview, Adjust, n.start, n.end)
	return strconv.Itoa(y - 1)
}

// fiveScope returns the end in para of the last cue of the five years
// reviewed that speaks for the paragraph, or -1: one right before an
// average (过去五年年均增长7.5%) qualifies that rate only.
func (x *indDoc) fiveScope(at int, para []rune) int {
	end := len(para)
	for {
		i := x.l.lastCue("fiveyears", para[:end])
		if i < 0 {
			return -1
		}
		if x.l.cueAt("average", para, i) == "" {
			return i
		}
		x.d.traceRule(ruleIndFiveQualifier, Adjust, at, at)
		// look before this cue
		w := 0
		for _, c := range x.l.cues["fiveyears"] {
			if cw := []rune(c); i-len(cw) >= 0 && runesAt(para, i-len(cw), cw) && len(cw) > w {
				w = len(cw)
			}
		}
		end = i - w
		if w == 0 || end <= 0 {
			return -1
		}
	}
}

// lastDigit returns the position in s of the last digit, or -1.
func lastDigit(s []rune) int {
	for i := len(s) - 1; i >= 0; i-- {
		if isDigit(s[i]) {
			return i
		}
	}
	return -1
}

// fullSentenceStart returns the start of the sentence around i, across
// ；(a list of results under one 预计).
func (x *indDoc) fullSentenceStart(i int) int {
	for i > 0 && x.text[i-1] != '。' && x.text[i-1] != '\n' && x.text[i-1] != '！' && x.text[i-1] != '？' {
		i--
	}
	return i
}

// lineStart returns the start of the paragraph (line) around i.
func (x *indDoc) lineStart(i int) int {
	for i > 0 && x.text[i-1] != '\n' {
		i--
	}
	return i
}

// lineEnd returns the end of the paragraph (line) around i.
func (x *indDoc) lineEnd(i int) int {
	for i < len(x.text) && x.text[i] != '\n' {
		i++
	}
	return i
}

// yearAfter returns the first year after y, at most 15 years on, written
// as 到YYYY年 in s.
func yearAfter(s []rune, y int) (int, bool) {
	for i := 0; i+5 < len(s); i++ {
		if s[i] == '到' && s[i+5] == '年' {
			if wy, ok := yearWritten(s[i+1 : i+6]); ok && wy > y && wy <= y+15 {
				return wy, true
			}
		}
	}
	return 0, false
}

// consecutiveAt returns the length of 连续N年 or 连年 written at gap[j:]
// and N (0 for 连年), or 0.
func consecutiveAt(gap []rune, j int) (int, int) {
	if runesAt(gap, j, []rune("连年")) {
		return 2, 0
	}
	if !runesAt(gap, j, []rune("连续")) {
		return 0, 0
	}
	k := j + 2
	for k < len(gap) && k-j < 5 && (isDigit(gap[k]) || strings.ContainsRune(cnOneToTenLiang, gap[k])) {
		k++
	}
	if k == j+2 || k >= len(gap) || gap[k] != '年' {
		return 0, 0
	}
	n := 0
	if v, err := strconv.Atoi(toASCIIDigits(string(gap[j+2 : k]))); err == nil {
		n = v
	} else if k == j+3 {
		n = strings.IndexRune(cnOneToTen, gap[j+2])/3 + 1
		if gap[j+2] == '两' {
			n = 2
		}
	}
	return k + 1 - j, n
}

// consecutiveIn returns the number of years a 连续N年 (连年: the five
// years of a five-year review) right before the number's verb speaks of,
// or 0.
func (x *indDoc) consecutiveIn(before []rune, at int) int {
	for i := len(before) - 1; i >= 0 && len(before)-i <= 12; i-- {
		if before[i] == '，' || before[i] == ',' {
			return 0 // 粮食生产连年丰收，总产突破240亿斤: another clause's years
		}
		if l, yrs := consecutiveAt(before, i); l > 0 {
			if yrs == 0 {
				if m := x.modeAt(at); m.five && !m.plan {
					return 5
				}
				return 0
			}
			return yrs
		}
	}
	return 0
}

// baseYearAt returns the length of a base year written at gap[j:]
// (比2020年, 较2015年末), or 0.
func baseYearAt(gap []rune, j int) int {
	if j+6 > len(gap) || !indicatorData().set("basechars").has(gap[j]) || gap[j+5] != '年' {
		return 0
	}
	if _, ok := yearWritten(gap[j+1 : j+6]); !ok {
		return 0
	}
	if j+6 < len(gap) && indicatorData().set("yearendchars").has(gap[j+6]) {
		return 7
	}
	return 6
}

// baseYearIn returns the last year of s when it is written as a base
// year (比2020年累计下降13%).
func baseYearIn(s []rune) (int, bool) {
	wy, ok := yearWritten(s)
	if !ok {
		return 0, false
	}
	i := runeLastIndex(s, []rune(strconv.Itoa(wy)+"年"))
	if i < 1 || baseYearAt(s, i-1) == 0 {
		return 0, false
	}
	return wy, true
}

// periodYear returns the last year written as YYYY年 in s that is not a
// base of comparison (是2012年的1.5倍), and where it ends.
func periodYear(s []rune) (int, int, bool) {
	for end := len(s); end > 0; {
		wy, ok := yearWritten(s[:end])
		if !ok {
			return 0, 0, false
		}
		i := runeLastIndex(s[:end], []rune(strconv.Itoa(wy)+"年"))
		if i < 0 {
			return 0, 0, false
		}
		if i+5 < len(s) && s[i+5] == '的' {
			end = i
			continue
		}
		return wy, i + 5, true
	}
	return 0, 0, false
}

// yearWritten returns the last year written as YYYY年 in s.
func yearWritten(s []rune) (int, bool) {
	for i := len(s) - 5; i >= 0; i-- {
		if s[i+4] == '年' && isDigit(s[i]) && isDigit(s[i+1]) && isDigit(s[i+2]) && isDigit(s[i+3]) && (i == 0 || !isDigit(s[i-1])) {
			y, err := strconv.Atoi(toASCIIDigits(string(s[i : i+4])))
			if err == nil && y >= 1949 && y <= 2100 {
				return y, true
			}
		}
	}
	return 0, false
}

// fypIn returns the end year of a five-year plan named in s (十四五 →
// 2025), 0 when none is.
func (x *indDoc) fypIn(s []rune) int {
	best, at := 0, -1
	for _, p := range x.l.fyp {
		w := p.name
		i := runeLastIndex(s, w)
		// 十二五末 is a starting point; at one position the longer name
		// wins (十五五 over 十五: the plans are in that order), so the
		// result does not depend on the order of the list
		if i >= 0 && (i == 0 || s[i-1] != '第') && !endOfPlan(s, i+len(w)) && i > at {
			best, at = p.year, i
		}
	}
	return best
}

// fypEnd returns the end in s of the last five-year plan named, or -1.
func (x *indDoc) fypEnd(s []rune) int {
	best := -1
	for _, p := range x.l.fyp {
		w := p.name
		if i := runeLastIndex(s, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	return best
}

// endOfPlan reports whether 末 follows a plan's name (“十二五”末) at i.
func endOfPlan(s []rune, i int) bool {
	for i < len(s) && (s[i] == '”' || s[i] == '"' || s[i] == '’') {
		i++
	}
	return i < len(s) && s[i] == '末'
}

// readModes reads the parts of a work report off its headings: the
// review (the default at the start), the work of this year, and whether
// a part speaks of five years.
func (x *indDoc) readModes() []indMode {
	modes := []indMode{{start: 0}}
	cur := modes[0]
	text := x.text
	for ls := 0; ls < len(text); {
		le := ls
		for le < len(text) && text[le] != '\n' {
			le++
		}
		line := text[ls:le]
		t := trimHeading(line)
		heading := x.isHeading(ls, line, t)
		if heading && x.l.hasCue("title", t) {
			// **2009年黑龙江省人民政府工作报告**: the title block, no part
			x.d.traceRule(ruleIndTitleLine, Reject, ls, le)
			heading = false
		}
		next := cur
		switch {
		case heading && x.l.hasCue("review", t):
			next = indMode{start: ls, five: x.l.hasCue("fiveyears", t) || x.fypIn(t) > 0 && x.fypIn(t) < x.year}
		case heading && x.year > 0 && runeIndex(t, []rune(strconv.Itoa(x.year-1)+"年")) >= 0 && runeIndex(t, []rune(strconv.Itoa(x.year)+"年")) < 0 && x.l.hasCue("plan", t):
			// 全面完成了2004年的工作任务: the tasks of the year reviewed
			next = indMode{start: ls}
			x.d.traceRule(ruleIndTitleLine, Adjust, ls, le)
		case heading && x.l.hasCue("startyear", t):
			// 以高质量发展为“十四五”开好局: this year's work, the plan's first
			next = indMode{start: ls, plan: true}
			x.d.traceRule(ruleIndStartYear, Adjust, ls, ls+len(line))
		case heading && (x.l.hasCue("plan", t) || x.year > 0 && runeIndex(t, []rune(strconv.Itoa(x.year)+"年")) >= 0):
			next = indMode{start: ls, plan: true}
			if f := x.fypIn(t); f > 0 && f >= x.year {
				next.five, next.planEnd = true, f
			} else if runeIndex(t, []rune("今后五年")) >= 0 || runeIndex(t, []rune("未来五年")) >= 0 {
				next.five, next.planEnd = true, x.year+4
			}
		case heading && x.year > 0 && runeIndex(t, []rune(strconv.Itoa(x.year-1)+"年")) >= 0:
			next = indMode{start: ls}
		case !heading && !cur.plan && (x.l.hasCue("planline", line) || startsWithThisYear(line, x.year)):
			next = indMode{start: ls, plan: true}
		case !heading && cur.plan && cur.five && startsWithThisYear(line, x.year):
			// 今年是“十五五”开局之年 inside a part on the plan: this year's work
			next = indMode{start: ls, plan: true}
			x.d.traceRule(ruleIndThisYearPara, Adjust, ls, ls+len(line))
		}
		if next != cur {
			next.start = ls
			modes = append(modes, next)
			cur = next
		}
		ls = le + 1
	}
	return modes
}

// headingYear moves the report's year on by one when its headings say
// that the year of the document is the year reviewed: a review heading
// names it (2008年工作回顾), or a plan heading names the year after it
// (2009年工作安排), and no plan heading names the year itself.
func (x *indDoc) headingYear() {
	if x.year == 0 {
		return
	}
	this, next := []rune(strconv.Itoa(x.year)+"年"), []rune(strconv.Itoa(x.year+1)+"年")
	prev := []rune(strconv.Itoa(x.year-1) + "年")
	shift, at := false, -1
	for ls := 0; ls < len(x.text); {
		le := ls
		for le < len(x.text) && x.text[le] != '\n' {
			le++
		}
		line := x.text[ls:le]
		if t := trimHeading(line); x.isHeading(ls, line, t) {
			switch {
			case x.l.hasCue("plan", t) && runeIndex(t, this) >= 0:
				return // 2004年工作回顾和2005年工作总体要求
			case x.l.hasCue("review", t) && runeIndex(t, this) >= 0 && runeIndex(t, prev) < 0:
				shift, at = true, ls
			case x.l.hasCue("plan", t) && runeIndex(t, next) >= 0:
				shift, at = true, ls
			}
		}
		ls = le + 1
	}
	if shift {
		x.year++
		x.d.traceRule(ruleIndHeadingYear, Adjust, at, at)
	}
}

// isHeading reports whether a line (t without its marks) is a heading: a
// Markdown heading, a numbered one (一、), or a short line set apart by
// marks (**2018年工作回顾**, or the spaces a reader leaves for them) with
// no sentence punctuation.
func (x *indDoc) isHeading(ls int, line, t []rune) bool {
	if len(line) == 0 || len(t) == 0 {
		return false
	}
	if line[0] == '#' || isNumberedHeading(t) && len(t) <= 60 {
		return true
	}
	if len(line) > 4 && line[0] == '*' && line[1] == '*' && len(t) <= 60 && runeIndex(t, []rune("。")) < 0 {
		return true
	}
	marked := line[0] == ' ' && line[len(line)-1] == ' ' && len(t) <= 30
	plain := len(line) == len(t) && len(t) <= 24 && line[0] != '—'
	if !marked && !plain {
		return false
	}
	for _, r := range t {
		if strings.ContainsRune("。，；：:,;！？", r) {
			return false
		}
	}
	if marked {
		x.d.traceRule(ruleIndMarkedHeading, Adjust, ls, ls+len(line))
	} else {
		x.d.traceRule(ruleIndPlainHeading, Adjust, ls, ls+len(line))
	}
	return true
}

// startsWithThisYear reports whether a paragraph opens the work of this
// year (今年是…, 2019年是…).
func startsWithThisYear(line []rune, year int) bool {
	// 各位代表，2021年是…: the address to the deputies first
	if w := []rune("各位代表"); runesAt(line, 0, w) && len(line) > len(w) && strings.ContainsRune("，,！!：:", line[len(w)]) {
		line = line[len(w)+1:]
	}
	if runesAt(line, 0, []rune("今年是")) || runesAt(line, 0, []rune("今年政府工作")) {
		return true
	}
	return year > 0 && runesAt(line, 0, []rune(strconv.Itoa(year)+"年是"))
}

// trimHeading strips Markdown marks and spaces around a heading line.
func trimHeading(line []rune) []rune {
	return []rune(strings.Trim(string(line), "#* \t\u3000"))
}

// isNumberedHeading reports whether a line opens with 一、 … 十、.
func isNumberedHeading(t []rune) bool {
	k := 0
	for k < len(t) && k < 3 && strings.ContainsRune(cnOneToTen, t[k]) {
		k++
	}
	return k > 0 && k < len(t) && t[k] == '、'
}

// IndicatorItems returns the items of the indicator mentions of a
// document: the first statement of each indicator × measure × status ×
// period, in text order.
func IndicatorItems(ms []Mention) []Mention {
	seen := map[string]bool{}
	var out []Mention
	for _, m := range ms {
		if m.Type != TypeIndicator {
			continue
		}
		k := m.Indicator + "\x00" + m.Measure + "\x00" + m.Status + "\x00" + m.Period
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, m)
	}
	return out
}
