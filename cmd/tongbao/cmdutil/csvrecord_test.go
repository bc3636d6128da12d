package cmdutil

import (
	"encoding/json"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func randCSVField(r *rand.Rand) string {
	pieces := []string{"", "a", "1", " ", ",", "\"", "\\", "<&>", "\n", "\t", "\x00", "\x1f", "\u2028", "中文", "⏎", "\xff", "\xe4\xb8", "\ufffd"}
	var b strings.Builder
	for n := r.IntN(5); n > 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// unmarshalCSVRecord reads line as the CSV writer did before
// parseCSVRecord: rows, whether the line is an error record, the error.
func unmarshalCSVRecord(line []byte) ([][]string, bool, error) {
	var rec struct {
		csvRecord
		Error *string `json:"error"`
	}
	err := json.Unmarshal(line, &rec)
	return rec.Rows, rec.Error != nil, err
}

// TestCSVRecord checks that appendCSVRecord writes what JSONRecord writes
// and that parseCSVRecord reads what json.Unmarshal reads, on random rows.
func TestCSVRecord(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 5000; i++ {
		id := randCSVField(r)
		var rows [][]string
		if r.IntN(10) > 0 {
			rows = [][]string{}
			for n := r.IntN(4); n > 0; n-- {
				var row []string
				if r.IntN(8) > 0 {
					row = []string{}
					for m := r.IntN(4); m > 0; m-- {
						row = append(row, randCSVField(r))
					}
				}
				rows = append(rows, row)
			}
		}
		want, err := JSONRecord(csvRecord{ID: id, Rows: rows}, false)
		if err != nil {
			t.Fatal(err)
		}
		line := appendCSVRecord(nil, id, rows)
		if string(line) != string(want) {
			t.Fatalf("appendCSVRecord = %s, want %s", line, want)
		}
		checkParseCSVRecord(t, line)
		checkParseCSVRecord(t, line[:r.IntN(len(line))]) // cut short
	}
	for _, line := range []string{
		`{"id":"a","error":"文档为空","class":"decode"}`,
		`{"id":"a","rows":[["x"]],"error":"x"}`,
		`{"id":"a","rows":[["x","y\u0000z\ud800"]]}`,
		`{"id":"a","rows":[["x` + "\x01" + `"]]}`,
		`{"id":"a","rows":[["x` + "\xff\xe4\xb8" + `y"]]}`,
		`{"id":"a","rows":[[1]]}`,
		`{"id":"a","rows":[]} x`,
		`{"id":"a","rows":[[]]}` + "\r\n",
		`{"id":"a","rows":null}`,
	} {
		checkParseCSVRecord(t, []byte(line))
	}
}

// checkParseCSVRecord fails when parseCSVRecord reads line otherwise than
// json.Unmarshal.
func checkParseCSVRecord(t *testing.T, line []byte) {
	t.Helper()
	rows, ok := parseCSVRecord(line)
	if !ok {
		return // json.Unmarshal reads it
	}
	want, isErr, err := unmarshalCSVRecord(line)
	if err != nil || isErr {
		t.Fatalf("parseCSVRecord reads %q, which json.Unmarshal rejects (%v) or reads as an error record", line, err)
	}
	if !reflect.DeepEqual(rows, want) {
		t.Fatalf("parseCSVRecord(%q) = %q, json.Unmarshal %q", line, rows, want)
	}
}

func FuzzParseCSVRecord(f *testing.F) {
	f.Add([]byte(`{"id":"a","rows":[["x","y\n"],[]]}`))
	f.Add([]byte(`{"id":"a","error":"e"}`))
	f.Fuzz(func(t *testing.T, line []byte) { checkParseCSVRecord(t, line) })
}
