package cmdutil

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/tongbao/tongbao/corpus"
)

// The tests run this test binary as a small command built on RunDocs, so
// that it can be killed by a real signal mid-way.
const helperEnv = "TONGBAO_CMDUTIL_HELPER"

func TestMain(m *testing.M) {
	if os.Getenv(helperEnv) == "" {
		os.Exit(m.Run())
	}
	delay, _ := time.ParseDuration(os.Getenv(helperEnv))
	cmd := &cobra.Command{Use: "helper", SilenceUsage: true, SilenceErrors: true}
	in := AddInputFlags(cmd)
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return UsageError("%v", err) })
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		return RunDocs(cmd, args, in, func(d corpus.Document) ([]byte, error) {
			time.Sleep(delay)
			return JSONRecord(map[string]any{"id": d.ID, "runes": utf8.RuneCountInString(d.Text), "meta": d.Meta}, in.Pretty)
		})
	}
	cmd.SetArgs(os.Args[1:])
	err := cmd.Execute()
	if err != nil && err.Error() != "" {
		fmt.Fprintln(os.Stderr, "tongbao:", err)
	}
	os.Exit(Code(err))
}

func helper(delay string, args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), helperEnv+"="+delay)
	return c
}

func runHelper(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	c := helper("0s", args...)
	var o, e bytes.Buffer
	c.Stdout, c.Stderr = &o, &e
	err := c.Run()
	code = 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), code
}

func TestBinaryFileInDirectory(t *testing.T) {
	out, errOut, code := runHelper(t, "--jobs", "2", "../../../testdata/binary")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != ExitFailure || len(lines) != 3 {
		t.Fatalf("exit %d, %d records:\n%s\nstderr: %s", code, len(lines), out, errOut)
	}
	if !strings.Contains(lines[1], `"id":"../../../testdata/binary/not-text.png","error":"not text`) {
		t.Errorf("record for the binary file: %s", lines[1])
	}
	if !strings.Contains(lines[0], `"runes":`) || !strings.Contains(lines[2], `"runes":`) {
		t.Errorf("text files next to the binary one: %s / %s", lines[0], lines[2])
	}
	if !strings.Contains(errOut, "1 of 3 documents failed") {
		t.Errorf("stderr lacks the summary: %q", errOut)
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"--jobs", "0", "x"},
		{"--resume", "x"},
		{"--encoding", "ebcdic", "x"},
		{"--max-doc-bytes", "0", "x"},
		{"--no-such-flag"},
	} {
		if _, errOut, code := runHelper(t, args...); code != ExitUsage {
			t.Errorf("%q: exit %d, want %d (%s)", args, code, ExitUsage, errOut)
		}
	}
}

// writeCorpus writes a JSONL file of n documents.
func writeCorpus(t *testing.T, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, `{"id":"d%d","county":"c%d","text":%q}`+"\n", i, i%7, strings.Repeat("县人大常委会", 1+i%50))
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// killMidway starts a slow run writing to outPath, sends sig once some
// records are written, and returns the exit code and stderr.
func killMidway(t *testing.T, sig syscall.Signal, outPath string, args ...string) (int, string) {
	t.Helper()
	c := helper("2ms", append([]string{"-o", outPath}, args...)...)
	var e bytes.Buffer
	c.Stderr = &e
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		st, err := os.Stat(outPath)
		if err == nil && st.Size() > 20000 {
			break
		}
		if time.Now().After(deadline) {
			c.Process.Kill()
			t.Fatal("the run wrote nothing in 30s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	c.Process.Signal(sig)
	err := c.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	return code, e.String()
}

func TestKillAndResume(t *testing.T) {
	in := writeCorpus(t, 2000)
	dir := t.TempDir()
	ref := filepath.Join(dir, "ref.jsonl")
	if _, errOut, code := runHelper(t, "-o", ref, "--jobs", "2", in); code != 0 {
		t.Fatalf("reference run: exit %d: %s", code, errOut)
	}
	want, _ := os.ReadFile(ref)
	if n := bytes.Count(want, []byte("\n")); n != 2000 {
		t.Fatalf("reference run wrote %d records", n)
	}
	for _, tc := range []struct {
		name  string
		sig   syscall.Signal
		extra []string
	}{
		{"sigint", syscall.SIGINT, nil},
		{"sigterm-unordered", syscall.SIGTERM, []string{"--unordered"}},
		{"sigkill", syscall.SIGKILL, nil},
		{"sigkill-pretty", syscall.SIGKILL, []string{"--pretty"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			args := append(append([]string{"--jobs", "2"}, tc.extra...), in)
			code, errOut := killMidway(t, tc.sig, out, args...)
			part, _ := os.ReadFile(out)
			if tc.sig != syscall.SIGKILL {
				if code != ExitInterrupted || !strings.Contains(errOut, "interrupted") || !strings.Contains(errOut, "--resume") {
					t.Fatalf("after %v: exit %d, stderr %q", tc.sig, code, errOut)
				}
				if len(part) == 0 || part[len(part)-1] != '\n' {
					t.Fatal("interrupted run left a partial record")
				}
			} else {
				// Simulate the worst case too: a record cut in half.
				f, _ := os.OpenFile(out, os.O_APPEND|os.O_WRONLY, 0)
				f.WriteString(`{"id":"d1999","runes":4`)
				f.Close()
			}
			done := bytes.Count(part, []byte("\n"))
			if !strings.Contains(strings.Join(tc.extra, " "), "pretty") && (done == 0 || done >= 2000) {
				t.Fatalf("killed run wrote %d records: not mid-way", done)
			}
			_, errOut, code = runHelper(t, append([]string{"--resume", "-o", out}, args...)...)
			if code != 0 || !strings.Contains(errOut, "already done") {
				t.Fatalf("resume: exit %d: %s", code, errOut)
			}
			got, _ := os.ReadFile(out)
			if strings.Contains(strings.Join(tc.extra, " "), "pretty") {
				got = compact(t, got)
			}
			if strings.Contains(strings.Join(tc.extra, " "), "unordered") {
				got, want := sortLines(got), sortLines(want)
				if !bytes.Equal(got, want) {
					t.Fatal("unordered resumed output is not the reference set of records")
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("resumed output differs from an uninterrupted run (%d vs %d bytes)", len(got), len(want))
			}
		})
	}
}

func compact(t *testing.T, b []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(b))
	var out bytes.Buffer
	for dec.More() {
		var v map[string]any
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("pretty output: %v", err)
		}
		r, _ := JSONRecord(v, false)
		out.Write(r)
	}
	return out.Bytes()
}

func sortLines(b []byte) []byte {
	l := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	sort.Strings(l)
	return []byte(strings.Join(l, "\n"))
}

func TestScanRecords(t *testing.T) {
	scan := func(s string) (map[string]int, int64, error) {
		return ScanRecords(strings.NewReader(s), int64(len(s)))
	}
	done, end, err := scan("{\"id\":\"a\"}\n{\n  \"id\": \"b\",\n  \"x\": [1]\n}\n{\"id\":\"a\"}\n{\"id\":\"c\",\"tok")
	if err != nil || done["a"] != 2 || done["b"] != 1 || done["c"] != 0 || end != int64(len("{\"id\":\"a\"}\n{\n  \"id\": \"b\",\n  \"x\": [1]\n}\n{\"id\":\"a\"}\n")) {
		t.Errorf("ScanRecords = %v, %d, %v", done, end, err)
	}
	if _, end, err := scan("{\"id\":\"a\"}"); err != nil || end != 10 {
		t.Errorf("record without final newline: end %d, %v", end, err)
	}
	for _, bad := range []string{
		"县 人大 常委会\n召开 会议\n",                      // text output
		"县 人大",                                   // one line of text output
		"{\"tokens\":[]}\n",                      // JSON without id
		"{\"id\":\"a\",\"x\":\n{\"id\":\"b\"}\n", // damage before the last record
	} {
		if _, _, err := scan(bad); err == nil {
			t.Errorf("ScanRecords(%q) accepted it", bad)
		}
	}
}

// The whole testdata tree gives the same output with 1 and 2 jobs, and
// with 2 jobs unordered the same records in some order.
func TestJobsGiveSameOutput(t *testing.T) {
	one, _, code1 := runHelper(t, "--jobs", "1", "--quiet", "../../../testdata")
	two, _, code2 := runHelper(t, "--jobs", "2", "--quiet", "../../../testdata")
	un, _, code3 := runHelper(t, "--jobs", "2", "--unordered", "--quiet", "../../../testdata")
	if code1 != code2 || code1 != code3 || strings.Count(one, "\n") < 10 {
		t.Fatalf("exit codes %d %d %d, %d records", code1, code2, code3, strings.Count(one, "\n"))
	}
	if one != two {
		t.Error("--jobs 2 output differs from --jobs 1")
	}
	if !bytes.Equal(sortLines([]byte(one)), sortLines([]byte(un))) {
		t.Error("--unordered output is not the same set of records")
	}
}

func TestZipGivesThreeRecords(t *testing.T) {
	out, errOut, code := runHelper(t, "../../../testdata/archives/three.zip")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 || !strings.Contains(errOut, "3 documents") {
		t.Fatalf("exit %d, %d records, stderr %q", code, len(lines), errOut)
	}
	for i, l := range lines {
		var rec struct {
			ID    string
			Runes int
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil || !strings.HasPrefix(rec.ID, "../../../testdata/archives/three.zip!bulletins/0"+fmt.Sprint(i+1)) || rec.Runes < 50 {
			t.Errorf("record %d: %s", i, l)
		}
	}
}
