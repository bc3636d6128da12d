package cmdutil

import (
	"context"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/corpus"
)

func TestEmptyDocumentWarns(t *testing.T) {
	for _, c := range []struct {
		in    string
		quiet bool
		warn  bool
	}{{"", false, true}, {" \n\t", false, true}, {"好", false, false}, {"", true, false}} {
		ios, in, out, errOut := TestIO()
		in.WriteString(c.in)
		f := &InputFlags{TextField: "text", IDField: "id", MaxDocBytes: corpus.DefaultMaxDocBytes, Jobs: 1, Quiet: c.quiet}
		err := RunDocsIO(context.Background(), ios, []string{"-"}, f, func(d corpus.Document) ([]byte, error) {
			return []byte(d.ID + "\n"), nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if out.String() != "-\n" {
			t.Errorf("%q: the record of an empty document: %q", c.in, out.String())
		}
		if got := strings.Contains(errOut.String(), "warning: -: empty document"); got != c.warn {
			t.Errorf("%q quiet=%v: warning %v, want %v (%q)", c.in, c.quiet, got, c.warn, errOut.String())
		}
	}
}
