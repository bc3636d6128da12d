package measure

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

const envDict = "../../../testdata/dict/environment.yaml"

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ios, in, o, e := cmdutil.TestIO()
	in.WriteString(stdin)
	cmd := NewCmdMeasure(&cmdutil.Factory{IOStreams: ios}, nil)
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	if err != nil {
		e.WriteString(err.Error())
	}
	return o.String(), e.String(), cmdutil.Code(err)
}

func corpusDir(t *testing.T) string {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"福建省/2019.md": "---\ntitle: 2019年福建省人民政府工作报告\n---\n**各位代表：**\n我们推进**环保**和低碳发展。\n",
		"福建省/2020.md": "各位代表：\n治理污染，保护生态。污染防治。\n",
		"云南省/2020.md": "各位代表：\n建设美丽中国。\n",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestMeasureDocuments(t *testing.T) {
	dir := corpusDir(t)
	out, errOut, code := run(t, "", "-q", "--dict", envDict, dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("want 3 rows, got %d:\n%s", len(lines), out)
	}
	var r struct {
		ID                            string
		Home                          struct{ Name, Code, Level string }
		Year                          int
		Documents, Characters, Tokens int
		Categories                    map[string]struct {
			Count        int
			Per10kTokens float64 `json:"per10k_tokens"`
		}
		Readability map[string]float64
	}
	if err := json.Unmarshal([]byte(lines[1]), &r); err != nil {
		t.Fatal(err)
	}
	// Sorted input: 云南省 first, then 福建省/2019.md.
	if !strings.HasSuffix(r.ID, "福建省/2019.md") || r.Home.Name != "福建省" || r.Home.Code != "350000" || r.Home.Level != "province" || r.Year != 2019 {
		t.Errorf("row %+v", r)
	}
	if r.Categories["environment"].Count != 2 || r.Categories["environment.protection"].Count != 2 || r.Documents != 1 {
		t.Errorf("counts %+v", r.Categories)
	}
	if len(r.Readability) != 3 {
		t.Errorf("readability %v", r.Readability)
	}
}

func TestMeasurePanelCSV(t *testing.T) {
	dir := corpusDir(t)
	out, errOut, code := run(t, "", "-q", "--dict", envDict, "--by", "home,year", "--csv", "--bom", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.HasPrefix(out, "\ufeffhome_name,home_code,home_level,year,documents,characters,tokens,environment.count,") {
		t.Errorf("header: %.120q", out)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")
	if len(rows) != 4 || !strings.HasPrefix(rows[1], "福建省,350000,province,2019,1,") || !strings.HasPrefix(rows[3], "云南省,530000,province,2020,1,") {
		t.Errorf("rows:\n%s", out)
	}
	// 污染 and 污染防治 (cut 污染/防治: the longer match) and 生态.
	if f := strings.Split(rows[2], ","); f[7] != "3" {
		t.Errorf("福建省 2020 environment count %s, want 3: %s", f[7], rows[2])
	}
}

func TestMeasureUsage(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("env:\n  - 环保\n  oops\n"), 0o644)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"x.txt"}, "--dict FILE is required"},
		{[]string{"--dict", bad, "x.txt"}, "bad.yaml:3:"},
		{[]string{"--dict", envDict, "--by", "county", "x.txt"}, "unknown group key"},
		{[]string{"--dict", envDict, "--match", "regex", "x.txt"}, "--match"},
		{[]string{"--dict", envDict, "--bom", "x.txt"}, "--bom goes with --csv"},
	} {
		_, errOut, code := run(t, "", c.args...)
		if code != cmdutil.ExitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, %q; want usage error %q", c.args, code, errOut, c.want)
		}
	}
}
