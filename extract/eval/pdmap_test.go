package eval

import "testing"

// TestPD1998Mapping checks the mapping of PD1998's numeral + measure-word
// runs to the guideline: ordinals dropped, durations made times merged
// with the time runs they touch, other counts unchanged.
func TestPD1998Mapping(t *testing.T) {
	cases := []struct {
		line, text string
		ws         []want
	}{
		{"19980105-01-001-001/m  第三/m  次/q  会议/n  首/m  批/q  试点/n  ３０/m  本/q  书/n",
			"第三次会议首批试点３０本书", []want{{"count", "３０本", 9, 12}}},
		{"19980105-01-001-001/m  今后/t  ３/m  年/q  内/f  过去/t  几/m  年/q",
			"今后３年内过去几年", []want{{"time", "今后３年", 0, 4}, {"time", "过去几年", 5, 9}}},
		{"19980105-01-001-001/m  半/m  个/q  月/n  ，/w  三/m  个/q  国家/n  ，/w  ２/m  个/q  小时/n",
			"半个月，三个国家，２个小时", []want{{"time", "半个月", 0, 3}, {"count", "三个", 4, 6}, {"time", "２个小时", 9, 13}}},
		{"19980105-01-001-001/m  三/m  年/q  零/m  五/m  个/q  月/n  １９９７年/t  ５０/m  周年/q",
			"三年零五个月１９９７年５０周年", []want{{"time", "三年零五个月１９９７年５０周年", 0, 15}}},
		{"19980105-01-001-001/m  第二/m  天/q  ，/w  今年/t  ５１/m  岁/q  ，/w  ３/m  分钟/q",
			"第二天，今年５１岁，３分钟", []want{{"time", "今年", 4, 6}, {"count", "５１岁", 6, 9}, {"time", "３分钟", 10, 13}}},
	}
	for _, c := range cases {
		d, err := ParsePD1998Line(c.line)
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, d, c.text, c.ws)
	}
}
