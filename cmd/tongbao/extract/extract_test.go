package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract"
)

const (
	sample    = "../../../testdata/000_776449805ff1d07a.txt"
	sampleGBK = "../../../testdata/gbk/000_776449805ff1d07a.gbk.txt"
)

func run(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	ios, in, o, e := cmdutil.TestIO()
	in.WriteString(stdin)
	cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios}, nil)
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

// TestFlags checks flag handling without reading any input: the options a
// command line gives, or its usage error.
func TestFlags(t *testing.T) {
	ref := time.Date(2021, 4, 20, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		args    []string
		types   []string
		ref     time.Time
		explain string
		rest    []string
		usage   bool
	}{
		{args: []string{"a.txt"}, rest: []string{"a.txt"}},
		{args: []string{"-t", "time,count", "a.txt", "b"}, types: []string{"time", "count"}, rest: []string{"a.txt", "b"}},
		{args: []string{"--ref-date", "2021-04-20"}, ref: ref},
		{args: []string{"--explain", "a.txt"}, explain: ExplainJSON, rest: []string{"a.txt"}},
		{args: []string{"--explain=text"}, explain: ExplainText},
		{args: []string{"--explain=json", "--pretty"}, explain: ExplainJSON},
		{args: []string{"--explain=html"}, usage: true},
		{args: []string{"--explain=text", "--pretty"}, usage: true},
		{args: []string{"--types", "all"}, types: extract.AllTypes},
		{args: []string{"--types", "all,time"}, usage: true},
		{args: []string{"--types", "weather"}, usage: true},
		{args: []string{"--ref-date", "20/04/2021"}, usage: true},
		{args: []string{"--jobs", "0"}, usage: true},
		{args: []string{"--resume"}, usage: true},
	} {
		ios, _, _, _ := cmdutil.TestIO()
		var got *Options
		cmd := NewCmdExtract(&cmdutil.Factory{IOStreams: ios}, func(o *Options) error { got = o; return nil })
		cmd.SetArgs(c.args)
		cmd.SilenceUsage, cmd.SilenceErrors = true, true
		err := cmd.Execute()
		if c.usage {
			if cmdutil.Code(err) != cmdutil.ExitUsage || got != nil {
				t.Errorf("%v: err %v, want a usage error before running", c.args, err)
			}
			continue
		}
		if err != nil || got == nil {
			t.Errorf("%v: err %v, options %v", c.args, err, got)
			continue
		}
		if !reflect.DeepEqual(got.Types, c.types) || !got.RefDate.Equal(c.ref) || got.Explain != c.explain ||
			len(got.Args) != len(c.rest) || len(c.rest) > 0 && !reflect.DeepEqual(got.Args, c.rest) {
			t.Errorf("%v: options types %v ref %v explain %q args %v", c.args, got.Types, got.RefDate, got.Explain, got.Args)
		}
	}
}

// TestExplain checks that --explain names a rule beside the mentions of a
// stage with named rules and beside rejected candidates, keeps the record
// otherwise the same, and that --explain=text prints one line per decision.
func TestExplain(t *testing.T) {
	plain, _, code := run(t, "", "--types", "person,org", sample)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	out, _, code := run(t, "", "--types", "person,org", "--explain", sample)
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var rec map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &rec); err != nil {
		t.Fatal(err)
	}
	var decs []struct {
		Type, Text, Verdict, Rule string
		Start, End, Mention       int
	}
	if err := json.Unmarshal(rec["explain"], &decs); err != nil {
		t.Fatal(err)
	}
	delete(rec, "explain")
	var base map[string]json.RawMessage
	json.Unmarshal([]byte(plain), &base)
	if !reflect.DeepEqual(rec, base) {
		t.Error("--explain changes the record besides adding explain")
	}
	ms := decode(t, plain)[0].Mentions
	accepted, rejected := 0, 0
	for _, d := range decs {
		switch d.Verdict {
		case "accept":
			if d.Mention != accepted || ms[d.Mention].Text != d.Text {
				t.Errorf("decision %+v is not mention %d", d, accepted)
			}
			accepted++
		case "reject":
			rejected++
		}
		if d.Rule == "" || !strings.HasPrefix(d.Rule, d.Type+".") {
			t.Errorf("decision %+v names no rule of its type", d)
		}
	}
	if accepted != len(ms) || rejected == 0 {
		t.Errorf("%d mentions explained of %d, %d rejected candidates", accepted, len(ms), rejected)
	}
	text, _, code := run(t, "", "--types", "person,org", "--explain=text", sample)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if code != 0 || len(lines) != len(decs)+1 || !strings.HasPrefix(lines[0], "# ") {
		t.Fatalf("exit %d, %d lines for %d decisions", code, len(lines), len(decs))
	}
	if !regexp.MustCompile(`(?m)^accept  person  \[347,350\) +person\.[a-z_]+ +罗智琼$`).MatchString(text) || !strings.Contains(text, "\nreject  ") {
		t.Errorf("text form:\n%s", text)
	}
}
