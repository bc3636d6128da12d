package extract

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Preload runs beside extractions without changing them (the race
// detector checks the loads it shares with NewDocument), and reports what
// NewDocument would.
func TestPreload(t *testing.T) {
	const text = "2023年5月，国务院总理李强在北京市主持召开国务院常务会议，提出“高质量发展”，全年地区生产总值增长5%。"
	want, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	got := make([]*Document, 4)
	for i := range got {
		wg.Add(2)
		go func() {
			defer wg.Done()
			if err := Preload(WithTypes(TypePerson, TypeIndicator)); err != nil {
				t.Error(err)
			}
		}()
		go func() {
			defer wg.Done()
			got[i], _ = NewDocument(text)
		}()
	}
	wg.Wait()
	for _, d := range got {
		if d == nil || !reflect.DeepEqual(d.Mentions, want.Mentions) {
			t.Fatalf("with Preload beside it, NewDocument gave %+v, want %+v", d, want)
		}
	}
	if len(want.Mentions) < 4 {
		t.Fatalf("the text gave only %d mentions: the test checks too little", len(want.Mentions))
	}
	if err := Preload(WithTypes("person", "nonsense")); err == nil || !strings.Contains(err.Error(), `"nonsense"`) {
		t.Errorf("Preload with an unknown type: error %v, want one naming it", err)
	}
}
