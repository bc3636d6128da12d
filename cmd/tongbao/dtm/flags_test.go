package dtm

import (
	"reflect"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil/cmdtest"
)

// Flags become options, or a usage error, without reading a corpus.
func TestFlags(t *testing.T) {
	parse := func(args ...string) (*Options, error) {
		o, _, err := cmdtest.Parse(NewCmdDTM, args...)
		return o, err
	}
	o, err := parse("-o", "out", "--min-df", "2", "--bom", "--drop", "punct,space", "a/", "b.txt")
	if err != nil || o == nil || o.Dir != "out" || o.MinDF != 2 || !o.BOM || o.Filter == nil || !reflect.DeepEqual(o.Args, []string{"a/", "b.txt"}) {
		t.Fatalf("options %+v, %v", o, err)
	}
	if o, err = parse("-o", "out"); err != nil || o.MinDF != 1 || o.BOM {
		t.Errorf("defaults %+v, %v", o, err)
	}
	for _, args := range [][]string{
		{"a/"}, // no -o
		{"-o", "out", "--resume", "a/"},
		{"-o", "out", "--min-df", "0", "a/"},
		{"-o", "out", "--drop", "colour", "a/"},
	} {
		if o, err := parse(args...); !cmdtest.IsUsage(o, err) {
			t.Errorf("%v: err %v, want a usage error before running", args, err)
		}
	}
}
