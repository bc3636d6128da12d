package extract

import (
	"os"
	"strings"
	"testing"
)

func TestWindowEnd(t *testing.T) {
	text := strings.Repeat("甲", 100) + "\n" + strings.Repeat("乙", 100) + "。" + strings.Repeat("丙", 100)
	// A line break in the second half wins.
	if e := windowEnd(text, 0, 400); e != 301 {
		t.Errorf("line break: end %d, want 301", e)
	}
	// Else a sentence end.
	if e := windowEnd(text, 301, 400); e != 301+303 {
		t.Errorf("sentence end: end %d, want %d", e, 301+303)
	}
	// Else a character boundary, never inside a character.
	if e := windowEnd(strings.Repeat("丁", 100), 0, 100); e != 99 {
		t.Errorf("no punctuation: end %d, want 99", e)
	}
}

// Windowed extraction keeps offsets on the whole text and finds the
// mentions of whole-document extraction.
func TestWindowedMatchesWhole(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat(string(b)+"\n", 6)
	whole, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	win, err := NewDocumentWindowed(text, 3000)
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	seen := map[[3]any]bool{}
	for i, m := range win.Mentions {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Fatalf("mention %d %q at %d-%d: text there is %q", i, m.Text, m.Start, m.End, string(rs[m.Start:m.End]))
		}
		if i > 0 && m.Start < win.Mentions[i-1].Start {
			t.Fatalf("mentions out of order at %d", i)
		}
		seen[[3]any{m.Type, m.Start, m.End}] = true
	}
	found := 0
	for _, m := range whole.Mentions {
		if seen[[3]any{m.Type, m.Start, m.End}] {
			found++
		}
	}
	if found*100 < len(whole.Mentions)*97 || len(win.Mentions)*100 > len(whole.Mentions)*103 {
		t.Errorf("windowed: %d mentions, %d of the %d of whole-document extraction", len(win.Mentions), found, len(whole.Mentions))
	}
	if (whole.Title == nil) != (win.Title == nil) || (whole.Home == nil) != (win.Home == nil) {
		t.Errorf("document fields differ: title %v/%v home %v/%v", whole.Title, win.Title, whole.Home, win.Home)
	}
	for _, s := range win.Sections {
		if string(rs[s.Start:s.End]) != s.Text {
			t.Fatalf("section %q at %d-%d", s.Text, s.Start, s.End)
		}
	}
	for _, e := range win.People {
		if !strings.HasPrefix(string(rs[e.First:]), e.Name) {
			t.Fatalf("person %s first at %d", e.Name, e.First)
		}
	}
	if len(win.People) != len(whole.People) || win.Text != text {
		t.Errorf("people: %d windowed, %d whole", len(win.People), len(whole.People))
	}
	// A text within one window is extracted whole.
	one, _ := NewDocumentWindowed(string(b), 0)
	ref, _ := NewDocument(string(b))
	if len(one.Mentions) != len(ref.Mentions) {
		t.Errorf("short text: %d mentions, want %d", len(one.Mentions), len(ref.Mentions))
	}

}
