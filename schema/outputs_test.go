package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/cmd/tongbao/root"
)

// run runs tongbao with args (adding -q when quiet) and returns stdout.
func run(t *testing.T, quiet bool, args ...string) []byte {
	t.Helper()
	ios, _, out, _ := cmdutil.TestIO()
	cmd := root.NewCmdRoot(&cmdutil.Factory{IOStreams: ios})
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	if quiet {
		args = append(args, "-q")
	}
	cmd.SetArgs(args)
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.Execute() // error records are part of what is checked
	return out.Bytes()
}

// realInputs are the sample bulletin, the Hailar reports and the State
// Council JSONL (whose text is in "content"), those that are here.
func realInputs(t *testing.T) []string {
	in := []string{"../testdata/000_776449805ff1d07a.txt"}
	for _, p := range []string{corpora + "gov-reports/hailar-district/", corpora + "gov-reports/national-state-council/government_work_reports.jsonl"} {
		if _, err := os.Stat(p); err == nil {
			in = append(in, p)
		} else {
			t.Logf("not here, not checked: %s", p)
		}
	}
	return in
}

// records splits JSON Lines into objects; a line that is no JSON object
// fails the test.
func records(t *testing.T, what string, out []byte) []map[string]any {
	t.Helper()
	var recs []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<28)
	for sc.Scan() {
		var v map[string]any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("%s: record %d is not a JSON object: %v", what, len(recs)+1, err)
		}
		recs = append(recs, v)
	}
	return recs
}

// jsonType is the JSON type of v, integers counting as numbers (a float
// column may hold whole values); "" for null.
func jsonType(v any) string {
	switch v.(type) {
	case nil:
		return ""
	case string:
		return "string"
	case float64:
		return "number"
	case bool:
		return "boolean"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

// fieldTypes adds the JSON type of every field below v to types, by path:
// an object's field is path.key, an array's element path[], or path[TYPE]
// when the element is an object with a string "type" (a mention), so each
// mention type is a column of its own.
func fieldTypes(v any, path string, types map[string]map[string]bool) {
	if t := jsonType(v); t != "" {
		if types[path] == nil {
			types[path] = map[string]bool{}
		}
		types[path][t] = true
	}
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			fieldTypes(x, path+"."+k, types)
		}
	case []any:
		for _, x := range v {
			p := path + "[]"
			if o, ok := x.(map[string]any); ok {
				if ty, ok := o["type"].(string); ok {
					p = path + "[" + ty + "]"
				}
			}
			fieldTypes(x, p, types)
		}
	}
}

// mixedTypes returns the fields of recs whose values have more than one
// JSON type (null aside), but for the paths in allowed.
func mixedTypes(recs []map[string]any, allowed map[string]bool) []string {
	types := map[string]map[string]bool{}
	for _, r := range recs {
		if _, isErr := r["error"]; isErr {
			continue // an error record is a kind of its own (error.schema.json)
		}
		fieldTypes(r, "", types)
	}
	var bad []string
	for p, ts := range types {
		if len(ts) > 1 && !allowed[p] {
			var l []string
			for t := range ts {
				l = append(l, t)
			}
			sort.Strings(l)
			bad = append(bad, p+": "+strings.Join(l, "|"))
		}
	}
	sort.Strings(bad)
	return bad
}

// check validates every record against the schema (error records against
// error.schema.json) and that every field has one JSON type.
func check(t *testing.T, what, schemaFile string, recs []map[string]any, allowed map[string]bool) {
	t.Helper()
	s := load(t, schemaFile)
	errSchema := load(t, "error.schema.json")
	nbad := 0
	for i, v := range recs {
		sch := s
		if _, isErr := v["error"]; isErr {
			sch = errSchema
		}
		if errs := validate(sch, sch, v, fmt.Sprintf("record %d", i+1)); len(errs) > 0 {
			nbad++
			if nbad <= 3 {
				t.Errorf("%s: %s: %d violations, first: %s", what, schemaFile, len(errs), strings.Join(errs[:min(5, len(errs))], "; "))
			}
		}
	}
	if nbad > 3 {
		t.Errorf("%s: %d records violate %s", what, nbad, schemaFile)
	}
	if mixed := mixedTypes(recs, allowed); len(mixed) > 0 {
		t.Errorf("%s: fields of more than one JSON type: %s", what, strings.Join(mixed, "; "))
	}
}

// TestOutputSchemas runs every command that writes JSON records on the
// sample, the Hailar reports and the State Council JSONL, validates every
// record against the command's schema and checks that each field holds one
// JSON type in all records (null allowed), so a data-frame column has one
// type.
func TestOutputSchemas(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every command on the real inputs")
	}
	in := realInputs(t)
	text := []string{"--text-field", "content"}
	sample := in[0]
	const dict = "../testdata/dict/environment.yaml"
	bad := t.TempDir()
	os.WriteFile(bad+"/a.pdf", []byte("%PDF-1.4"), 0o644)
	for _, c := range []struct {
		schema string
		args   []string
		min    int // fewest records expected
	}{
		{"freq.schema.json", []string{"stats", "freq"}, 1000},
		{"freq.schema.json", []string{"stats", "freq", "--group-by", "dir", "--top", "200"}, 400},
		{"freq.schema.json", []string{"stats", "freq", "--unit", "time", "--group-by", "dir"}, 50},
		{"freq.schema.json", []string{"stats", "freq", "--unit", "slogan"}, 20},
		{"tfidf.schema.json", []string{"stats", "tfidf", "-k", "10"}, 10},
		{"tfidf.schema.json", []string{"stats", "tfidf", "-k", "10", "--group-by", "dir"}, 10},
		{"keyness.schema.json", []string{"stats", "keyness", "--group-by", "dir", "--top", "100"}, 100},
		{"keyness.schema.json", []string{"stats", "keyness", "--target", sample, "--reference", in[len(in)-1], "--top", "0"}, 5},
		{"similarity.schema.json", []string{"stats", "similarity", "-k", "0"}, 10},
		{"similarity.schema.json", []string{"stats", "similarity", "--group-by", "dir", "--measure", "jaccard"}, 2},
		{"collocations.schema.json", []string{"stats", "collocations", "--top", "0"}, 100},
		{"collocations.schema.json", []string{"stats", "collocations", "--group-by", "dir"}, 100},
		{"kwic.schema.json", []string{"kwic", "--format", "jsonl", "发展"}, 100},
		{"kwic.schema.json", []string{"kwic", "--format", "jsonl", "--type", "slogan"}, 100},
		{"measure.schema.json", []string{"measure", "--dict", dict, bad}, 10},
		{"measure.schema.json", []string{"measure", "--dict", dict, "--by", "home,year"}, 5},
		{"measure.schema.json", []string{"measure", "--dict", dict, "--by", "genre"}, 2},
		{"indicators.schema.json", []string{"indicators", bad}, 200},
	} {
		args := append(append(c.args, text...), in...)
		what := strings.Join(c.args, " ")
		recs := records(t, what, run(t, true, args...))
		if len(recs) < c.min {
			t.Errorf("%s: %d records, want at least %d", what, len(recs), c.min)
		}
		check(t, what, c.schema, recs, nil)
	}
	// one JSON document each
	for _, c := range []struct {
		schema string
		args   []string
	}{
		{"compare.schema.json", append(append([]string{"compare", "--json", "--group-by", "dir", "--top", "0"}, text...), in...)},
		{"rules.schema.json", []string{"rules", "--json"}},
		{"eval-indicators.schema.json", []string{"eval", "--gold", "indicators", "--json", "--errors", "1000", "../testdata/gold/indicators"}},
		{"eval.schema.json", []string{"eval", "--gold", "tongbao", "--json", "--baseline", "--errors", "3", "--explain", "--corpus", corpora + "gov-work-reports", "../testdata/gold/modern-check"}},
	} {
		what := strings.Join(c.args[:min(3, len(c.args))], " ")
		if _, err := os.Stat(corpora + "gov-work-reports"); err != nil && c.args[0] == "eval" {
			t.Logf("not here, not checked: %s", corpora+"gov-work-reports")
			continue
		}
		out := run(t, c.args[0] != "rules", c.args...)
		var recs []map[string]any
		if c.args[0] == "rules" {
			recs = records(t, what, out)
		} else {
			var v map[string]any
			if err := json.Unmarshal(out, &v); err != nil {
				t.Fatalf("%s: not one JSON object: %v (%.200s)", what, err, out)
			}
			recs = []map[string]any{v}
		}
		if len(recs) == 0 {
			t.Fatalf("%s: no output", what)
		}
		check(t, what, c.schema, recs, nil)
	}
}

// TestExtractTypes: every field of extract's records, mention fields per
// mention type, has one JSON type over the sample, the Hailar reports and
// the State Council JSONL.
func TestExtractTypes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs extract on the real inputs")
	}
	args := append([]string{"extract", "--types", "time,count,person,place,org,book,slogan,indicator", "--text-field", "content"}, realInputs(t)...)
	recs := records(t, "extract", run(t, true, args...))
	// A time's value is always a string: TIMEX-like, or start/end for a
	// span (3月26日至28日), as the CSV writes it.
	var allowed map[string]bool
	if mixed := mixedTypes(recs, allowed); len(mixed) > 0 {
		t.Errorf("extract: fields of more than one JSON type: %s", strings.Join(mixed, "; "))
	}
	if len(recs) < 10 {
		t.Errorf("extract: %d records", len(recs))
	}
	// start_date and end_date are plain ISO days, on every time whose value
	// is a date, a month, a quarter or a year.
	dated, times := 0, 0
	for _, r := range recs {
		ms, _ := r["mentions"].([]any)
		for _, x := range ms {
			m := x.(map[string]any)
			if m["type"] != "time" {
				continue
			}
			times++
			v, _ := m["value"].(string)
			sd, hasStart := m["start_date"].(string)
			ed, hasEnd := m["end_date"].(string)
			if spStart, spEnd, isSpan := strings.Cut(v, "/"); isSpan {
				// a span ("start/end") has the date of each side that
				// resolves (an open span 一九五三年起, or 1932年到1936年五年
				// ending in a duration, has its start_date only)
				if (spStart == "" && hasStart) || (spEnd == "" && hasEnd) {
					t.Errorf("%v: a date for the open side of a span", m)
				}
				if hasStart && hasEnd && sd > ed || hasStart && !isoDay.MatchString(sd) || hasEnd && !isoDay.MatchString(ed) {
					t.Errorf("%v: start_date, end_date not ISO days in order", m)
				}
				dated++
				continue
			}
			if hasStart != hasEnd {
				t.Errorf("%v: one of start_date and end_date", m)
				continue
			}
			if !hasStart {
				if isoDay.MatchString(v) || isoMonth.MatchString(v) {
					t.Errorf("%v: a value of days without start_date", m)
				}
				continue
			}
			dated++
			if !isoDay.MatchString(sd) || !isoDay.MatchString(ed) || sd > ed {
				t.Errorf("%v: start_date, end_date not ISO days in order", m)
			}
		}
	}
	if times == 0 || dated < times/2 {
		t.Errorf("%d of %d times have start_date and end_date", dated, times)
	}
}

var (
	isoDay   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoMonth = regexp.MustCompile(`^\d{4}-(\d{2}|Q[1-4]|H[12])$`)
)

// TestMixedTypesCatches: the type check finds a field of two types, also
// inside arrays and per mention type.
func TestMixedTypesCatches(t *testing.T) {
	var recs []map[string]any
	for _, s := range []string{
		`{"id":"a","year":2019,"m":[{"type":"count","value":3}]}`,
		`{"id":"b","year":null,"m":[{"type":"time","value":"2019"}]}`,
	} {
		var v map[string]any
		json.Unmarshal([]byte(s), &v)
		recs = append(recs, v)
	}
	if bad := mixedTypes(recs, nil); len(bad) != 0 {
		t.Fatalf("null beside a number, or values of different mention types, are no mix: %v", bad)
	}
	var v map[string]any
	json.Unmarshal([]byte(`{"id":"c","year":"2019","m":[{"type":"count","value":"三"}]}`), &v)
	bad := mixedTypes(append(recs, v), nil)
	if strings.Join(bad, ";") != ".m[count].value: number|string;.year: number|string" {
		t.Errorf("got %v", bad)
	}
}

// TestSchemaKeywords: the schemas use only the keywords the validator
// checks, so no constraint is written and silently not tested.
func TestSchemaKeywords(t *testing.T) {
	known := map[string]bool{"$schema": true, "$id": true, "$ref": true, "$defs": true, "title": true, "description": true,
		"type": true, "enum": true, "properties": true, "required": true, "additionalProperties": true, "items": true,
		"minimum": true, "maximum": true, "oneOf": true}
	var walk func(file, path string, s map[string]any)
	walk = func(file, path string, s map[string]any) {
		for k, v := range s {
			if !known[k] {
				t.Errorf("%s: %s: keyword %q is not checked by the tests' validator", file, path, k)
			}
			switch k {
			case "properties", "$defs":
				for name, sub := range v.(map[string]any) {
					walk(file, path+"."+name, sub.(map[string]any))
				}
			case "oneOf":
				for i, sub := range v.([]any) {
					walk(file, fmt.Sprintf("%s/oneOf[%d]", path, i), sub.(map[string]any))
				}
			case "items", "additionalProperties":
				if sub, ok := v.(map[string]any); ok {
					walk(file, path+"/"+k, sub)
				}
			}
		}
	}
	names, _ := fs.Glob(FS, "*.schema.json")
	if len(names) < 12 {
		t.Errorf("%d schemas: %v", len(names), names)
	}
	for _, n := range names {
		walk(n, "", load(t, n))
	}
}

// TestValidatorCatchesMaps: a map's values (additionalProperties as a
// schema) and maxima are checked.
func TestValidatorCatchesMaps(t *testing.T) {
	s := load(t, "measure.schema.json")
	rec := `{"id":"x","home":null,"year":2019,"documents":1,"characters":10,"tokens":5,"categories":{"env":{"count":1,"per10k_tokens":2000,"per10k_chars":1000}},"readability":{"chars_per_clause":5,"adv_conj_share":0.1,"mean":2.5}}`
	var v map[string]any
	json.Unmarshal([]byte(rec), &v)
	if errs := validate(s, s, v, "x"); len(errs) > 0 {
		t.Fatalf("a valid record: %v", errs)
	}
	for _, bad := range []string{
		strings.Replace(rec, `"count":1,`, `"count":"1",`, 1),
		strings.Replace(rec, `"count":1,`, ``, 1),
		strings.Replace(rec, `"per10k_chars":1000`, `"per10k_chars":1000,"share":1`, 1),
		strings.Replace(rec, `"adv_conj_share":0.1`, `"adv_conj_share":1.5`, 1),
	} {
		var v map[string]any
		json.Unmarshal([]byte(bad), &v)
		if errs := validate(s, s, v, "x"); len(errs) == 0 {
			t.Errorf("accepted %s", bad)
		}
	}
}
