package extract

import (
	_ "embed"
	"strconv"
	"strings"
)

// Durations are times (kind duration, an ISO 8601 value): a numeral or 半
// and a time unit (三年, 半个月, 10小时, 40周年), with a half after the
// unit (三年半 → P3.5Y, 一个半月 → P1.5M) and parts joined into one
// (8天20小时 → P8DT20H, 一年又一个月21天 → P1Y1M21D). 近 before a
// duration stays inside (近5个月), 来 after it too (三年来); a relative
// word before it (过去, 未来, 今后) merges with it into a relative period
// (过去五年).

var (
	ruleTimeDuration        = registerRule("time", "time.duration", "a numeral or 半 with a time unit is a duration (三年, 半个月, 10小时, 三年半, 40周年)", Accept)
	ruleTimeDurationParts   = registerRule("time", "time.duration_parts", "durations that follow each other, joined or not by 又, 零, 多 or 余, are one duration (8天20小时, 一年又一个月21天)", Adjust)
	ruleTimeDurationNear    = registerRule("time", "time.duration_near", "近 or 过去的 before a duration and 来 after it stay inside (近5个月, 三年来, 过去的五年)", Adjust)
	ruleTimeDurationFreq    = registerRule("time", "time.duration_frequency", "a duration before 一度 or 一次 is part of a frequency (一年一度)", Reject)
	ruleTimeDurationCounted = registerRule("time", "time.duration_counted", "a duration after 个 is counted, as in a slogan (两个一百年)", Reject)
	ruleTimeDurationIdiom   = registerRule("time", "time.duration_idiom", "a duration inside an idiom of duration_idiom_words is no time (年复一年, 十年九旱, 三天两头)", Reject)
	ruleTimeDurationUnit    = registerRule("time", "time.duration_not_unit", "年, 周 and 月 that are no time units after a numeral make no duration (三年级, 四周边, 三月 is a month)", Reject)
)

// durUnit is a time unit of durations: its designator in ISO 8601, its
// multiple, and whether it is a time (hours and less).
type durUnit struct {
	word   string
	desig  byte
	mult   float64
	clock  bool
	needGe bool // needs 个 (or 半, 数) before it: 月 alone is a month name
	cont   bool // only after another part: 时 in 8天20时
	year   bool // no unit before year_suffix_not_time_chars: 三年级
}

//go:embed data/time_duration_units.txt
var timeDurationUnitsData string

// durUnits are the units of data/time_duration_units.txt, tried in the
// file's order (longest first).
var durUnits = readDurUnits(timeDurationUnitsData)

// readDurUnits parses data/time_duration_units.txt.
func readDurUnits(data string) []durUnit {
	var out []durUnit
	readWordList(data, func(f []string) {
		m, err := strconv.ParseFloat(f[min(2, len(f)-1)], 64)
		if len(f) != 4 || len(f[1]) != 1 || err != nil {
			panic("data/time_duration_units.txt: want word, designator, multiple, flags: " + strings.Join(f, " "))
		}
		u := durUnit{word: f[0], desig: f[1][0], mult: m}
		for _, fl := range strings.Split(f[3], ",") {
			switch fl {
			case "clock":
				u.clock = true
			case "ge":
				u.needGe = true
			case "cont":
				u.cont = true
			case "year":
				u.year = true
			case "-":
			default:
				panic("data/time_duration_units.txt: unknown flag " + fl)
			}
		}
		out = append(out, u)
	})
	return out
}

// durUnitRunes holds the words of durUnits as runes, in the same order.
var durUnitRunes = func() [][]rune {
	out := make([][]rune, len(durUnits))
	for k, u := range durUnits {
		out[k] = []rune(u.word)
	}
	return out
}()

// durUnitFirst holds the first characters of durUnitRunes: no unit starts
// at any other (nil when a unit is empty or starts above U+FFFF).
var durUnitFirst = func() *runeSet {
	s := new(runeSet)
	for _, w := range durUnitRunes {
		if len(w) == 0 || w[0] >= 1<<16 {
			return nil
		}
		s.add(w[0])
	}
	return s
}()

// durPart is one numeral + unit of a duration.
type durPart struct {
	v     float64
	u     durUnit
	start int
	end   int
}

// readDurPart reads one numeral (or 半) + time unit at text[i]; cont
// allows the units that only continue a duration.
func readDurPart(text []rune, i int, cont bool) (durPart, bool) {
	return readDurPartOf(text, i, cont, nil)
}

// readNum is a numeral read already at the start of a duration part: what
// readNumeral returned there.
type readNum struct {
	num numeral
	n   int
}

// readDurPartOf is readDurPart with the numeral at text[i] read already
// (pre; nil when it is not).
func readDurPartOf(text []rune, i int, cont bool, pre *readNum) (durPart, bool) {
	if i >= len(text) {
		return durPart{}, false
	}
	var v float64
	j := i
	approx := false
	if text[i] == '半' {
		v, j = 0.5, i+1
	} else {
		if !numeralRune(text[i]) && text[i] != '数' {
			return durPart{}, false
		}
		var num numeral
		var n int
		if pre != nil {
			num, n = pre.num, pre.n
		} else {
			num, n = readNumeral(text, i)
		}
		if n == 0 || num.Percent || num.Ordinal || bareMagnitude(text[i:i+n]) {
			return durPart{}, false
		}
		v, j = num.Value, i+n
		approx = num.Approx != ApproxExact
		if num.Approx == ApproxAbout || num.Range {
			v = -1 // 几年, 十几年, 两三年: of unknown length
		}
		if j < len(text) && (text[j] == ' ' || text[j] == '\u3000') && num.Digits {
			j++ // 6 天
		}
	}
	halfGe := false
	if j+1 < len(text) && text[j] == '个' && text[j+1] == '半' && v >= 0 && v == float64(int(v)) {
		// 一个半月, 两个半小时
		v += 0.5
		halfGe = true
		j += 2
	}
	if durUnitFirst != nil && (j >= len(text) || !durUnitFirst.has(text[j])) {
		return durPart{}, false // no unit starts at text[j]
	}
	for k, u := range durUnits {
		if halfGe && strings.HasPrefix(u.word, "个") || u.cont && !cont {
			continue
		}
		w := durUnitRunes[k]
		if !hasRunes(text, j, w) {
			continue
		}
		n := len(w)
		if u.needGe && !halfGe && text[i] != '半' && !approx && !(j > i && text[j-1] == '数') {
			return durPart{}, false // 三月 is a month
		}
		end := j + n
		if end < len(text) && text[end] == '半' && v >= 0 && v == float64(int(v)) && !halfGe {
			v += 0.5 // 三年半, 三天半
			end++
		}
		return durPart{v: v, u: u, start: i, end: end}, true
	}
	return durPart{}, false
}

// bareMagnitude reports a numeral that is a bare 百, 千 or 万 (百年大计,
// 千年古镇, 万年 in a name): a magnitude, not a count of years.
func bareMagnitude(num []rune) bool {
	return len(num) == 1 && (num[0] == '百' || num[0] == '千' || num[0] == '万')
}

// durationNotUnit reports a 年, 周 or 月 that is no time unit here.
func durationNotUnit(text []rune, p durPart) bool {
	next := rune(0)
	if p.end < len(text) {
		next = text[p.end]
	}
	switch {
	case p.u.year:
		return timeCtx().in(yearSuffixNotTimeChars, next) // 三年级, 五年代
	case p.u.word == "周":
		// 四周 (all around), 周边, 周岁
		return timeCtx().in(weekNotTimeNextChars, next) || p.end-p.start == 2 && text[p.start] == '四'
	}
	return false
}

// durationPiece reads a duration starting at text[i], with its parts.
func durationPiece(d *Document, text []rune, i int, prev *timePiece) (timePiece, bool) {
	return durationPieceOf(d, text, i, prev, nil)
}

// durationPieceOf is durationPiece with the numeral at text[i] read
// already (pre; nil when it is not).
func durationPieceOf(d *Document, text []rune, i int, prev *timePiece, pre *readNum) (timePiece, bool) {
	p, ok := readDurPartOf(text, i, false, pre)
	if !ok {
		return timePiece{}, false
	}
	if durationNotUnit(text, p) {
		d.traceTime(ruleTimeDurationUnit, Reject, p.start, p.end)
		return timePiece{}, false
	}
	if followedBy(text, p.end, timeCtx().words["frequency_next_words"]) {
		d.traceTime(ruleTimeDurationFreq, Reject, p.start, p.end)
		return timePiece{}, false
	}
	if i > 0 && text[i-1] == '个' {
		d.traceTime(ruleTimeDurationCounted, Reject, p.start, p.end)
		return timePiece{}, false
	}
	if insideNameOf(text, i, string(text[i:p.end]), timeNames("duration_idiom_words")) {
		d.traceTime(ruleTimeDurationIdiom, Reject, p.start, p.end)
		return timePiece{}, false
	}
	parts := []durPart{p}
	end := p.end
	for {
		j := end
		if j < len(text) && timeCtx().in(durationJoinerChars, text[j]) {
			j++
		}
		q, ok := readDurPart(text, j, true)
		if !ok || durationNotUnit(text, q) || !finerOrOther(parts, q) {
			break
		}
		parts = append(parts, q)
		end = q.end
	}
	start := i
	if len(parts) > 1 {
		d.traceTime(ruleTimeDurationParts, Adjust, start, end)
	}
	f := tfields{dur: isoDuration(parts)}
	near := false
	if start > 0 && text[start-1] == '近' && prev == nil {
		start--
		near = true
	}
	if end < len(text) && text[end] == '来' {
		end++
		near = true
	}
	if start >= 3 && string(text[start-3:start]) == "过去的" && prev == nil {
		start -= 3 // 过去的五年, 过去的一年
		near = true
	}
	if near {
		f.ref = "PAST_REF"
		d.traceTime(ruleTimeDurationNear, Adjust, start, end)
	}
	d.traceTime(ruleTimeDuration, Accept, start, end)
	return timePiece{start, end, f}, true
}

// finerOrOther reports whether q may continue the duration parts: a unit
// not used yet (一年又一个月21天, 两天又一个月).
func finerOrOther(parts []durPart, q durPart) bool {
	for _, p := range parts {
		if p.u.desig == q.u.desig && p.u.clock == q.u.clock {
			return false
		}
	}
	return true
}

// isoDuration writes parts as an ISO 8601 duration (P1Y1M21D, PT0.5H).
func isoDuration(parts []durPart) string {
	sum := map[string]float64{}
	for _, p := range parts {
		k := string(p.u.desig)
		if p.u.clock {
			k = "T" + k
		}
		if p.v < 0 {
			sum[k] = -1
			continue
		}
		if sum[k] >= 0 {
			sum[k] += p.v * p.u.mult
		}
	}
	var b strings.Builder
	b.WriteByte('P')
	num := func(v float64) string {
		if v < 0 {
			return "X"
		}
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	for _, k := range []string{"Y", "M", "W", "D"} {
		if v, ok := sum[k]; ok {
			b.WriteString(num(v) + k)
		}
	}
	t := false
	for _, k := range []string{"TH", "TM", "TS"} {
		if v, ok := sum[k]; ok {
			if !t {
				b.WriteByte('T')
				t = true
			}
			b.WriteString(num(v) + k[1:])
		}
	}
	return b.String()
}
