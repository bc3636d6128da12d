package kwic

import (
	"os"
	"testing"
)

// TestKWICT2S: a Traditional text is searched converted, with a Simplified
// or a Traditional pattern, and shown as written, at its own offsets.
func TestKWICT2S(t *testing.T) {
	const trad = "../../../zhconv/testdata/1954-traditional.txt"
	b, err := os.ReadFile(trad)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(b))
	for _, args := range [][]string{
		{"--format", "jsonl", "-q", "经济", trad},
		{"--format", "jsonl", "-q", "經濟", trad},
		{"--format", "jsonl", "-q", "--t2s", "always", "经济", trad},
	} {
		out, err := run(t, args...)
		if err != nil {
			t.Fatal(err)
		}
		ls := lines(t, out)
		if len(ls) != 2 {
			t.Fatalf("%v: %d lines, want 2:\n%s", args, len(ls), out)
		}
		for _, l := range ls {
			if l.Match != "經濟" || string(runes[l.Start:l.End]) != "經濟" {
				t.Errorf("%v: %q at [%d,%d)", args, l.Match, l.Start, l.End)
			}
		}
	}
	out, err := run(t, "--format", "jsonl", "-q", "--t2s", "never", "经济", trad)
	if err != nil || len(lines(t, out)) != 0 {
		t.Errorf("--t2s never: %v %s", err, out)
	}
}
