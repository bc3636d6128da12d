package stats

import "testing"

func TestGroupFileBucket(t *testing.T) {
	g, err := NewGrouper([]string{"file:decade"})
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]string{"reports/1958.md": "1950s", "reports/1964-part.md": "1960s", "a/2026.md": "2020s", "a/notes.md": "notes"} {
		if got, ok := g.Group(id, nil, ""); !ok || got != want {
			t.Errorf("file:decade of %s = %q, %v; want %q", id, got, ok, want)
		}
	}
	g, err = NewGrouper([]string{"dir:year"})
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := g.Group("x/2019-03/a.txt", nil, ""); got != "2019" {
		t.Errorf("dir:year = %q", got)
	}
	if _, err := NewGrouper([]string{"file:week"}); err == nil {
		t.Error("file:week: no error")
	}
}
