package corpus

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"
)

// runInputs builds a mixed input set: a JSONL file of n records with
// uneven sizes, the archives, a directory with a binary file.
func runInputs(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"r%d","text":%q}`+"\n", i, strings.Repeat("县人大", 1+(i*7919)%200))
		if i%97 == 0 {
			b.WriteString("{broken\n")
		}
	}
	path := filepath.Join(dir, "docs.jsonl")
	writeFile(t, path, []byte(b.String()))
	return []string{"../testdata/archives", path, "../testdata/binary", sample}
}

// countWork returns a record with the document's rune count, taking a
// time that varies with the document so that parallel workers finish out
// of order.
func countWork(d Document) ([]byte, error) {
	n := utf8.RuneCountInString(d.Text)
	if n%3 == 0 {
		time.Sleep(time.Duration(n%5) * 100 * time.Microsecond)
	}
	if strings.HasSuffix(d.ID, "r13") {
		panic("boom")
	}
	return fmt.Appendf(nil, `{"id":%q,"runes":%d}`+"\n", d.ID, n), nil
}

func runOut(t *testing.T, inputs []string, opts RunOptions) (string, Summary) {
	t.Helper()
	var out bytes.Buffer
	opts.Out = &out
	sum, err := Run(context.Background(), inputs, Options{}, opts, countWork)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String(), sum
}

// Output is identical whatever the number of jobs.
func TestRunJobsProperty(t *testing.T) {
	inputs := runInputs(t, 600)
	want, sum := runOut(t, inputs, RunOptions{Jobs: 1})
	lines := strings.Split(strings.TrimSuffix(want, "\n"), "\n")
	// 600 records + 7 broken lines + 6 members + 3 files + the sample.
	if sum.Docs != 617 || len(lines) != sum.Docs || sum.Errors != 7+1+1 {
		t.Fatalf("jobs 1: %d docs, %d lines, %d errors", sum.Docs, len(lines), sum.Errors)
	}
	if !strings.Contains(want, `"id":"r13","error":"internal error: boom"`) {
		t.Error("a panic in work did not become an error record")
	}
	for _, jobs := range []int{2, 3, 8} {
		got, _ := runOut(t, inputs, RunOptions{Jobs: jobs, Window: jobs + 1})
		if got != want {
			t.Errorf("jobs %d: output differs from jobs 1", jobs)
		}
	}
	got, _ := runOut(t, inputs, RunOptions{Jobs: 4, Unordered: true})
	gl := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	sort.Strings(gl)
	sort.Strings(lines)
	if strings.Join(gl, "\n") != strings.Join(lines, "\n") {
		t.Error("unordered output is not the same set of records")
	}
}

func TestRunDoneSkipsInOrder(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "d.jsonl")
	writeFile(t, path, []byte(`{"id":"a","text":"一"}
{"id":"b","text":"二二"}
{"id":"a","text":"三三三"}
{"id":"c","text":"四四四四"}
`))
	out, sum := runOut(t, []string{path}, RunOptions{Jobs: 3, Done: map[string]int{"a": 1, "c": 1}})
	want := `{"id":"b","runes":2}` + "\n" + `{"id":"a","runes":3}` + "\n"
	if out != want || sum.Skipped != 2 || sum.Docs != 2 {
		t.Errorf("resume output %q (skipped %d), want %q", out, sum.Skipped, want)
	}
}

func TestRunCancel(t *testing.T) {
	inputs := runInputs(t, 3000)
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	var seen atomic.Int32
	sum, err := Run(ctx, inputs, Options{}, RunOptions{Jobs: 2, Out: &out}, func(d Document) ([]byte, error) {
		if seen.Add(1) == 100 {
			cancel()
		}
		return countWork(d)
	})
	if !errors.Is(err, context.Canceled) || !sum.Interrupted {
		t.Fatalf("Run after cancel: err %v, interrupted %v", err, sum.Interrupted)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != sum.Docs || sum.Docs < 100 || sum.Docs > 200 {
		t.Errorf("after cancel: %d records, summary says %d", len(lines), sum.Docs)
	}
	for i, l := range lines {
		var rec map[string]any
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("record %d is not whole: %q", i, l)
		}
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	w.n++
	if w.n > 1 {
		return 0, os.ErrClosed
	}
	return len(p), nil
}

func TestRunWriteError(t *testing.T) {
	inputs := runInputs(t, 20000)
	_, err := Run(context.Background(), inputs, Options{}, RunOptions{Jobs: 2, Out: &failWriter{}}, countWork)
	if !errors.Is(err, os.ErrClosed) {
		t.Errorf("Run with a failing writer: err = %v", err)
	}
}

// BenchmarkRunJSONL measures the pipeline alone (read, parse JSONL, order,
// write) with a trivial work function, to show its share of a run.
func BenchmarkRunJSONL(b *testing.B) {
	dir := b.TempDir()
	var sb strings.Builder
	for i := range 20000 {
		fmt.Fprintf(&sb, `{"id":"d%d","county":"c","text":%q}`+"\n", i, strings.Repeat("全县地区生产总值完成186.5亿元。", 1+i%20))
	}
	path := filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, jobs := range []int{1, 2} {
		b.Run(fmt.Sprintf("jobs%d", jobs), func(b *testing.B) {
			b.SetBytes(int64(sb.Len()))
			for b.Loop() {
				_, err := Run(context.Background(), []string{path}, Options{}, RunOptions{Jobs: jobs, Out: io.Discard}, func(d Document) ([]byte, error) {
					return []byte(d.ID + "\n"), nil
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
