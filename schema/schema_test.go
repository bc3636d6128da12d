package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/cmd/tongbao/root"
)

// validate checks v against the subset of JSON Schema the schemas use:
// oneOf, type, enum, properties, required, items,
// additionalProperties (false, or a schema for every other property),
// minimum, maximum and $ref to #/$defs/NAME.
func validate(top, s map[string]any, v any, path string) []string {
	if ref, ok := s["$ref"].(string); ok {
		name := strings.TrimPrefix(ref, "#/$defs/")
		def, ok := top["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return []string{path + ": unknown $ref " + ref}
		}
		return validate(top, def, v, path)
	}
	if alts, ok := s["oneOf"].([]any); ok {
		var pass int
		var first []string
		for _, a := range alts {
			e := validate(top, a.(map[string]any), v, path)
			if len(e) == 0 {
				pass++
			} else if first == nil {
				first = e
			}
		}
		if pass != 1 {
			return append([]string{fmt.Sprintf("%s: matches %d of the oneOf schemas, want 1", path, pass)}, first...)
		}
	}
	var errs []string
	if t, ok := s["type"]; ok {
		var types []string
		switch t := t.(type) {
		case string:
			types = []string{t}
		case []any:
			for _, x := range t {
				types = append(types, x.(string))
			}
		}
		okType := false
		for _, t := range types {
			okType = okType || isType(v, t)
		}
		if !okType {
			return []string{fmt.Sprintf("%s: %v is not %v", path, v, types)}
		}
	}
	if e, ok := s["enum"].([]any); ok {
		found := false
		for _, x := range e {
			found = found || x == v
		}
		if !found {
			errs = append(errs, fmt.Sprintf("%s: %v not in %v", path, v, e))
		}
	}
	if m, ok := s["minimum"].(float64); ok {
		if n, isNum := v.(float64); isNum && n < m {
			errs = append(errs, fmt.Sprintf("%s: %v below %v", path, n, m))
		}
	}
	if m, ok := s["maximum"].(float64); ok {
		if n, isNum := v.(float64); isNum && n > m {
			errs = append(errs, fmt.Sprintf("%s: %v above %v", path, n, m))
		}
	}
	if obj, ok := v.(map[string]any); ok {
		props, _ := s["properties"].(map[string]any)
		for _, r := range asList(s["required"]) {
			if _, ok := obj[r]; !ok {
				errs = append(errs, fmt.Sprintf("%s: no %q", path, r))
			}
		}
		for k, x := range obj {
			ps, ok := props[k].(map[string]any)
			if !ok {
				switch ap := s["additionalProperties"].(type) {
				case bool:
					if !ap {
						errs = append(errs, fmt.Sprintf("%s: unknown field %q", path, k))
					}
				case map[string]any:
					errs = append(errs, validate(top, ap, x, path+"."+k)...)
				}
				continue
			}
			errs = append(errs, validate(top, ps, x, path+"."+k)...)
		}
	}
	if arr, ok := v.([]any); ok {
		if it, ok := s["items"].(map[string]any); ok {
			for i, x := range arr {
				errs = append(errs, validate(top, it, x, fmt.Sprintf("%s[%d]", path, i))...)
			}
		}
	}
	return errs
}

func isType(v any, t string) bool {
	switch t {
	case "null":
		return v == nil
	case "string":
		_, ok := v.(string)
		return ok
	case "number":
		_, ok := v.(float64)
		return ok
	case "integer":
		n, ok := v.(float64)
		return ok && n == math.Trunc(n)
	case "boolean":
		_, ok := v.(bool)
		return ok
	case "object":
		_, ok := v.(map[string]any)
		return ok
	case "array":
		_, ok := v.([]any)
		return ok
	}
	return false
}

func asList(v any) []string {
	var out []string
	if l, ok := v.([]any); ok {
		for _, x := range l {
			out = append(out, x.(string))
		}
	}
	return out
}

func load(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := FS.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func tongbao(t *testing.T, args ...string) []byte {
	t.Helper()
	ios, _, out, errOut := cmdutil.TestIO()
	cmd := root.NewCmdRoot(&cmdutil.Factory{IOStreams: ios})
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	cmd.SetArgs(append(args, "-q"))
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	cmd.Execute() // error records are part of what is checked
	_ = errOut
	return out.Bytes()
}

const corpora = "../../shared/corpora/"

// TestSchemas validates every record of real runs: extract and segment on
// the sample, the Hailar reports and the State Council JSONL, and the error
// records of a PDF and a binary file.
func TestSchemas(t *testing.T) {
	inputs := []string{"../testdata/000_776449805ff1d07a.txt"}
	for _, p := range []string{corpora + "gov-reports/hailar-district/", corpora + "gov-reports/national-state-council/government_work_reports.jsonl"} {
		if _, err := os.Stat(p); err == nil {
			inputs = append(inputs, p)
		} else {
			t.Logf("not here, not checked: %s", p)
		}
	}
	bad := t.TempDir()
	os.WriteFile(bad+"/a.pdf", []byte("%PDF-1.4"), 0o644)
	os.WriteFile(bad+"/b.txt", []byte("\x00\x01binary"), 0o644)
	inputs = append(inputs, bad)
	errSchema := load(t, "error.schema.json")
	for _, c := range []struct {
		schema string
		args   []string
	}{
		{"extract.schema.json", []string{"extract"}},
		{"extract.schema.json", []string{"extract", "--explain"}},
		{"extract.schema.json", []string{"extract", "--types", "indicator,time"}},
		{"segment.schema.json", []string{"segment", "--format", "jsonl", "--pos"}},
	} {
		s := load(t, c.schema)
		out := tongbao(t, append(append(c.args, "--text-field", "content"), inputs...)...) // the State Council JSONL holds its text in "content"
		n, nerr := 0, 0
		sc := bufio.NewScanner(bytes.NewReader(out))
		sc.Buffer(nil, 1<<28)
		for sc.Scan() {
			var v map[string]any
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				t.Fatalf("%v: record %d is not JSON: %v", c.args, n+1, err)
			}
			n++
			sch := s
			if _, isErr := v["error"]; isErr {
				sch = errSchema
				nerr++
			}
			if errs := validate(sch, sch, v, fmt.Sprint(v["id"])); len(errs) > 0 {
				t.Errorf("%v: %d violations, first: %s", c.args, len(errs), strings.Join(errs[:min(5, len(errs))], "; "))
			}
		}
		if n < 3 || nerr != 2 {
			t.Errorf("%v: %d records, %d errors; want the inputs' records and 2 errors", c.args, n, nerr)
		}
	}
}

// TestValidatorCatches: the validator rejects what the schemas forbid.
func TestValidatorCatches(t *testing.T) {
	s := load(t, "extract.schema.json")
	rec := `{"id":"x","title":null,"date":null,"byline":null,"home":null,"year":null,"speaker":null,"genre":"other","sections":[],"people":[],"places":[],"orgs":[],"mentions":[{"type":"time","text":"今年","start":0,"end":2}]}`
	var v map[string]any
	json.Unmarshal([]byte(rec), &v)
	if errs := validate(s, s, v, "x"); len(errs) > 0 {
		t.Fatalf("a valid record: %v", errs)
	}
	for _, bad := range []string{
		strings.Replace(rec, `"type":"time"`, `"type":"weather"`, 1),
		strings.Replace(rec, `"start":0`, `"start":-1`, 1),
		strings.Replace(rec, `"year":null`, `"year":"2019"`, 1),
		strings.Replace(rec, `"genre":"other",`, ``, 1),
		strings.Replace(rec, `"genre":"other"`, `"genre":"other","extra":1`, 1),
	} {
		var v map[string]any
		json.Unmarshal([]byte(bad), &v)
		if errs := validate(s, s, v, "x"); len(errs) == 0 {
			t.Errorf("accepted %s", bad)
		}
	}
}
