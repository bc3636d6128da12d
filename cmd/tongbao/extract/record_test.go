package extract

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/extract"
)

// encodingJSON is the record encoding/json writes for v (HTML not
// escaped), as the records were written before their encoders.
func encodingJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestRecordsAsEncodingJSON checks that the records of the sample, plain,
// streamed and with --explain, are the bytes encoding/json writes.
func TestRecordsAsEncodingJSON(t *testing.T) {
	raw, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	var events []extract.TraceEvent
	d, err := extract.NewDocument(string(raw), extract.WithTypes(extract.AllTypes...), extract.WithID("sample<&>"),
		extract.WithMeta(map[string]any{"source": "a&b", "n": json.Number("3")}),
		extract.WithTrace(func(e extract.TraceEvent) { events = append(events, e) }))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) < 100 {
		t.Fatalf("%d mentions of the sample", len(d.Mentions))
	}
	want := encodingJSON(t, d)
	if got, err := cmdutil.JSONRecord(d, false); err != nil || !bytes.Equal(got, want) {
		t.Errorf("record of the document (%v)\n got %s\nwant %s", err, got, want)
	}
	rec := explained{d, extract.Explain(d, events)}
	if got, err := cmdutil.JSONRecord(rec, false); err != nil || !bytes.Equal(got, encodingJSON(t, rec)) {
		t.Errorf("record with --explain (%v)\n got %s\nwant %s", err, got, encodingJSON(t, rec))
	}
	streamed, err := cmdutil.StreamedRecord(false, func(emit func(any) error) (any, error) {
		for i := range d.Mentions {
			if err := emit(&d.Mentions[i]); err != nil {
				return nil, err
			}
		}
		head := *d
		head.Mentions = []extract.Mention{}
		return &head, nil
	})
	if err != nil || !bytes.Equal(streamed, want) {
		t.Errorf("streamed record (%v)\n got %s\nwant %s", err, streamed, want)
	}
}
