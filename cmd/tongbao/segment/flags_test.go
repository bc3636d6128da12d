package segment

import (
	"reflect"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil/cmdtest"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// Flags become options, or a usage error, without reading a corpus or a
// dictionary.
func TestFlags(t *testing.T) {
	for _, c := range []struct {
		args  []string
		check func(*Options) bool
		usage bool
	}{
		{args: []string{"a.txt"}, check: func(o *Options) bool {
			return o.Format == "text" && o.Mode == segment.Precise && o.Engine == segment.Table && !o.POS && !o.HMM &&
				o.T2S == zhconv.Auto && reflect.DeepEqual(o.Args, []string{"a.txt"})
		}},
		{args: []string{"-f", "jsonl", "-m", "search", "--pos", "--hmm", "--dict", "a.dic", "--dict", "b.dic", "--dict-report"}, check: func(o *Options) bool {
			return o.Format == "jsonl" && o.Mode == segment.Search && o.POS && o.HMM && o.DictReport && reflect.DeepEqual(o.Dicts, []string{"a.dic", "b.dic"})
		}},
		{args: []string{"--engine", "gse", "--t2s", "never", "--format", "tsv"}, check: func(o *Options) bool {
			return o.Engine == segment.GSE && o.T2S == zhconv.Never && o.Format == "tsv"
		}},
		{args: []string{"--drop", "punct,stopwords", "--doc-per-line"}, check: func(o *Options) bool {
			return o.Filter != nil && o.DocPerLine
		}},
		{args: []string{"--format", "xml"}, usage: true},
		{args: []string{"--mode", "fast"}, usage: true},
		{args: []string{"--engine", "jieba"}, usage: true},
		{args: []string{"--t2s", "yes"}, usage: true},
		{args: []string{"--drop", "colour"}, usage: true},
		{args: []string{"--doc-per-line", "-f", "jsonl"}, usage: true},
		{args: []string{"--dict-report"}, usage: true},
		{args: []string{"--jobs", "0"}, usage: true},
		{args: []string{"--resume"}, usage: true},
	} {
		got, out, err := cmdtest.Parse(NewCmdSegment, c.args...)
		if out != "" {
			t.Errorf("%v: output while parsing flags", c.args)
		}
		if c.usage {
			if !cmdtest.IsUsage(got, err) {
				t.Errorf("%v: err %v, want a usage error before running", c.args, err)
			}
			continue
		}
		if err != nil || got == nil || got.IO == nil || !c.check(got) {
			t.Errorf("%v: err %v, options %+v", c.args, err, got)
		}
	}
}
