package kwic

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil/cmdtest"
)

// Flags become options, or a usage error, without reading a corpus.
func TestFlags(t *testing.T) {
	for _, c := range []struct {
		args    []string
		pattern string
		regex   bool
		typ     string
		window  int
		chars   bool
		format  string
		rest    []string
		usage   bool
	}{
		{args: []string{"乡村振兴", "a.txt", "b/"}, pattern: "乡村振兴", window: 5, format: "auto", rest: []string{"a.txt", "b/"}},
		{args: []string{"--regex", "^高质量", "-w", "8", "--format", "text"}, pattern: "^高质量", regex: true, window: 8, format: "text"},
		{args: []string{"--type", "slogan", "--match", "振兴", "a.txt"}, pattern: "振兴", typ: "slogan", window: 5, format: "auto", rest: []string{"a.txt"}},
		{args: []string{"--type", "person"}, typ: "person", window: 5, format: "auto"},
		{args: []string{"--chars", "--window", "20", "河长制"}, pattern: "河长制", window: 20, chars: true, format: "auto"},
		{args: nil, usage: true},                                    // no pattern
		{args: []string{""}, usage: true},                           // empty pattern
		{args: []string{"--type", "weather"}, usage: true},          // unknown type
		{args: []string{"--match", "振兴", "x"}, usage: true},         // --match without --type
		{args: []string{"--regex", "(", "a.txt"}, usage: true},      // bad expression
		{args: []string{"--window", "-1", "x"}, usage: true},        // negative window
		{args: []string{"--width", "1000000", "x"}, usage: true},    // too wide
		{args: []string{"--format", "html", "x"}, usage: true},      // unknown format
		{args: []string{"--unordered", "x"}, usage: true},           // not for kwic
		{args: []string{"--resume", "-o", "out", "x"}, usage: true}, // not for kwic
		{args: []string{"-j", "0", "x"}, usage: true},
	} {
		got, out, err := cmdtest.Parse(NewCmdKWIC, c.args...)
		if out != "" {
			t.Errorf("%v: output while parsing flags", c.args)
		}
		if c.usage {
			if !cmdtest.IsUsage(got, err) {
				t.Errorf("%v: err %v, want a usage error before running", c.args, err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Errorf("%v: err %v", c.args, err)
			continue
		}
		if got.Pattern != c.pattern || (got.Regex != nil) != c.regex || got.Type != c.typ || got.Window != c.window ||
			got.Chars != c.chars || got.Format != c.format || len(got.Args) != len(c.rest) || len(c.rest) > 0 && !reflect.DeepEqual(got.Args, c.rest) {
			t.Errorf("%v: options %+v", c.args, got)
		}
	}
	// -o FILE naming an input
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(in, []byte("县人大常委会"), 0o644); err != nil {
		t.Fatal(err)
	}
	if o, _, err := cmdtest.Parse(NewCmdKWIC, "-o", in, "人大", in); !cmdtest.IsUsage(o, err) {
		t.Errorf("-o an input: %v", err)
	}
}
