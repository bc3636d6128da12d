package kwic

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// A negative or absurd --width or --window is a usage error, not a panic.
func TestWidthBounds(t *testing.T) {
	for _, args := range [][]string{{"--width", "-3"}, {"--width", "1000000000"}, {"--window", "1000000000000"}} {
		_, err := run(t, append([]string{"--format", "text"}, append(args, "人大", sample)...)...)
		if cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%v: %v", args, err)
		}
	}
	if _, err := run(t, "--format", "text", "--width", "0", "人大", sample); err != nil {
		t.Errorf("--width 0: %v", err)
	}
}

// feed gives some JSONL records, then blocks like a terminal.
type feed struct {
	mu   sync.Mutex
	data []byte
}

func (f *feed) Read(p []byte) (int, error) {
	f.mu.Lock()
	if len(f.data) > 0 {
		n := copy(p, f.data)
		f.data = f.data[n:]
		f.mu.Unlock()
		return n, nil
	}
	f.mu.Unlock()
	select {}
}

// Interrupted, kwic stops reading (even a blocked read), writes only whole
// records to -o and exits 130.
func TestInterruptWritesWholeRecords(t *testing.T) {
	var in bytes.Buffer
	for range 200 {
		in.WriteString(`{"text":"县人大常委会召开会议，县人大常委会主任出席。"}` + "\n")
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	cmd := New()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetIn(&feed{data: in.Bytes()})
	cmd.SetErr(io.Discard)
	cmd.SetArgs([]string{"--stdin-as", "jsonl", "-o", out, "人大常委会", "-"})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("kwic still running 28 s after the interruption")
	}
	if cmdutil.Code(err) != cmdutil.ExitInterrupted {
		t.Fatalf("exit %d (%v), want %d", cmdutil.Code(err), err, cmdutil.ExitInterrupted)
	}
	b, _ := os.ReadFile(out)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(lines) != 400 {
		t.Errorf("%d records, want the 400 matches of the documents read", len(lines))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatalf("half a record: %q", l)
		}
	}
}
