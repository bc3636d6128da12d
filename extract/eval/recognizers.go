package eval

// The Chinese specs of Microsoft Recognizers-Text (MIT), flattened into one
// cases.json, are a conformance suite written outside this project: dates,
// periods, durations and holidays, numbers, percentages, currencies,
// dimensions, ages and temperatures. This file reads them and scores
// tongbao as a user reads them:
//
//   - a result is found when a mention of its category overlaps it (each
//     mention taken once); it is right when, in addition, the mention's
//     value equals one of the result's values after the mapping below;
//   - a mention that overlaps no result of its case is a false positive,
//     in the cases of models (extractor and parser specs annotate only the
//     kind of their extractor or parser: 明天 in 明天情人节 is no error);
//     datetime cases judge time mentions, the number, percent, currency,
//     dimension, age and temperature cases the counts of the kinds they
//     annotate (recJudgedKinds: a case annotates only its own suite, so a
//     correct count in a date case, or a sum of money in a dimension case,
//     is not held against the extractor).
//
// Cases marked duplicate_of repeat another case and are skipped, as are
// cases every port of Recognizers-Text skips (skip).
//
// Scope. Category "date": datetime results of type date, daterange and
// duration. Clock times (time, timerange, datetime, datetimerange) are
// left aside, and so are sets (每天, 每周一): frequencies are no times in
// the project's guideline. Their mentions are not false positives, their
// results are not scored. Category "unit": numbers with units, results of the
// percent, currency, dimension, age and temperature suites. Bare numbers
// and number ranges (number, numberrange) are out of scope: they protect
// mentions from being false positives only.
//
// Value mapping (the result's spans are [start, end) code points; the
// source's End is inclusive):
//
//   - extractor specs give no value: a found result is right;
//   - equal strings: tongbao's value equals the result's timex (P3.5Y,
//     XXXX-WXX-1, 2017-SU), when the result is no open range (a Mod);
//   - dates and periods as day intervals [start, end): a tongbao point is
//     the interval its grain covers (2009 → 2009-01-01..2010-01-01, a week,
//     a quarter, a weekend Saturday..Monday), a tongbao span A/B runs from
//     the start of A to the start or the end of B (Recognizers writes the
//     start: 1995-1997年 → 1995-01-01..1997-01-01); a result of type date
//     is its day; a daterange its start and end;
//   - open ranges (Mod before, until, after, since): only the bound given
//     is compared, and either end of tongbao's bounding time may match it
//     (Recognizers tells 之后 from 起 by a day, tongbao does not);
//   - an impossible date (2月30日, 2019年2月29日) is right when neither
//     side resolves it: tongbao gives no value, Recognizers "not resolved";
//   - a date without a year has two values (the past and the future
//     reading): either is right;
//   - lunar dates and lunar holidays: Recognizers writes the lunar month
//     and day (春节 → XXXX-01-01, 中秋 → XXXX-08-15, 三月初一 → XXXX-03-01);
//     tongbao's Gregorian day is also compared converted to the lunar
//     calendar, and 除夕 (written 12-31) matches the last day of the lunar
//     year;
//   - numbers with units: the numbers are equal (a percentage's "%"
//     dropped); a percentage needs a mention of kind percent, a currency
//     one of kind money whose unit names the same ISO code when tongbao's
//     unit has one; an age may also be a time of kind duration with the
//     same number and unit (P10M for 十个月大).

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/6tail/lunar-go/calendar"

	"github.com/tongbao/tongbao/extract"
)

// FormatRecognizers names the Recognizers-Text cases (cases.json).
const FormatRecognizers = "recognizers"

// Recognizers categories.
const (
	RecDate = "date"
	RecUnit = "unit"
)

// RecognizersCategories lists the scored categories in report order.
var RecognizersCategories = []string{RecDate, RecUnit}

// RecCase is one case of the Recognizers-Text specs.
type RecCase struct {
	ID          string      `json:"id"`
	File        string      `json:"file"`
	Suite       string      `json:"suite"`
	Kind        string      `json:"kind"` // model, parser or extractor
	Input       string      `json:"input"`
	Ref         string      `json:"ref"`
	Results     []RecResult `json:"results"`
	DuplicateOf string      `json:"duplicate_of"`
	Skip        string      `json:"skip"`
}

// RecResult is one expected result of a case.
type RecResult struct {
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
	Type   string     `json:"type"`
	Values []RecValue `json:"values"`
	Value  *string    `json:"value"`
	Unit   *string    `json:"unit"`
	ISO    string     `json:"iso"`
}

// RecValue is one resolution of a datetime result.
type RecValue struct {
	Timex   string `json:"timex"`
	Type    string `json:"type"`
	Value   string `json:"value"`
	Start   string `json:"start"`
	End     string `json:"end"`
	Mod     string `json:"Mod"`
	IsLunar string `json:"isLunar"`
}

// ReadRecognizers reads the flattened cases file ({"cases": [...]}) and
// checks every result's span against its input.
func ReadRecognizers(r io.Reader, name string) ([]RecCase, error) {
	var f struct {
		Cases []RecCase `json:"cases"`
	}
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	if len(f.Cases) == 0 {
		return nil, fmt.Errorf("%s: no cases (want {\"cases\": [...]})", name)
	}
	for i, c := range f.Cases {
		rs := []rune(c.Input)
		if c.Ref != "" {
			if _, err := time.Parse("2006-01-02", c.Ref); err != nil {
				return nil, fmt.Errorf("%s: case %s: bad ref %q", name, c.ID, c.Ref)
			}
		}
		for _, res := range c.Results {
			if res.Start < 0 || res.End > len(rs) || res.Start >= res.End {
				return nil, fmt.Errorf("%s: case %s: span [%d, %d) outside its input (%d code points)", name, c.ID, res.Start, res.End, len(rs))
			}
		}
		if c.ID == "" {
			f.Cases[i].ID = fmt.Sprintf("%s#%d", name, i)
		}
	}
	return f.Cases, nil
}

// ReadRecognizersFile reads the cases of one file.
func ReadRecognizersFile(path string) ([]RecCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadRecognizers(f, path)
}

// recCategory returns the category of a result of suite ("" when out of
// scope).
func recCategory(suite, typ string) string {
	switch suite {
	case "datetime":
		switch typ {
		case "date", "daterange", "duration":
			return RecDate
		}
	case "percent", "currency", "dimension", "age", "temperature":
		return RecUnit
	}
	return ""
}

// recMentionType is the mention type a suite's cases judge.
func recMentionType(suite string) string {
	if suite == "datetime" {
		return extract.TypeTime
	}
	return extract.TypeCount
}

// recJudgedKinds are the kinds of count a suite annotates, and so judges:
// a currency in a dimension case is not held against the extractor.
var recJudgedKinds = map[string][]string{
	"number":      {"item", "event", "ordinal"},
	"numberrange": {"item", "event", "ordinal"},
	"percent":     {"percent", "ratio"},
	"currency":    {"money"},
	"dimension":   {"measure"},
	"age":         {"time"},
	"temperature": {"measure", "temperature"},
}

// recJudged reports whether a case of suite judges mention m.
func recJudged(suite string, m *extract.Mention) bool {
	if m.Type == extract.TypeTime {
		return suite == "datetime"
	}
	for _, k := range recJudgedKinds[suite] {
		if m.Kind == k {
			return true
		}
	}
	return false
}

// RecCounts are the tallies of one category.
type RecCounts struct {
	Results int `json:"results"`
	Found   int `json:"found"` // overlapped by a mention
	Right   int `json:"right"` // overlapped by a mention with the right value
	FP      int `json:"false_positives"`
}

// Share is the share of results right (0 when there are none).
func (c RecCounts) Share() float64 {
	if c.Results == 0 {
		return 0
	}
	return float64(c.Right) / float64(c.Results)
}

// RecError is one result not right, or one false positive.
type RecError struct {
	Case     string `json:"case"`
	Category string `json:"category"`
	Input    string `json:"input"`
	Ref      string `json:"ref,omitempty"`
	// What is "missed", "wrong value" or "false positive".
	What   string `json:"what"`
	Want   string `json:"want,omitempty"`
	Got    string `json:"got,omitempty"`
	GotVal string `json:"got_value,omitempty"`
}

// RecResultSet is the score of tongbao on the cases.
type RecResultSet struct {
	Cases      int                   `json:"cases"`
	Categories map[string]*RecCounts `json:"categories"`
	// FP counts false positives over all cases (time and count).
	FP     int        `json:"false_positives"`
	Errors []RecError `json:"errors,omitempty"`
}

// RecFind extracts the mentions of one case.
type RecFind func(c *RecCase) ([]extract.Mention, error)

// TongbaoRecognizers runs tongbao's time and count extractors on a case,
// with the case's reference date.
func TongbaoRecognizers(c *RecCase) ([]extract.Mention, error) {
	opts := []extract.Option{extract.WithTypes(extract.TypeTime, extract.TypeCount)}
	if c.Ref != "" {
		t, err := time.Parse("2006-01-02", c.Ref)
		if err != nil {
			return nil, err
		}
		opts = append(opts, extract.WithRefDate(t))
	}
	d, err := extract.NewDocument(c.Input, opts...)
	if err != nil {
		return nil, err
	}
	return d.Mentions, nil
}

// ScoreRecognizers runs find on every case in scope and scores it.
func ScoreRecognizers(ctx context.Context, cases []RecCase, find RecFind, workers int) (*RecResultSet, error) {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	var todo []*RecCase
	for i := range cases {
		if cases[i].DuplicateOf != "" || cases[i].Skip != "" {
			continue
		}
		todo = append(todo, &cases[i])
	}
	type out struct {
		counts map[string]*RecCounts
		fp     int
		errs   []RecError
		err    error
	}
	outs := make([]out, len(todo))
	err := parallelEach(ctx, len(todo), workers, func(i int) {
		ms, err := safeRecFind(find, todo[i])
		if err != nil {
			outs[i].err = fmt.Errorf("%s: %v", todo[i].ID, err)
			return
		}
		outs[i].counts, outs[i].fp, outs[i].errs = scoreRecCase(todo[i], ms)
	})
	if err != nil {
		return nil, err
	}
	res := &RecResultSet{Cases: len(todo), Categories: map[string]*RecCounts{}}
	for _, c := range RecognizersCategories {
		res.Categories[c] = &RecCounts{}
	}
	for _, o := range outs {
		if o.err != nil {
			return nil, o.err
		}
		for k, c := range o.counts {
			t := res.Categories[k]
			t.Results += c.Results
			t.Found += c.Found
			t.Right += c.Right
			t.FP += c.FP
		}
		res.FP += o.fp
		res.Errors = append(res.Errors, o.errs...)
	}
	return res, nil
}

func safeRecFind(find RecFind, c *RecCase) (ms []extract.Mention, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("internal error: %v", r)
		}
	}()
	return find(c)
}

// scoreRecCase scores the mentions of one case.
func scoreRecCase(c *RecCase, ms []extract.Mention) (map[string]*RecCounts, int, []RecError) {
	counts := map[string]*RecCounts{}
	var errs []RecError
	typ := recMentionType(c.Suite)
	var cand []extract.Mention
	for _, m := range ms {
		if m.Type == typ && recJudged(c.Suite, &m) || c.Suite == "age" && m.Kind == "duration" {
			cand = append(cand, m)
		}
	}
	used := make([]bool, len(cand))
	rerr := func(cat, what string, r *RecResult, m *extract.Mention) RecError {
		e := RecError{Case: c.ID, Category: cat, Input: c.Input, Ref: c.Ref, What: what}
		if r != nil {
			e.Want = r.Text + " " + r.describe()
		}
		if m != nil {
			e.Got = m.Text
			e.GotVal = describeValue(m)
		}
		return e
	}
	for ri := range c.Results {
		r := &c.Results[ri]
		cat := recCategory(c.Suite, r.Type)
		if cat == "" {
			continue
		}
		if counts[cat] == nil {
			counts[cat] = &RecCounts{}
		}
		counts[cat].Results++
		found, right := -1, -1
		for i := range cand {
			if used[i] || cand[i].End <= r.Start || cand[i].Start >= r.End {
				continue
			}
			if found < 0 {
				found = i
			}
			if c.Kind == "extractor" || recValueRight(c, r, &cand[i]) {
				right = i
				break
			}
		}
		switch {
		case right >= 0:
			used[right] = true
			counts[cat].Found++
			counts[cat].Right++
		case found >= 0:
			used[found] = true
			counts[cat].Found++
			errs = append(errs, rerr(cat, "wrong value", r, &cand[found]))
		default:
			errs = append(errs, rerr(cat, "missed", r, nil))
		}
	}
	fp := 0
	for i := range cand {
		if used[i] || c.Kind != "model" {
			continue
		}
		overlaps := false
		for _, r := range c.Results {
			if cand[i].Start < r.End && cand[i].End > r.Start {
				overlaps = true
				break
			}
		}
		if overlaps {
			continue
		}
		fp++
		cat := RecUnit
		if cand[i].Type == extract.TypeTime {
			cat = RecDate
		}
		if counts[cat] == nil {
			counts[cat] = &RecCounts{}
		}
		counts[cat].FP++
		errs = append(errs, rerr(cat, "false positive", nil, &cand[i]))
	}
	return counts, fp, errs
}

// describe renders a result's values for an error listing.
func (r *RecResult) describe() string {
	if len(r.Values) > 0 {
		var parts []string
		for _, v := range r.Values {
			s := v.Timex
			switch {
			case v.Value != "":
				s += "=" + v.Value
			case v.Start != "" || v.End != "":
				s += "=" + v.Start + ".." + v.End
			}
			if v.Mod != "" {
				s += " " + v.Mod
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, " | ")
	}
	s := ""
	if r.Value != nil {
		s = *r.Value
	}
	if r.Unit != nil {
		s += " " + *r.Unit
	}
	return s
}

// describeValue renders a mention's value for an error listing.
func describeValue(m *extract.Mention) string {
	s := ""
	switch v := m.Value.(type) {
	case extract.Span:
		s = v.Start + "/" + v.End
	case nil:
	default:
		s = fmt.Sprint(v)
	}
	if m.Unit != "" {
		s += " " + m.Unit
	}
	if m.Kind != "" {
		s += " (" + m.Kind + ")"
	}
	return s
}

// recValueRight reports whether m's value is one of r's values after the
// mapping.
func recValueRight(c *RecCase, r *RecResult, m *extract.Mention) bool {
	if c.Suite == "datetime" {
		return recDateRight(r, m)
	}
	return recUnitRight(c.Suite, r, m)
}

// recDateRight compares a time mention with a datetime result.
func recDateRight(r *RecResult, m *extract.Mention) bool {
	sv, isStr := m.Value.(string)
	span, isSpan := m.Value.(extract.Span)
	for _, v := range r.Values {
		if isStr && sv != "" && sv == v.Timex && v.Mod == "" {
			return true
		}
		if m.Value == nil && v.Value == "not resolved" && v.Start == "" && v.End == "" {
			return true // an impossible date: neither side resolves it
		}
		want, ok := recInterval(r.Type, v)
		if !ok {
			continue
		}
		var got []dayInterval
		switch {
		case isStr:
			if iv, ok := timeInterval(sv); ok {
				got = append(got, iv)
				got = append(got, lunarIntervals(iv)...)
			}
		case isSpan:
			got = spanIntervals(span)
		}
		for _, g := range got {
			if g.matches(want) {
				return true
			}
		}
	}
	return false
}

// dayInterval is a run of days [start, end); a zero side is open. altEnd
// is a second acceptable end (the end of a span's last part); startAlt
// and endAlt are second acceptable bounds of an open range (the other end
// of the time that bounds it).
type dayInterval struct {
	start, end       time.Time
	altEnd           time.Time
	startAlt, endAlt time.Time
}

func (g dayInterval) matches(w dayInterval) bool {
	eq := func(a, b time.Time) bool { return !a.IsZero() && a.Equal(b) }
	switch {
	case w.start.IsZero() && w.end.IsZero():
		return false
	case w.end.IsZero(): // after, since: the start bound
		return g.end.IsZero() && (eq(g.start, w.start) || eq(g.startAlt, w.start))
	case w.start.IsZero(): // before, until: the end bound
		return g.start.IsZero() && (eq(g.end, w.end) || eq(g.endAlt, w.end))
	}
	return eq(g.start, w.start) && (eq(g.end, w.end) || eq(g.altEnd, w.end))
}

const isoDay = "2006-01-02"

// recInterval maps one value of a result to days.
func recInterval(typ string, v RecValue) (dayInterval, bool) {
	day := func(s string) (time.Time, bool) {
		if len(s) < 10 {
			return time.Time{}, false
		}
		t, err := time.Parse(isoDay, s[:10])
		return t, err == nil
	}
	switch typ {
	case "date":
		d, ok := day(v.Value)
		if !ok {
			return dayInterval{}, false
		}
		return dayInterval{start: d, end: d.AddDate(0, 0, 1)}, true
	case "daterange":
		s, okS := day(v.Start)
		e, okE := day(v.End)
		if !okS && !okE {
			return dayInterval{}, false
		}
		return dayInterval{start: s, end: e}, true
	}
	return dayInterval{}, false
}

// timeInterval maps a tongbao point value to the days it covers: YYYY,
// YYYY-MM, YYYY-MM-DD (a clock time after T is ignored), YYYY-Qn, YYYY-Hn,
// YYYY-Www, YYYY-Www-d, YYYY-Www-WE, a decade YYYX, a century CC.
func timeInterval(v string) (dayInterval, bool) {
	if i := strings.IndexByte(v, 'T'); i > 0 {
		v = v[:i]
	}
	year := func(s string) (int, bool) {
		if len(s) != 4 {
			return 0, false
		}
		y, err := strconv.Atoi(s)
		return y, err == nil
	}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	parts := strings.Split(v, "-")
	if len(parts[0]) == 4 && strings.HasSuffix(parts[0], "X") && len(parts) == 1 {
		// a decade: 187X
		if d, err := strconv.Atoi(parts[0][:3]); err == nil {
			return dayInterval{start: date(d*10, 1, 1), end: date(d*10+10, 1, 1)}, true
		}
	}
	y, ok := year(parts[0])
	if !ok {
		return dayInterval{}, false
	}
	if len(parts) == 1 {
		return dayInterval{start: date(y, 1, 1), end: date(y+1, 1, 1)}, true
	}
	p := parts[1]
	switch {
	case len(p) == 2 && p[0] == 'Q':
		q := int(p[1] - '0')
		if q < 1 || q > 4 {
			return dayInterval{}, false
		}
		return dayInterval{start: date(y, 3*q-2, 1), end: date(y, 3*q+1, 1)}, true
	case len(p) == 2 && p[0] == 'H':
		h := int(p[1] - '0')
		if h < 1 || h > 2 {
			return dayInterval{}, false
		}
		return dayInterval{start: date(y, 6*h-5, 1), end: date(y, 6*h+1, 1)}, true
	case len(p) == 3 && p[0] == 'W':
		w, err := strconv.Atoi(p[1:])
		if err != nil {
			return dayInterval{}, false
		}
		// Monday of ISO week 1 is the Monday on or before 4 January.
		jan4 := date(y, 1, 4)
		mon := jan4.AddDate(0, 0, -((int(jan4.Weekday())+6)%7)).AddDate(0, 0, 7*(w-1))
		if len(parts) == 2 {
			return dayInterval{start: mon, end: mon.AddDate(0, 0, 7)}, true
		}
		if parts[2] == "WE" {
			return dayInterval{start: mon.AddDate(0, 0, 5), end: mon.AddDate(0, 0, 7)}, true
		}
		if d, err := strconv.Atoi(parts[2]); err == nil && d >= 1 && d <= 7 {
			s := mon.AddDate(0, 0, d-1)
			return dayInterval{start: s, end: s.AddDate(0, 0, 1)}, true
		}
		return dayInterval{}, false
	}
	m, err := strconv.Atoi(p)
	if err != nil || m < 1 || m > 12 {
		return dayInterval{}, false
	}
	if len(parts) == 2 {
		return dayInterval{start: date(y, m, 1), end: date(y, m+1, 1)}, true
	}
	d, err := strconv.Atoi(parts[2])
	if err != nil || d < 1 || d > 31 {
		return dayInterval{}, false
	}
	s := date(y, m, d)
	if s.Month() != time.Month(m) {
		return dayInterval{}, false // no such day
	}
	return dayInterval{start: s, end: s.AddDate(0, 0, 1)}, true
}

// spanIntervals maps a tongbao span A/B (either side may be empty for an
// open range) to days: from the start of A to the start of B, or to its
// end.
func spanIntervals(s extract.Span) []dayInterval {
	a, okA := timeInterval(s.Start)
	b, okB := timeInterval(s.End)
	switch {
	case okA && okB:
		return []dayInterval{{start: a.start, end: b.start, altEnd: b.end}}
	case okA && s.End == "":
		return []dayInterval{{start: a.start, startAlt: a.end}}
	case okB && s.Start == "":
		return []dayInterval{{end: b.start, endAlt: b.end}}
	}
	return nil
}

// lunarIntervals returns the day of iv (a single day) written as a lunar
// date in the Gregorian form Recognizers uses, and, on the last day of a
// lunar year, that day as the 31st of the twelfth month (除夕).
func lunarIntervals(iv dayInterval) []dayInterval {
	if !iv.end.Equal(iv.start.AddDate(0, 0, 1)) {
		return nil
	}
	l := calendar.NewLunarFromDate(iv.start)
	m := l.GetMonth()
	if m < 0 {
		m = -m // a leap month
	}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	var out []dayInterval
	if d := date(l.GetYear(), m, l.GetDay()); d.Month() == time.Month(m) {
		out = append(out, dayInterval{start: d, end: d.AddDate(0, 0, 1)})
	}
	next := calendar.NewLunarFromDate(iv.start.AddDate(0, 0, 1))
	if next.GetMonth() == 1 && next.GetDay() == 1 {
		d := date(l.GetYear(), 12, 31)
		out = append(out, dayInterval{start: d, end: d.AddDate(0, 0, 1)})
	}
	return out
}

// recCurrencyISO maps tongbao's currency units to ISO codes.
var recCurrencyISO = map[string]string{
	"元": "CNY", "人民币": "CNY", "块": "CNY", "块钱": "CNY", "角": "CNY", "分": "CNY", "￥": "CNY", "¥": "CNY",
	"美元": "USD", "美金": "USD", "$": "USD", "欧元": "EUR", "€": "EUR", "港元": "HKD", "港币": "HKD",
	"日元": "JPY", "英镑": "GBP", "£": "GBP", "卢布": "RUB", "韩元": "KRW", "澳元": "AUD", "加元": "CAD",
	"新台币": "TWD", "台币": "TWD", "瑞士法郎": "CHF", "法郎": "CHF", "新加坡元": "SGD",
}

// recAgeUnits maps Recognizers' age units to ISO 8601 duration letters.
var recAgeUnits = map[string]string{"Year": "Y", "Month": "M", "Week": "W", "Day": "D"}

// recUnitRight compares a count (or, for ages, a duration) with a number
// with unit.
func recUnitRight(suite string, r *RecResult, m *extract.Mention) bool {
	if r.Value == nil {
		return false
	}
	ws := strings.TrimSuffix(strings.TrimSpace(*r.Value), "%")
	want, err := strconv.ParseFloat(ws, 64)
	if err != nil {
		return false
	}
	if m.Type == extract.TypeTime {
		if suite != "age" || r.Unit == nil {
			return false
		}
		letter, ok := recAgeUnits[*r.Unit]
		sv, _ := m.Value.(string)
		return ok && sv == "P"+strconv.FormatFloat(want, 'f', -1, 64)+letter
	}
	got, ok := m.Value.(float64)
	if !ok {
		if n, isInt := m.Value.(int); isInt {
			got, ok = float64(n), true
		}
	}
	if !ok || math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
		return false
	}
	switch suite {
	case "percent":
		return m.Kind == "percent"
	case "currency":
		if m.Kind != "money" {
			return false
		}
		if iso, known := recCurrencyISO[m.Unit]; known && r.ISO != "" && iso != r.ISO {
			return false
		}
	}
	return true
}

// SortRecErrors orders errors by category, kind of error, then case.
func SortRecErrors(errs []RecError) {
	sort.SliceStable(errs, func(i, j int) bool {
		if errs[i].Category != errs[j].Category {
			return errs[i].Category < errs[j].Category
		}
		return errs[i].What < errs[j].What
	})
}
