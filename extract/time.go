package extract

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The time extractor finds temporal expressions with a linear scan: at each
// numeral a date piece (1997年, 12月, 31日, 8时30分, 2021-03-26) is read with
// ParseNumeral, elsewhere time words (今年, 上半年, 春节, 目前) are matched with
// a Lexicon; adjacent pieces merge into one mention (一九九七年十二月三十一日,
// 今天上午, 去年11月), and two mentions joined by 至 or a dash make a span
// (3月26日至28日). Values are resolved against the document's reference
// date, which this stage also sets (Document.Ref and Document.Date).

//go:embed data/time_words.txt
var timeWordsData string

type timeWord struct {
	op   string
	arg  string
	arg2 string
}

// timeFirst marks the runes (of the Basic Multilingual Plane) that start a
// time word, so that the scan skips other runes with one bit test (filled
// by timeWords).
var timeFirst [1 << 10]uint64

var timeWords = sync.OnceValue(func() *Lexicon[timeWord] {
	lex := NewLexicon[timeWord]()
	ReadWordList(timeWordsData, func(f []string) {
		if r := []rune(f[0]); len(r) > 0 && r[0] < 1<<16 {
			timeFirst[r[0]>>6] |= 1 << (uint(r[0]) & 63)
		}
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
	planStart, planEnd             int // five-year plan period
	zodiac                         int // 1 + zodiac animal of the year
	ctxYear                        int // year stated earlier in the same paragraph
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
	if o.relYear {
		f.yearOff, f.relYear = o.yearOff, true
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
}

// specific reports whether f says more than a vague reference.
func (f *tfields) specific() bool {
	return f.hasYear || f.hasMonth || f.hasDay || f.hasHour || f.relYear || f.relMonth ||
		f.relWeek || f.relDay || f.relCentury || f.quarter != 0 || f.half != 0 || f.weekday != 0 ||
		f.season != "" || f.fest != "" || f.lunar != "" || f.tod != "" || f.part != "" || f.weekend ||
		f.planStart != 0 || f.zodiac != 0
}

// lunarMonths gives the usual solar month of lunar festivals, enough to
// tell whether one has passed in the reference year.
var lunarMonths = map[string]int{
	"spring_festival": 2, "new_years_eve": 1, "lantern_festival": 2, "qingming": 4,
	"dragon_boat": 6, "mid_autumn": 9, "double_ninth": 10, "twelfth_month": 1, "first_month": 2,
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
	if m, ok := lunarMonths[f.lunar]; ok {
		if f.lunar == "qingming" {
			return m, 5
		}
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

// scanTimes finds the time expressions of text in one left-to-right pass.
func scanTimes(text []rune) []timeSpan {
	lex := timeWords()
	var pieces []timePiece
	for i := 0; i < len(text); {
		var prev *timePiece
		if len(pieces) > 0 && pieces[len(pieces)-1].end == i {
			prev = &pieces[len(pieces)-1]
		}
		r := text[i]
		if IsNumeralRune(r) {
			if p, ok := datePiece(text, i, prev); ok {
				pieces = append(pieces, p)
				i = p.end
				continue
			}
		}
		if (r >= 1<<16 || timeFirst[r>>6]&(1<<(uint(r)&63)) == 0) && r != '十' { // no time word starts here
			i++
			continue
		}
		if n, w := lex.Longest(text, i); n > 0 && timeWordOK(text, i, n, w, prev) {
			f := wordFields(w)
			if w.op == "week" && i+n < len(text) {
				// 下周三, 上星期五
				if wd := strings.IndexRune("一二三四五六日天", text[i+n]); wd >= 0 {
					wd = wd/3 + 1 // byte index of a 3-byte rune
					f.weekday = min(wd, 7)
					n++
				}
			}
			pieces = append(pieces, timePiece{i, i + n, f})
			i += n
			continue
		}
		if p, ok := planPiece(text, i); ok {
			pieces = append(pieces, p)
			i = p.end
			continue
		}
		i++
	}
	// Merge adjacent pieces.
	var out []timeSpan
	for _, p := range pieces {
		if k := len(out) - 1; k >= 0 && out[k].end == p.start {
			out[k].end = p.end
			out[k].f.merge(p.f)
			continue
		}
		out = append(out, timeSpan{start: p.start, end: p.end, f: p.f})
	}
	// Join spans: A至B, A—B, A到B, where both state a date.
	var joined []timeSpan
	for k := 0; k < len(out); k++ {
		s := out[k]
		if k+1 < len(out) {
			t := out[k+1]
			if t.start == s.end+1 && isSpanJoiner(text[s.end]) && dated(s.f) && dated(t.f) {
				to := t.f
				s.to = &to
				s.end = t.end
				k++
			}
		}
		joined = append(joined, s)
	}
	return joined
}

func dated(f tfields) bool {
	return f.hasYear || f.hasMonth || f.hasDay || f.hasHour
}

func isSpanJoiner(r rune) bool {
	switch r {
	case '至', '到', '—', '－', '-', '~', '～', '–':
		return true
	}
	return false
}

// timeWordOK rejects time words that are part of another word here.
func timeWordOK(text []rune, i, n int, w timeWord, prev *timePiece) bool {
	if i+n < len(text) {
		switch text[i+n] {
		case '化': // 现代化
			return false
		}
	}
	first := text[i]
	if i > 0 && (first == '年' || first == '月' || first == '日' || first == '周') && prev == nil {
		// 三年内, 两个月底: a count, not 年内 or 月底; 四周 is not 周…
		p := text[i-1]
		if IsNumeralRune(p) || p == '多' || p == '余' || p == '几' || p == '数' || p == '每' {
			return false
		}
		if first != '周' && (p == '个' || p == '本' || p == '上' || p == '下') {
			return false
		}
	}
	if first == '现' && i > 0 && strings.ContainsRune("体表出实发呈展", text[i-1]) {
		return false // 体现在, 实现今年
	}
	if w.op == "tod" && n == 1 {
		// 5日晚8时: a one-rune part of day only between a date and a clock time.
		return prev != nil && i+1 < len(text) && IsNumeralRune(text[i+1])
	}
	word := string(text[i : i+n])
	next, before := rune(0), rune(0)
	if i+n < len(text) {
		next = text[i+n]
	}
	if i > 0 {
		before = text[i-1]
	}
	if w.op == "setday" && (next == '次' || next == '个' || next == '项') {
		return false // 每周一次
	}
	switch word {
	case "现代":
		// 现代农业, 现代服务业: an adjective, not a time.
		if followedBy(text, i+n, []string{"农业", "服务", "物流", "产业", "工业", "能源", "企业", "制造", "医疗", "金融", "流通", "城市", "教育", "治理", "科技", "信息", "商贸", "种业", "牧业", "渔业", "林业", "化"}) {
			return false
		}
	case "本年", "今年", "上年":
		if next == '度' { // 本年度: a fiscal year (年度), not a time
			return false
		}
	case "新年":
		if next == '伊' { // 新年伊始 is a set phrase
			return false
		}
	case "过去":
		if next == '的' || next == '了' { // 刚刚过去的一年: a verb
			return false
		}
	case "明日":
		if before == '光' { // 光明日报
			return false
		}
	}
	if (first == '多' || first == '几' || first == '数') && IsNumeralRune(before) {
		return false // 十多年来 is a count
	}
	if IsNumeralRune(text[i]) {
		// 五一, 八一: not inside a longer number or before a measure word.
		if IsNumeralRune(before) || IsNumeralRune(next) || strings.ContainsRune("年月日时点分个万亿岁名次人号位届%％.．", next) {
			return false
		}
	}
	if before != 0 && (w.arg == "PAST_REF" || w.arg == "PRESENT_REF") && n == 2 {
		switch word {
		case "过去":
			// 走过去, 看过去: a verb complement.
			switch text[i-1] {
			case '走', '跑', '冲', '看', '扑', '飞', '游', '传', '混', '熬', '挺', '说':
				return false
			}
		}
	}
	return true
}

func wordFields(w timeWord) tfields {
	var f tfields
	n, _ := strconv.Atoi(w.arg)
	switch w.op {
	case "year":
		f.yearOff, f.relYear = n, true
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
	}
	return f
}

// fiveYearPlans maps the quoted names of five-year plans to their years.
var fiveYearPlans = map[string]int{"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}

// planPiece reads a quoted five-year plan name (“十四五”) as a period.
func planPiece(text []rune, i int) (timePiece, bool) {
	if i == 0 || i+4 > len(text) || text[i-1] != '“' || text[i+3] != '”' || text[i] != '十' {
		return timePiece{}, false
	}
	y, ok := fiveYearPlans[string(text[i:i+3])]
	if !ok {
		return timePiece{}, false
	}
	return timePiece{i, i + 3, tfields{planStart: y, planEnd: y + 4}}, true
}

// datePiece reads a date or clock piece starting at text[i]: a year,
// month, day, hour (with minutes) or quarter written with a numeral, or an
// all-digit date (2021-03-26, 2021.3.26, 2021/3/26).
func datePiece(text []rune, i int, prev *timePiece) (timePiece, bool) {
	if !IsNumeralRune(text[i]) || text[i] == '半' || text[i] == '几' {
		return timePiece{}, false
	}
	if i > 0 {
		p := text[i-1]
		// Inside a longer number, a decimal, a phone or ID number.
		if IsDigit(p) || isDecimalPoint(p) || p == '第' || p == '-' || p == '/' || (p >= 'A' && p <= 'Z') || (p >= 'a' && p <= 'z') {
			return timePiece{}, false
		}
		if !IsDigit(text[i]) {
			if _, ok := cnDigit(p); ok {
				return timePiece{}, false
			}
			if _, ok := cnUnit(p); ok {
				return timePiece{}, false
			}
		}
	}
	if p, ok := isoDate(text, i); ok {
		return p, true
	}
	num, n := ParseNumeral(text, i)
	if n == 0 || num.Percent || num.Ordinal || num.Decimal || num.Range || num.Approx != ApproxExact {
		return timePiece{}, false
	}
	j := i + n
	if j >= len(text) {
		return timePiece{}, false
	}
	v := int(num.Value)
	if float64(v) != num.Value {
		return timePiece{}, false
	}
	hasLiang := false
	for _, r := range text[i:j] {
		if r == '两' {
			hasLiang = true
		}
	}
	var f tfields
	switch text[j] {
	case '年':
		fourDigits := num.Digits && n == 4
		if !(fourDigits || (num.Spelled && n == 4)) || v < 1000 || v > 2200 {
			return timePiece{}, false
		}
		if j+1 < len(text) && (text[j+1] == '代' || text[j+1] == '级' || text[j+1] == '度') {
			return timePiece{}, false
		}
		f.year, f.hasYear = v, true
		return timePiece{i, j + 1, f}, true
	case '月':
		if v < 1 || v > 12 || hasLiang || num.Spelled || (num.Digits && n > 2) {
			return timePiece{}, false
		}
		if j+1 < len(text) && strings.ContainsRune("球饼薪票革", text[j+1]) {
			return timePiece{}, false
		}
		f.month, f.hasMonth = v, true
		end := j + 1
		if end < len(text) {
			if text[end] == '份' {
				end++
			}
		}
		return timePiece{i, end, f}, true
	case '日', '号':
		if v < 1 || v > 31 || hasLiang || num.Spelled || (num.Digits && n > 2) {
			return timePiece{}, false
		}
		afterMonth := prev != nil && prev.f.hasMonth
		if text[j] == '号' && !afterMonth {
			return timePiece{}, false
		}
		if !num.Digits && !afterMonth && n < 2 {
			// 警方三日宣布 (news style: on the 3rd), but not 一日三餐,
			// 一日游, 一日千里, 每日, 近日.
			if j+1 >= len(text) || strings.ContainsRune("三之千游一两夜内间", text[j+1]) || v == 0 {
				return timePiece{}, false
			}
			if i > 0 && strings.ContainsRune("每近数同前某个整", text[i-1]) {
				return timePiece{}, false
			}
		}
		if j+1 < len(text) && text[j+1] == '元' { // 一号元件…
			return timePiece{}, false
		}
		f.day, f.hasDay = v, true
		return timePiece{i, j + 1, f}, true
	case '时', '点':
		if v > 24 || hasLiang && text[j] == '时' || num.Spelled {
			return timePiece{}, false
		}
		afterDay := prev != nil && (prev.f.hasDay || prev.f.tod != "" || prev.f.relDay)
		if text[j] == '时' {
			if j+1 < len(text) && strings.ContainsRune("间期候代刻事局势节效速髦尚针", text[j+1]) {
				return timePiece{}, false
			}
			if !num.Digits && n == 1 && !afterDay && v == 1 {
				return timePiece{}, false // 一时
			}
		} else {
			next := rune(0)
			if j+1 < len(text) {
				next = text[j+1]
			}
			clock := next == '钟' || next == '整' || next == '半'
			if !clock && !afterDay {
				if _, k := clockMinutes(text, j+1); k == 0 {
					return timePiece{}, false
				}
			}
		}
		f.hour, f.hasHour = v, true
		end := j + 1
		if end < len(text) && (text[end] == '钟' || text[end] == '整') {
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
		if j+1 < len(text) && text[j+1] == '度' && v >= 1 && v <= 4 && n == 1 {
			f.quarter = v
			return timePiece{i, j + 2, f}, true
		}
	}
	return timePiece{}, false
}

// clockMinutes reads "30分" at text[i] (0-59, written with a numeral).
func clockMinutes(text []rune, i int) (int, int) {
	if i >= len(text) || !IsNumeralRune(text[i]) {
		return 0, 0
	}
	num, n := ParseNumeral(text, i)
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
	if k != 4 || y < 1900 || y > 2100 {
		return timePiece{}, false
	}
	sep := text[i+4]
	if sep != '-' && sep != '.' && sep != '/' && sep != '．' && sep != '－' {
		return timePiece{}, false
	}
	m, km := readDigits(text, i+5, 2)
	if km == 0 || m < 1 || m > 12 || i+5+km >= len(text) || text[i+5+km] != sep {
		return timePiece{}, false
	}
	d, kd := readDigits(text, i+6+km, 2)
	if kd == 0 || d < 1 || d > 31 {
		return timePiece{}, false
	}
	end := i + 6 + km + kd
	if end < len(text) && (IsDigit(text[end]) || text[end] == sep) {
		return timePiece{}, false
	}
	f := tfields{year: y, month: m, day: d, hasYear: true, hasMonth: true, hasDay: true}
	if end < len(text) && text[end] == '日' {
		end++
	}
	return timePiece{i, end, f}, true
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
	if i+k < len(text) && IsDigit(text[i+k]) {
		return 0, 0 // longer than max
	}
	return v, k
}

// dated reports whether r is the date the document was written (given,
// from the meta or from its dateline), so that a later month or day in it
// must be in the year before. The latest date found in the text is only a
// lower bound of that date.
func (r RefDate) dated() bool {
	return r.Month != 0 && r.Day != 0 && (r.From == "option" || r.From == "meta" || r.From == "dateline")
}

// resolveRef sets d.Ref and d.Date from, in order: the WithRefDate
// option, a date in the meta, the document's dateline, the latest full date
// in the text, and year cues (建党百年 → 2021, the most frequent year).
func resolveRef(d *Document, spans []timeSpan) {
	text := d.runes
	// The document's own date: a full date on a short line of its own, in
	// brackets, or at the very start or end of the text.
	for _, s := range spans {
		if !s.f.fullDate() || s.to != nil {
			continue
		}
		if datelineAt(text, s.start, s.end) {
			v := fmt.Sprintf("%04d-%02d-%02d", s.f.year, s.f.month, s.f.day)
			d.Date = &v
			if d.Ref.Year == 0 {
				d.Ref = RefDate{s.f.year, s.f.month, s.f.day, "dateline"}
			}
			break
		}
	}
	if !d.refDate.IsZero() {
		t := d.refDate
		d.Ref = RefDate{t.Year(), int(t.Month()), t.Day(), "option"}
		return
	}
	if y, m, dd, ok := metaDate(d.Meta); ok {
		d.Ref = RefDate{y, m, dd, "meta"}
		return
	}
	if d.Ref.Year != 0 {
		return
	}
	best := 0
	for _, s := range spans {
		if s.f.fullDate() {
			if k := s.f.year*10000 + s.f.month*100 + s.f.day; k > best {
				best = k
				d.Ref = RefDate{s.f.year, s.f.month, s.f.day, "latest_date"}
			}
		}
	}
	if best != 0 {
		return
	}
	if y := yearCue(d.Text); y != 0 {
		d.Ref = RefDate{Year: y, From: "year_cue"}
		return
	}
	count := map[int]int{}
	bestY := 0
	for _, s := range spans {
		if s.f.hasYear {
			count[s.f.year]++
			if count[s.f.year] > count[bestY] || count[s.f.year] == count[bestY] && s.f.year > bestY {
				bestY = s.f.year
			}
		}
	}
	if bestY != 0 {
		d.Ref = RefDate{Year: bestY, From: "year_cue"}
	}
}

// datelineAt reports whether the date at text[s:e] stands as the
// document's dateline.
func datelineAt(text []rune, s, e int) bool {
	if s >= 300 && e <= len(text)-80 {
		return false // only the head or the tail of a document dates it
	}
	// The line around the date, looked for at most 300 runes away.
	ls, le := s, e
	for ls > 0 && text[ls-1] != '\n' && s-ls < 300 {
		ls--
	}
	for le < len(text) && text[le] != '\n' && le-e < 300 {
		le++
	}
	if le-ls <= e-s+30 && (ls < 200 || le > len(text)-80) && !strings.ContainsAny(string(text[ls:le]), "。，；！？,;") {
		return true // a line of its own: 2021年4月15日, 发布时间：2021-04-15
	}
	if ls < 300 && s-ls <= 2 {
		// —2018年3月7日在……人民代表大会第二次会议上 (the line of a report
		// that says when it was delivered), （2021年4月15日）
		switch text[ls] {
		case '—', '－', '-', '（', '(', '【', '[':
			return true
		}
		if e < len(text) && text[e] == '在' && strings.Contains(string(text[e:le]), "会议上") {
			return true
		}
	}
	if s > 0 && e < len(text) && (text[s-1] == '（' || text[s-1] == '(') && (text[e] == '）' || text[e] == ')') {
		return true
	}
	return false
}

// metaDate reads a "date" (or "pubdate", "published") field of the meta.
func metaDate(meta map[string]any) (y, m, d int, ok bool) {
	for _, k := range []string{"date", "pubdate", "published", "publish_date", "time"} {
		s, isStr := meta[k].(string)
		if !isStr || s == "" {
			continue
		}
		for _, layout := range []string{"2006-01-02", "2006/01/02", "20060102", "2006-1-2", "2006/1/2"} {
			if len(s) >= len(layout) {
				if t, err := time.Parse(layout, s[:min(len(s), len(layout))]); err == nil {
					return t.Year(), int(t.Month()), t.Day(), true
				}
			}
			if t, err := time.Parse(layout, s); err == nil {
				return t.Year(), int(t.Month()), t.Day(), true
			}
		}
		for _, sp := range scanTimes([]rune(s)) {
			if sp.f.fullDate() {
				return sp.f.year, sp.f.month, sp.f.day, true
			}
		}
	}
	return 0, 0, 0, false
}

// yearCues are anniversaries that date a text: the event year, and the
// words that follow a count of years since it.
var yearCues = []struct {
	prefix string
	base   int
}{
	{"建党", 1921}, {"中国共产党成立", 1921}, {"党的", 1921},
	{"新中国成立", 1949}, {"中华人民共和国成立", 1949}, {"建国", 1949},
	{"改革开放", 1978}, {"红军长征胜利", 1936}, {"抗战胜利", 1945}, {"抗日战争胜利", 1945},
}

// yearCue finds an anniversary such as 建党百年 or 新中国成立70周年.
func yearCue(s string) int {
	if strings.Contains(s, "建党百年") || strings.Contains(s, "百年华诞") && strings.Contains(s, "党") {
		return 2021
	}
	// Each 周年 with a numeral and a cue before it: 新中国成立70周年.
	for idx := 0; ; {
		k := strings.Index(s[idx:], "周年")
		if k < 0 {
			return 0
		}
		end := idx + k
		idx = end + len("周年")
		head := []rune(s[max(0, end-60):end])
		j := len(head)
		for j > 0 && IsNumeralRune(head[j-1]) {
			j--
		}
		if j == len(head) {
			continue
		}
		num, n := ParseNumeral(head, j)
		if j+n != len(head) || num.Approx != ApproxExact || num.Range || num.Decimal {
			continue
		}
		before := string(head[:j])
		for _, c := range yearCues {
			if strings.HasSuffix(before, c.prefix) {
				return c.base + int(num.Value)
			}
		}
	}
}

// timeValue renders f as a Mention's value, kind, grain and year source.
func timeValue(f tfields, ref RefDate) (value any, kind, grain, yearFrom string) {
	if f.dur != "" {
		return f.dur, "duration", "", ""
	}
	if f.set != "" && f.weekday != 0 {
		return fmt.Sprintf("XXXX-WXX-%d", f.weekday), "set", "day", ""
	}
	if f.set != "" {
		g := map[string]string{"P1Y": "year", "P1M": "month", "P3M": "quarter", "P1W": "week", "P1D": "day"}[f.set]
		return f.set, "set", g, ""
	}
	if f.planStart != 0 {
		return Span{strconv.Itoa(f.planStart), strconv.Itoa(f.planEnd)}, "span", "year", "text"
	}
	if !f.specific() {
		return f.ref, "relative", "", ""
	}
	kind = "point"
	rel := f.relYear || f.relMonth || f.relWeek || f.relDay || f.relCentury || f.ref != ""
	if rel {
		kind = "relative"
	}
	year := 0
	switch {
	case f.zodiac != 0 && !f.hasYear:
		if ref.Year != 0 {
			// The year of that animal nearest the reference year.
			year = ref.Year - 6
			for (year-4)%12 != f.zodiac-1 {
				year++
			}
			yearFrom = ref.From
		}
	case f.hasYear:
		year, yearFrom = f.year, "text"
	case f.ctxYear != 0 && !f.relYear:
		year, yearFrom = f.ctxYear, "context"
	case ref.Year != 0:
		year, yearFrom = ref.Year, ref.From
		if f.relYear {
			year += f.yearOff
		} else if m, dd := f.monthDay(); m != 0 && ref.dated() && (m > ref.Month || m == ref.Month && dd != 0 && dd > ref.Day) {
			year-- // reports speak of the past
		}
	}
	ystr := "XXXX"
	if year > 0 {
		ystr = fmt.Sprintf("%04d", year)
	}
	full := ref.Year != 0 && ref.Month != 0 && ref.Day != 0
	refTime := time.Date(ref.Year, time.Month(max(ref.Month, 1)), max(ref.Day, 1), 0, 0, 0, 0, time.UTC)
	hour := f.hour
	if f.hasHour && hour < 12 && (f.tod == "AF" || f.tod == "EV" || f.tod == "NI" && hour >= 6) {
		hour += 12 // 下午3时, 晚上8点
	}
	clock := func(s string) (string, string) {
		switch {
		case f.hasHour && f.hasMinute:
			return fmt.Sprintf("%sT%02d:%02d", s, hour, f.minute), "minute"
		case f.hasHour:
			return fmt.Sprintf("%sT%02d", s, hour), "hour"
		case f.tod != "":
			return s + "T" + f.tod, "day"
		}
		return s, "day"
	}
	switch {
	case f.relCentury:
		if ref.Year == 0 {
			return "XX", kind, "century", ""
		}
		return fmt.Sprintf("%02d", ref.Year/100+f.centuryOff), kind, "century", ref.From
	case f.hasDay:
		ms := "XX"
		if f.hasMonth {
			ms = fmt.Sprintf("%02d", f.month)
		} else if ref.Month != 0 && !f.hasYear && f.ctxYear == 0 {
			m := ref.Month
			if ref.dated() && f.day > ref.Day {
				m--
				if m == 0 {
					m, year = 12, year-1
					ystr = fmt.Sprintf("%04d", year)
				}
			}
			ms = fmt.Sprintf("%02d", m)
		}
		if year == 0 {
			yearFrom = ""
		}
		v, g := clock(fmt.Sprintf("%s-%s-%02d", ystr, ms, f.day))
		return v, kind, g, yearFrom
	case f.relDay:
		if !full {
			return "XXXX-XX-XX", kind, "day", ""
		}
		t := refTime.AddDate(0, 0, f.dayOff)
		v, g := clock(t.Format("2006-01-02"))
		return v, kind, g, ref.From
	case f.hasMonth:
		if year == 0 {
			yearFrom = ""
		}
		return fmt.Sprintf("%s-%02d", ystr, f.month), kind, "month", yearFrom
	case f.relMonth:
		if ref.Month == 0 {
			return "XXXX-XX", kind, "month", ""
		}
		t := time.Date(ref.Year, time.Month(ref.Month)+time.Month(f.monthOff), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01"), kind, "month", ref.From
	case f.relWeek || f.weekend || f.weekday != 0:
		if !full {
			if f.weekday != 0 {
				return fmt.Sprintf("XXXX-WXX-%d", f.weekday), kind, "day", ""
			}
			return "XXXX-WXX", kind, "week", ""
		}
		t := refTime.AddDate(0, 0, 7*f.weekOff)
		y, w := t.ISOWeek()
		v := fmt.Sprintf("%04d-W%02d", y, w)
		if f.weekday != 0 {
			return fmt.Sprintf("%s-%d", v, f.weekday), kind, "day", ref.From
		}
		if f.weekend {
			return v + "-WE", kind, "week", ref.From
		}
		return v, kind, "week", ref.From
	case f.quarter != 0:
		return fmt.Sprintf("%s-Q%d", ystr, f.quarter), kind, "quarter", yfrom(year, yearFrom)
	case f.half != 0:
		return fmt.Sprintf("%s-H%d", ystr, f.half), kind, "half", yfrom(year, yearFrom)
	case f.season != "":
		return ystr + "-" + f.season, kind, "season", yfrom(year, yearFrom)
	case f.fest != "":
		return ystr + "-" + f.fest, kind, "day", yfrom(year, yearFrom)
	case f.lunar != "":
		return ystr, kind, "festival", yfrom(year, yearFrom)
	case f.hasYear || f.relYear || f.part != "" || f.zodiac != 0:
		return ystr, kind, "year", yfrom(year, yearFrom)
	case f.hasHour || f.tod != "":
		v, g := clock("")
		return v, kind, g, ""
	}
	return f.ref, "relative", "", ""
}

func yfrom(year int, from string) string {
	if year == 0 {
		return ""
	}
	return from
}

// timeMentions turns scanned spans into Mentions resolved against d.Ref.
func timeMentions(d *Document, spans []timeSpan) []Mention {
	out := make([]Mention, 0, len(spans))
	lastYear, lastEnd := 0, 0
	for _, s := range spans {
		// A year stated earlier in the paragraph dates the months and days
		// that follow (2017年工作回顾……3月, 完成……).
		for k := lastEnd; k < s.start && lastYear != 0; k++ {
			if d.runes[k] == '\n' {
				lastYear = 0
			}
		}
		lastEnd = s.end
		if !s.f.hasYear && !s.f.relYear {
			s.f.ctxYear = lastYear
		}
		switch {
		case s.f.hasYear:
			lastYear = s.f.year
		case s.f.relYear && d.Ref.Year != 0:
			lastYear = d.Ref.Year + s.f.yearOff
		}
		if s.to != nil && s.to.hasYear {
			lastYear = s.to.year
		}
		m := Mention{Type: TypeTime, Start: s.start, End: s.end}
		m.Value, m.Kind, m.Grain, m.YearFrom = timeValue(s.f, d.Ref)
		if s.to != nil {
			to := *s.to
			to.ctxYear = s.f.ctxYear
			// The end inherits what it leaves out: 3月26日至28日.
			if !to.hasYear && !to.relYear {
				to.year, to.hasYear = s.f.year, s.f.hasYear
				to.yearOff, to.relYear = s.f.yearOff, s.f.relYear
			}
			if !to.hasMonth && to.hasDay {
				to.month, to.hasMonth = s.f.month, s.f.hasMonth
			}
			if !to.hasDay && to.hasHour {
				to.day, to.hasDay = s.f.day, s.f.hasDay
			}
			ev, _, _, _ := timeValue(to, d.Ref)
			sv, _ := m.Value.(string)
			es, _ := ev.(string)
			m.Value = Span{Start: sv, End: es}
			m.Kind = "span"
		}
		out = append(out, m)
	}
	return out
}

// runDate is the date stage: d.Ref and d.Date from the time spans.
func runDate(d *Document) { resolveRef(d, d.timeSpans()) }

// runTimes is the time stage: the time spans resolved against d.Ref.
func runTimes(d *Document) {
	for _, m := range timeMentions(d, d.timeSpans()) {
		d.add(m)
	}
}

// TimeSpans returns the code-point spans [start, end) of the time
// expressions of text, as the time extractor finds them; other extractors
// use it to keep out of dates.
func TimeSpans(text []rune) [][2]int {
	spans := scanTimes(text)
	out := make([][2]int, len(spans))
	for i, s := range spans {
		out[i] = [2]int{s.start, s.end}
	}
	return out
}
