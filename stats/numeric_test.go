package stats

import "testing"

func TestNumericTerm(t *testing.T) {
	for _, w := range []string{"一九五八年", "１９５５年", "2019年", "一九五八", "三千", "万平方米", "亿元", "平方公里",
		"三百万吨", "第二次", "十二月", "两千万", "1.5亿元", "５０％", "个百分点"} {
		if !NumericTerm(w) {
			t.Errorf("NumericTerm(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"十三五", "十四五", "一体化", "三农", "四个全面", "一带一路", "两会", "万众一心", "百姓",
		"千方百计", "第一书记", "多元", "改革", "海拉尔", "半导体", "", "多", "第"} {
		if NumericTerm(w) {
			t.Errorf("NumericTerm(%q) = true, want false", w)
		}
	}
}
