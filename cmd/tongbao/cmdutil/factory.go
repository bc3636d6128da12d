package cmdutil

import (
	"bytes"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// IOStreams are the standard streams a command reads and writes.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
}

// SystemIO returns the process's standard streams.
func SystemIO() *IOStreams { return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr} }

// TestIO returns streams over buffers, for tests: standard input, output
// and error.
func TestIO() (ios *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// StreamsOf returns the streams of cmd (its SetIn/SetOut/SetErr, else the
// process's).
func StreamsOf(cmd *cobra.Command) *IOStreams {
	return &IOStreams{In: cmd.InOrStdin(), Out: cmd.OutOrStdout(), ErrOut: cmd.ErrOrStderr()}
}

// Factory holds what commands are built from, in the manner of gh's
// cmdutil.Factory: a command is made by NewCmdX(f, runF), where runF, when
// not nil, receives the parsed options instead of running the command, so
// that flag handling is tested without reading a corpus.
type Factory struct {
	IOStreams *IOStreams
}

// NewFactory returns the factory of the tongbao binary.
func NewFactory() *Factory { return &Factory{IOStreams: SystemIO()} }
