package cmdutil

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
)

// -o naming an input (as an argument or through a glob) is a usage error
// and leaves the file as it was.
func TestOutputIsInput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("县人大常委会"), 0o644)
	for _, arg := range []string{in, filepath.Join(dir, "*.txt")} {
		_, stderr, code := runHelper(t, "-o", in, arg)
		if code != ExitUsage || !strings.Contains(stderr, "also an input") {
			t.Errorf("-o %s %s: exit %d, %q", in, arg, code, stderr)
		}
		if b, _ := os.ReadFile(in); string(b) != "县人大常委会" {
			t.Fatalf("the input was changed: %q", b)
		}
	}
	// Inside an input directory it is left out of the inputs.
	out := filepath.Join(dir, "out.jsonl")
	if _, stderr, code := runHelper(t, "-q", "-o", out, dir); code != 0 {
		t.Fatalf("-o in an input directory: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runHelper(t, "-q", "-o", out, dir); code != 0 {
		t.Fatalf("second run: exit %d, %s", code, stderr)
	}
	if b, _ := os.ReadFile(out); bytes.Count(b, []byte("\n")) != 1 {
		t.Fatalf("output %q", b)
	}
}

// Absurd values of --jobs and --max-doc-bytes are usage errors, not a
// crash, an out-of-memory death or an empty output.
func TestFlagBounds(t *testing.T) {
	for _, args := range [][]string{
		{"--jobs", "100000000"}, {"--jobs", "2305843009213693952"}, {"--jobs", "4611686018427387904"},
		{"--max-doc-bytes", "9223372036854775807"}, {"--max-archive-bytes", "-1"},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			_, stderr, code = runHelper(t, append(args, "../../../testdata/000_776449805ff1d07a.txt")...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%v: still running after 30 s", args)
		}
		if code != ExitUsage || strings.Contains(stderr, "goroutine") {
			t.Errorf("%v: exit %d, %q", args, code, stderr)
		}
	}
}

// A second run on the same -o fails at once instead of interleaving
// records.
func TestOutputLocked(t *testing.T) {
	const docs = 120 // 6 s of work at 50 ms each: the first run outlives both probes
	dir := writeCorpus(t, docs)
	out := filepath.Join(t.TempDir(), "out.jsonl")
	first := helper("50ms", "-q", "-j1", "-o", out, dir)
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	defer first.Process.Kill()
	// The lock is taken before the first record is written: wait for one,
	// however slow the machine starts the process.
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if b, _ := os.ReadFile(out); bytes.IndexByte(b, '\n') >= 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the first run wrote no record in 60 s")
		}
	}
	for _, args := range [][]string{{"-o", out, dir}, {"--resume", "-o", out, dir}} {
		_, stderr, code := runHelper(t, args...)
		if code != ExitFailure || !strings.Contains(stderr, "another run") {
			t.Errorf("%v while another run writes: exit %d, %q", args, code, stderr)
		}
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first run: %v", err)
	}
	b, _ := os.ReadFile(out)
	if n := bytes.Count(b, []byte("\n")); n != docs {
		t.Fatalf("first run wrote %d records, want %d", n, docs)
	}
}

// A tail of NUL bytes (a power loss) is cut off like a half record.
func TestScanRecordsNULTail(t *testing.T) {
	data := []byte(`{"id":"a"}` + "\n" + `{"id":"b","x":1}` + "\n" + `{"id":"c","x"` + strings.Repeat("\x00", 9000))
	done, end, err := ScanRecords(bytes.NewReader(data), int64(len(data)))
	if err != nil || done["a"] != 1 || done["b"] != 1 || done["c"] != 0 || end != int64(strings.Index(string(data), `{"id":"c"`)) {
		t.Fatalf("NUL tail: %v %d %v", done, end, err)
	}
	data = []byte(`{"id":"a"}` + "\n" + strings.Repeat("\x00", 100))
	if done, end, err := ScanRecords(bytes.NewReader(data), int64(len(data))); err != nil || done["a"] != 1 || end != 11 {
		t.Fatalf("NUL tail after a whole record: %v %d %v", done, end, err)
	}
}

// An unknown subcommand is a usage error (exit 2), as cobra reports it.
func TestUnknownCommandIsUsage(t *testing.T) {
	root := &cobra.Command{Use: "tongbao", SilenceErrors: true, SilenceUsage: true}
	root.AddCommand(&cobra.Command{Use: "extract", Run: func(*cobra.Command, []string) {}})
	root.SetArgs([]string{"extrakt"})
	root.SetOut(io.Discard)
	if err := root.Execute(); Code(err) != ExitUsage {
		t.Fatalf("unknown subcommand: %v, exit %d", err, Code(err))
	}
}

// A streamed record has the bytes of the record marshalled whole.
func TestStreamedRecord(t *testing.T) {
	type rec struct {
		ID    string `json:"id"`
		Items []any  `json:"items"`
	}
	for _, n := range []int{0, 1, 3, 200000} {
		var items []any
		for i := range n {
			items = append(items, map[string]any{"i": i, "t": "县<人大>"})
		}
		for _, pretty := range []bool{false, true} {
			if n > 1000 && pretty {
				continue
			}
			want, _ := JSONRecord(rec{"d", append([]any{}, items...)}, pretty)
			var got bytes.Buffer
			err := StreamedRecordTo(&got, pretty, func(emit func(any) error) (any, error) {
				for _, it := range items {
					if err := emit(it); err != nil {
						return nil, err
					}
				}
				return rec{"d", []any{}}, nil
			})
			if err != nil || got.String() != string(want) {
				t.Fatalf("%d items, pretty %v: %v\n%.300s\nwant\n%.300s", n, pretty, err, got.String(), want)
			}
		}
	}
}

// -o may name a device such as /dev/null.
func TestOutputDevNull(t *testing.T) {
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	if _, stderr, code := runHelper(t, "-q", "-o", "/dev/null", "../../../testdata/000_776449805ff1d07a.txt"); code != 0 {
		t.Fatalf("-o /dev/null: exit %d, %s", code, stderr)
	}
}

// Two runs may write /dev/null at once: a device is not locked.
func TestOutputDevNullNotLocked(t *testing.T) {
	f, err := os.OpenFile("/dev/null", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/null")
	}
	defer f.Close()
	if err := lockFile(f); err != nil {
		t.Skipf("cannot lock /dev/null here: %v", err)
	}
	if _, stderr, code := runHelper(t, "-q", "-o", "/dev/null", "../../../testdata/000_776449805ff1d07a.txt"); code != 0 {
		t.Fatalf("-o /dev/null while another holds its lock: exit %d, %s", code, stderr)
	}
}
