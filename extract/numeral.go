package extract

import (
	"math"
	"strings"
)

// Approximation markers of a numeral or a count.
const (
	ApproxExact = "exact"
	ApproxAbout = "about" // 约, 左右, 几, 数
	ApproxOver  = "over"  // 余, 多, 逾, 以上
	ApproxUnder = "under" // 近, 不足, 以下
)

// numeral is a number written in Chinese characters, Arabic or full-width
// digits, or a mix of them (3千余, 1.5亿, 百分之三十, 两三, 十几).
type numeral struct {
	// Value is the number; for a range or a vague numeral it is the low
	// end (两三 → 2, 十几 → 11, 30余 → 30). A percentage keeps its written
	// figure (30% → 30).
	Value float64
	// Lo and Hi bound the number; they equal Value unless the numeral is a
	// range (两三 → 2,3) or vague (几十 → 20,90).
	Lo, Hi float64
	// Approx is ApproxExact, ApproxAbout (几, 数, 上千, 二十来) or ApproxOver
	// (余, 多).
	Approx string
	// Range is true for an explicit range of two figures (两三, 三五, 七八十).
	Range bool
	// Percent is true for 百分之… and …% forms.
	Percent bool
	// Ordinal is true when the numeral is prefixed by 第.
	Ordinal bool
	// Digits is true when the numeral is written (at least partly) in
	// Arabic or full-width digits.
	Digits bool
	// Spelled is true for a bare string of Chinese digits without units
	// read digit by digit (一九九七, 二〇二一).
	Spelled bool
	// Decimal is true when the numeral has a fractional part (1.5, 二十七点三).
	Decimal bool

	// rules are the numeral rules that read it (see numeralRuleNames).
	rules numeralRule
}

// digitValue returns the value of an Arabic or full-width digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

// isDigitRune reports whether r is an Arabic or full-width digit.
func isDigitRune(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

// cnDigit returns the value of a Chinese digit character (〇零一…九两).
func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零', '○':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '兩', '贰':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

// cnUnit returns the value of a Chinese power-of-ten character.
func cnUnit(r rune) (float64, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	case '万', '萬':
		return 1e4, true
	case '亿', '億':
		return 1e8, true
	}
	return 0, false
}

// Sets of Chinese numeral characters the rules test a character against
// (grammar, not word lists: the word lists live in extract/data).
const (
	// cnDigitsOneToNine are the digits 一 to 九.
	cnDigitsOneToNine = "一二三四五六七八九"
	// cnDigitsTwoToNine are the digits 两 (two) to 九: the numerals of a
	// few (两地, 五省市).
	cnDigitsTwoToNine = "两三四五六七八九"
	// cnOneToTen are 一 to 十 in order: the position of a character (in
	// bytes, three each) gives its value.
	cnOneToTen = "一二三四五六七八九十"
	// cnOneToTenLiang are 一 to 十 and 两.
	cnOneToTenLiang = cnOneToTen + "两"
	// cnPowers are the powers of ten 十 to 亿.
	cnPowers = "十百千万亿"
	// cnPowersToWan are the powers of ten 十 to 万.
	cnPowersToWan = "十百千万"
	// cnPowersFromBai are the powers of ten 百 to 亿: a magnitude after
	// a number (6.1万).
	cnPowersFromBai = "百千万亿"
	// cnNumeralBody are the characters of a Chinese numeral: the digits
	// with 两, 零 and 〇 and the powers of ten.
	cnNumeralBody = cnOneToTenLiang + "百千万亿零〇"
	// cnVagueHeads open a vague round numeral before a power of ten (上千,
	// 数百).
	cnVagueHeads = "上数"
	// cnVagueCounts are the numerals that give no figure: 半, 几 and 数
	// open a vague count or duration (半年, 几天, 数月).
	cnVagueCounts = "半几数"
	// cnNumeralHeads are the characters other than numeral characters a
	// numeral may open with: the ordinal 第 and the vague heads.
	cnNumeralHeads = "第" + cnVagueHeads
	// cnOverMarks after a round figure make it approximate, over it (30余,
	// 十多万).
	cnOverMarks = "余多"
	// cnDecimalPoints are the decimal points of a numeral written in
	// Chinese characters (二十七点三, 六點二).
	cnDecimalPoints = "点點"
)

// Sets of the characters of dates and clock times the rules test a
// character against (grammar, not word lists).
const (
	// cnDateUnits are the measure words of a date or a clock time: after
	// digits, a middle dot and digits, they make the dot no decimal point
	// (5·12, 9·30日).
	cnDateUnits = "年月日号时"
	// clockHourEnds may close the hour of a clock time after its 点 or 时
	// (三点钟, 八点整).
	clockHourEnds = "钟整"
	// lunarMonthHeads open the names of the lunar months that are not
	// written with a numeral (正月, 腊月, 冬月).
	lunarMonthHeads = "正腊冬"
)

// Bitmaps of the sets above that scans test characters against.
var (
	numeralHeadSet  = newRuneSet(cnNumeralHeads)
	vagueHeadSet    = newRuneSet(cnVagueHeads)
	vagueCountSet   = newRuneSet(cnVagueCounts)
	overMarkSet     = newRuneSet(cnOverMarks)
	decimalPointSet = newRuneSet(cnDecimalPoints)
)

// numeralBits marks the numeral runes of the Basic Multilingual Plane (all
// numeral runes are in it), so that scans test one bit per rune.
var numeralBits = func() *[1 << 10]uint64 {
	var b [1 << 10]uint64
	for r := rune(0); r < 1<<16; r++ {
		if isNumeralRune(r) {
			b[r>>6] |= 1 << (uint(r) & 63)
		}
	}
	return &b
}()

// numeralRune reports whether r can start or continue a numeral: a digit
// of any script, a Chinese digit or power of ten, 廿, 卅, 几 or 半.
func numeralRune(r rune) bool {
	return r >= 0 && r < 1<<16 && numeralBits[r>>6]&(1<<(uint(r)&63)) != 0
}

func isNumeralRune(r rune) bool {
	if isDigitRune(r) {
		return true
	}
	if _, ok := cnDigit(r); ok {
		return true
	}
	if _, ok := cnUnit(r); ok {
		return true
	}
	switch r {
	case '廿', '卅', '几', '半':
		return true
	}
	return false
}

func isDecimalPoint(r rune) bool { return r == '.' || r == '．' }

// isMiddleDot reports whether r is a middle dot (·, ・).
func isMiddleDot(r rune) bool { return r == '·' || r == '・' }

// middleDotDecimal reports whether the middle dot at text[j], after a
// digit, is a decimal point: the digits after it are followed by a percent
// sign, a power of ten or a measure word other than a date's (５·８万名,
// ９·５％, ６·２级), not by a closing quote or a word (“5·12”汶川地震).
func middleDotDecimal(text []rune, j int) bool {
	if !isMiddleDot(text[j]) || j == 0 || !isDigitRune(text[j-1]) {
		return false
	}
	k := j + 1
	for k < len(text) && isDigitRune(text[k]) {
		k++
	}
	if k == j+1 || k == len(text) {
		return false
	}
	switch r := text[k]; {
	case r == '%' || r == '％' || strings.ContainsRune(cnPowers, r):
		return true
	case strings.ContainsRune(cnDateUnits, r) || isMiddleDot(r):
		return false
	}
	n, _ := countUnits().Longest(text, k)
	return n > 0
}

// The reading of a numeral is made of named rules (stage "numeral"): each
// decision that gives a numeral its length or its value beyond plain
// positional notation is one of them. A numeral records the rules that
// read it, and the count stage reports them to the trace with the span of
// the numeral.

// numeralRule is a set of numeral rules, one bit each.
type numeralRule uint32

const (
	numOrdinalDi numeralRule = 1 << iota
	numPercentWords
	numPercentSign
	numHalf
	numVagueShang
	numVagueShu
	numThousandsSeparator
	numDecimal
	numMultiplier
	numKiloUnit
	numOverYuDuo
	numYaoDigits
	numYaoStop
	numSpelledDigits
	numRangePair
	numRangeSanLiang
	numLiangNotSpelled
	numVagueJi
	numRangeAfterShi
	numLaiAbout
	numChineseDecimal
	numClockNotDecimal
	numSpaceMultiplier
	numKiloK
	numMiddleDotDecimal
)

// numeralRuleNames names the numeral rules, in bit order.
var numeralRuleNames = []string{
	registerRule("numeral", "numeral.ordinal_di", "a leading 第 makes the numeral an ordinal (第三, 第十四)", Adjust),
	registerRule("numeral", "numeral.percent_words", "百分之 + numeral is a percentage (百分之三十 = 30%)", Adjust),
	registerRule("numeral", "numeral.percent_sign", "a numeral followed by % or ％ is a percentage, the sign inside it (30%, １２．５％)", Adjust),
	registerRule("numeral", "numeral.half", "半 alone is the numeral one half (半年)", Adjust),
	registerRule("numeral", "numeral.vague_shang", "上 before 十百千万 is a vague round figure up to nine times it (上千 = 1000-9000, 上百万)", Adjust),
	registerRule("numeral", "numeral.vague_shu", "数 before 十百千万 is two to nine times it (数百 = 200-900); 数 alone is a few (数年 = 2-9)", Adjust),
	registerRule("numeral", "numeral.thousands_separator", "a comma followed by exactly three digits separates thousands (1,234,567); a full-width one only between full-width digits (１１１，１１１)", Adjust),
	registerRule("numeral", "numeral.decimal", "a decimal point between digits, half- or full-width, starts a fraction (1.5, １．５)", Adjust),
	registerRule("numeral", "numeral.multiplier", "十百千万亿 after digits multiply them (3千 = 3000, 1.5亿, 3万亿)", Adjust),
	registerRule("numeral", "numeral.kilo_unit", "千 before 瓦, 克, 米, 比 or 字 belongs to the unit, not the numeral (50万千瓦 = 500000 千瓦, 三千比特 = 3 千比特)", Adjust),
	registerRule("numeral", "numeral.over_yu_duo", "余 or 多 after a round figure means more than it, and further 万/亿 multiply (30余, 十多万, 1000多万)", Adjust),
	registerRule("numeral", "numeral.yao_digits", "幺 is one only in a string of three or more bare digits, as codes are read out (幺三五 = 135)", Adjust),
	registerRule("numeral", "numeral.yao_stop", "幺 elsewhere ends the numeral (三幺 = 3)", Adjust),
	registerRule("numeral", "numeral.spelled_digits", "two or more Chinese digits without a power of ten are read digit by digit (一九九七 = 1997, 二〇二一)", Adjust),
	registerRule("numeral", "numeral.range_pair", "two adjacent rising digits, or 三五, are a range of two figures, also before a power of ten (两三 = 2-3, 三五天, 七八十 = 70-80)", Adjust),
	registerRule("numeral", "numeral.range_san_liang", "三两 is a few, the range 2-3 (三两天)", Adjust),
	registerRule("numeral", "numeral.liang_not_spelled", "两 is never a digit of a spelled number: only the first figure is taken (两两结对)", Adjust),
	registerRule("numeral", "numeral.vague_ji", "几 is a vague digit: 1-9 alone or after a power of ten, 2-9 before one (几个, 十几年 = 11-19, 几十年 = 20-90)", Adjust),
	registerRule("numeral", "numeral.range_after_shi", "two adjacent rising digits after 十 are a range (十五六 = 15-16, 三十八九度 = 38-39)", Adjust),
	registerRule("numeral", "numeral.lai_about", "来 after a round Chinese figure means about, up to half as much again (二十来岁 = 20-30), not before a verb or particle (二十来了)", Adjust),
	registerRule("numeral", "numeral.chinese_decimal", "点 between Chinese digits is a decimal point (二十七点三 = 27.3, 二点三万 = 23000)", Adjust),
	registerRule("numeral", "numeral.clock_not_decimal", "点 followed by digits and a power of ten is a clock time, not a decimal (十一点三十分 = 11)", Adjust),
	registerRule("numeral", "numeral.space_multiplier", "a space between digits and 万 or 亿 is inside the numeral, as written (220 亿元)", Adjust),
	registerRule("numeral", "numeral.kilo_k", "k or K after digits, before no other letter or digit, multiplies by a thousand (12k个百分点 = 12000)", Adjust),
	registerRule("numeral", "numeral.middle_dot_decimal", "a middle dot between digits before %, a power of ten or a measure word is a decimal point, as older typesetting writes it (５·８万名 = 58000, ６·２级); “5·12” is a date", Adjust),
}

// each calls fn with the name of every rule in the set.
func (s numeralRule) each(fn func(name string)) {
	for k, name := range numeralRuleNames {
		if s&(1<<k) != 0 {
			fn(name)
		}
	}
}

// numeralChars returns a character set of data/count_chars.txt.
func numeralChars(name string) string { return countCharSets()[name] }

// readNumeral parses the numeral starting at text[i] and returns it with
// the number of runes consumed; n is 0 when no numeral starts there.
// Besides the numeral proper it consumes a leading 第 (Ordinal), 百分之 or
// a trailing %/％ (Percent), a leading 上 or 数 before 十百千万 (上千, 数百),
// 余/多 after a round figure (30余, 十多万, over) and 来 after a round
// Chinese figure (二十来, about). Ranges are two adjacent figures (两三,
// 七八十, 十五六); 幺 counts as one only in strings of bare digits (幺三五).
// Values are rounded to 12 significant digits (0.7万 = 7000). It never
// reads before i, and never panics on any input. The numeral rules that
// read it are recorded in the result.
func readNumeral(text []rune, i int) (numeral, int) {
	num, n := parseNumeral(text, i)
	if n > 0 {
		num.Value, num.Lo, num.Hi = tidy(num.Value), tidy(num.Lo), tidy(num.Hi)
	}
	return num, n
}

// tidy rounds v to 12 significant digits, so that 0.7万 is 7000 and not
// 7000.000000000001.
func tidy(v float64) float64 {
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return v
	}
	// A whole number below 1e11 has at most 11 digits: rounding to 12
	// leaves it as it is (scale is then a power of ten of at least 10,
	// v*scale an exact integer below 2^53).
	if math.Abs(v) < 1e11 && v == math.Trunc(v) {
		return v
	}
	e := math.Floor(math.Log10(math.Abs(v)))
	if e > 280 || e < -280 {
		return v
	}
	scale := math.Pow(10, 11-e)
	return math.Round(v*scale) / scale
}

func parseNumeral(text []rune, i int) (numeral, int) {
	if i < 0 || i >= len(text) {
		return numeral{}, 0
	}
	start := i
	var num numeral
	if text[i] == '第' {
		num.Ordinal = true
		num.rules |= numOrdinalDi
		i++
	}
	if i+2 < len(text) && text[i] == '百' && text[i+1] == '分' && text[i+2] == '之' {
		inner, n := parseBare(text, i+3)
		if n == 0 || inner.Ordinal {
			return numeral{}, 0
		}
		inner.Percent = true
		inner.Ordinal = num.Ordinal
		inner.rules |= num.rules | numPercentWords
		return inner, i + 3 + n - start
	}
	inner, n := parseBare(text, i)
	if n == 0 {
		return numeral{}, 0
	}
	inner.Ordinal = num.Ordinal
	inner.rules |= num.rules
	j := i + n
	if j < len(text) && (text[j] == '%' || text[j] == '％') && !num.Ordinal {
		inner.Percent = true
		inner.rules |= numPercentSign
		j++
	}
	return inner, j - start
}

// parseBare parses a numeral without 第 or percent marks.
func parseBare(text []rune, i int) (numeral, int) {
	if i >= len(text) {
		return numeral{}, 0
	}
	r := text[i]
	switch {
	case isDigitRune(r):
		return parseArabic(text, i)
	case r == '半':
		return numeral{Value: 0.5, Lo: 0.5, Hi: 0.5, Approx: ApproxExact, rules: numHalf}, 1
	case vagueHeadSet.has(r):
		return parseVague(text, i)
	}
	return parseChinese(text, i)
}

// parseVague parses 上 or 数 before a power of ten (上千, 数百), and 数
// alone (数年).
func parseVague(text []rune, i int) (numeral, int) {
	r := text[i]
	rule := numVagueShang
	if r == '数' {
		rule = numVagueShu
	}
	if i+1 < len(text) {
		if u, ok := cnUnit(text[i+1]); ok && u >= 10 {
			num, n := parseChinese(text, i+1)
			if n > 0 {
				num.Approx = ApproxAbout
				if r == '数' {
					num.Lo, num.Hi = 2*num.Value, 9*num.Value
					num.Value = num.Lo
				} else {
					num.Hi = 9 * num.Value
				}
				num.rules |= rule
				return num, n + 1
			}
		}
	}
	if r == '数' {
		return numeral{Value: 2, Lo: 2, Hi: 9, Approx: ApproxAbout, rules: rule}, 1
	}
	return numeral{}, 0
}

// parseArabic parses digits with optional thousand separators, a decimal
// part, Chinese multipliers and 余/多 (1,200; 1.5亿; 3千余; 1000多万).
func parseArabic(text []rune, i int) (numeral, int) {
	j := i
	var v float64
	num := numeral{Digits: true, Approx: ApproxExact}
	for j < len(text) {
		d, ok := digitValue(text[j])
		if !ok {
			// 1,234,567: a comma followed by exactly three digits.
			if (text[j] == ',' || text[j] == '，' && fullWidthDigit(text[j-1])) && j > i && threeDigits(text, j+1) {
				num.rules |= numThousandsSeparator
				j++
				continue
			}
			break
		}
		v = v*10 + float64(d)
		j++
	}
	if j+1 < len(text) && (isDecimalPoint(text[j]) || middleDotDecimal(text, j)) && isDigitRune(text[j+1]) {
		num.Decimal = true
		num.rules |= numDecimal
		if !isDecimalPoint(text[j]) {
			num.rules |= numMiddleDotDecimal
		}
		j++
		scale := 0.1
		for j < len(text) {
			d, ok := digitValue(text[j])
			if !ok {
				break
			}
			v += float64(d) * scale
			scale /= 10
			j++
		}
	}
	v, j = applyMultipliers(text, j, v, &num)
	num.Value, num.Lo, num.Hi = v, v, v
	if num.Approx == ApproxOver {
		num.Hi = math.Inf(1)
	}
	return num, j - i
}

// fullWidthDigit reports whether r is a full-width digit (０-９).
func fullWidthDigit(r rune) bool { return r >= '０' && r <= '９' }

func threeDigits(text []rune, j int) bool {
	if j+3 > len(text) {
		return false
	}
	for k := j; k < j+3; k++ {
		if !isDigitRune(text[k]) {
			return false
		}
	}
	return j+3 == len(text) || !isDigitRune(text[j+3])
}

// applyMultipliers reads 十百千万亿 and 余/多 after a figure: 3千, 1.5亿,
// 30余, 1000多万, 3万亿.
func applyMultipliers(text []rune, j int, v float64, num *numeral) (float64, int) {
	if j+1 < len(text) && text[j] == ' ' && (text[j+1] == '万' || text[j+1] == '亿') {
		j++ // 220 亿元: a space before the multiplier
		num.rules |= numSpaceMultiplier
	}
	if j < len(text) && strings.ContainsRune("kKｋＫ", text[j]) && (j+1 == len(text) || !isLatinLetter(text[j+1]) && !isDigitRune(text[j+1])) {
		v *= 1000 // 12k: thousands
		num.rules |= numKiloK
		j++
	}
	for j < len(text) {
		r := text[j]
		if u, ok := cnUnit(r); ok {
			if u == 1000 && j+1 < len(text) && strings.ContainsRune(numeralChars("qian_unit_after"), text[j+1]) {
				num.rules |= numKiloUnit
				break // 50万千瓦: 千 belongs to the unit
			}
			// A unit after a figure multiplies it (3千 = 3000, 3万亿).
			v *= u
			num.rules |= numMultiplier
			j++
			continue
		}
		if overMarkSet.has(r) && num.Approx != ApproxOver && roundFigure(v) {
			num.Approx = ApproxOver
			num.rules |= numOverYuDuo
			j++
			continue
		}
		break
	}
	return v, j
}

// roundFigure reports whether v is a round number (10, 300, 1.5万…) that
// 余 or 多 may follow.
func roundFigure(v float64) bool {
	return v >= 10 && math.Mod(v, 10) == 0
}

// chineseRune reports whether r belongs to a Chinese numeral body.
func chineseRune(r rune) bool {
	if _, ok := cnDigit(r); ok {
		return true
	}
	if _, ok := cnUnit(r); ok {
		return true
	}
	return r == '廿' || r == '卅' || r == '几'
}

// parseChinese parses a numeral in Chinese characters.
func parseChinese(text []rune, i int) (numeral, int) {
	j := i
	yao, kilo := false, false
	for j < len(text) && (chineseRune(text[j]) || text[j] == '幺') {
		if text[j] == '千' && j > i && j+1 < len(text) && strings.ContainsRune(numeralChars("qian_unit_after"), text[j+1]) {
			kilo = true
			break // 三千比特, 五千瓦: 千 belongs to the unit
		}
		yao = yao || text[j] == '幺'
		j++
	}
	var stop numeralRule
	if kilo {
		stop = numKiloUnit
	}
	if yao {
		if num, n := parseYao(text, i, j); n > 0 {
			return num, n
		}
		// 幺 outside a bare digit string ends the numeral.
		k := i
		for k < j && text[k] != '幺' {
			k++
		}
		j = k
		stop |= numYaoStop
	}
	if j == i {
		return numeral{}, 0
	}
	body := text[i:j]
	hasUnit, hasJi := false, false
	for _, r := range body {
		if _, ok := cnUnit(r); ok || r == '廿' || r == '卅' {
			hasUnit = true
		}
		if r == '几' {
			hasJi = true
		}
	}
	var num numeral
	var n int
	if !hasUnit && !hasJi {
		num, n = parseDigitString(text, i, body)
	} else {
		num, n = parseWithUnits(text, i, body, hasJi)
	}
	if n > 0 {
		num.rules |= stop
	}
	return num, n
}

// parseYao reads text[i:j] as a string of bare digits with 幺 for one
// (幺三五, 一一幺); n is 0 when it is not one (fewer than three runes, or a
// power of ten among them).
func parseYao(text []rune, i, j int) (numeral, int) {
	if j-i < 3 {
		return numeral{}, 0
	}
	var v float64
	for _, r := range text[i:j] {
		d, ok := cnDigit(r)
		if r == '幺' {
			d, ok = 1, true
		}
		if !ok {
			return numeral{}, 0
		}
		v = v*10 + float64(d)
	}
	return numeral{Value: v, Lo: v, Hi: v, Approx: ApproxExact, Spelled: true, rules: numYaoDigits}, j - i
}

// parseDigitString reads a body of Chinese digits without powers of ten:
// one digit (with a decimal part), a range (两三, 三五, 三两) or a number
// spelled digit by digit (一九九七).
func parseDigitString(text []rune, i int, body []rune) (numeral, int) {
	num := numeral{Approx: ApproxExact}
	set := func(lo, hi float64) { num.Value, num.Lo, num.Hi = lo, lo, hi }
	if len(body) == 1 {
		d, _ := cnDigit(body[0])
		set(float64(d), float64(d))
		return chineseDecimal(text, i, num, 1)
	}
	if len(body) == 2 {
		a, _ := cnDigit(body[0])
		b, _ := cnDigit(body[1])
		if a > 0 && (b == a+1 || (a == 3 && b == 5)) && body[0] != '〇' {
			num.Range = true
			num.rules |= numRangePair
			set(float64(a), float64(b))
			return num, 2
		}
		if body[0] == '三' && body[1] == '两' {
			// 三两天: a few.
			num.Range = true
			num.rules |= numRangeSanLiang
			set(2, 3)
			return num, 2
		}
	}
	for _, r := range body {
		if r == '两' {
			// 两 is never spelled digit by digit: take the first figure.
			d, _ := cnDigit(body[0])
			num.rules |= numLiangNotSpelled
			set(float64(d), float64(d))
			return num, 1
		}
	}
	var v float64
	for _, r := range body {
		d, _ := cnDigit(r)
		v = v*10 + float64(d)
	}
	num.Spelled = true
	num.rules |= numSpelledDigits
	set(v, v)
	return num, len(body)
}

// parseWithUnits reads a body of Chinese digits with powers of ten or 几:
// 二十七, 三万五千, 三四十 (range), 十五六 (range), 十几, 二十来, 十余万.
func parseWithUnits(text []rune, i int, body []rune, hasJi bool) (numeral, int) {
	num := numeral{Approx: ApproxExact}
	// A leading range pair before a unit: 三四十, 七八百, 两三千.
	pairLen := 0
	if len(body) >= 3 {
		a, okA := cnDigit(body[0])
		b, okB := cnDigit(body[1])
		if okA && okB && a > 0 && (b == a+1 || (a == 3 && b == 5)) {
			if _, ok := cnUnit(body[2]); ok {
				pairLen = 2
				num.Range = true
				num.rules |= numRangePair
			}
		}
	}
	lo, n := cnValue(body, pairLen, false)
	hi, _ := cnValue(body, pairLen, true)
	if n == 0 {
		return numeral{}, 0
	}
	num.Value, num.Lo, num.Hi = lo, lo, hi
	// A trailing range pair after 十: 十五六, 三十八九 (15-16, 38-39).
	if !hasJi && !num.Range && n >= 2 && n < len(body) && body[n-2] == '十' {
		a, okA := cnDigit(body[n-1])
		b, okB := cnDigit(body[n])
		if okA && okB && a > 0 && b == a+1 && (n+1 == len(body) || !isUnit(body[n+1])) {
			num.Range = true
			num.rules |= numRangeAfterShi
			num.Hi = lo + 1
			n++
		}
	}
	if hasJi && !num.Range {
		num.Approx = ApproxAbout
		num.rules |= numVagueJi
	}
	if m, k, ok := chineseSuffix(text, i, n, num, hasJi); ok {
		return m, k
	}
	if num.Range || hasJi {
		return num, n
	}
	return chineseDecimal(text, i, num, n)
}

// chineseSuffix reads 来 (about) or 余/多 (over, then 万/亿) after the round
// Chinese figure text[i:i+n]: 二十来岁, 十余年, 二十多万.
func chineseSuffix(text []rune, i, n int, num numeral, hasJi bool) (numeral, int, bool) {
	k := i + n
	lo := num.Lo
	if k+1 < len(text) && text[k] == '来' && roundFigure(lo) && !hasJi && !num.Range && !strings.ContainsRune(numeralChars("lai_not_after"), text[k+1]) {
		num.Approx = ApproxAbout
		num.Hi = lo + lo/2
		num.rules |= numLaiAbout
		return num, n + 1, true
	}
	if k < len(text) && overMarkSet.has(text[k]) && roundFigure(lo) && n > 0 && !hasJi {
		num.Approx = ApproxOver
		num.rules |= numOverYuDuo
		k++
		for k < len(text) {
			u, ok := cnUnit(text[k])
			if !ok || u < 1e4 {
				break
			}
			num.Value *= u
			num.Lo *= u
			num.rules |= numMultiplier
			k++
		}
		num.Hi = math.Inf(1)
		num.Value = num.Lo
		return num, k - i, true
	}
	return num, n, false
}

// chineseDecimal extends the Chinese numeral text[i:i+n] by a decimal
// part: 二十七点三, 六点二, 二点三万 (点 followed by bare digits).
func chineseDecimal(text []rune, i int, num numeral, n int) (numeral, int) {
	k := i + n
	if k+1 < len(text) && decimalPointSet.has(text[k]) {
		m := k + 1
		scale, frac := 0.1, 0.0
		for m < len(text) {
			d, ok := cnDigit(text[m])
			if !ok || text[m] == '两' {
				break
			}
			frac += float64(d) * scale
			scale /= 10
			m++
		}
		if m > k+1 {
			// 十一点三十分 is a clock time, not 11.3: refuse when a unit follows.
			if m < len(text) {
				if u, ok := cnUnit(text[m]); ok && u < 1e4 {
					num.rules |= numClockNotDecimal
					return num, n
				}
			}
			v := num.Value + frac
			for m < len(text) {
				u, ok := cnUnit(text[m])
				if !ok || u < 1e4 {
					break
				}
				v *= u
				m++
			}
			num.Decimal = true
			num.rules |= numChineseDecimal
			num.Value, num.Lo, num.Hi = v, v, v
			return num, m - i
		}
	}
	return num, n
}

// cnValue evaluates a Chinese numeral body with units. The first pairLen
// runes are a range pair (三四十) of which the low or high figure is
// used; 几 counts as 2 (low) or 9 (high) before a unit, 1 or 9 after one.
// It returns the value and the runes used (it stops where the numeral
// stops making sense, e.g. at a second digit without a unit between).
func cnValue(body []rune, pairLen int, high bool) (float64, int) {
	var total, section, digit float64
	haveDigit := false
	lastUnit := 0.0
	used := 0
	for k := 0; k < len(body); k++ {
		r := body[k]
		if k < pairLen {
			if k == 1 {
				continue
			}
			a, _ := cnDigit(body[0])
			b, _ := cnDigit(body[1])
			if high {
				digit = float64(b)
			} else {
				digit = float64(a)
			}
			haveDigit = true
			used = 2
			continue
		}
		if d, ok := cnDigit(r); ok {
			if d == 0 && (lastUnit != 0 || total != 0) && !haveDigit {
				used = k + 1 // 一百零五, 十万零五十六: 零 only fills a place
				continue
			}
			if r == '两' && k > 0 && isUnit(body[k-1]) && !haveDigit && (k+1 == len(body) || !isUnit(body[k+1])) {
				break // 三十两, 两万两: a final 两 after a power of ten is the unit liang
			}
			if haveDigit {
				break // two digits in a row: stop
			}
			digit, haveDigit = float64(d), true
			used = k + 1
			continue
		}
		if r == '几' {
			if haveDigit {
				break
			}
			switch {
			case high:
				digit = 9
			case k+1 < len(body) && isUnit(body[k+1]):
				digit = 2
			default:
				digit = 1
			}
			haveDigit = true
			used = k + 1
			continue
		}
		if r == '廿' || r == '卅' {
			if haveDigit {
				break
			}
			v := 20.0
			if r == '卅' {
				v = 30
			}
			section += v
			lastUnit = 10
			used = k + 1
			continue
		}
		u, _ := cnUnit(r)
		if u < 1e4 {
			if lastUnit != 0 && u >= lastUnit && section != 0 {
				break // 十百: malformed
			}
			if !haveDigit {
				digit = 1 // 十 = 一十
			}
			section += digit * u
			digit, haveDigit = 0, false
			lastUnit = u
			used = k + 1
			continue
		}
		// 万 or 亿
		section += digit
		digit, haveDigit = 0, false
		if section == 0 && total == 0 {
			section = 1 // 万 alone
		}
		if u == 1e8 {
			total = (total + section) * u
		} else {
			if total != 0 && math.Mod(total, 1e8) == 0 && total >= 1e8 {
				total += section * u
			} else {
				total = (total + section) * u
			}
		}
		section = 0
		lastUnit = 0
		used = k + 1
	}
	if haveDigit {
		// A trailing digit after a unit is that unit / 10 (一万五 = 15000)
		// only in speech; in writing it is the ones place (二十五).
		section += digit
	}
	return total + section, used
}

func isUnit(r rune) bool {
	_, ok := cnUnit(r)
	return ok
}

// numeralStart reports whether a numeral may start with r, as
// readNumeral understands it (digits, Chinese numerals, 第, 上, 数, 百分之).
func numeralStart(r rune) bool {
	return numeralRune(r) || numeralHeadSet.has(r)
}
