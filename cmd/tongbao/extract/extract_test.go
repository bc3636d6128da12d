package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

const (
	sample    = "../../../testdata/000_776449805ff1d07a.txt"
	sampleGBK = "../../../testdata/gbk/000_776449805ff1d07a.gbk.txt"
)

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := New()
	var o, e bytes.Buffer
	cmd.SetOut(&o)
	cmd.SetErr(&e)
	cmd.SetIn(strings.NewReader(stdin))
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	err := cmd.Execute()
	return o.String(), e.String(), cmdutil.Code(err)
}

type record struct {
	ID       string `json:"id"`
	Error    string `json:"error"`
	Title    *string
	Home     *struct{ Code string }
	Mentions []struct {
		Type, Text string
		Start, End int
		Value      any
		Object     string
		Titles     []string
	}
}

func decode(t *testing.T, out string) []record {
	t.Helper()
	var recs []record
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var r record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("not a JSON line: %q: %v", l, err)
		}
		recs = append(recs, r)
	}
	return recs
}

// TestSampleBulletin runs the command on the sample and checks what a
// reader of the bulletin expects to find, and that offsets slice the text.
func TestSampleBulletin(t *testing.T) {
	out, errOut, code := run(t, "", sample)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	recs := decode(t, out)
	if len(recs) != 1 {
		t.Fatalf("%d records, want 1", len(recs))
	}
	b, _ := os.ReadFile(sample)
	rs := []rune(string(b))
	found := map[string]bool{}
	for _, m := range recs[0].Mentions {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("mention %+v does not slice the text", m)
		}
		found[m.Type+":"+m.Text] = true
		if m.Type == "person" && m.Text == "罗智琼" && len(m.Titles) > 0 && !strings.Contains(strings.Join(m.Titles, "、"), "主任") {
			t.Errorf("罗智琼 titles %v lack 主任", m.Titles)
		}
	}
	for _, want := range []string{"time:3月26日", "count:213件", "count:30余本", "person:罗智琼", "person:陈炜",
		"place:黔西", "place:大关镇", "book:论中国共产党历史", "slogan:四个意识"} {
		if !found[want] {
			t.Errorf("sample bulletin: %s not found", want)
		}
	}
	for _, bad := range []string{"person:富美", "place:缅怀", "slogan:学习强国", "slogan:黔西人大"} {
		if found[bad] {
			t.Errorf("sample bulletin: %s found", bad)
		}
	}
	if recs[0].Home == nil || !strings.HasPrefix(recs[0].Home.Code, "5205") {
		t.Errorf("home = %+v, want a county of 毕节 (5205..)", recs[0].Home)
	}
}

// TestGBKGivesSameMentions checks that the GBK copy of the sample gives
// the same mentions as the UTF-8 file.
func TestGBKGivesSameMentions(t *testing.T) {
	utf, _, c1 := run(t, "", sample)
	gbk, _, c2 := run(t, "", sampleGBK)
	if c1 != 0 || c2 != 0 {
		t.Fatalf("exit codes %d, %d", c1, c2)
	}
	a, b := decode(t, utf)[0], decode(t, gbk)[0]
	ja, _ := json.Marshal(a.Mentions)
	jb, _ := json.Marshal(b.Mentions)
	if !bytes.Equal(ja, jb) {
		t.Error("GBK copy gives other mentions than the UTF-8 file")
	}
}

func TestTypesAndUsage(t *testing.T) {
	out, _, code := run(t, "2021年3月26日，县人大常委会开展调研12次。", "--types", "count")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, m := range decode(t, out)[0].Mentions {
		if m.Type != "count" {
			t.Errorf("--types count gave a %s mention", m.Type)
		}
	}
	for _, args := range [][]string{{"--types", "weather"}, {"--ref-date", "26/03/2021"}, {"--jobs", "0"}} {
		if _, errOut, code := run(t, "文本", args...); code != cmdutil.ExitUsage || errOut == "" && code == 0 {
			t.Errorf("%v: exit %d, want %d", args, code, cmdutil.ExitUsage)
		}
	}
	// --ref-date resolves a month and day without a year.
	out, _, _ = run(t, "3月26日召开会议。", "--types", "time", "--ref-date", "2021-04-20")
	ms := decode(t, out)[0].Mentions
	if len(ms) != 1 || ms[0].Value != "2021-03-26" {
		t.Errorf("with --ref-date 2021-04-20: %+v, want value 2021-03-26", ms)
	}
}
