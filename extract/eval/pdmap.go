package eval

import "strings"

// PD1998 writes ordinals (第三次, 首批) and durations (三年, 半个月) as a
// numeral run followed by a measure-word run, like counts. The project's
// guideline (mentions.md, "Scoring other corpora by these definitions")
// reads them otherwise, and the PD1998 reader maps its gold to it:
//
//   - a numeral run + measure-word run that opens with 第 or 首 is an
//     ordinal: neither count nor time (第三/m 次/q, 首/m 批/q);
//   - one whose measure words are a time unit (pdTimeUnits) is a time, a
//     duration (三/m 年/q, ３/m 个/q 月/q); PD tags the noun of 个月,
//     个小时, 个星期, 个世纪 as n (半/m 个/q 月/n), so 个 followed by such a
//     noun is taken with it;
//   - a time made so is merged with a time run it touches (今后/t ３/m
//     年/q → 今后３年), and with another such time (三/m 年/q 零/m
//     五/m 个/q 月/n → one time);
//   - everything else is a count, unchanged.

// pdTimeUnits are the measure-word runs that make a numeral a duration.
var pdTimeUnits = map[string]bool{
	"年": true, "月": true, "日": true, "天": true, "周": true, "星期": true, "小时": true,
	"钟头": true, "分钟": true, "秒": true, "世纪": true, "季度": true, "周年": true, "旬": true,
	"个月": true,
}

// pdTimeNouns are the time units PD tags as nouns after 个 (个/q 月/n).
var pdTimeNouns = map[string]bool{"月": true, "小时": true, "钟头": true, "星期": true, "世纪": true, "季度": true}

// mapMeasure maps the numeral run units[i:j] followed by the measure-word
// run units[j:k] to the guideline: it returns the mention (a zero Span for
// an ordinal) and the index of the first unit after it.
func mapMeasure(units []pdUnit, i, j, k int) (Span, int) {
	first := units[i].word
	if strings.HasPrefix(first, "第") || strings.HasPrefix(first, "首") {
		return Span{}, k
	}
	var q strings.Builder
	for _, u := range units[j:k] {
		q.WriteString(u.word)
	}
	switch {
	case pdTimeUnits[q.String()]:
		return Span{"time", units[i].start, units[k-1].end}, k
	case q.String() == "个" && k < len(units) && units[k].tag != "q" && pdTimeNouns[units[k].word]:
		return Span{"time", units[i].start, units[k].end}, k + 1
	}
	return Span{"count", units[i].start, units[k-1].end}, k
}

// mergeTouchingTimes merges time spans that touch (one ends where the
// next starts) into one; spans of other types are kept. out is in the
// order unitRuns made it (by start).
func mergeTouchingTimes(out []Span) []Span {
	merged := out[:0]
	last := -1 // index in merged of the last time span
	for _, s := range out {
		if s.Type == "time" && last >= 0 && merged[last].End == s.Start {
			merged[last].End = s.End
			continue
		}
		merged = append(merged, s)
		if s.Type == "time" {
			last = len(merged) - 1
		}
	}
	return merged
}
