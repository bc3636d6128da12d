package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestDeterministic extracts every type from the same documents several
// times in one process and wants the same JSON each time. Go starts each
// loop over a map at a random place, so a decision that depends on map
// order shows up here as a difference between runs (it did: the five-year
// plan of a sentence naming 十五五).
func TestDeterministic(t *testing.T) {
	files, _ := filepath.Glob("../../shared/corpora/gov-work-reports/provinces/*/2026.md")
	if len(files) == 0 {
		t.Skip("the work reports are absent: the test needs ../shared next to the repository")
	}
	files = append(files, "../testdata/000_776449805ff1d07a.txt")
	runs := 3
	if testing.Short() {
		runs = 2
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var first []byte
		for i := 0; i < runs; i++ {
			d, err := NewDocument(string(data), WithTypes(AllTypes...), WithID(f))
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(d)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = b
			} else if !bytes.Equal(b, first) {
				t.Errorf("%s: run %d differs from run 1", f, i+1)
				break
			}
		}
	}
}
