package extract

import (
	"testing"
	"unicode"
)

// isHan's fast paths (the CJK unified ideographs block, nothing below
// U+2E80) must agree with unicode.Han everywhere.
func TestIsHanMatchesUnicode(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if isHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("isHan(%U) = %v, unicode.Is(unicode.Han) says %v", r, isHan(r), !isHan(r))
		}
	}
}

// runeSet holds exactly the characters it was built from.
func TestRuneSet(t *testing.T) {
	s := newRuneSet("乡镇街道a")
	for _, r := range "乡镇街道a" {
		if !s.has(r) {
			t.Errorf("%q is missing", r)
		}
	}
	for _, r := range "村b\x00" {
		if s.has(r) {
			t.Errorf("%q should not be in the set", r)
		}
	}
	if s.has(-1) || s.has(0x20000) {
		t.Error("out-of-range code points should not be in the set")
	}
}
