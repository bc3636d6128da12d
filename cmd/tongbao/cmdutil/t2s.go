package cmdutil

import (
	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/zhconv"
)

// T2SFlag is the --t2s flag: when to convert Traditional Chinese to
// Simplified before analysis.
type T2SFlag struct{ value string }

// AddT2SFlag registers --t2s on cmd (default auto).
func AddT2SFlag(cmd *cobra.Command) *T2SFlag {
	f := &T2SFlag{}
	cmd.Flags().StringVar(&f.value, "t2s", "auto", "convert Traditional Chinese to Simplified for analysis, offsets and text staying those of the original: auto (when a document is Traditional), always or never")
	return f
}

// Mode returns the mode the flag names, or a usage error.
func (f *T2SFlag) Mode() (zhconv.Mode, error) {
	m, err := zhconv.ParseMode(f.value)
	if err != nil {
		return m, UsageError("--t2s %q: want auto, always or never", f.value)
	}
	return m, nil
}
