package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// propertyTexts returns real texts to check properties on: the sample
// bulletin, and the government work reports from ../shared when present.
func propertyTexts(t *testing.T) map[string]string {
	t.Helper()
	texts := map[string]string{}
	b, err := os.ReadFile(filepath.Join("..", "testdata", "000_776449805ff1d07a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	texts["sample"] = string(b)
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpora", "gov-reports", "hailar-district", "*.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(f)] = string(b)
	}
	if len(files) == 0 {
		t.Log("../shared/corpora/gov-reports absent: checking the sample bulletin only")
	}
	return texts
}

// TestMentionOffsetsSliceText checks, on real texts, that every mention's
// offsets slice the text to the mention's text, that mentions come out
// sorted, and that every field of the document marshals to JSON.
func TestMentionOffsetsSliceText(t *testing.T) {
	for name, text := range propertyTexts(t) {
		d, err := NewDocument(text)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rs := []rune(text)
		types := map[string]int{}
		for i, m := range d.Mentions {
			types[m.Type]++
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End {
				t.Fatalf("%s: mention %d %+v out of range (text has %d code points)", name, i, m, len(rs))
			}
			if got := string(rs[m.Start:m.End]); got != m.Text {
				t.Errorf("%s: mention %+v: text[%d:%d] = %q", name, m, m.Start, m.End, got)
			}
			if i > 0 && d.Mentions[i-1].Start > m.Start {
				t.Errorf("%s: mentions out of order at %d", name, i)
			}
		}
		for _, s := range d.Sections {
			if got := string(rs[s.Start:s.End]); got != s.Text {
				t.Errorf("%s: section %+v: text[%d:%d] = %q", name, s, s.Start, s.End, got)
			}
		}
		if _, err := json.Marshal(d); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if name == "sample" {
			for _, typ := range Types {
				if types[typ] == 0 {
					t.Errorf("sample bulletin: no %s mention", typ)
				}
			}
		}
	}
}

// TestTypesSelectSubset checks that asking for some types gives exactly
// the mentions of those types that a full run gives.
func TestTypesSelectSubset(t *testing.T) {
	text := propertyTexts(t)["sample"]
	all, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range Types {
		one, err := NewDocument(text, WithTypes(typ))
		if err != nil {
			t.Fatal(err)
		}
		var want []Mention
		for _, m := range all.Mentions {
			if m.Type == typ {
				want = append(want, m)
			}
		}
		got := one.Mentions
		if len(got) == 0 {
			got = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("--types %s: %d mentions, a full run has %d of that type", typ, len(got), len(want))
		}
	}
	if _, err := NewDocument(text, WithTypes("weather")); err == nil || !strings.Contains(err.Error(), "weather") {
		t.Errorf("unknown type: err = %v", err)
	}
}

// TestEmptyArraysNotNull checks that a document with nothing to extract
// has the same shape as any other: empty arrays, not nulls.
func TestEmptyArraysNotNull(t *testing.T) {
	d, err := NewDocument("无。")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"sections":[]`, `"people":[]`, `"places":[]`, `"orgs":[]`, `"mentions":[]`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("%s missing from %s", k, b)
		}
	}
}
