package corpus

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"
	"unicode/utf8"
)

// flatRecordCases are JSON Lines records as tools write them, and the
// shapes the fast path must leave to encoding/json.
var flatRecordCases = []string{
	`{"id": "p0", "text": "**1954年政府工作报告**"}`,
	`{"id":12,"text":"县政府召开常务会议","year":2021,"region":"海拉尔区"}`,
	`{"text":"第一段\n第二段\t\"引号\" \\ \/ \u4e2d\u6587 \ud83d\ude00 \u0000"}`,
	`  {"id":-0.5e+3,"text":""}  `,
	`{}`,
	`{"text":"a","text":"b"}`,
	`{"text":"\ud800"}`,
	`{"text":"\udc00\ud800"}`,
	`{"text":"\ud83dx"}`,
	`{"text":"x","n":01}`,
	`{"text":"x","n":1.}`,
	`{"text":"x","n":-}`,
	`{"text":"x","n":1e}`,
	`{"text":"x","ok":true,"m":null,"a":[1],"o":{"k":"v"}}`,
	`{"text":"x"} {"text":"y"}`,
	`{"text":"x",}`,
	`{"text":"a` + "\t" + `b"}`,
	`{"text":"\x"}`,
	`{"text":"\u12g4"}`,
	`{"text":"x"`,
	`null`,
	`[]`,
	`{"text":"` + "\xff" + `"}`,
}

func TestFlatRecord(t *testing.T) {
	accepted := 0
	for _, s := range flatRecordCases {
		if checkFlatRecord(t, []byte(s)) {
			accepted++
		}
	}
	if accepted < 6 {
		t.Errorf("the fast path took %d of the common records, want at least 6", accepted)
	}
}

// checkFlatRecord compares flatRecord with encoding/json on data and
// reports whether the fast path took it.
func checkFlatRecord(t *testing.T, data []byte) bool {
	t.Helper()
	rec, ok := flatRecord(data)
	if !ok || !utf8.Valid(data) {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var want map[string]any
	if err := dec.Decode(&want); err != nil || dec.More() || want == nil {
		t.Fatalf("flatRecord took %q, which encoding/json refuses (err %v)", data, err)
	}
	if !reflect.DeepEqual(rec, want) {
		t.Fatalf("flatRecord(%q) = %#v, encoding/json gives %#v", data, rec, want)
	}
	// Sharing the line's memory (an owned line) gives the same record.
	if owned, ok := flatRecordOf(bytes.Clone(data), true); !ok || !reflect.DeepEqual(owned, want) {
		t.Fatalf("flatRecordOf(%q, owned) = %#v, %v; encoding/json gives %#v", data, owned, ok, want)
	}
	return true
}
