package version

import (
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

func TestVersion(t *testing.T) {
	ios, _, out, _ := cmdutil.TestIO()
	cmd := NewCmdVersion(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); got != "tongbao "+String()+"\n" || !strings.HasPrefix(String(), "devel") && Version == "" && !strings.HasPrefix(String(), "v") {
		t.Errorf("printed %q", got)
	}
	Version = "v1.2.3"
	defer func() { Version = "" }()
	var got *Options
	cmd = NewCmdVersion(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
	cmd.SetArgs(nil)
	if err := cmd.Execute(); err != nil || got == nil || got.Version != "v1.2.3" || got.IO != ios {
		t.Errorf("options %+v, %v", got, err)
	}
	cmd = NewCmdVersion(&cmdutil.Factory{IOStreams: ios}, func(*Options) error { t.Error("ran with an argument"); return nil })
	cmd.SetArgs([]string{"extra"})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err == nil {
		t.Error("an argument is accepted")
	}
}
