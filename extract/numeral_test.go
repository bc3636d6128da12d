package extract

import (
	"math"
	"testing"
)

func TestParseNumeral(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		in      string
		n       int
		value   float64
		lo, hi  float64
		approx  string
		percent bool
		ordinal bool
	}{
		{"213件", 3, 213, 213, 213, ApproxExact, false, false},
		{"３０余本", 3, 30, 30, inf, ApproxOver, false, false},
		{"30余本", 3, 30, 30, inf, ApproxOver, false, false},
		{"四本", 1, 4, 4, 4, ApproxExact, false, false},
		{"１２３", 3, 123, 123, 123, ApproxExact, false, false},
		{"1,234,567元", 9, 1234567, 1234567, 1234567, ApproxExact, false, false},
		{"1,23元", 1, 1, 1, 1, ApproxExact, false, false},
		{"1.2万元", 4, 12000, 12000, 12000, ApproxExact, false, false},
		{"１．５亿", 4, 1.5e8, 1.5e8, 1.5e8, ApproxExact, false, false},
		{"3千余人", 3, 3000, 3000, inf, ApproxOver, false, false},
		{"1000多万元", 6, 1e7, 1e7, inf, ApproxOver, false, false},
		{"3万亿", 3, 3e12, 3e12, 3e12, ApproxExact, false, false},
		{"35多", 2, 35, 35, 35, ApproxExact, false, false},
		{"30%", 3, 30, 30, 30, ApproxExact, true, false},
		{"１２．５％", 5, 12.5, 12.5, 12.5, ApproxExact, true, false},
		{"百分之三十", 5, 30, 30, 30, ApproxExact, true, false},
		{"百分之", 0, 0, 0, 0, "", false, false},
		{"一", 1, 1, 1, 1, ApproxExact, false, false},
		{"十", 1, 10, 10, 10, ApproxExact, false, false},
		{"十一", 2, 11, 11, 11, ApproxExact, false, false},
		{"二十七", 3, 27, 27, 27, ApproxExact, false, false},
		{"一百零五", 4, 105, 105, 105, ApproxExact, false, false},
		{"一千零一夜", 4, 1001, 1001, 1001, ApproxExact, false, false},
		{"三万五千", 4, 35000, 35000, 35000, ApproxExact, false, false},
		{"一亿三千万", 5, 1.3e8, 1.3e8, 1.3e8, ApproxExact, false, false},
		{"十三亿", 3, 1.3e9, 1.3e9, 1.3e9, ApproxExact, false, false},
		{"两", 1, 2, 2, 2, ApproxExact, false, false},
		{"两千", 2, 2000, 2000, 2000, ApproxExact, false, false},
		{"廿五", 2, 25, 25, 25, ApproxExact, false, false},
		{"卅", 1, 30, 30, 30, ApproxExact, false, false},
		{"一九九七年", 4, 1997, 1997, 1997, ApproxExact, false, false},
		{"二〇二一年", 4, 2021, 2021, 2021, ApproxExact, false, false},
		{"两三个", 2, 2, 2, 3, ApproxExact, false, false},
		{"三五天", 2, 3, 3, 5, ApproxExact, false, false},
		{"七八十人", 3, 70, 70, 80, ApproxExact, false, false},
		{"三两天", 2, 2, 2, 3, ApproxExact, false, false},
		{"十几年", 2, 11, 11, 19, ApproxAbout, false, false},
		{"几十年", 2, 20, 20, 90, ApproxAbout, false, false},
		{"二十几岁", 3, 21, 21, 29, ApproxAbout, false, false},
		{"几个", 1, 1, 1, 9, ApproxAbout, false, false},
		{"十余本", 2, 10, 10, inf, ApproxOver, false, false},
		{"二十多万元", 4, 200000, 200000, inf, ApproxOver, false, false},
		{"三百多名", 3, 300, 300, inf, ApproxOver, false, false},
		{"上千名", 2, 1000, 1000, 9000, ApproxAbout, false, false},
		{"上百万", 3, 1e6, 1e6, 9e6, ApproxAbout, false, false},
		{"数百名", 2, 200, 200, 900, ApproxAbout, false, false},
		{"数年", 1, 2, 2, 9, ApproxAbout, false, false},
		{"上海", 0, 0, 0, 0, "", false, false},
		{"半年", 1, 0.5, 0.5, 0.5, ApproxExact, false, false},
		{"第三次", 2, 3, 3, 3, ApproxExact, false, true},
		{"第十四届", 3, 14, 14, 14, ApproxExact, false, true},
		{"第", 0, 0, 0, 0, "", false, false},
		{"二十七点三", 5, 27.3, 27.3, 27.3, ApproxExact, false, false},
		{"六点二", 3, 6.2, 6.2, 6.2, ApproxExact, false, false},
		{"二点三万", 4, 23000, 23000, 23000, ApproxExact, false, false},
		{"十一点三十分", 2, 11, 11, 11, ApproxExact, false, false},
		{"十一点", 2, 11, 11, 11, ApproxExact, false, false},
		{"万名", 1, 10000, 10000, 10000, ApproxExact, false, false},
		{"千户", 1, 1000, 1000, 1000, ApproxExact, false, false},
		{"１９９８年", 4, 1998, 1998, 1998, ApproxExact, false, false},
		{"3.", 1, 3, 3, 3, ApproxExact, false, false},
		{"建议", 0, 0, 0, 0, "", false, false},
		{"幺三五", 3, 135, 135, 135, ApproxExact, false, false},
		{"一一幺", 3, 111, 111, 111, ApproxExact, false, false},
		{"幺妹", 0, 0, 0, 0, "", false, false},
		{"三幺", 1, 3, 3, 3, ApproxExact, false, false},
		{"十幺", 1, 10, 10, 10, ApproxExact, false, false},
		{"十五六岁", 3, 15, 15, 16, ApproxExact, false, false},
		{"三十八九度", 4, 38, 38, 39, ApproxExact, false, false},
		{"二十来岁", 3, 20, 20, 30, ApproxAbout, false, false},
		{"十来年", 2, 10, 10, 15, ApproxAbout, false, false},
		{"二十来了", 2, 20, 20, 20, ApproxExact, false, false},
		{"0.7万吨", 4, 7000, 7000, 7000, ApproxExact, false, false},
		{"4.17亿元", 5, 4.17e8, 4.17e8, 4.17e8, ApproxExact, false, false},
		{"12.3%", 5, 12.3, 12.3, 12.3, ApproxExact, true, false},
		{"０.３", 3, 0.3, 0.3, 0.3, ApproxExact, false, false},
	}
	for _, c := range cases {
		num, n := readNumeral([]rune(c.in), 0)
		if n != c.n {
			t.Errorf("%s: consumed %d runes, want %d (%+v)", c.in, n, c.n, num)
			continue
		}
		if n == 0 {
			continue
		}
		if num.Value != c.value || num.Lo != c.lo || num.Hi != c.hi || num.Approx != c.approx ||
			num.Percent != c.percent || num.Ordinal != c.ordinal {
			t.Errorf("%s: got %+v, want value %v lo %v hi %v approx %s percent %v ordinal %v",
				c.in, num, c.value, c.lo, c.hi, c.approx, c.percent, c.ordinal)
		}
	}
}

func TestParseNumeralBounds(t *testing.T) {
	text := []rune("三个")
	for _, i := range []int{-1, 2, 100} {
		if _, n := readNumeral(text, i); n != 0 {
			t.Errorf("readNumeral at %d consumed %d", i, n)
		}
	}
}

func FuzzParseNumeral(f *testing.F) {
	for _, s := range []string{"1.2万元", "百分之三十", "两三个", "十几", "第三次", "一九九七年", "１．５亿", "3千余", "二十七点三", "上百万", "1,234", "数"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text := []rune(s)
		for i := range text {
			num, n := readNumeral(text, i)
			if n < 0 || i+n > len(text) {
				t.Fatalf("%q at %d: consumed %d", s, i, n)
			}
			if n > 0 && (math.IsNaN(num.Value) || num.Lo > num.Hi) {
				t.Fatalf("%q at %d: bad numeral %+v", s, i, num)
			}
		}
	})
}

func TestIsNumeralRune(t *testing.T) {
	for _, r := range "0９〇零一二两十百千万亿廿卅几半" {
		if !numeralRune(r) {
			t.Errorf("%c is a numeral rune", r)
		}
	}
	for _, r := range []rune{'a', '个', '第', '年', -1, 0x10FFFF, 0x1F600} {
		if numeralRune(r) {
			t.Errorf("%U is not a numeral rune", r)
		}
	}
}
