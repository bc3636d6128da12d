package stats

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"
)

//go:embed data/measures.txt
var measuresTxt string

var (
	measuresOnce sync.Once
	measureSet   map[string]bool
)

// numeralRunes are the characters numbers are written with: Arabic digits
// (ASCII and full width), Chinese numerals (common and financial forms) and
// the decimal point, sign and approximation characters that go with them.
const numeralRunes = coreNumerals + ".．,，+-点多余几数半第"

// coreNumerals are the digits and numerals proper: a numeric prefix holds
// at least one of them (多元 and 第一书记 are words).
const coreNumerals = "0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億兩"

// fiveYearPlan reports whether s, made of numerals only, abbreviates a
// five-year plan (六五 … 十四五): a name, not a number.
func fiveYearPlan(s string) bool {
	switch s {
	case "六五", "七五", "八五", "九五", "十五", "十一五", "十二五", "十三五", "十四五", "十五五":
		return true
	}
	return false
}

// NumericTerm reports whether a term is a number, a year or a quantity
// rather than a word: numerals only (一九五八, １９５５, 三千), numerals
// followed by a measure word or unit (一九五八年, １９５５年, 三百万吨,
// 第二次), or a measure word alone (万平方米, 亿元; the list is
// data/measures.txt). Names of five-year plans (十三五) and words that
// merely begin with a numeral (一体化, 三农, 四个全面) are not numeric.
func NumericTerm(term string) bool {
	measuresOnce.Do(func() {
		measureSet, _ = parseWordList(strings.NewReader(measuresTxt))
	})
	if term == "" {
		return false
	}
	if measureSet[term] {
		return true
	}
	rest, core := term, false
	for rest != "" {
		r, n := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(numeralRunes, r) {
			break
		}
		core = core || strings.ContainsRune(coreNumerals, r)
		rest = rest[n:]
	}
	switch {
	case !core:
		return false
	case rest == "":
		return !fiveYearPlan(term)
	}
	return measureSet[rest]
}
