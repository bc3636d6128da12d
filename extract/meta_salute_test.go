package extract

import (
	"math/rand"
	"testing"
)

// TestMetaCutSaluteSequential checks metaCutSalute, one pass over the
// line, against cutting before each salute word in turn, on random lines
// made of pieces of the salute words and other runes.
func TestMetaCutSaluteSequential(t *testing.T) {
	cues, err := metaCues()
	if err != nil {
		t.Fatal(err)
	}
	var pieces [][]rune
	for _, w := range cues.saluteRs {
		for i := range w {
			pieces = append(pieces, w[i:], w[:i+1])
		}
	}
	pieces = append(pieces, []rune("x"), []rune("：，"))
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var rs []rune
		for k := rng.Intn(8); k >= 0; k-- {
			rs = append(rs, pieces[rng.Intn(len(pieces))]...)
		}
		off := make([]int, len(rs))
		for i := range off {
			off[i] = i
		}
		want, wantStop := metaLine{rs: rs, off: off}, false
		for _, w := range cues.saluteRs {
			if k := indexRuneWord(want.rs, w); k >= 0 {
				want.rs, want.off, wantStop = want.rs[:k], want.off[:k], true
			}
		}
		got := metaLine{rs: rs, off: off}
		stop := metaCutSalute(&got, cues)
		if stop != wantStop || len(got.rs) != len(want.rs) || len(got.off) != len(want.off) {
			t.Fatalf("%q: cut to %d (%v), want %d (%v)", string(rs), len(got.rs), stop, len(want.rs), wantStop)
		}
	}
}
