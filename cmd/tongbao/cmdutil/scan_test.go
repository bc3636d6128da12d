package cmdutil

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
)

// TestScanOrderAndWindow: results come in input order even when the first
// document is slow, and no more than the window is ever in flight.
func TestScanOrderAndWindow(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 40; i++ {
		p := filepath.Join(dir, fmt.Sprintf("%02d.txt", i))
		os.WriteFile(p, []byte(fmt.Sprint(i)), 0o644)
		paths = append(paths, p)
	}
	cmd := &cobra.Command{}
	cmd.SetErr(&bytes.Buffer{})
	in := &InputFlags{Jobs: 2}
	var inFlight, maxInFlight int64
	work := func(d corpus.Document) (string, error) {
		n := atomic.AddInt64(&inFlight, 1)
		for {
			m := atomic.LoadInt64(&maxInFlight)
			if n <= m || atomic.CompareAndSwapInt64(&maxInFlight, m, n) {
				break
			}
		}
		if strings.HasSuffix(d.ID, "00.txt") {
			time.Sleep(100 * time.Millisecond)
		}
		return d.Text, nil
	}
	var got []string
	sum, err := Scan(cmd, paths, in, work, func(_ corpus.Document, r string) error {
		atomic.AddInt64(&inFlight, -1)
		got = append(got, r)
		return nil
	})
	if err != nil || sum.Docs != 40 {
		t.Fatalf("%v, %d docs", err, sum.Docs)
	}
	for i, r := range got {
		if r != fmt.Sprint(i) {
			t.Fatalf("result %d is %q", i, r)
		}
	}
	if maxInFlight > 4*2+4 {
		t.Errorf("%d documents in flight, window is %d", maxInFlight, 4*2+4)
	}
}
