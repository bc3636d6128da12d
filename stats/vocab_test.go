package stats

import (
	"maps"
	"testing"
)

func TestVocabRoundTrip(t *testing.T) {
	v := NewVocab()
	a := map[string]int{"乡村振兴": 3, "改革": 1}
	b := map[string]int{"改革": 2, "开放": 5, "": 1}
	ca, cb := v.Pack(a), v.Pack(b)
	if v.Len() != 4 {
		t.Errorf("%d terms interned, want 4 (改革 once)", v.Len())
	}
	if got := v.Unpack(ca); !maps.Equal(got, a) {
		t.Errorf("a: %v", got)
	}
	if got := v.Unpack(cb); !maps.Equal(got, b) {
		t.Errorf("b: %v", got)
	}
	for i, id := range cb.IDs {
		if b[v.Term(id)] != int(cb.N[i]) {
			t.Errorf("id %d: %q × %d", id, v.Term(id), cb.N[i])
		}
	}
	if got := v.Unpack(v.Pack(nil)); len(got) != 0 {
		t.Errorf("empty: %v", got)
	}
}
