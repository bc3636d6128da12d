package extract

import (
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/corpus"
)

// referenceJSON is what the records hold for v: encoding/json without
// HTML escaping, without the newline.
func referenceJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte{'\n'}), nil
}

// checkMentionJSON fails when AppendJSON and encoding/json differ on m.
func checkMentionJSON(t *testing.T, what string, m *Mention) {
	t.Helper()
	want, werr := referenceJSON(m)
	prefix := []byte("prefix,")
	got, gerr := m.AppendJSON(prefix[:len(prefix):len(prefix)])
	if werr != nil || gerr != nil {
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Fatalf("%s: AppendJSON error %v, encoding/json error %v (%#v)", what, gerr, werr, m)
		}
		if string(got) != string(prefix) {
			t.Fatalf("%s: AppendJSON returned %q with its error, want the buffer as it was", what, got)
		}
		return
	}
	if !bytes.HasPrefix(got, prefix) {
		t.Fatalf("%s: AppendJSON dropped what the buffer held: %q", what, got)
	}
	if got = got[len(prefix):]; !bytes.Equal(got, want) {
		t.Fatalf("%s: AppendJSON differs from encoding/json\n got %s\nwant %s", what, got, want)
	}
}

// checkJSON fails when the AppendJSON of v (a document, a decision) and
// encoding/json differ.
func checkJSON(t *testing.T, what string, v interface {
	AppendJSON([]byte) ([]byte, error)
}) {
	t.Helper()
	want, werr := referenceJSON(v)
	got, gerr := v.AppendJSON(nil)
	if werr != nil || gerr != nil {
		if werr == nil || gerr == nil || werr.Error() != gerr.Error() {
			t.Fatalf("%s: AppendJSON error %v, encoding/json error %v", what, gerr, werr)
		}
		return
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: AppendJSON differs from encoding/json\n got %s\nwant %s", what, got, want)
	}
}

// TestJSONFieldsKnown fails when a field was added to Mention, Document or
// a struct they hold without its encoding in jsonenc.go (AppendJSON then
// falls back to encoding/json).
func TestJSONFieldsKnown(t *testing.T) {
	if !mentionFieldsKnown {
		t.Error("the fields of Mention or Division are not those jsonenc.go encodes: add the new field to appendMention and mentionFieldsKnown")
	}
	if !decisionFieldsKnown {
		t.Error("the fields of Decision are not those jsonenc.go encodes: add the new field to Decision.AppendJSON and decisionFieldsKnown")
	}
	if !documentFieldsKnown {
		t.Error("the fields of Document (or Byline, Home, Speaker, Section, Entity) are not those jsonenc.go encodes: add the new field to appendDocument and documentFieldsKnown")
	}
	type withContext struct {
		A int `json:"a"`
		*docContext
		b int
	}
	if !jsonFieldsAre(reflect.TypeFor[withContext](), jsonField{"A", "a", "int"}) {
		t.Error("jsonFieldsAre counts an embedded struct without exported fields")
	}
	type withExported struct {
		A int `json:"a"`
		*Speaker
	}
	if jsonFieldsAre(reflect.TypeFor[withExported](), jsonField{"A", "a", "int"}) {
		t.Error("jsonFieldsAre misses an embedded struct whose fields encoding/json writes")
	}
}

// TestAppendJSONRealText encodes every mention, and the document, of the
// sample bulletin and of work reports, with all types, and compares the
// bytes with encoding/json's.
func TestAppendJSONRealText(t *testing.T) {
	type input struct{ name, text, id string }
	raw, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	inputs := []input{{"sample", string(raw), "000_776449805ff1d07a"}}
	provinces := filepath.Join(govWorkReports, "provinces")
	if _, err := os.Stat(provinces); err != nil {
		t.Logf("%s is absent: the work reports are not checked", provinces)
	} else {
		for _, rel := range []string{"福建省/2019.md", "云南省/2010.md", "吉林省/2022.md", "广东省/2015.md"} {
			b, err := os.ReadFile(filepath.Join(provinces, rel))
			if err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, input{rel, string(b), "provinces/" + rel})
		}
	}
	n := 0
	for _, in := range inputs {
		text, meta := corpus.MarkdownText(in.text)
		var events []TraceEvent
		d, err := NewDocument(text, WithTypes(AllTypes...), WithID(in.id), WithMeta(meta), WithTrace(func(e TraceEvent) { events = append(events, e) }))
		if err != nil {
			t.Fatal(err)
		}
		decs := Explain(d, events)
		if len(decs) <= len(d.Mentions) {
			t.Fatalf("%s: %d decisions for %d mentions, want rejected candidates too", in.name, len(decs), len(d.Mentions))
		}
		for i := range decs {
			checkJSON(t, in.name+" (explain)", &decs[i])
		}
		if len(d.Mentions) < 50 {
			t.Fatalf("%s: %d mentions, want a real document", in.name, len(d.Mentions))
		}
		for i := range d.Mentions {
			checkMentionJSON(t, in.name, &d.Mentions[i])
			n++
		}
		checkJSON(t, in.name, d)
		d.Mentions = []Mention{} // the head of a streamed record
		checkJSON(t, in.name+" (head)", d)
	}
	t.Logf("%d mentions of %d documents encoded as encoding/json does", n, len(inputs))
}

// jsonStringPieces are the parts random strings are made of: what
// encoding/json escapes or replaces, and plain text.
var jsonStringPieces = []string{
	"", "a", "Z9", " ", "\"", "\\", "/", "<", ">", "&", "'", "\x00", "\x01", "\x08", "\x0c", "\n", "\r", "\t", "\x1f", "\x7f",
	"\u2028", "\u2029", "\u2027", "\u202a", "\u00e9", "中", "华人民", "𠀀", "\ufeff", "\ufffd",
	"\xff", "\x80", "\xc0\xaf", "\xe4\xb8", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf0\x9f\x98",
	"2021-03-26", "XXXX-WXX-1", "亿元", "%",
}

func randString(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(6); n > 0; n-- {
		if r.IntN(4) == 0 {
			b.WriteByte(byte(r.IntN(256))) // any byte
			continue
		}
		b.WriteString(jsonStringPieces[r.IntN(len(jsonStringPieces))])
	}
	return b.String()
}

// jsonFloats are values around encoding/json's format changes.
var jsonFloats = []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 8.5, 23223.8, 1e20, 1e21, -1e21, 999999999999999999999, 1.0000000000000001e21,
	1e-6, 1e-7, -1e-7, 9.99999e-7, 1.5e-10, 1e-100, 1e100, 123456789012345678, 5e-324, math.MaxFloat64, -math.MaxFloat64,
	math.SmallestNonzeroFloat64, 0.1, 0.2 + 0.1, 1.0 / 3}

func randFloat(r *rand.Rand) float64 {
	switch r.IntN(4) {
	case 0:
		return jsonFloats[r.IntN(len(jsonFloats))]
	case 1:
		return float64(r.IntN(2000000) - 1000000)
	case 2:
		if r.IntN(16) == 0 { // not left to chance: one in 2048 bit patterns
			return []float64{math.NaN(), math.Inf(1), math.Inf(-1)}[r.IntN(3)]
		}
		return math.Float64frombits(r.Uint64()) // any bits (NaN and Inf too)
	}
	f := r.Float64() * math.Pow(10, float64(r.IntN(60)-30))
	if r.IntN(2) == 0 {
		f = -f
	}
	return f
}

func randFloats(r *rand.Rand) []float64 {
	switch r.IntN(4) {
	case 0:
		return nil
	case 1:
		return []float64{}
	}
	fs := make([]float64, 1+r.IntN(3))
	for i := range fs {
		fs[i] = randFloat(r)
	}
	return fs
}

func randStrings(r *rand.Rand) []string {
	switch r.IntN(4) {
	case 0:
		return nil
	case 1:
		return []string{}
	}
	ss := make([]string, 1+r.IntN(3))
	for i := range ss {
		ss[i] = randString(r)
	}
	return ss
}

func randValue(r *rand.Rand) any {
	switch r.IntN(8) {
	case 0:
		return nil
	case 1, 2:
		return randString(r)
	case 3, 4:
		return randFloat(r)
	case 5:
		return Span{randString(r), randString(r)}
	case 6:
		return r.IntN(100) - 50 // a type extraction does not set
	}
	return map[string]any{randString(r): randFloat(r), "<b>": []any{randString(r), true, nil}}
}

// fillRandom sets every field of the struct v points to, whatever its
// fields: a field added to Mention is filled, so that its encoding is
// checked.
func fillRandom(t *testing.T, r *rand.Rand, v reflect.Value) {
	t.Helper()
	for i := 0; i < v.NumField(); i++ {
		f := v.Field(i)
		if !f.CanSet() || r.IntN(3) == 0 {
			continue // unexported, or left zero
		}
		switch f.Type() {
		case reflect.TypeFor[string]():
			f.SetString(randString(r))
		case reflect.TypeFor[int]():
			f.SetInt(int64(r.IntN(1 << 20)))
		case reflect.TypeFor[any]():
			if x := randValue(r); x != nil {
				f.Set(reflect.ValueOf(x))
			}
		case reflect.TypeFor[*string]():
			s := randString(r)
			f.Set(reflect.ValueOf(&s))
		case reflect.TypeFor[*int]():
			n := r.IntN(3000)
			f.Set(reflect.ValueOf(&n))
		case reflect.TypeFor[*float64]():
			x := randFloat(r)
			f.Set(reflect.ValueOf(&x))
		case reflect.TypeFor[[]float64]():
			f.Set(reflect.ValueOf(randFloats(r)))
		case reflect.TypeFor[[]string]():
			f.Set(reflect.ValueOf(randStrings(r)))
		case reflect.TypeFor[map[string]any]():
			if r.IntN(2) == 0 {
				f.Set(reflect.ValueOf(map[string]any{}))
			} else {
				f.Set(reflect.ValueOf(map[string]any{"z": randString(r), "a": randFloat(r), randString(r): json.Number("12")}))
			}
		default:
			switch f.Kind() {
			case reflect.String: // Verdict
				f.SetString(randString(r))
			case reflect.Pointer:
				if f.Type().Elem().Kind() != reflect.Struct {
					t.Fatalf("fillRandom: field %s of type %s: add its type", v.Type().Field(i).Name, f.Type())
				}
				p := reflect.New(f.Type().Elem())
				fillRandom(t, r, p.Elem())
				f.Set(p)
			case reflect.Slice:
				if f.Type().Elem().Kind() != reflect.Struct {
					t.Fatalf("fillRandom: field %s of type %s: add its type", v.Type().Field(i).Name, f.Type())
				}
				n := r.IntN(4)
				s := reflect.MakeSlice(f.Type(), n, n)
				for j := 0; j < n; j++ {
					fillRandom(t, r, s.Index(j))
				}
				if n == 0 && r.IntN(2) == 0 {
					s = reflect.Zero(f.Type()) // nil, not empty
				}
				f.Set(s)
			case reflect.Struct:
				fillRandom(t, r, f)
			default:
				t.Fatalf("fillRandom: field %s of type %s: add its type", v.Type().Field(i).Name, f.Type())
			}
		}
	}
}

// TestAppendJSONRandom compares AppendJSON with encoding/json on random
// mentions and documents: strings with invalid UTF-8, control characters,
// <>&, U+2028; numbers of every magnitude, -0, NaN and infinities (an
// error, encoding/json's); nil and empty slices.
func TestAppendJSONRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	errs := 0
	for i := 0; i < n; i++ {
		var m Mention
		fillRandom(t, r, reflect.ValueOf(&m).Elem())
		if _, err := referenceJSON(&m); err != nil {
			errs++
		}
		checkMentionJSON(t, "random mention", &m)
	}
	if errs == 0 || errs > n/2 {
		t.Errorf("%d of %d random mentions cannot be encoded: want some (NaN, Inf), not most", errs, n)
	}
	for i := 0; i < n/4; i++ {
		var x Decision
		fillRandom(t, r, reflect.ValueOf(&x).Elem())
		checkJSON(t, "random decision", &x)
	}
	for i := 0; i < n/20; i++ {
		var d Document
		fillRandom(t, r, reflect.ValueOf(&d).Elem())
		checkJSON(t, "random document", &d)
	}
}

// TestAppendJSONNaN checks that a number JSON cannot hold gives
// encoding/json's error, wherever it is.
func TestAppendJSONNaN(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		x := f
		for _, m := range []Mention{{Value: f}, {Range: []float64{1, f}}, {Stretch: &x}, {Value: []float64{f}}} {
			checkMentionJSON(t, "non-finite", &m)
			if _, err := m.AppendJSON(nil); err == nil {
				t.Errorf("%v: no error", m)
			}
		}
	}
	d := &Document{Mentions: []Mention{{Value: math.NaN()}}}
	checkJSON(t, "document with NaN", d)
	if _, err := d.AppendJSON(nil); err == nil {
		t.Error("document with NaN: no error")
	}
}

// FuzzMentionJSON compares AppendJSON with encoding/json on mentions made
// of the fuzzed strings and numbers.
func FuzzMentionJSON(f *testing.F) {
	f.Add("中华人民共和国", "<a&b>\u2028\x00", 1.5, 1e21)
	f.Add("\xff\xfe", "\"\\\t", math.Copysign(0, -1), 1e-7)
	f.Add("2021-Q1", "2021-03-31", 23223.8, -0.000001)
	f.Fuzz(func(t *testing.T, s1, s2 string, f1, f2 float64) {
		ms := []Mention{
			{Type: s1, Text: s2, Value: f1, Range: []float64{f1, f2}, Unit: s1},
			{Type: "time", Text: s1, Value: Span{s1, s2}, StartDate: s2},
			{Type: "place", Text: s2, Value: s1, Code: &s2, Current: &Division{Code: s1, Name: s2, Path: []string{s1}}, Stretch: &f2},
		}
		for i := range ms {
			checkMentionJSON(t, "fuzzed", &ms[i])
		}
	})
}
