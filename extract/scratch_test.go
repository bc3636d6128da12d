package extract

import (
	"os"
	"reflect"
	"sync"
	"testing"
)

// TestScratchReuse checks that the pooled scratch leaks nothing from one
// document into the next: documents extracted one after the other, in an
// order that makes buffers shrink and grow, and from several goroutines
// at once, give the results each gives alone in a fresh process state.
func TestScratchReuse(t *testing.T) {
	data, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	long := string(data)
	texts := []string{
		long,
		"国务院总理李强在北京市人民政府召开会议，伊拉克代表团出席。",
		long[:len(long)/2],
		"2021年3月26日至28日，黔西县人大常委会组织代表视察。",
		"",
		long,
	}
	want := make([]*Document, len(texts))
	for i, s := range texts {
		d, err := NewDocument(s)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = d
	}
	check := func(i int) {
		d, err := NewDocument(texts[i])
		if err != nil {
			t.Error(err)
			return
		}
		if !reflect.DeepEqual(d.Mentions, want[i].Mentions) || !reflect.DeepEqual(d.Places, want[i].Places) || !reflect.DeepEqual(d.People, want[i].People) {
			t.Errorf("text %d: the mentions or entities differ when extracted again", i)
		}
	}
	for i := len(texts) - 1; i >= 0; i-- {
		check(i)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range texts {
				check((i + g) % len(texts))
			}
		}()
	}
	wg.Wait()
	if len(want[0].Mentions) < 50 {
		t.Errorf("the sample gives %d mentions: the test compares too little", len(want[0].Mentions))
	}
}
