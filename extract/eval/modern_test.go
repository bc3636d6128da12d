package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// withModernRoot points ModernRoot at dir for the test.
func withModernRoot(t *testing.T, dir string) {
	old := ModernRoot
	ModernRoot = dir
	t.Cleanup(func() { ModernRoot = old })
}

func TestReadModern(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "provinces", "某省")
	if err := os.MkdirAll(doc, 0o755); err != nil {
		t.Fatal(err)
	}
	line := "今年全省生产总值增长7%，省委召开会议。"
	if err := os.WriteFile(filepath.Join(doc, "2020.md"), []byte("---\ntitle: x\n---\n\n"+line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	withModernRoot(t, dir)
	h := lineHash(line)
	good := `{"doc":"provinces/某省/2020.md","line":5,"sha1":"` + h + `","mentions":[{"type":"count","text":"7%","start":10,"end":12},{"type":"time","text":"今年","start":0,"end":2},{"type":"org","text":"省委","start":13,"end":15}]}`
	docs, err := ReadModern(strings.NewReader(good+"\n"), "g")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || docs[0].Text != line || docs[0].ID != "provinces/某省/2020.md:5" || docs[0].Ref.Year() != 2020 {
		t.Fatalf("docs = %+v", docs)
	}
	if g := docs[0].Gold; len(g) != 3 || g[0].Type != "time" || g[1].Type != "count" || g[2].Type != "org" {
		t.Errorf("gold not sorted by start: %+v", g)
	}
	for name, rec := range map[string]string{
		"changed line":  strings.Replace(good, h, "000000000000", 1),
		"wrong offsets": strings.Replace(good, `"start":10,"end":12`, `"start":9,"end":11`, 1),
		"missing line":  strings.Replace(good, `"line":5`, `"line":50`, 1),
		"held out":      strings.Replace(good, `provinces/`, `prefectures/`, 1),
		"escape":        strings.Replace(good, `provinces/`, `../`, 1),
	} {
		if _, err := ReadModern(strings.NewReader(rec), "g"); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestModernGold reads the modern development gold and the check sample
// against the
// corpus and checks it against the guideline's constraints between
// mentions.
func TestModernGold(t *testing.T) {
	root := filepath.Join("..", "..", "..", "shared", "corpora", "gov-work-reports")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("the work report corpus is not at %s: skipping the modern gold check", root)
	}
	withModernRoot(t, root)
	docs, err := ReadFiles(FormatTongbao, []string{
		filepath.Join("..", "..", "testdata", "gold", "modern"),
		filepath.Join("..", "..", "testdata", "gold", "modern-check"),
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	chars := 0
	for _, d := range docs {
		if seen[d.ID] {
			t.Errorf("%s annotated twice", d.ID)
		}
		seen[d.ID] = true
		chars += len([]rune(d.Text))
		for i, a := range d.Gold {
			for _, b := range d.Gold[i+1:] {
				if b.Start >= a.End {
					break
				}
				switch {
				case a.Type == b.Type:
					t.Errorf("%s: two %s mentions overlap at %d", d.ID, a.Type, b.Start)
				case a.Type == "book" || b.Type == "book":
					t.Errorf("%s: a mention overlaps a book title at %d", d.ID, b.Start)
				case a.Type == "place" && b.Type == "org" || a.Type == "org" && b.Type == "place":
					t.Errorf("%s: a place and an org overlap at %d", d.ID, b.Start)
				}
			}
		}
	}
	t.Logf("%d paragraphs, %d characters", len(docs), chars)
}
