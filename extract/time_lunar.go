package extract

import (
	"time"

	"github.com/6tail/lunar-go/calendar"
)

// Lunar dates and the festivals of the lunar calendar are computed to
// Gregorian dates with lunar-go (春节 2021 → 2021-02-12, 中秋 2020 →
// 2020-10-01, 正月十五 → the fifteenth day of the first lunar month), and
// 清明 is the day of its solar term.

var (
	ruleTimeLunarFestival = registerRule("time", "time.lunar_festival", "a festival of the lunar calendar is its Gregorian day in the year it falls in (春节, 中秋节, 端午, 除夕, 清明)", Adjust)
	ruleTimeLunarDate     = registerRule("time", "time.lunar_date", "a lunar date (正月初一, 腊月二十三, 农历八月十五) is its Gregorian day", Adjust)
	ruleTimeLunarDay      = registerRule("time", "time.lunar_day", "a day written 初一 to 初十, 廿一 or 三十 after a month, or any day after a lunar month (正月, 腊月) or 农历, is a lunar day (三月初一, 正月三十)", Accept)
)

// lunarFestivalDays gives the lunar month and day of the lunar festivals
// (0 days: the last day of the year before the month, 除夕).
var lunarFestivalDays = map[string][2]int{
	"spring_festival": {1, 1}, "lantern_festival": {1, 15}, "dragon_boat": {5, 5},
	"qixi": {7, 7}, "mid_autumn": {8, 15}, "double_ninth": {9, 9}, "new_years_eve": {1, 0},
}

// lunarToSolar converts a lunar date (a leap month not meant) to the
// Gregorian calendar; ok is false when there is no such day.
func lunarToSolar(y, m, d int) (t time.Time, ok bool) {
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 30 {
		return time.Time{}, false
	}
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	month := calendar.NewLunarYear(y).GetMonth(m)
	if month == nil || d > month.GetDayCount() {
		return time.Time{}, false
	}
	s := calendar.NewLunarFromYmd(y, m, d).GetSolar()
	return time.Date(s.GetYear(), time.Month(s.GetMonth()), s.GetDay(), 0, 0, 0, 0, time.UTC), true
}

// lunarFestivalDay returns the Gregorian day of a lunar festival in the
// year y (the year whose spring festival it precedes, for 除夕).
func lunarFestivalDay(name string, y int) (time.Time, bool) {
	if name == "qingming" {
		return qingmingDay(y)
	}
	md, ok := lunarFestivalDays[name]
	if !ok {
		return time.Time{}, false
	}
	if md[1] == 0 {
		t, ok := lunarToSolar(y, md[0], 1)
		return t.AddDate(0, 0, -1), ok
	}
	return lunarToSolar(y, md[0], md[1])
}

// qingmingDay returns the day of the solar term 清明 in the year y.
func qingmingDay(y int) (t time.Time, ok bool) {
	if y < 1 || y > 9999 {
		return time.Time{}, false
	}
	defer func() {
		if recover() != nil {
			t, ok = time.Time{}, false
		}
	}()
	s := calendar.NewLunarFromYmd(y, 1, 1).GetJieQiTable()["清明"]
	if s == nil || s.GetYear() != y {
		return time.Time{}, false
	}
	return time.Date(s.GetYear(), time.Month(s.GetMonth()), s.GetDay(), 0, 0, 0, 0, time.UTC), true
}

// monthBefore reports whether the piece prev states a month (三月, 正月,
// 腊月) and whether that month is lunar.
func monthBefore(prev *timePiece) (month, lunar bool) {
	if prev == nil {
		return false, false
	}
	if lunarMonthOf(prev.f) != 0 {
		return true, true
	}
	return prev.f.hasMonth, prev.f.lunarCal
}

// lunarDayPiece reads 初一 to 初十 after a month.
func lunarDayPiece(d *Document, text []rune, i int, prev *timePiece) (timePiece, bool) {
	if ok, _ := monthBefore(prev); !ok || prev.end != i || i+1 >= len(text) {
		return timePiece{}, false
	}
	num, n := readNumeral(text, i+1)
	if n == 0 || num.Digits || num.Approx != ApproxExact || num.Decimal || num.Value < 1 || num.Value > 10 || float64(int(num.Value)) != num.Value {
		return timePiece{}, false
	}
	d.traceTime(ruleTimeLunarDay, Accept, i, i+1+n)
	return timePiece{i, i + 1 + n, tfields{day: int(num.Value), hasDay: true, lunarCal: true}}, true
}

// bareDayPiece reads a Chinese numeral day without 日 right after a month
// (八月十五, 正月三十, 腊月二十三): lunar after a lunar month, 农历 or
// with 廿, Gregorian otherwise.
func bareDayPiece(d *Document, text []rune, i int, num numeral, n int, prev *timePiece) (timePiece, bool) {
	month, lunar := monthBefore(prev)
	if !month || prev.end != i || num.Digits || num.Approx != ApproxExact || num.Decimal || num.Range || num.Percent || num.Ordinal {
		return timePiece{}, false
	}
	v := int(num.Value)
	if float64(v) != num.Value || v < 1 || v > 31 {
		return timePiece{}, false
	}
	if i+n < len(text) && !timeCtx().in(bareDayNextChars, text[i+n]) {
		return timePiece{}, false
	}
	lunar = lunar || text[i] == '廿'
	if lunar {
		d.traceTime(ruleTimeLunarDay, Accept, i, i+n)
	} else {
		d.traceTime(ruleTimeBareDay, Accept, i, i+n)
	}
	return timePiece{i, i + n, tfields{day: v, hasDay: true, lunarCal: lunar}}, true
}

var ruleTimeBareDay = registerRule("time", "time.bare_day", "a Chinese numeral right after a month, at the end of a phrase, is its day (二〇〇四年八月十五, 一月二十三)", Accept)

// lunarMonthOf returns the month a lunar month word names (正月 1, 冬月 11,
// 腊月 12), or 0.
func lunarMonthOf(f tfields) int {
	switch f.lunar {
	case "first_month":
		return 1
	case "eleventh_month":
		return 11
	case "twelfth_month":
		return 12
	}
	return 0
}

// lunarValue resolves a lunar date or a lunar festival to its Gregorian
// day in the resolved year; ok is false when f is neither or has no day.
func (r *timeResolver) lunarValue() (string, bool) {
	f := &r.f
	if r.year <= 0 {
		return "", false
	}
	if f.hasDay && (f.lunarCal || lunarMonthOf(*f) != 0) {
		m, y := f.month, r.year
		if lm := lunarMonthOf(*f); lm != 0 {
			m = lm
			if lm == 12 && !f.hasYear {
				y-- // 腊月 of the lunar year before the reference year's spring
			}
		}
		if !f.hasMonth && lunarMonthOf(*f) == 0 {
			return "", false
		}
		t, ok := lunarToSolar(y, m, f.day)
		if !ok && !f.hasYear {
			t, ok = lunarToSolar(y+1, m, f.day) // 正月三十: the next year that has it
		}
		if !ok {
			return "", false
		}
		r.note(ruleTimeLunarDate)
		return t.Format("2006-01-02"), true
	}
	if f.lunar != "" && !f.hasDay && !f.hasMonth {
		t, ok := lunarFestivalDay(f.lunar, r.year)
		if !ok {
			return "", false
		}
		r.note(ruleTimeLunarFestival)
		return t.Format("2006-01-02"), true
	}
	return "", false
}
