package dtm

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestDTMT2S: a Traditional text's terms are columns in their Simplified
// form (by default), as written with --t2s never.
func TestDTMT2S(t *testing.T) {
	const trad = "../../../zhconv/testdata/1954-traditional.txt"
	auto, never := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "n")
	runDTM(t, "-q", "-o", auto, trad)
	runDTM(t, "-q", "--t2s", "never", "-o", never, trad)
	a, n := lines(t, filepath.Join(auto, VocabFile)), lines(t, filepath.Join(never, VocabFile))
	if !slices.Contains(a, "国家机关") || slices.Contains(a, "國家機關") || slices.Contains(a, "經濟") {
		t.Errorf("auto: the vocabulary is not Simplified: %v", a)
	}
	if slices.Contains(n, "国家机关") {
		t.Errorf("never: a Simplified term: %v", n)
	}
}
