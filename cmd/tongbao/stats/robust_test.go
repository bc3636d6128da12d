package stats

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// blockAfter gives data, then blocks like a terminal.
type blockAfter struct{ data []byte }

func (b *blockAfter) Read(p []byte) (int, error) {
	if len(b.data) > 0 {
		n := copy(p, b.data)
		b.data = b.data[n:]
		return n, nil
	}
	select {}
}

// Interrupted, a statistics command stops reading (even a blocked read),
// writes no partial table and exits 130.
func TestStatsInterrupted(t *testing.T) {
	var in bytes.Buffer
	for range 50 {
		in.WriteString(`{"text":"县人大常委会召开会议。"}` + "\n")
	}
	out := filepath.Join(t.TempDir(), "freq.jsonl")
	cmd := New()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.SetIn(&blockAfter{data: in.Bytes()})
	cmd.SetErr(io.Discard)
	cmd.SetArgs([]string{"freq", "--stdin-as", "jsonl", "-o", out, "-"})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var err error
	select {
	case err = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("stats freq still running 29 s after the interruption")
	}
	if cmdutil.Code(err) != cmdutil.ExitInterrupted {
		t.Fatalf("exit %d (%v)", cmdutil.Code(err), err)
	}
	if b, _ := os.ReadFile(out); len(b) != 0 {
		t.Fatalf("a partial table was written: %q", b)
	}
}

// --resume and --unordered are not offered: hidden from help, refused.
func TestTableCommandsRefuseResume(t *testing.T) {
	for _, flag := range []string{"--resume", "--unordered"} {
		_, _, err := run(t, "freq", flag, "-o", filepath.Join(t.TempDir(), "x"), "../../../testdata/000_776449805ff1d07a.txt")
		if cmdutil.Code(err) != cmdutil.ExitUsage {
			t.Errorf("%s: %v", flag, err)
		}
	}
	var help bytes.Buffer
	cmd := New()
	cmd.SetOut(&help)
	cmd.SetArgs([]string{"freq", "--help"})
	cmd.Execute()
	if bytes.Contains(help.Bytes(), []byte("--resume")) || bytes.Contains(help.Bytes(), []byte("--unordered")) {
		t.Error("help lists --resume or --unordered")
	}
}
