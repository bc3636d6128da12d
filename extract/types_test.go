package extract

import (
	"reflect"
	"testing"
)

func TestParseTypes(t *testing.T) {
	for _, c := range []struct {
		in   []string
		want []string
		err  bool
	}{
		{in: nil, want: nil},
		{in: []string{"all"}, want: AllTypes},
		{in: []string{"time", "indicator"}, want: []string{"time", "indicator"}},
		{in: []string{"all", "time"}, err: true},
		{in: []string{"weather"}, err: true},
	} {
		got, err := ParseTypes(c.in)
		if (err != nil) != c.err || !c.err && !reflect.DeepEqual(got, c.want) {
			t.Errorf("ParseTypes(%q) = %q, %v", c.in, got, err)
		}
	}
}
