package cmdtest

import (
	"testing"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

type options struct {
	N    int
	Args []string
}

func newCmd(f *cmdutil.Factory, runF func(*options) error) *cobra.Command {
	o := &options{}
	cmd := &cobra.Command{Use: "x", RunE: func(cmd *cobra.Command, args []string) error {
		if o.N < 0 {
			return cmdutil.UsageError("-n must not be negative")
		}
		o.Args = args
		if runF != nil {
			return runF(o)
		}
		_, err := f.IOStreams.Out.Write([]byte("ran\n"))
		return err
	}}
	cmd.Flags().IntVarP(&o.N, "n", "n", 1, "")
	return cmd
}

func TestParse(t *testing.T) {
	o, out, err := Parse(newCmd, "-n", "3", "a")
	if err != nil || o == nil || o.N != 3 || len(o.Args) != 1 || out != "" {
		t.Errorf("%+v %q %v", o, out, err)
	}
	o, _, err = Parse(newCmd)
	if err != nil || o == nil || o.N != 1 || len(o.Args) != 0 {
		t.Errorf("no arguments: %+v %v", o, err)
	}
	if o, _, err := Parse(newCmd, "-n", "-1"); !IsUsage(o, err) {
		t.Errorf("usage: %+v %v", o, err)
	}
	if o, _, err := Parse(newCmd, "a"); IsUsage(o, err) {
		t.Error("IsUsage of a run")
	}
}
