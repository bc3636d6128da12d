package extract

import "math"

// The year of a section. A heading that names one year (一、2018年工作回顾,
// 二、2019年工作安排) dates the times of its section that state no year of
// their own (months, quarters, halves, seasons, parts of the year,
// festivals, 全年) where no year stated earlier in the paragraph does. A
// section runs to the next heading of its level or a higher one; a heading
// naming no year leaves the year of the heading above it in force.
//
// Long documents extracted in windows (window.go) carry the headings in
// force at the end of a window to the next one (withSectionYears), so that a
// window boundary changes no value.

var ruleYearFromSection = registerRule("time", "time.year_from_section",
	"a heading naming one year dates the times without a year of their own in its section (一、2018年工作回顾 …… 一季度 → 2018-Q1, 全年 → 2018)", Adjust)

// sectionYear is a heading in force: its level and the year it names (0
// when none).
type sectionYear struct{ level, year int }

// sectionWalk walks the section headings of a document in text order.
type sectionWalk struct {
	secs  []Section
	years []int // the year each heading names, 0 when none or several
	next  int   // the next heading to enter
	stack []sectionYear
}

// newSectionWalk prepares the walk over d's headings, their years read
// from the time spans inside them, starting from the headings in force
// before d's text (carried from an earlier window).
func newSectionWalk(d *Document, spans []timeSpan) *sectionWalk {
	w := &sectionWalk{secs: d.Sections, years: make([]int, len(d.Sections))}
	w.stack = append(w.stack, d.sectionYears...)
	k := 0
	for i, s := range w.secs {
		for k < len(spans) && spans[k].start < s.Start {
			k++
		}
		y := 0
		for j := k; j < len(spans) && spans[j].start < s.End; j++ {
			sp := spans[j]
			if sp.to != nil || !sp.f.hasYear || y != 0 && y != sp.f.year {
				y = -1 // a range, a relative year or two years: no one year
				break
			}
			y = sp.f.year
		}
		if y > 0 {
			w.years[i] = y
		}
	}
	return w
}

// at returns the year of the section that position p stands in, 0 when
// no heading in force names one. Positions must not decrease.
func (w *sectionWalk) at(p int) int {
	for w.next < len(w.secs) && w.secs[w.next].Start <= p {
		s := w.secs[w.next]
		n := 0
		for n < len(w.stack) && w.stack[n].level < s.Level {
			n++
		}
		w.stack = append(w.stack[:n], sectionYear{s.Level, w.years[w.next]})
		w.next++
	}
	for i := len(w.stack) - 1; i >= 0; i-- {
		if w.stack[i].year != 0 {
			return w.stack[i].year
		}
	}
	return 0
}

// sectionYearsAtEnd returns the headings in force at the end of d's text.
func sectionYearsAtEnd(d *Document) []sectionYear {
	w := newSectionWalk(d, d.timeSpans())
	w.at(math.MaxInt)
	return w.stack
}

// withSectionYears starts a text under the headings in force at the end of
// the text before it (window.go).
func withSectionYears(s []sectionYear) Option {
	return func(c *config) { c.sectionYears = append([]sectionYear(nil), s...) }
}
