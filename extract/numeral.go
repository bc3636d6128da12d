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
	case '二', '两', '贰':
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
	case '亿':
		return 1e8, true
	}
	return 0, false
}

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

// readNumeral parses the numeral starting at text[i] and returns it with
// the number of runes consumed; n is 0 when no numeral starts there.
// Besides the numeral proper it consumes a leading 第 (Ordinal), 百分之 or
// a trailing %/％ (Percent), a leading 上 or 数 before 十百千万 (上千, 数百),
// 余/多 after a round figure (30余, 十多万, over) and 来 after a round
// Chinese figure (二十来, about). Ranges are two adjacent figures (两三,
// 七八十, 十五六); 幺 counts as one only in strings of bare digits (幺三五).
// Values are rounded to 12 significant digits (0.7万 = 7000). It never
// reads before i, and never panics on any input.
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
		i++
	}
	if i+2 < len(text) && text[i] == '百' && text[i+1] == '分' && text[i+2] == '之' {
		inner, n := parseBare(text, i+3)
		if n == 0 || inner.Ordinal {
			return numeral{}, 0
		}
		inner.Percent = true
		inner.Ordinal = num.Ordinal
		return inner, i + 3 + n - start
	}
	inner, n := parseBare(text, i)
	if n == 0 {
		return numeral{}, 0
	}
	inner.Ordinal = num.Ordinal
	j := i + n
	if j < len(text) && (text[j] == '%' || text[j] == '％') && !num.Ordinal {
		inner.Percent = true
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
		return numeral{Value: 0.5, Lo: 0.5, Hi: 0.5, Approx: ApproxExact}, 1
	case r == '上' || r == '数':
		// 上百, 上千, 上万, 数十, 数百; 数 alone (数年) is vague.
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
					return num, n + 1
				}
			}
		}
		if r == '数' {
			return numeral{Value: 2, Lo: 2, Hi: 9, Approx: ApproxAbout}, 1
		}
		return numeral{}, 0
	}
	return parseChinese(text, i)
}

// parseArabic parses digits with optional thousand separators, a decimal
// part, Chinese multipliers and 余/多 (1,200; 1.5亿; 3千余; 1000多万).
func parseArabic(text []rune, i int) (numeral, int) {
	j := i
	var v float64
	for j < len(text) {
		d, ok := digitValue(text[j])
		if !ok {
			// 1,234,567: a comma followed by exactly three digits.
			if text[j] == ',' && j > i && threeDigits(text, j+1) {
				j++
				continue
			}
			break
		}
		v = v*10 + float64(d)
		j++
	}
	num := numeral{Digits: true, Approx: ApproxExact}
	if j+1 < len(text) && isDecimalPoint(text[j]) && isDigitRune(text[j+1]) {
		num.Decimal = true
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
	for j < len(text) {
		r := text[j]
		if u, ok := cnUnit(r); ok {
			if u == 1000 && j+1 < len(text) && strings.ContainsRune("瓦克米", text[j+1]) {
				break // 50万千瓦: 千 belongs to the unit
			}
			// A unit after a figure multiplies it (3千 = 3000, 3万亿).
			v *= u
			j++
			continue
		}
		if (r == '余' || r == '多') && num.Approx != ApproxOver && roundFigure(v) {
			num.Approx = ApproxOver
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

// chineseRunes reports whether r belongs to a Chinese numeral body.
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
	yao := false
	for j < len(text) && (chineseRune(text[j]) || text[j] == '幺') {
		yao = yao || text[j] == '幺'
		j++
	}
	if yao {
		// 幺 (one, as read out in codes and phone numbers) only in a
		// string of at least three bare digits: 幺三五, 一一幺.
		bare := j-i >= 3
		for _, r := range text[i:j] {
			if _, ok := cnDigit(r); !ok && r != '幺' {
				bare = false
			}
		}
		if !bare {
			k := i
			for k < j && text[k] != '幺' {
				k++
			}
			j = k
		} else {
			var v float64
			for _, r := range text[i:j] {
				d, _ := cnDigit(r)
				if r == '幺' {
					d = 1
				}
				v = v*10 + float64(d)
			}
			return numeral{Value: v, Lo: v, Hi: v, Approx: ApproxExact, Spelled: true}, j - i
		}
	}
	if j == i {
		return numeral{}, 0
	}
	body := text[i:j]
	num := numeral{Approx: ApproxExact}
	hasUnit, hasJi := false, false
	for _, r := range body {
		if _, ok := cnUnit(r); ok || r == '廿' || r == '卅' {
			hasUnit = true
		}
		if r == '几' {
			hasJi = true
		}
	}
	// A bare string of digits: 一九九七 (spelled), 两三 / 三五 (range).
	if !hasUnit && !hasJi {
		if len(body) == 2 {
			a, _ := cnDigit(body[0])
			b, _ := cnDigit(body[1])
			if a > 0 && (b == a+1 || (a == 3 && b == 5)) && body[0] != '〇' {
				num.Range = true
				num.Value, num.Lo, num.Hi = float64(a), float64(a), float64(b)
				return num, 2
			}
		}
		if len(body) >= 2 {
			if len(body) == 2 && body[0] == '三' && body[1] == '两' {
				// 三两天: a few.
				num.Range = true
				num.Value, num.Lo, num.Hi = 2, 2, 3
				return num, 2
			}
			for _, r := range body {
				if r == '两' {
					// 两 is never spelled digit by digit: take the first figure.
					d, _ := cnDigit(body[0])
					num.Value, num.Lo, num.Hi = float64(d), float64(d), float64(d)
					return num, 1
				}
			}
			var v float64
			for _, r := range body {
				d, _ := cnDigit(r)
				v = v*10 + float64(d)
			}
			num.Spelled = true
			num.Value, num.Lo, num.Hi = v, v, v
			return num, len(body)
		}
		d, _ := cnDigit(body[0])
		num.Value, num.Lo, num.Hi = float64(d), float64(d), float64(d)
		return chineseDecimal(text, i, num, 1)
	}
	// A leading range pair before a unit: 三四十, 七八百, 两三千.
	pairLen := 0
	if len(body) >= 3 {
		a, okA := cnDigit(body[0])
		b, okB := cnDigit(body[1])
		if okA && okB && a > 0 && (b == a+1 || (a == 3 && b == 5)) {
			if _, ok := cnUnit(body[2]); ok {
				pairLen = 2
				num.Range = true
			}
		}
	}
	lo, nLo := cnValue(body, pairLen, false)
	hi, _ := cnValue(body, pairLen, true)
	n := nLo
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
			num.Hi = lo + 1
			n++
		}
	}
	if hasJi && !num.Range {
		num.Approx = ApproxAbout
	}
	// 来 after a round Chinese figure: 二十来岁, 十来年 (about).
	k := i + n
	if k+1 < len(text) && text[k] == '来' && roundFigure(lo) && !hasJi && !num.Range && !strings.ContainsRune("了的说看自到往去", text[k+1]) {
		num.Approx = ApproxAbout
		num.Hi = lo + lo/2
		return num, n + 1
	}
	// 余/多 after a round Chinese figure, then further multipliers: 十余, 二十多万.
	if k < len(text) && (text[k] == '余' || text[k] == '多') && roundFigure(lo) && n > 0 && !hasJi {
		num.Approx = ApproxOver
		k++
		for k < len(text) {
			u, ok := cnUnit(text[k])
			if !ok || u < 1e4 {
				break
			}
			num.Value *= u
			num.Lo *= u
			k++
		}
		num.Hi = math.Inf(1)
		num.Value = num.Lo
		return num, k - i
	}
	if num.Range || hasJi {
		return num, n
	}
	return chineseDecimal(text, i, num, n)
}

// chineseDecimal extends the Chinese numeral text[i:i+n] by a decimal
// part: 二十七点三, 六点二, 二点三万 (点 followed by bare digits).
func chineseDecimal(text []rune, i int, num numeral, n int) (numeral, int) {
	k := i + n
	if k+1 < len(text) && text[k] == '点' {
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
			if d == 0 && lastUnit != 0 && !haveDigit {
				used = k + 1 // 一百零五: 零 only fills a place
				continue
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
// ParseNumeral understands it (digits, Chinese numerals, 第, 上, 数, 百分之).
func numeralStart(r rune) bool {
	return numeralRune(r) || r == '第' || r == '上' || r == '数'
}
