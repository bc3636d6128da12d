package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The behaviour of every extractor is written down as data: one spec file
// per mention type, testdata/spec/<type>.jsonl, a case per line (the shape
// of Recognizers-Text's Specs and duckling's Corpus.hs). Fields of a case:
//
//	input          the text (required)
//	ref            reference date, YYYY-MM-DD (optional)
//	expect         the mentions of the file's type, in order of start; each
//	               holds "text" and only the other Mention fields that matter
//	               (start, value, kind, unit, titles, code …). The mentions
//	               found must be exactly these. [] makes a negative case.
//	rule           a rule that must fire on the input (optional)
//	known_failure  why the case fails today: the case must fail, and the
//	               runner says so when it starts to pass (optional)
//	note           free text (optional)
//
// Lines starting with # and blank lines are skipped.

// specCase is one line of a spec file.
type specCase struct {
	Input        string            `json:"input"`
	Ref          string            `json:"ref,omitempty"`
	Expect       []json.RawMessage `json:"expect"`
	Rule         string            `json:"rule,omitempty"`
	KnownFailure string            `json:"known_failure,omitempty"`
	Note         string            `json:"note,omitempty"`

	file string
	line int
}

// loadSpecs reads every case of testdata/spec/<typ>.jsonl.
func loadSpecs(t testing.TB, typ string) []specCase {
	t.Helper()
	path := filepath.Join("testdata", "spec", typ+".jsonl")
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		t.Fatal(err)
	}
	defer f.Close()
	var out []specCase
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		var c specCase
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		if c.Input == "" {
			t.Fatalf("%s:%d: no input", path, n)
		}
		if c.Expect == nil {
			t.Fatalf("%s:%d: no expect (write [] for a negative case)", path, n)
		}
		c.file, c.line = path, n
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// runSpec extracts the case's input and returns a description of every
// difference from what it expects ("" when it holds).
func runSpec(c specCase, typ string) (string, error) {
	opts := []Option{WithTypes(typ)}
	if c.Ref != "" {
		ref, err := time.Parse("2006-01-02", c.Ref)
		if err != nil {
			return "", fmt.Errorf("bad ref %q: %v", c.Ref, err)
		}
		opts = append(opts, WithRefDate(ref))
	}
	fired := map[string]bool{}
	opts = append(opts, WithTrace(func(e TraceEvent) { fired[e.Rule] = true }))
	d, err := NewDocument(c.Input, opts...)
	if err != nil {
		return "", err
	}
	got := d.MentionsOf(typ)
	var diffs []string
	if c.Rule != "" && !fired[c.Rule] {
		diffs = append(diffs, fmt.Sprintf("rule %s did not fire", c.Rule))
	}
	used := make([]bool, len(got))
	for _, raw := range c.Expect {
		var want map[string]any
		if err := json.Unmarshal(raw, &want); err != nil {
			return "", fmt.Errorf("expect: %v", err)
		}
		if _, ok := want["text"]; !ok {
			return "", fmt.Errorf("expected mention without text: %s", raw)
		}
		best, bestDiff := -1, ""
		for i := range got {
			if used[i] {
				continue
			}
			diff := mentionDiff(got[i], want)
			if diff == "" {
				best, bestDiff = i, ""
				break
			}
			if got[i].Text == want["text"] && best < 0 {
				best, bestDiff = i, diff
			}
		}
		switch {
		case best < 0:
			diffs = append(diffs, fmt.Sprintf("missing %s", raw))
		case bestDiff != "":
			used[best] = true
			diffs = append(diffs, fmt.Sprintf("%q: %s", got[best].Text, bestDiff))
		default:
			used[best] = true
		}
	}
	for i, m := range got {
		if !used[i] {
			diffs = append(diffs, fmt.Sprintf("unexpected %s %q at %d", typ, m.Text, m.Start))
		}
	}
	return strings.Join(diffs, "; "), nil
}

// mentionDiff compares the fields of want with the same fields of m, as
// JSON, and describes the first differences ("" when they agree).
func mentionDiff(m Mention, want map[string]any) string {
	b, _ := json.Marshal(m)
	var have map[string]any
	_ = json.Unmarshal(b, &have)
	var diffs []string
	for k, w := range want {
		h, ok := have[k]
		wj, _ := json.Marshal(w)
		hj, _ := json.Marshal(h)
		if !ok && string(wj) == "null" {
			continue
		}
		if !ok || string(wj) != string(hj) {
			diffs = append(diffs, fmt.Sprintf("%s = %s, want %s", k, hj, wj))
		}
	}
	return strings.Join(diffs, ", ")
}

// specTypes are the spec files the runner reads: every mention type.
func specTypes() []string { return AllTypes }

// TestSpecs runs every spec file.
func TestSpecs(t *testing.T) {
	total := 0
	for _, typ := range specTypes() {
		cases := loadSpecs(t, typ)
		total += len(cases)
		t.Run(typ, func(t *testing.T) {
			for _, c := range cases {
				diff, err := runSpec(c, typ)
				where := fmt.Sprintf("%s:%d %q", c.file, c.line, c.Input)
				switch {
				case err != nil:
					t.Errorf("%s: %v", where, err)
				case c.KnownFailure != "" && diff == "":
					t.Errorf("%s: known failure (%s) now passes: remove known_failure", where, c.KnownFailure)
				case c.KnownFailure == "" && diff != "":
					t.Errorf("%s: %s", where, diff)
				}
			}
		})
	}
	t.Logf("%d spec cases", total)
}

var ruleNameRE = regexp.MustCompile(`^[a-z]+\.[a-z0-9_]+$`)

// TestRuleNames checks that every rule has a unique "<stage>.<snake>" name
// and a doc line.
func TestRuleNames(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if !ruleNameRE.MatchString(r.Name) {
			t.Errorf("rule name %q is not <stage>.<snake_case>", r.Name)
		}
		if !strings.HasPrefix(r.Name, r.Stage+".") {
			t.Errorf("rule %q is not in stage %q", r.Name, r.Stage)
		}
		if seen[r.Name] {
			t.Errorf("rule %q declared twice", r.Name)
		}
		seen[r.Name] = true
		if strings.TrimSpace(r.Doc) == "" || strings.Contains(r.Doc, "\n") {
			t.Errorf("rule %q needs a one-line doc", r.Name)
		}
		switch r.Verdict {
		case Accept, Reject, Adjust:
		default:
			t.Errorf("rule %q has verdict %q", r.Name, r.Verdict)
		}
	}
}

// TestSpecRulesExist checks that every rule a spec case names exists.
func TestSpecRulesExist(t *testing.T) {
	for _, typ := range specTypes() {
		for _, c := range loadSpecs(t, typ) {
			if c.Rule != "" && RuleDoc(c.Rule) == "" {
				t.Errorf("%s:%d: rule %q does not exist", c.file, c.line, c.Rule)
			}
		}
	}
}
