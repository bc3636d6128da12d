package corpus

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// mapFiles writes n small documents "00.txt"... holding their number.
func mapFiles(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i := range n {
		p := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		writeFile(t, p, []byte(fmt.Sprint(i)))
		paths = append(paths, p)
	}
	return paths
}

// Results reach consume in input order although the first document is the
// slowest; an unreadable document reaches it with its error and without
// work being called; a panic becomes an error; the window is never
// exceeded; consume gets no text.
func TestMapOrderErrorsWindow(t *testing.T) {
	paths := mapFiles(t, 40)
	paths = append(paths[:5:5], append([]string{filepath.Join(t.TempDir(), "missing.txt")}, paths[5:]...)...)
	var inFlight, maxInFlight, worked atomic.Int64
	work := func(d Document) (string, error) {
		worked.Add(1)
		n := inFlight.Add(1)
		for m := maxInFlight.Load(); n > m && !maxInFlight.CompareAndSwap(m, n); m = maxInFlight.Load() {
		}
		switch {
		case strings.HasSuffix(d.ID, "00.txt"):
			time.Sleep(50 * time.Millisecond)
		case strings.HasSuffix(d.ID, "07.txt"):
			panic("boom")
		}
		return d.Text, nil
	}
	var got []string
	err := Map(context.Background(), paths, Options{}, MapOptions{Jobs: 3}, work, func(d Document, r string, err error) error {
		if !strings.HasSuffix(d.ID, "missing.txt") {
			inFlight.Add(-1)
		}
		if d.Text != "" {
			t.Errorf("%s: consume got the text", d.ID)
		}
		switch {
		case err != nil:
			got = append(got, "error: "+filepath.Base(d.ID)+": "+err.Error())
		default:
			got = append(got, r)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 41 || worked.Load() != 40 {
		t.Fatalf("%d results, %d worked on: %v", len(got), worked.Load(), got)
	}
	for i, r := range got {
		var want string
		switch {
		case i == 5:
			want = "error: missing.txt: "
		case i == 8:
			want = "error: 07.txt: internal error: boom"
		case i < 5:
			want = fmt.Sprint(i)
		default:
			want = fmt.Sprint(i - 1)
		}
		if !strings.HasPrefix(r, want) {
			t.Errorf("result %d is %q, want %q", i, r, want)
		}
	}
	if maxInFlight.Load() > 4*3+4 {
		t.Errorf("%d documents in flight, the window is %d", maxInFlight.Load(), 4*3+4)
	}
}

// consume's error stops Map: nothing more is consumed and the documents
// not yet started are not worked on.
func TestMapConsumeErrorStops(t *testing.T) {
	paths := mapFiles(t, 60)
	stop := errors.New("disk full")
	var worked atomic.Int64
	n := 0
	err := Map(context.Background(), paths, Options{}, MapOptions{Jobs: 2, Window: 4}, func(d Document) (string, error) {
		worked.Add(1)
		return d.Text, nil
	}, func(Document, string, error) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("err %v after %d consumed", err, n)
	}
	if w := worked.Load(); w > 3+4 {
		t.Errorf("%d documents worked on after the error at the 3rd (window 4)", w)
	}
}

// Cancelled, Map stops reading, consumes the documents already read, in
// order, and returns the context's error.
func TestMapCancel(t *testing.T) {
	paths := mapFiles(t, 60)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []string
	err := Map(ctx, paths, Options{}, MapOptions{Jobs: 2}, func(d Document) (string, error) {
		if strings.HasSuffix(d.ID, "02.txt") {
			cancel()
		}
		return d.Text, nil
	}, func(_ Document, r string, err error) error {
		got = append(got, r)
		return err
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
	if len(got) < 3 || len(got) == 60 {
		t.Fatalf("%d documents consumed", len(got))
	}
	for i, r := range got {
		if r != fmt.Sprint(i) {
			t.Fatalf("result %d is %q: not a prefix of the input", i, r)
		}
	}
}

// With Unordered, the documents InOrder names still come after every
// document before them.
func TestMapUnorderedInOrder(t *testing.T) {
	paths := mapFiles(t, 30)
	for range 5 {
		seen := map[string]bool{}
		err := Map(context.Background(), paths, Options{}, MapOptions{
			Jobs: 4, Unordered: true,
			InOrder: func(d Document) bool { return strings.HasSuffix(d.ID, "0.txt") },
		}, func(d Document) (string, error) {
			if strings.HasSuffix(d.ID, "09.txt") {
				time.Sleep(20 * time.Millisecond)
			}
			return d.Text, nil
		}, func(d Document, r string, err error) error {
			if strings.HasSuffix(d.ID, "0.txt") {
				var k int
				fmt.Sscan(r, &k)
				for i := range k {
					if !seen[fmt.Sprint(i)] {
						t.Fatalf("%s consumed before %d", r, i)
					}
				}
			}
			seen[r] = true
			return err
		})
		if err != nil || len(seen) != 30 {
			t.Fatalf("err %v, %d consumed", err, len(seen))
		}
	}
}
