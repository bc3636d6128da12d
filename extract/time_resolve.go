package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Resolving times: the document's reference date (resolveRef) and the value
// of each mention (timeValue), with the rules that adjust them.

// Rules that set the reference date, traced on the span that gives it
// (or on the whole text when none does).
var (
	ruleRefDateline = registerRule("time", "time.ref_dateline", "a full date on a line of its own, in brackets or on the delivery line of a report dates the document (Document.Date)", Accept)
	ruleRefOption   = registerRule("time", "time.ref_option", "the reference date given as an option resolves relative and partial times", Adjust)
	ruleRefMeta     = registerRule("time", "time.ref_meta", "a date field of the meta is the reference date when no option gives one", Adjust)
	ruleRefLatest   = registerRule("time", "time.ref_latest_date", "without a dateline, the latest full date of the text is the reference date", Adjust)
	ruleRefYearCue  = registerRule("time", "time.ref_year_cue", "an anniversary dates the text (建党百年 → 2021, 新中国成立70周年 → 2019)", Adjust)
	ruleRefFrequent = registerRule("time", "time.ref_frequent_year", "without any other cue, the year the text names most often is the reference year", Adjust)
)

// Rules that resolve a value, traced on the mention they act on.
var (
	ruleYearFromText     = registerRule("time", "time.year_from_text", "a year written in the mention is its year (2020年3月26日)", Adjust)
	ruleYearFromZodiac   = registerRule("time", "time.year_from_zodiac", "a zodiac year is the year of that animal nearest the reference year (虎年 → 2022 in 2021)", Adjust)
	ruleYearFromContext  = registerRule("time", "time.year_from_context", "a year stated earlier in the paragraph dates the months and days after it (2017年工作回顾：5月)", Adjust)
	ruleYearFromRef      = registerRule("time", "time.year_from_ref", "a time without a year takes the reference year, moved by its offset (去年 → reference year - 1)", Adjust)
	ruleYearPastDateline = registerRule("time", "time.year_past_of_dateline", "a month or day after the document's date is in the year before: reports speak of the past (5月3日 in a text of 2021-04-20 → 2020-05-03)", Adjust)
	ruleMonthPast        = registerRule("time", "time.month_past_of_dateline", "a day without a month after the document's day is in the month before (25日 in a text of 2021-04-20 → 2021-03-25)", Adjust)
	ruleHourAfternoon    = registerRule("time", "time.hour_afternoon", "an hour before 12 after 下午, 晚上 or 夜 (from 6) is in the afternoon or evening (晚上十一点 → 23)", Adjust)
	ruleTimeRelPeriod    = registerRule("time", "time.relative_period", "a duration with a relative word is the period before or after the reference date (过去十年, 近三年, 未来两天)", Adjust)
	ruleTimeValidDate    = registerRule("time", "time.valid_date", "a date that does not exist gets no Gregorian value; without a written year it is the latest such day before (2月29日 in 2017 → 2016-02-29)", Adjust)
	ruleSpanNextYear     = registerRule("time", "time.span_next_year", "the end of a span that would come before its start, without a year of its own, is in the year after (8月至2月)", Adjust)
	ruleTimeClockDay     = registerRule("time", "time.clock_day_from_context", "a time of day takes the date stated before it in the same paragraph (3月26日召开会议，上午9时 → 2021-03-26T09:00)", Adjust)
	ruleTimeAgo          = registerRule("time", "time.duration_ago", "a duration before 前 is the day that long before the reference date; 前 stays outside (5年前 in a text of 2018-08-30 → 2013-08-30)", Adjust)
	ruleTimeOpenRange    = registerRule("time", "time.open_range", "以前, 之后, 以来, 起 after a time, or 截至, 自 before it, make it the bound of an open span; the words stay outside (2018年以前 → up to 2018)", Adjust)
	ruleSpanInherits     = registerRule("time", "time.span_inherits", "the end of a span takes the year, month or day it leaves out from its start (3月26日至28日)", Adjust)
)

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
		if !s.f.fullDate() || s.to != nil || !calendarDay(s.f.year, s.f.month, s.f.day) {
			continue
		}
		if datelineAt(text, s.start, s.end) {
			d.traceTime(ruleRefDateline, Accept, s.start, s.end)
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
		d.traceTime(ruleRefOption, Adjust, 0, len(text))
		return
	}
	if y, m, dd, ok := metaDate(d.Meta); ok {
		d.Ref = RefDate{y, m, dd, "meta"}
		d.traceTime(ruleRefMeta, Adjust, 0, len(text))
		return
	}
	if d.Ref.Year != 0 {
		return
	}
	best, bestAt := 0, timeSpan{}
	for _, s := range spans {
		if s.f.fullDate() {
			if k := s.f.year*10000 + s.f.month*100 + s.f.day; k > best {
				best, bestAt = k, s
				d.Ref = RefDate{s.f.year, s.f.month, s.f.day, "latest_date"}
			}
		}
	}
	if best != 0 {
		d.traceTime(ruleRefLatest, Adjust, bestAt.start, bestAt.end)
		return
	}
	if mayYearCue(text) {
		if y := yearCue(d.Text); y != 0 {
			d.Ref = RefDate{Year: y, From: "year_cue"}
			d.traceTime(ruleRefYearCue, Adjust, 0, len(text))
			return
		}
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
		d.traceTime(ruleRefFrequent, Adjust, 0, len(text))
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
	c := timeCtx()
	if le-ls <= e-s+30 && (ls < 200 || le > len(text)-80) && !strings.ContainsAny(string(text[ls:le]), c.chars["sentence_punct_chars"]) {
		return true // a line of its own: 2021年4月15日, 发布时间：2021-04-15
	}
	if ls < 300 && s-ls <= 2 {
		// —2018年3月7日在……人民代表大会第二次会议上 (the line of a report
		// that says when it was delivered), （2021年4月15日）
		if c.in(datelineOpenChars, text[ls]) {
			return true
		}
		if e < len(text) && text[e] == '在' && followedAnywhere(string(text[e:le]), c.words["delivered_at_words"]) {
			return true
		}
	}
	if s > 0 && e < len(text) && c.in(bracketOpenChars, text[s-1]) && c.in(bracketCloseChars, text[e]) {
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
		for _, sp := range scanTimes(nil, []rune(s)) {
			if sp.f.fullDate() {
				return sp.f.year, sp.f.month, sp.f.day, true
			}
		}
	}
	return 0, 0, 0, false
}

// followedAnywhere reports whether s contains one of words.
func followedAnywhere(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// anniversaryWord follows the count of years of an anniversary
// (新中国成立70周年).
const anniversaryWord = "周年"

// mayYearCue reports whether text holds one of the words yearCue looks
// for (false only when yearCue finds nothing): one pass over the runes
// with a bit test, where yearCue searches the text for each word.
func mayYearCue(text []rune) bool {
	c := timeCtx()
	for i, r := range text {
		if !c.yearCueFirst.has(r) {
			continue
		}
		for _, w := range c.yearCueWords {
			if hasRunes(text, i, w) {
				return true
			}
		}
	}
	return false
}

// yearCue finds an anniversary such as 建党百年 or 新中国成立70周年.
func yearCue(s string) int {
	c := timeCtx()
	if followedAnywhere(s, c.words["party_centenary_words"]) || followedAnywhere(s, c.words["centenary_words"]) && strings.Contains(s, "党") {
		return 2021
	}
	// Each 周年 with a numeral and a cue before it: 新中国成立70周年.
	for idx := 0; ; {
		k := strings.Index(s[idx:], anniversaryWord)
		if k < 0 {
			return 0
		}
		end := idx + k
		idx = end + len(anniversaryWord)
		head := []rune(s[max(0, end-60):end])
		j := len(head)
		for j > 0 && numeralRune(head[j-1]) {
			j--
		}
		if j == len(head) {
			continue
		}
		num, n := readNumeral(head, j)
		if j+n != len(head) || num.Approx != ApproxExact || num.Range || num.Decimal {
			continue
		}
		before := string(head[:j])
		for _, cue := range c.yearCues {
			if strings.HasSuffix(before, cue.prefix) {
				return cue.base + int(num.Value)
			}
		}
	}
}

// timeValue renders f as a Mention's value, kind, grain and year source;
// note receives the name of each rule that adjusts the value.
func timeValue(f tfields, ref RefDate, note func(string)) (value any, kind, grain, yearFrom string) {
	if f.dur != "" && f.ref != "" && f.dur != "PXY" {
		note(ruleTimeRelPeriod)
		return relativePeriod(f, ref), "relative", "", ""
	}
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
	if f.relYear || f.relMonth || f.relWeek || f.relDay || f.relCentury || f.ref != "" {
		kind = "relative"
	}
	r := timeResolver{f: f, ref: ref, note: note}
	r.resolveYear()
	value, grain, yearFrom = r.value()
	if grain == "" {
		kind = "relative" // a vague reference
	}
	return value, kind, grain, yearFrom
}

// relativePeriod is the span a duration covers before or after the
// reference date (过去十年, 未来两天), or the duration itself when the
// reference date is not known to the day or the duration is not one
// whole number of years, months, weeks or days.
func relativePeriod(f tfields, ref RefDate) any {
	if ref.Year == 0 || ref.Month == 0 || ref.Day == 0 || len(f.dur) < 3 {
		return f.dur
	}
	n, err := strconv.Atoi(f.dur[1 : len(f.dur)-1])
	if err != nil {
		return f.dur
	}
	var y, m, dd int
	switch f.dur[len(f.dur)-1] {
	case 'Y':
		y = n
	case 'M':
		m = n
	case 'W':
		dd = 7 * n
	case 'D':
		dd = n
	default:
		return f.dur
	}
	t := time.Date(ref.Year, time.Month(ref.Month), ref.Day, 0, 0, 0, 0, time.UTC)
	if f.ref == "FUTURE_REF" {
		s := t.AddDate(0, 0, 1)
		return Span{Start: s.Format("2006-01-02"), End: s.AddDate(y, m, dd).Format("2006-01-02")}
	}
	return Span{Start: t.AddDate(-y, -m, -dd).Format("2006-01-02"), End: t.Format("2006-01-02")}
}

// timeResolver resolves the value of one time expression.
type timeResolver struct {
	f        tfields
	ref      RefDate
	note     func(string)
	year     int
	yearFrom string
	ystr     string // the year as written in values: 2021, or XXXX
}

// resolveYear sets the year of the expression and where it came from.
func (r *timeResolver) resolveYear() {
	f, ref := &r.f, r.ref
	switch {
	case f.zodiac != 0 && !f.hasYear:
		if ref.Year != 0 {
			// The year of that animal nearest the reference year.
			r.year = ref.Year - 6
			for (r.year-4)%12 != f.zodiac-1 {
				r.year++
			}
			r.yearFrom = ref.From
			r.note(ruleYearFromZodiac)
		}
	case f.hasYear:
		r.year, r.yearFrom = f.year, "text"
		r.note(ruleYearFromText)
	case f.ctxYear != 0 && !f.relYear:
		r.year, r.yearFrom = f.ctxYear, "context"
		if f.ctxSection {
			r.note(ruleYearFromSection)
		} else {
			r.note(ruleYearFromContext)
		}
	case ref.Year != 0:
		r.year, r.yearFrom = ref.Year, ref.From
		r.note(ruleYearFromRef)
		if f.relYear {
			r.year += f.yearOff
		} else if m, dd := f.monthDay(); m != 0 && ref.dated() && (m > ref.Month || m == ref.Month && dd != 0 && dd > ref.Day) {
			r.year-- // reports speak of the past
			r.note(ruleYearPastDateline)
		}
	}
	r.ystr = "XXXX"
	if r.year > 0 {
		r.ystr = fmt.Sprintf("%04d", r.year)
	}
}

// clock appends the time of day to the date s.
func (r *timeResolver) clock(s string) (string, string) {
	f := &r.f
	hour := f.hour
	if f.hasHour && hour < 12 && (f.tod == "AF" || f.tod == "EV" || f.tod == "NI" && hour >= 6) {
		hour += 12 // 下午3时, 晚上8点
		r.note(ruleHourAfternoon)
	}
	switch {
	case f.hasHour && f.hasMinute:
		return fmt.Sprintf("%sT%02d:%02d", s, hour, f.minute), "minute"
	case f.hasHour:
		return fmt.Sprintf("%sT%02d:00", s, hour), "hour"
	case f.tod != "":
		return s + "T" + f.tod, "day"
	}
	return s, "day"
}

// value renders the expression at its finest grain.
func (r *timeResolver) value() (any, string, string) {
	f, ref := &r.f, r.ref
	full := ref.Year != 0 && ref.Month != 0 && ref.Day != 0
	switch {
	case f.decade != 0:
		return r.decadeValue()
	case f.monthWeek != 0 && f.hasMonth && r.year > 0:
		t := time.Date(r.year, time.Month(f.month), 1, 0, 0, 0, 0, time.UTC)
		t = t.AddDate(0, 0, (8-int(t.Weekday()))%7+7*(f.monthWeek-1))
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w), "week", yfrom(r.year, r.yearFrom)
	case f.isoWeek != 0 && r.year > 0:
		return fmt.Sprintf("%04d-W%02d", r.year, f.isoWeek), "week", yfrom(r.year, r.yearFrom)
	case f.nth != "" && r.year > 0:
		return nthWeekday(r.year, f.nth), "day", yfrom(r.year, r.yearFrom)
	case f.relCentury:
		if ref.Year == 0 {
			return "XX", "century", ""
		}
		return fmt.Sprintf("%02d", ref.Year/100+f.centuryOff), "century", ref.From
	case f.hasDay || f.lunar != "":
		if v, ok := r.lunarValue(); ok {
			c, g := r.clock(v)
			return c, g, r.yearFrom
		}
		if f.hasDay && (f.lunarCal || lunarMonthOf(*f) != 0) {
			r.note(ruleTimeValidDate)
			return nil, "day", "" // no such lunar day, or no year to place it
		}
		if f.hasDay {
			return r.dayValue()
		}
		return r.nonDayValue(full)
	}
	return r.nonDayValue(full)
}

// nonDayValue renders an expression that states no day.
func (r *timeResolver) nonDayValue(full bool) (any, string, string) {
	f, ref := &r.f, r.ref
	switch {
	case f.relDay:
		if !full {
			return "XXXX-XX-XX", "day", ""
		}
		t := r.refTime().AddDate(0, 0, f.dayOff)
		v, g := r.clock(t.Format("2006-01-02"))
		return v, g, ref.From
	case f.hasMonth:
		return fmt.Sprintf("%s-%02d", r.ystr, f.month), "month", yfrom(r.year, r.yearFrom)
	case f.relMonth:
		if ref.Month == 0 {
			return "XXXX-XX", "month", ""
		}
		t := time.Date(ref.Year, time.Month(ref.Month)+time.Month(f.monthOff), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01"), "month", ref.From
	case f.relWeek || f.weekend || f.weekday != 0:
		return r.weekValue(full)
	case f.quarter != 0:
		return fmt.Sprintf("%s-Q%d", r.ystr, f.quarter), "quarter", yfrom(r.year, r.yearFrom)
	case f.half != 0:
		return fmt.Sprintf("%s-H%d", r.ystr, f.half), "half", yfrom(r.year, r.yearFrom)
	case f.season != "":
		return r.ystr + "-" + f.season, "season", yfrom(r.year, r.yearFrom)
	case f.fest != "":
		return r.ystr + "-" + f.fest, "day", yfrom(r.year, r.yearFrom)
	case f.lunar != "":
		return r.ystr, "festival", yfrom(r.year, r.yearFrom)
	case f.hasYear || f.relYear || f.part != "" || f.zodiac != 0:
		return r.ystr, "year", yfrom(r.year, r.yearFrom)
	case f.hasHour || f.tod != "":
		v, g := r.clock("")
		return v, g, ""
	}
	return f.ref, "", ""
}

func (r *timeResolver) refTime() time.Time {
	return time.Date(r.ref.Year, time.Month(max(r.ref.Month, 1)), max(r.ref.Day, 1), 0, 0, 0, 0, time.UTC)
}

// nthWeekday returns the day of the Nth weekday W of month M in year y,
// for a spec M-N-W (05-2-7: the second Sunday of May).
func nthWeekday(y int, spec string) string {
	var m, n, w int
	if _, err := fmt.Sscanf(spec, "%d-%d-%d", &m, &n, &w); err != nil || m < 1 || m > 12 || n < 1 || n > 5 || w < 1 || w > 7 {
		return ""
	}
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	wd := (int(t.Weekday())+6)%7 + 1 // Monday 1 … Sunday 7
	t = t.AddDate(0, 0, (w-wd+7)%7+7*(n-1))
	return t.Format("2006-01-02")
}

// decadeValue renders a decade as its first three digits and X (199X).
func (r *timeResolver) decadeValue() (any, string, string) {
	f, ref := &r.f, r.ref
	y, from := f.decade, "text"
	switch {
	case y >= 1000:
	case f.century != 0:
		y += (f.century - 1) * 100
	case f.relCentury && ref.Year != 0:
		y += (ref.Year/100 + f.centuryOff) * 100
		from = ref.From
	default:
		y += 1900 // a decade alone is of the twentieth century
		from = ""
	}
	return fmt.Sprintf("%03dX", y/10), "decade", from
}

// dayValue renders a stated day, with the month and year it has or takes.
func (r *timeResolver) dayValue() (any, string, string) {
	f, ref := &r.f, r.ref
	ms, m := "XX", 0
	switch {
	case f.hasMonth:
		m = f.month
	case f.relMonth && ref.Month != 0:
		// 本月十日, 上月5日
		t := time.Date(ref.Year, time.Month(ref.Month+f.monthOff), 1, 0, 0, 0, 0, time.UTC)
		m = int(t.Month())
		if !f.relYear && !f.hasYear {
			r.year = t.Year()
		}
	case ref.Month != 0 && !f.hasYear && f.ctxYear == 0:
		m = ref.Month
		if ref.dated() && f.day > ref.Day {
			m--
			r.note(ruleMonthPast)
			if m == 0 {
				m, r.year = 12, r.year-1
			}
		}
	}
	if m != 0 && r.year > 0 && !validDate(r.year, m, f.day) {
		if f.hasYear {
			r.note(ruleTimeValidDate)
			return nil, "day", r.yearFrom // no such day: no Gregorian value
		}
		// The latest possible reading before: 2月29日 in the last leap
		// year, 29日 in the last month that has one.
		for k := 0; k < 8 && !validDate(r.year, m, f.day); k++ {
			if f.hasMonth {
				r.year--
			} else if m--; m == 0 {
				m, r.year = 12, r.year-1
			}
		}
		r.note(ruleTimeValidDate)
		if !validDate(r.year, m, f.day) {
			return nil, "day", "" // 2月30日
		}
	}
	if m != 0 {
		ms = fmt.Sprintf("%02d", m)
	}
	if r.year > 0 {
		r.ystr = fmt.Sprintf("%04d", r.year)
	}
	yearFrom := r.yearFrom
	if r.year == 0 {
		yearFrom = ""
	}
	v, g := r.clock(fmt.Sprintf("%s-%s-%02d", r.ystr, ms, f.day))
	return v, g, yearFrom
}

// validDate reports whether y-m-d is a day of the Gregorian calendar.
func validDate(y, m, d int) bool {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Year() == y && int(t.Month()) == m && t.Day() == d
}

// weekValue renders a relative week, a weekday or a weekend.
func (r *timeResolver) weekValue(full bool) (any, string, string) {
	f, ref := &r.f, r.ref
	if !full {
		if f.weekday != 0 {
			return fmt.Sprintf("XXXX-WXX-%d", f.weekday), "day", ""
		}
		return "XXXX-WXX", "week", ""
	}
	t := r.refTime().AddDate(0, 0, 7*f.weekOff)
	y, w := t.ISOWeek()
	v := fmt.Sprintf("%04d-W%02d", y, w)
	if f.weekday != 0 {
		return fmt.Sprintf("%s-%d", v, f.weekday), "day", ref.From
	}
	if f.weekend {
		return v + "-WE", "week", ref.From
	}
	return v, "week", ref.From
}

func yfrom(year int, from string) string {
	if year == 0 {
		return ""
	}
	return from
}

// timeMentions turns scanned spans into Mentions resolved against d.Ref,
// which it adds to d.
func timeMentions(d *Document, spans []timeSpan) {
	sections := newSectionWalk(d, spans)
	lastYear, lastEnd := 0, 0
	lastDay, lastDayEnd := "", 0 // the last full date of the paragraph
	for i := range spans {
		s := spans[i] // a copy: its fields are resolved here
		// A year stated earlier in the paragraph dates the months and days
		// that follow (2017年工作回顾……3月, 完成……).
		for k := lastEnd; k < s.start && lastYear != 0; k++ {
			if d.runes[k] == '\n' {
				lastYear = 0
			}
		}
		lastEnd = s.end
		focus := ""
		if s.f.focusYear && s.f.relYear && s.f.yearOff == 0 {
			// 全年: the year in focus, which a year stated before names.
			y, rule := lastYear, ruleYearFromContext
			if y == 0 {
				y, rule = sections.at(s.start), ruleYearFromSection
			}
			if y != 0 {
				s.f.relYear, s.f.year, s.f.hasYear, focus = false, y, true, rule
			}
		}
		if !s.f.hasYear && !s.f.relYear {
			s.f.ctxYear = lastYear
			if lastYear == 0 {
				s.f.ctxYear = sections.at(s.start)
				s.f.ctxSection = s.f.ctxYear != 0
			}
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
		note := noTimeNote // a closure only when tracing: it escapes
		if d.trace != nil {
			start, end := s.start, s.end
			note = func(name string) { d.traceTime(name, Adjust, start, end) }
		}
		m.Value, m.Kind, m.Grain, m.YearFrom = timeValue(s.f, d.Ref, note)
		if focus != "" {
			m.YearFrom = "context"
			note(focus)
		}
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
			sv, _ := m.Value.(string)
			if !to.hasYear && !to.relYear && len(sv) >= 4 {
				// The end takes the year the start resolved to (5月-10月).
				if y, err := strconv.Atoi(sv[:4]); err == nil {
					to.year, to.hasYear = y, true
				}
			}
			note(ruleSpanInherits)
			ev, _, _, _ := timeValue(to, d.Ref, note)
			es, _ := ev.(string)
			if !s.to.hasYear && !s.to.relYear && to.hasYear && len(es) == len(sv) && es < sv && len(es) >= 7 && es[:4] == sv[:4] && sv[5] != 'W' {
				// 8月至2月: the end is in the year after
				to.year++
				note(ruleSpanNextYear)
				ev, _, _, _ = timeValue(to, d.Ref, note)
				es, _ = ev.(string)
			}
			m.Value = Span{Start: sv, End: es}
			m.Kind = "span"
			if m.Value == nil || ev == nil || sv == "" {
				m.Value = nil // an end that does not exist: no value
			}
		}
		if v, ok := m.Value.(string); ok {
			switch {
			case len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[0] != 'X':
				lastDay, lastDayEnd = v[:10], s.end
			case strings.HasPrefix(v, "T") && lastDay != "" && !strings.ContainsRune(string(d.runes[lastDayEnd:s.start]), '\n'):
				m.Value = lastDay + v // 3月26日……上午9时 → 2021-03-26T09:00
				m.YearFrom = "context"
				d.traceTime(ruleTimeClockDay, Adjust, s.start, s.end)
			}
		}
		if s.to == nil {
			openRange(d, &m)
			durationAgo(d, &m)
		}
		d.add(m)
	}
}

// openRange makes the value of m an open span when a word after it (以前,
// 之后, 以来, 起) or before it (截至, 自) bounds a period by it: 2018年以前
// → up to 2018, 自2016年以来 → from 2016. The words stay outside the
// mention.
func openRange(d *Document, m *Mention) {
	v, ok := m.Value.(string)
	if !ok || v == "" || m.Grain == "" || m.Grain == "hour" || m.Grain == "minute" || m.Kind == "duration" {
		return
	}
	text, c := d.runes, timeCtx()
	after := m.End
	if after < len(text) && c.in(openRangeOrChars, text[after]) {
		after++
	}
	var span Span
	switch {
	case followedBy(text, after, c.words["open_before_words"]):
		span = Span{End: v}
	case followedBy(text, after, c.words["open_after_words"]):
		span = Span{Start: v}
	case after < len(text) && c.in(openSingleChars, text[after]) &&
		!(after+1 < len(text) && (c.in(openSingleNotNextChars, text[after+1]) || numeralRune(text[after+1]))):
		if text[after] == '前' {
			span = Span{End: v}
		} else {
			span = Span{Start: v}
		}
	case precededBy(text, m.Start, c.words["open_until_words"]):
		span = Span{End: v}
	case precededBy(text, m.Start, c.words["open_since_words"]):
		span = Span{Start: v}
	default:
		return
	}
	m.Value, m.Kind = span, "span"
	d.traceTime(ruleTimeOpenRange, Adjust, m.Start, m.End)
}

// durationAgo makes a duration before 前 the day that long before the
// reference date (5年前, 三天前); 前 stays outside.
func durationAgo(d *Document, m *Mention) {
	v, ok := m.Value.(string)
	ref := d.Ref
	if !ok || m.Kind != "duration" || m.End >= len(d.runes) || d.runes[m.End] != '前' || ref.Month == 0 || ref.Day == 0 {
		return
	}
	if m.End+1 < len(d.runes) && (timeCtx().in(openSingleNotNextChars, d.runes[m.End+1]) || numeralRune(d.runes[m.End+1])) {
		return
	}
	p := relativePeriod(tfields{dur: v, ref: "PAST_REF"}, ref)
	if sp, ok := p.(Span); ok {
		m.Value, m.Kind, m.Grain, m.YearFrom = sp.Start, "relative", "day", ref.From
		d.traceTime(ruleTimeAgo, Adjust, m.Start, m.End)
	}
}

// precededBy reports whether one of words ends at text[i].
func precededBy(text []rune, i int, words []string) bool {
	for _, w := range words {
		r := []rune(w)
		if i >= len(r) && string(text[i-len(r):i]) == w {
			return true
		}
	}
	return false
}

// noTimeNote is the note of timeMentions when d does not trace.
func noTimeNote(string) {}
