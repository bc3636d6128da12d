package cmdutil

import "testing"

func TestIsDate(t *testing.T) {
	for s, want := range map[string]bool{"2019年": true, "三月": true, "5日": true, "1990年代": true, "二十世纪": true, "2019-03-05": true,
		"年": false, "年度": false, "6.6%": false, "三农": false, "明年": false} {
		if got := isDate(s); got != want {
			t.Errorf("isDate(%q) = %v", s, got)
		}
	}
}
