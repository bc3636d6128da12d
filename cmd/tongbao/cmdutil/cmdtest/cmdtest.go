// Package cmdtest helps test the flag handling of tongbao's commands, which
// are built as NewCmdX(f, runF): flags are checked into options that runF
// receives, without reading a corpus.
package cmdtest

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// Parse builds a command with newCmd on test streams and a runF that
// captures its options, and executes it with args. It returns the options
// runF received (nil when the command stopped before running, as on a
// usage error), what the command wrote on its output (nothing, when only
// flags are handled) and the error.
func Parse[O any](newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) (*O, string, error) {
	ios, _, out, _ := cmdutil.TestIO()
	var got *O
	cmd := newCmd(&cmdutil.Factory{IOStreams: ios}, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	if args == nil {
		cmd.SetArgs([]string{})
	}
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return got, out.String(), err
}

// IsUsage reports whether err is a usage error (exit code 2) and the
// command stopped before running (no options captured).
func IsUsage[O any](o *O, err error) bool {
	return cmdutil.Code(err) == cmdutil.ExitUsage && o == nil
}
