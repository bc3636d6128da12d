package extract

import (
	"math"
	"strings"
	"unicode"
)

// Forms of counts beyond numeral + measure word: signs written before the
// numeral (负3.9%, $20), fractions (三分之一, 千分之二), proportions and
// discounts read as percentages (三成 = 30%, 八五折 = 85%), percentage
// points, and a half after the unit (一吨半 = 1.5 吨). Each is a named rule
// of the count stage.

var (
	ruleCountNegative = registerRule("count", "count.negative",
		"a minus sign before the numeral (负, -, −, －, 零下) is part of the count and makes it negative (负3.9%, -22.2%, 负0.2千米, 零下5℃)", Adjust)
	ruleCountFraction = registerRule("count", "count.fraction",
		"numeral + 分之 + numeral is a fraction, kind fraction (三分之一 = 0.333…); over a power of ten from 千 up it is a percentage (千分之二 = 0.2%, 万分之三)", Accept)
	ruleCountCheng = registerRule("count", "count.proportion_cheng",
		"numeral + 成 is a proportion in tenths, kind percent (三成 = 30%, 八点五成 = 85%, 三成半 = 35%)", Adjust)
	ruleCountZhe = registerRule("count", "count.discount_zhe",
		"numeral + 折 is a discount, the share of the price paid, kind percent (九折 = 90%, 75折 = 75%, 半折 = 50%)", Adjust)
	ruleCountSpacedUnit = registerRule("count", "count.space_before_unit",
		"a number and its unit of measure, money or proportion separated by spaces are one count (300 平方公里, 45 吨)", Accept)
	ruleCountMoneyParts = registerRule("count", "count.money_parts",
		"a sum followed by smaller units of the same money is one sum (五元三毛 = 5.3 元, 50元6角三分 = 50.63 元, 两美元又三美分 = 2.03 美元)", Adjust)
	ruleCountSpaced = registerRule("count", "count.spaced_characters",
		"spaces between the characters of a number and its unit are inside the count, as written (一 百 五 十 个 百 分 点, 百 分 之 2.4, 陆 点 五 折)", Adjust)
	ruleCountHalf = registerRule("count", "count.unit_half",
		"半 after a unit of measure or money adds one half of it (一吨半 = 1.5 吨, 两米半 = 2.5 米)", Adjust)
)

// signBefore reads a minus or a currency sign written just before
// text[i]. A minus between two figures is a dash (2019-2020, 16-59岁).
func signBefore(text []rune, i int) (minus bool, sign rune) {
	if i == 0 {
		return false, 0
	}
	p := text[i-1]
	cs := countSet()
	switch {
	case cs.currencySigns.has(p):
		return false, p
	case p == '下' && i >= 2 && text[i-2] == '零':
		return true, 0 // 零下5℃
	case cs.minusSigns.has(p):
		if i >= 2 {
			q := text[i-2]
			if numeralRune(q) || isLatinLetter(q) || q == ')' || q == '）' || q == '%' || q == '％' {
				return false, 0
			}
		}
		return true, 0
	}
	return false, 0
}

// finishCount applies the rules that adjust an accepted count: a minus
// sign, percentage points, proportions, discounts and a half after the
// unit.
func finishCount(d *Document, c *countCand, h *countHit) {
	text := c.text
	if c.minus {
		h.start--
		if text[h.start] == '下' {
			h.start-- // 零下
		}
		h.num.Value, h.num.Lo, h.num.Hi = -h.num.Value, -h.num.Hi, -h.num.Lo
		d.traceRule(ruleCountNegative, Adjust, h.start, h.end)
	}
	if countData().points[h.unit] {
		h.unit, h.kind = "百分点", "percent"
		d.traceRule(ruleCountPercentagePoint, Adjust, h.start, h.end)
		return
	}
	switch h.unit {
	case "成":
		scaleCount(h, 10)
		if h.end < len(text) && text[h.end] == '半' {
			h.num.Value, h.num.Lo, h.num.Hi = h.num.Value+5, h.num.Lo+5, h.num.Hi+5
			h.end++
		}
		h.unit, h.kind = "%", "percent"
		d.traceRule(ruleCountCheng, Adjust, h.start, h.end)
		return
	case "折":
		switch v := h.num.Value; {
		case text[c.start] == '半':
			scaleCount(h, 100)
		case math.Abs(v) < 10:
			scaleCount(h, 10)
		}
		h.unit, h.kind = "%", "percent"
		d.traceRule(ruleCountZhe, Adjust, h.start, h.end)
		return
	}
	if h.class == "money" {
		moneyParts(d, h)
	}
	if (h.class == "measure" || h.class == "money") && h.end < len(text) && text[h.end] == '半' && !h.num.Range {
		h.num.Value, h.num.Lo, h.num.Hi = h.num.Value+0.5, h.num.Lo+0.5, h.num.Hi+0.5
		h.end++
		d.traceRule(ruleCountHalf, Adjust, h.start, h.end)
	}
}

// scaleCount multiplies the value and bounds of h by k.
func scaleCount(h *countHit, k float64) {
	h.num.Value, h.num.Lo, h.num.Hi = tidy(h.num.Value*k), tidy(h.num.Lo*k), tidy(h.num.Hi*k)
}

// readFractionCount reads numeral + 分之 + numeral at text[i] (num, n: the
// numeral read there) as a fraction (三分之一) or, over a power of ten from
// 千 up, a percentage (千分之二).
func readFractionCount(d *Document, i int, num numeral, n int) (countHit, bool) {
	text := d.runes
	j := i + n
	if j+2 >= len(text) || text[j] != '分' || text[j+1] != '之' || num.Percent || num.Ordinal || num.Range || num.Approx != ApproxExact || num.Value <= 0 {
		return countHit{}, false
	}
	top, m := readNumeral(text, j+2)
	if m == 0 || top.Percent || top.Ordinal || top.Spelled {
		return countHit{}, false
	}
	den := num.Value
	h := countHit{start: i, end: j + 2 + m, numEnd: j + 2 + m, num: top, unit: "分之", kind: "fraction"}
	if p := math.Log10(den); den >= 1000 && p == math.Trunc(p) {
		scaleCount(&h, 100/den)
		h.unit, h.kind = "%", "percent"
	} else {
		scaleCount(&h, 1/den)
	}
	d.traceRule(ruleCountFraction, Accept, h.start, h.end)
	return h, true
}

// insideURL reports whether text[i] is inside a web address: a run of
// non-space ASCII characters that holds :// or www.
func insideURL(text []rune, i int) bool {
	k := i
	for k > 0 && text[k-1] > ' ' && text[k-1] < 0x7f {
		k--
	}
	run := string(text[k:i])
	return strings.Contains(run, "://") || strings.Contains(run, "www.")
}

// latinUnit reports whether the measure word u is written in Latin letters
// or signs (cm, kg, °C).
func latinUnit(u []rune) bool {
	for _, r := range u {
		if r > 0x7f && r != '°' {
			return false
		}
	}
	return len(u) > 0
}

// isLatinLetter reports whether r is an ASCII or full-width Latin letter.
func isLatinLetter(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ' || unicode.Is(unicode.Latin, r) && r < 0x250
}

// spacedUnitCount reads a numeral without a measure word after it, then
// spaces, then a unit of measure, money or proportion, as one count.
func spacedUnitCount(d *Document, c *countCand, units *lexicon[string]) (countHit, bool) {
	text := c.text
	if c.un != 0 || c.num.Spelled || c.num.Percent || c.num.Ordinal || c.sign != 0 {
		return countHit{}, false
	}
	k := c.numEnd
	for k < len(text) && k < c.numEnd+4 && (text[k] == ' ' || text[k] == '\u3000') {
		k++
	}
	if k == c.numEnd {
		return countHit{}, false
	}
	un, class := units.Longest(text, k)
	if un == 0 || class != "measure" && class != "money" && !countData().spacedRatio[string(text[k:k+un])] {
		return countHit{}, false
	}
	h := countHit{start: c.start, end: k + un, numEnd: c.numEnd, num: c.num, unit: string(text[k : k+un]), class: class}
	d.traceRule(ruleCountSpacedUnit, Accept, h.start, h.end)
	finishCount(d, c, &h)
	return h, true
}

// moneyParts extends a sum of money by the smaller units written after it
// (五元三毛, 50元6角三分, 两美元又三美分).
func moneyParts(d *Document, h *countHit) {
	text := d.runes
	k := h.end
	if k < len(text) && countSet().moneyJoiners.has(text[k]) {
		k++
	}
	add, end := 0.0, h.end
	for step := 0; step < 2 && k < len(text); step++ {
		num, n := readNumeral(text, k)
		if n == 0 || num.Percent || num.Ordinal || num.Range || num.Spelled {
			break
		}
		var sub moneySub
		for _, w := range countData().moneySub {
			if runesAt(text, k+n, w.word) && len(w.word) > len(sub.word) {
				sub = w
			}
		}
		if after := k + n + len(sub.word); sub.word == nil || after < len(text) && countSet().moneySubNotNext.has(text[after]) {
			break // 5分钟, 3分之一: no money
		}
		add += num.Value * sub.value
		k += n + len(sub.word)
		end = k
	}
	if end == h.end {
		return
	}
	h.num.Value, h.num.Lo, h.num.Hi = tidy(h.num.Value+add), tidy(h.num.Lo+add), tidy(h.num.Hi+add)
	h.end = end
	d.traceRule(ruleCountMoneyParts, Adjust, h.start, h.end)
}

// inSpacedAlphabet reports whether r may stand in a spaced number.
func inSpacedAlphabet(r rune) bool {
	return numeralRune(r) || countSet().spacedAlphabet.has(r)
}

// isSpace reports whether r is a space of the kinds written inside spaced
// numbers.
func isSpace(r rune) bool { return r == ' ' || r == '\u3000' }

// spacedCounts reads the counts of a number written with spaces between
// its characters from text[i] (一 百 五 十 个 百 分 点): the run of numeral
// and unit characters and the spaces between them is read with the spaces
// taken out, and the counts found are mapped back to the text. ok is false
// when no space stands inside the run. A space between two digits ends the
// run (table cells: 36.4 9.5).
func spacedCounts(d *Document, i int) ([]countHit, int, bool) {
	text := d.runes
	if !spacedRun(text, i) {
		return nil, i, false
	}
	var w []rune
	var at []int // at[k] is the index in text of w[k]
	j, spaced := i, false
	for j < len(text) {
		if inSpacedAlphabet(text[j]) && !kiloPrefix(text, j) {
			w, at = append(w, text[j]), append(at, j)
			j++
			continue
		}
		k := j
		for k < len(text) && isSpace(text[k]) {
			k++
		}
		if k == j || k == len(text) || len(w) == 0 || !spaceJoins(text, w[len(w)-1], k) {
			break
		}
		spaced, j = true, k
	}
	if !spaced {
		return nil, i, false
	}
	// Units of several runes (个百分点, 平方公里) are matched in the window,
	// and so is a measure word right after it.
	end := j
	if un, _ := countUnits().Longest(text, end); un > 0 {
		w, at = append(w, text[end:end+un]...), append(at, seq(end, end+un)...)
		end += un
	}
	sd := &Document{docContext: &docContext{config: d.config, runes: w}}
	if d.trace != nil {
		sd.trace = func(e TraceEvent) {
			e.Start, e.End = at[e.Start], at[e.End-1]+1
			e.Text = string(text[e.Start:e.End])
			d.trace(e)
		}
	}
	hits := scanCounts(sd, nil)
	if len(hits) == 0 {
		return nil, i, false
	}
	for k := range hits {
		h := &hits[k]
		h.start, h.numEnd, h.end = at[h.start], at[h.numEnd-1]+1, at[h.end-1]+1
		d.traceRule(ruleCountSpaced, Adjust, h.start, h.end)
	}
	return hits, hits[len(hits)-1].end, true
}

// spacedRun reports, without allocating, whether a space stands inside
// the run of spaced-number runes from text[i] (see spacedCounts).
func spacedRun(text []rune, i int) bool {
	j := i
	for j < len(text) && inSpacedAlphabet(text[j]) && !kiloPrefix(text, j) {
		j++
	}
	if j == i || j >= len(text) || !isSpace(text[j]) {
		return false
	}
	k := j
	for k < len(text) && isSpace(text[k]) {
		k++
	}
	return k < len(text) && spaceJoins(text, text[j-1], k)
}

// spaceJoins reports whether a space after the rune last, before text[k],
// stands inside a spaced number: text[k] may continue it, the two are not
// two digits (table cells: 36.4 9.5), and last ends no unit (成, 折, %; 个
// only before 百分点).
func spaceJoins(text []rune, last rune, k int) bool {
	switch {
	case !inSpacedAlphabet(text[k]) || kiloPrefix(text, k):
		return false
	case isDigitRune(last) && (isDigitRune(text[k]) || text[k] == '万' || text[k] == '亿'):
		return false // 36.4 9.5; 220 亿元 is numeral.space_multiplier
	case countSet().spacedRatioLast.has(last):
		return false
	case countSet().geChars.has(last):
		m := k + 1
		for m < len(text) && isSpace(text[m]) {
			m++
		}
		return text[k] == '百' && m < len(text) && text[m] == '分'
	}
	return true
}

// kiloPrefix reports whether text[j] is a 千 that belongs to the unit
// after it (千瓦, 千米).
func kiloPrefix(text []rune, j int) bool {
	return text[j] == '千' && j+1 < len(text) && countSet().qianUnitAfter.has(text[j+1])
}

// seq returns the integers a, a+1, …, b-1.
func seq(a, b int) []int {
	out := make([]int, 0, b-a)
	for k := a; k < b; k++ {
		out = append(out, k)
	}
	return out
}
