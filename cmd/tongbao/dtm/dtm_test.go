package dtm

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const hailar = "../../../../shared/corpora/gov-reports/hailar-district/"

func runDTM(t *testing.T, args ...string) {
	t.Helper()
	cmd := New()
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err != nil {
		t.Fatalf("dtm %q: %v\n%s", args, err, errb.String())
	}
}

func lines(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// TestDTM checks the matrix on a small corpus cell by cell, against the
// long CSV, the vocabulary and the ids.
func TestDTM(t *testing.T) {
	in := t.TempDir()
	os.WriteFile(filepath.Join(in, "a.txt"), []byte("发展经济，发展教育。2019年增长6%。"), 0o644)
	os.WriteFile(filepath.Join(in, "b.txt"), []byte("发展教育，教育改革。"), 0o644)
	os.WriteFile(filepath.Join(in, "c.pdf"), []byte("%PDF-1.4"), 0o644)
	dir := filepath.Join(t.TempDir(), "m")
	cmd := New()
	var errb bytes.Buffer
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&errb)
	cmd.SetArgs([]string{"-q", "--bom", "-o", dir, in})
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	if err := cmd.Execute(); err == nil || !strings.Contains(errb.String(), "PDF") {
		t.Fatalf("a PDF among the inputs: %v, %q", err, errb.String())
	}
	docs := lines(t, filepath.Join(dir, DocsFile))
	vocab := lines(t, filepath.Join(dir, VocabFile))
	if len(docs) != 2 || !strings.HasSuffix(docs[0], "a.txt") || !strings.HasSuffix(docs[1], "b.txt") {
		t.Fatalf("docs %q", docs)
	}
	for _, w := range vocab {
		if w == "，" || w == "2019年" || w == "6%" || w == "" {
			t.Errorf("vocabulary holds %q (dropped by default)", w)
		}
	}
	cell := map[[2]string]int{}
	f, _ := os.Open(filepath.Join(dir, MatrixFile))
	defer f.Close()
	sc := bufio.NewScanner(f)
	var nr, nc, nnz, seen int
	header := false
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "%") {
			continue
		}
		if !header {
			fmt.Sscan(l, &nr, &nc, &nnz)
			header = true
			continue
		}
		var i, j, n int
		fmt.Sscan(l, &i, &j, &n)
		cell[[2]string{docs[i-1], vocab[j-1]}] = n
		seen++
	}
	if nr != 2 || nc != len(vocab) || nnz != seen {
		t.Fatalf("header %d %d %d; %d docs, %d terms, %d cells", nr, nc, nnz, len(docs), len(vocab), seen)
	}
	if cell[[2]string{docs[0], "发展"}] != 2 || cell[[2]string{docs[1], "教育"}] != 2 || cell[[2]string{docs[1], "发展"}] != 1 {
		t.Errorf("cells %v", cell)
	}
	b, _ := os.ReadFile(filepath.Join(dir, LongFile))
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Error("dtm.csv: no byte-order mark with --bom")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != nnz {
		t.Errorf("dtm.csv: %d rows, the matrix %d cells", len(rows)-1, nnz)
	}
	for _, r := range rows[1:] {
		if n, _ := strconv.Atoi(r[2]); cell[[2]string{r[0], r[1]}] != n {
			t.Errorf("dtm.csv row %q, matrix %d", r, cell[[2]string{r[0], r[1]}])
		}
	}
}

// TestDTMScipy loads the matrix of the Hailar reports with
// scipy.io.mmread (Debian's python3-scipy; .ci/run installs it).
func TestDTMScipy(t *testing.T) {
	if _, err := os.Stat(hailar); err != nil {
		t.Skipf("corpus not here: %v", err)
	}
	py := "" // the first python3 that has scipy: the one on PATH, else Debian's
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import scipy.io").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		t.Skip("python3 with scipy is not installed (apt-get install python3-scipy): skipping the scipy.io.mmread check")
	}
	dir := t.TempDir()
	runDTM(t, "-q", "-o", dir, hailar)
	docs := lines(t, filepath.Join(dir, DocsFile))
	vocab := lines(t, filepath.Join(dir, VocabFile))
	script := `import sys, scipy.io
m = scipy.io.mmread(sys.argv[1]).tocsr()
print(m.shape[0], m.shape[1], m.nnz, int(m.sum()), m.dtype.kind)`
	out, err := exec.Command(py, "-c", script, filepath.Join(dir, MatrixFile)).CombinedOutput()
	if err != nil {
		t.Fatalf("scipy.io.mmread: %v\n%s", err, out)
	}
	rows, _ := csv.NewReader(bytes.NewReader(mustRead(t, filepath.Join(dir, LongFile)))).ReadAll()
	total := 0
	for _, r := range rows[1:] {
		n, _ := strconv.Atoi(r[2])
		total += n
	}
	want := fmt.Sprintf("%d %d %d %d i", len(docs), len(vocab), len(rows)-1, total)
	if got := strings.TrimSpace(string(out)); got != want {
		t.Errorf("scipy reads %q, want %q (docs, terms, cells, tokens, integer)", got, want)
	}
	if len(docs) < 5 || len(vocab) < 1000 {
		t.Errorf("%d documents, %d terms: too few for the Hailar reports", len(docs), len(vocab))
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
