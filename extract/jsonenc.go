package extract

import (
	"bytes"
	"encoding"
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strconv"

	"github.com/tongbao/tongbao/record"
)

// The JSON encoding of mentions and documents without reflection: the
// bytes a json.Encoder with SetEscapeHTML(false) writes for them (the
// records of tongbao), field by field, for what encoding/json spends in
// reflection on the many mentions of a long document.
//
// The encoders know the fields of Mention, Division, Document and the
// structs it holds (jsonFields below); when a type's fields are not the
// ones they know (a field added without its encoding here), AppendJSON
// hands the value to encoding/json, so the output stays right, and
// TestJSONFieldsKnown fails.

// AppendJSON appends to b the JSON encoding of m: the bytes a json.Encoder
// with SetEscapeHTML(false) writes for it, without the newline. The error,
// for a value JSON cannot hold (a NaN or infinite number), is
// encoding/json's, and b is returned as it was.
func (m *Mention) AppendJSON(b []byte) ([]byte, error) {
	if !mentionFieldsKnown {
		return appendJSONReflect(b, m)
	}
	n := len(b)
	b, err := appendMention(b, m)
	if err != nil {
		return b[:n], err
	}
	return b, nil
}

// AppendJSON appends to b the JSON encoding of d, as Mention.AppendJSON
// does for a mention. Meta is encoded by encoding/json.
func (d *Document) AppendJSON(b []byte) ([]byte, error) {
	if !documentFieldsKnown {
		return appendJSONReflect(b, d)
	}
	n := len(b)
	b, err := appendDocument(b, d)
	if err != nil {
		return b[:n], err
	}
	return b, nil
}

// AppendJSON appends to b the JSON encoding of x, as Mention.AppendJSON
// does for a mention.
func (x *Decision) AppendJSON(b []byte) ([]byte, error) {
	if !decisionFieldsKnown {
		return appendJSONReflect(b, x)
	}
	b = append(b, `{"type":`...)
	b = record.AppendString(b, x.Type, false)
	b = append(b, `,"text":`...)
	b = record.AppendString(b, x.Text, false)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(x.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(x.End), 10)
	b = append(b, `,"verdict":`...)
	b = record.AppendString(b, string(x.Verdict), false)
	b = append(b, `,"rule":`...)
	b = record.AppendString(b, x.Rule, false)
	b = appendOptStrings(b, `,"rules":`, x.Rules)
	b = append(b, `,"mention":`...)
	b = strconv.AppendInt(b, int64(x.Mention), 10)
	return append(b, '}'), nil
}

// appendJSONReflect appends the encoding/json encoding of v, without HTML
// escaping and without the newline.
func appendJSONReflect(b []byte, v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return b, err
	}
	return append(b, bytes.TrimSuffix(buf.Bytes(), []byte{'\n'})...), nil
}

func appendMention(b []byte, m *Mention) ([]byte, error) {
	var err error
	b = append(b, `{"type":`...)
	b = record.AppendString(b, m.Type, false)
	b = append(b, `,"text":`...)
	b = record.AppendString(b, m.Text, false)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(m.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(m.End), 10)
	if m.Value != nil {
		b = append(b, `,"value":`...)
		if b, err = appendJSONValue(b, m.Value); err != nil {
			return b, err
		}
	}
	b = appendOptString(b, `,"kind":`, m.Kind)
	b = appendOptString(b, `,"grain":`, m.Grain)
	b = appendOptString(b, `,"year_from":`, m.YearFrom)
	b = appendOptString(b, `,"start_date":`, m.StartDate)
	b = appendOptString(b, `,"end_date":`, m.EndDate)
	b = appendOptString(b, `,"unit":`, m.Unit)
	b = appendOptString(b, `,"object":`, m.Object)
	b = appendOptString(b, `,"approx":`, m.Approx)
	if len(m.Range) > 0 {
		b = append(b, `,"range":[`...)
		for i, f := range m.Range {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendJSONFloat(b, f); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	b = appendOptStrings(b, `,"titles":`, m.Titles)
	b = appendOptString(b, `,"org":`, m.Org)
	b = appendOptString(b, `,"role":`, m.Role)
	if m.Code != nil {
		b = append(b, `,"code":`...)
		b = record.AppendString(b, *m.Code, false)
	}
	b = appendOptString(b, `,"level":`, m.Level)
	b = appendOptStrings(b, `,"path":`, m.Path)
	if m.Current != nil {
		b = append(b, `,"current":`...)
		b = appendDivision(b, m.Current)
	}
	if len(m.Candidates) > 0 {
		b = append(b, `,"candidates":[`...)
		for i := range m.Candidates {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendDivision(b, &m.Candidates[i])
		}
		b = append(b, ']')
	}
	b = appendOptString(b, `,"expanded":`, m.Expanded)
	b = appendOptString(b, `,"canonical":`, m.Canonical)
	b = appendOptString(b, `,"category":`, m.Category)
	b = appendOptStrings(b, `,"items":`, m.Items)
	b = appendOptString(b, `,"indicator":`, m.Indicator)
	b = appendOptString(b, `,"indicator_text":`, m.IndicatorText)
	b = appendOptString(b, `,"measure":`, m.Measure)
	b = appendOptString(b, `,"status":`, m.Status)
	b = appendOptString(b, `,"period":`, m.Period)
	if m.Stretch != nil {
		b = append(b, `,"stretch":`...)
		if b, err = appendJSONFloat(b, *m.Stretch); err != nil {
			return b, err
		}
	}
	return append(b, '}'), nil
}

// appendJSONValue appends a mention's value: the types extraction sets
// (string, float64, Span) here, any other by encoding/json.
func appendJSONValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case string:
		return record.AppendString(b, v, false), nil
	case float64:
		return appendJSONFloat(b, v)
	case Span:
		// Span.MarshalJSON is json.Marshal of "start/end", which escapes
		// HTML; the encoder keeps a marshaler's escapes.
		b = append(b, '"')
		b = record.AppendStringBody(b, v.Start, true)
		b = append(b, '/')
		b = record.AppendStringBody(b, v.End, true)
		return append(b, '"'), nil
	}
	return appendJSONReflect(b, v)
}

func appendDivision(b []byte, d *Division) []byte {
	b = append(b, `{"code":`...)
	b = record.AppendString(b, d.Code, false)
	b = append(b, `,"name":`...)
	b = record.AppendString(b, d.Name, false)
	b = appendOptString(b, `,"level":`, d.Level)
	b = appendOptStrings(b, `,"path":`, d.Path)
	return append(b, '}')
}

func appendDocument(b []byte, d *Document) ([]byte, error) {
	var err error
	b = append(b, '{')
	if d.ID != "" {
		b = append(b, `"id":`...)
		b = record.AppendString(b, d.ID, false)
		b = append(b, ',')
	}
	if len(d.Meta) > 0 {
		b = append(b, `"meta":`...)
		if b, err = appendJSONReflect(b, d.Meta); err != nil {
			return b, err
		}
		b = append(b, ',')
	}
	b = append(b, `"title":`...)
	b = appendStringPtr(b, d.Title)
	b = append(b, `,"date":`...)
	b = appendStringPtr(b, d.Date)
	b = append(b, `,"byline":`...)
	b = appendByline(b, d.Byline)
	b = append(b, `,"home":`...)
	if h := d.Home; h == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"name":`...)
		b = record.AppendString(b, h.Name, false)
		b = appendOptString(b, `,"code":`, h.Code)
		b = appendOptString(b, `,"level":`, h.Level)
		b = append(b, `,"from":`...)
		b = record.AppendString(b, h.From, false)
		b = append(b, '}')
	}
	b = append(b, `,"year":`...)
	if d.Year == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*d.Year), 10)
	}
	b = append(b, `,"speaker":`...)
	if s := d.Speaker; s == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"name":`...)
		b = record.AppendString(b, s.Name, false)
		b = appendOptString(b, `,"office":`, s.Office)
		b = append(b, '}')
	}
	b = append(b, `,"genre":`...)
	b = record.AppendString(b, d.Genre, false)
	b = append(b, `,"sections":`...)
	b = appendSections(b, d.Sections)
	b = append(b, `,"people":`...)
	b = appendEntities(b, d.People)
	b = append(b, `,"places":`...)
	b = appendEntities(b, d.Places)
	b = append(b, `,"orgs":`...)
	b = appendEntities(b, d.Orgs)
	b = append(b, `,"mentions":`...)
	if d.Mentions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range d.Mentions {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendMention(b, &d.Mentions[i]); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// appendByline appends a document's byline, null when there is none.
func appendByline(b []byte, y *Byline) []byte {
	if y == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	b = appendOptStrings(b, `"authors":`, y.Authors)
	if len(y.Authors) > 0 {
		b = append(b, ',')
	}
	b = appendOptStrings(b, `"reporters":`, y.Reporters)
	if len(y.Reporters) > 0 {
		b = append(b, ',')
	}
	if y.Source != "" {
		b = append(b, `"source":`...)
		b = record.AppendString(b, y.Source, false)
		b = append(b, ',')
	}
	b = append(b, `"text":`...)
	b = record.AppendString(b, y.Text, false)
	b = append(b, `,"start":`...)
	b = strconv.AppendInt(b, int64(y.Start), 10)
	b = append(b, `,"end":`...)
	b = strconv.AppendInt(b, int64(y.End), 10)
	b = append(b, '}')
	return b
}

// appendSections appends a document's sections, null for a nil list.
func appendSections(b []byte, ss []Section) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range ss {
		s := &ss[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"text":`...)
		b = record.AppendString(b, s.Text, false)
		b = append(b, `,"number":`...)
		b = record.AppendString(b, s.Number, false)
		b = append(b, `,"level":`...)
		b = strconv.AppendInt(b, int64(s.Level), 10)
		b = append(b, `,"start":`...)
		b = strconv.AppendInt(b, int64(s.Start), 10)
		b = append(b, `,"end":`...)
		b = strconv.AppendInt(b, int64(s.End), 10)
		b = append(b, '}')
	}
	b = append(b, ']')
	return b
}

func appendEntities(b []byte, es []Entity) []byte {
	if es == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range es {
		e := &es[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"name":`...)
		b = record.AppendString(b, e.Name, false)
		b = appendOptStrings(b, `,"titles":`, e.Titles)
		if e.Code != nil {
			b = append(b, `,"code":`...)
			b = record.AppendString(b, *e.Code, false)
		}
		b = append(b, `,"count":`...)
		b = strconv.AppendInt(b, int64(e.Count), 10)
		b = append(b, `,"first":`...)
		b = strconv.AppendInt(b, int64(e.First), 10)
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendOptString appends key and s unless s is empty (omitempty).
func appendOptString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, key...)
	return record.AppendString(b, s, false)
}

// appendOptStrings appends key and ss unless ss is empty (omitempty).
func appendOptStrings(b []byte, key string, ss []string) []byte {
	if len(ss) == 0 {
		return b
	}
	b = append(b, key...)
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = record.AppendString(b, s, false)
	}
	return append(b, ']')
}

func appendStringPtr(b []byte, s *string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	return record.AppendString(b, *s, false)
}

// appendJSONFloat appends f as encoding/json does: like ES6, 'f' format
// unless the exponent is below -6 or at least 21, then 'e' with no
// leading zero in the exponent; NaN and infinities are its
// UnsupportedValueError.
func appendJSONFloat(b []byte, f float64) ([]byte, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return b, &json.UnsupportedValueError{Value: reflect.ValueOf(f), Str: strconv.FormatFloat(f, 'g', -1, 64)}
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// jsonField is a struct field as the encoders above write it.
type jsonField struct{ name, tag, typ string }

// jsonFieldsAre says whether the fields of t that encoding/json encodes
// are fields, in order: the fields the encoders know.
func jsonFieldsAre(t reflect.Type, fields ...jsonField) bool {
	var got []jsonField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" || !f.IsExported() && !(f.Anonymous && hasJSONFields(f.Type)) {
			continue
		}
		got = append(got, jsonField{f.Name, tag, f.Type.String()})
	}
	return slices.Equal(got, fields)
}

// hasJSONFields says whether encoding/json encodes anything of t embedded
// in a struct: t is a struct, or a pointer to one, with an exported field
// or an embedded struct that has one.
func hasJSONFields(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Tag.Get("json") == "-" {
			continue
		}
		if f.IsExported() || f.Anonymous && hasJSONFields(f.Type) {
			return true
		}
	}
	return false
}

// The fields the encoders know, checked once against the types.
var (
	divisionFieldsKnown = jsonFieldsAre(reflect.TypeFor[Division](),
		jsonField{"Code", `code`, "string"},
		jsonField{"Name", `name`, "string"},
		jsonField{"Level", `level,omitempty`, "string"},
		jsonField{"Path", `path,omitempty`, "[]string"},
	)
	mentionFieldsKnown = divisionFieldsKnown && jsonFieldsAre(reflect.TypeFor[Mention](),
		jsonField{"Type", `type`, "string"},
		jsonField{"Text", `text`, "string"},
		jsonField{"Start", `start`, "int"},
		jsonField{"End", `end`, "int"},
		jsonField{"Value", `value,omitempty`, "interface {}"},
		jsonField{"Kind", `kind,omitempty`, "string"},
		jsonField{"Grain", `grain,omitempty`, "string"},
		jsonField{"YearFrom", `year_from,omitempty`, "string"},
		jsonField{"StartDate", `start_date,omitempty`, "string"},
		jsonField{"EndDate", `end_date,omitempty`, "string"},
		jsonField{"Unit", `unit,omitempty`, "string"},
		jsonField{"Object", `object,omitempty`, "string"},
		jsonField{"Approx", `approx,omitempty`, "string"},
		jsonField{"Range", `range,omitempty`, "[]float64"},
		jsonField{"Titles", `titles,omitempty`, "[]string"},
		jsonField{"Org", `org,omitempty`, "string"},
		jsonField{"Role", `role,omitempty`, "string"},
		jsonField{"Code", `code,omitempty`, "*string"},
		jsonField{"Level", `level,omitempty`, "string"},
		jsonField{"Path", `path,omitempty`, "[]string"},
		jsonField{"Current", `current,omitempty`, "*extract.Division"},
		jsonField{"Candidates", `candidates,omitempty`, "[]extract.Division"},
		jsonField{"Expanded", `expanded,omitempty`, "string"},
		jsonField{"Canonical", `canonical,omitempty`, "string"},
		jsonField{"Category", `category,omitempty`, "string"},
		jsonField{"Items", `items,omitempty`, "[]string"},
		jsonField{"Indicator", `indicator,omitempty`, "string"},
		jsonField{"IndicatorText", `indicator_text,omitempty`, "string"},
		jsonField{"Measure", `measure,omitempty`, "string"},
		jsonField{"Status", `status,omitempty`, "string"},
		jsonField{"Period", `period,omitempty`, "string"},
		jsonField{"Stretch", `stretch,omitempty`, "*float64"},
	)
	decisionFieldsKnown = jsonFieldsAre(reflect.TypeFor[Decision](),
		jsonField{"Type", `type`, "string"},
		jsonField{"Text", `text`, "string"},
		jsonField{"Start", `start`, "int"},
		jsonField{"End", `end`, "int"},
		jsonField{"Verdict", `verdict`, "extract.Verdict"},
		jsonField{"Rule", `rule`, "string"},
		jsonField{"Rules", `rules,omitempty`, "[]string"},
		jsonField{"Mention", `mention`, "int"},
	) && !reflect.TypeFor[Verdict]().Implements(reflect.TypeFor[json.Marshaler]()) &&
		!reflect.TypeFor[Verdict]().Implements(reflect.TypeFor[encoding.TextMarshaler]())
	documentFieldsKnown = mentionFieldsKnown &&
		jsonFieldsAre(reflect.TypeFor[Byline](),
			jsonField{"Authors", `authors,omitempty`, "[]string"},
			jsonField{"Reporters", `reporters,omitempty`, "[]string"},
			jsonField{"Source", `source,omitempty`, "string"},
			jsonField{"Text", `text`, "string"},
			jsonField{"Start", `start`, "int"},
			jsonField{"End", `end`, "int"},
		) &&
		jsonFieldsAre(reflect.TypeFor[Home](),
			jsonField{"Name", `name`, "string"},
			jsonField{"Code", `code,omitempty`, "string"},
			jsonField{"Level", `level,omitempty`, "string"},
			jsonField{"From", `from`, "string"},
		) &&
		jsonFieldsAre(reflect.TypeFor[Speaker](),
			jsonField{"Name", `name`, "string"},
			jsonField{"Office", `office,omitempty`, "string"},
		) &&
		jsonFieldsAre(reflect.TypeFor[Section](),
			jsonField{"Text", `text`, "string"},
			jsonField{"Number", `number`, "string"},
			jsonField{"Level", `level`, "int"},
			jsonField{"Start", `start`, "int"},
			jsonField{"End", `end`, "int"},
		) &&
		jsonFieldsAre(reflect.TypeFor[Entity](),
			jsonField{"Name", `name`, "string"},
			jsonField{"Titles", `titles,omitempty`, "[]string"},
			jsonField{"Code", `code,omitempty`, "*string"},
			jsonField{"Count", `count`, "int"},
			jsonField{"First", `first`, "int"},
		) &&
		jsonFieldsAre(reflect.TypeFor[Document](),
			jsonField{"ID", `id,omitempty`, "string"},
			jsonField{"Meta", `meta,omitempty`, "map[string]interface {}"},
			jsonField{"Title", `title`, "*string"},
			jsonField{"Date", `date`, "*string"},
			jsonField{"Byline", `byline`, "*extract.Byline"},
			jsonField{"Home", `home`, "*extract.Home"},
			jsonField{"Year", `year`, "*int"},
			jsonField{"Speaker", `speaker`, "*extract.Speaker"},
			jsonField{"Genre", `genre`, "string"},
			jsonField{"Sections", `sections`, "[]extract.Section"},
			jsonField{"People", `people`, "[]extract.Entity"},
			jsonField{"Places", `places`, "[]extract.Entity"},
			jsonField{"Orgs", `orgs`, "[]extract.Entity"},
			jsonField{"Mentions", `mentions`, "[]extract.Mention"},
		)
)
