// Package version implements "tongbao version".
package version

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// Version is set at build time with -ldflags "-X .../version.Version=v1.2.3".
var Version = ""

// String returns the version of this build: the ldflags value, the module
// version, or the VCS revision.
func String() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			return bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				return "devel-" + s.Value[:12]
			}
		}
	}
	return "devel"
}

// Options are the parsed flags of "tongbao version".
type Options struct {
	IO *cmdutil.IOStreams
	// Version is the version to print (String()).
	Version string
}

// New returns the version command on the command's streams.
func New() *cobra.Command { return NewCmdVersion(&cmdutil.Factory{}, nil) }

// NewCmdVersion returns the version command. When runF is not nil it
// receives the options instead of the command running.
func NewCmdVersion(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the tongbao version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			o.IO = f.IOStreams
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			o.Version = String()
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
}

// Run prints the version.
func Run(o *Options) error {
	_, err := fmt.Fprintf(o.IO.Out, "tongbao %s\n", o.Version)
	return err
}
