package rules

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract"
)

func TestFlags(t *testing.T) {
	for _, c := range []struct {
		args   []string
		stages []string
		json   bool
		usage  bool
	}{
		{args: nil},
		{args: []string{"--json"}, json: true},
		{args: []string{"--stage", "person,org"}, stages: []string{"person", "org"}},
		{args: []string{"--stage", "weather"}, usage: true},
		{args: []string{"extra"}, usage: true},
	} {
		ios, _, _, _ := cmdutil.TestIO()
		var got *Options
		cmd := NewCmdRules(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		cmd.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return cmdutil.UsageError("%v", err) })
		err := cmd.Execute()
		if c.usage {
			if err == nil || got != nil {
				t.Errorf("%v: err %v, want an error before running", c.args, err)
			}
			continue
		}
		if err != nil || got == nil || !reflect.DeepEqual(got.Stages, c.stages) || got.JSON != c.json {
			t.Errorf("%v: err %v, options %+v", c.args, err, got)
		}
	}
}

func TestRulesJSON(t *testing.T) {
	ios, _, out, _ := cmdutil.TestIO()
	if err := Run(&Options{IO: ios, JSON: true, Stages: []string{"person"}}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	n := 0
	for _, r := range extract.Rules() {
		if r.Stage == "person" {
			n++
		}
	}
	if n == 0 || len(lines) != n {
		t.Fatalf("%d lines for %d person rules", len(lines), n)
	}
	for _, l := range lines {
		var r extract.RuleInfo
		if err := json.Unmarshal([]byte(l), &r); err != nil || r.Stage != "person" || r.Doc == "" || extract.RuleDoc(r.Name) != r.Doc {
			t.Errorf("line %s: %+v %v", l, r, err)
		}
	}
}

func TestRulesTable(t *testing.T) {
	ios, _, out, _ := cmdutil.TestIO()
	if err := Run(&Options{IO: ios}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(extract.Rules())+1 || !strings.HasPrefix(lines[0], "STAGE") {
		t.Fatalf("%d lines for %d rules", len(lines), len(extract.Rules()))
	}
	r := extract.Rules()[0]
	if f := strings.Fields(lines[1]); len(f) < 4 || f[0] != r.Stage || f[1] != r.Name || f[2] != string(r.Verdict) {
		t.Errorf("first row %q for %+v", lines[1], r)
	}
}
