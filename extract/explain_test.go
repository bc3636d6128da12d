package extract

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestExplainPairs checks Explain on hand-made events: the last accepting
// rule of a mention's span decides it, an acceptance of a span around the
// mention stands in when its own span has none, and a rejected span of a
// wanted type that is no mention is listed once, with its last rejecting
// rule; spans of types not wanted and of stages that are no type are left
// out.
func TestExplainPairs(t *testing.T) {
	d, err := NewDocument("市长王立主持会议", WithTypes(TypePerson, TypeOrg))
	if err != nil {
		t.Fatal(err)
	}
	d.Mentions = []Mention{
		{Type: TypePerson, Text: "王立", Start: 2, End: 4},
		{Type: TypeOrg, Text: "会议", Start: 6, End: 8},
	}
	events := []TraceEvent{
		{Stage: "person", Rule: "person.a", Verdict: Adjust, Start: 2, End: 4},
		{Stage: "person", Rule: "person.b", Verdict: Accept, Start: 2, End: 4},
		{Stage: "person", Rule: "person.c", Verdict: Reject, Start: 4, End: 6},
		{Stage: "person", Rule: "person.d", Verdict: Reject, Start: 4, End: 6},
		{Stage: "org", Rule: "org.wide", Verdict: Accept, Start: 5, End: 8},
		{Stage: "place", Rule: "place.x", Verdict: Reject, Start: 0, End: 2},
		{Stage: "structure", Rule: "structure.y", Verdict: Reject, Start: 0, End: 1},
	}
	got := Explain(d, events)
	want := []Decision{
		{Type: TypePerson, Text: "王立", Start: 2, End: 4, Verdict: Accept, Rule: "person.b", Rules: []string{"person.a", "person.b"}, Mention: 0},
		{Type: TypeOrg, Text: "会议", Start: 6, End: 8, Verdict: Accept, Rule: "org.wide", Mention: 1},
		{Type: TypePerson, Text: "主持", Start: 4, End: 6, Verdict: Reject, Rule: "person.d", Rules: []string{"person.c", "person.d"}, Mention: -1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Explain:\n got %+v\nwant %+v", got, want)
	}
}

// TestExplainNamesRules checks, on a real document, that every person and
// org mention (stages with named rules) is explained by a rule of its
// stage.
func TestExplainNamesRules(t *testing.T) {
	var events []TraceEvent
	d, err := NewDocument("国务院总理李强在北京主持召开国务院常务会议。", WithTrace(func(e TraceEvent) { events = append(events, e) }))
	if err != nil {
		t.Fatal(err)
	}
	decs := Explain(d, events)
	n := 0
	for _, x := range decs {
		if x.Verdict != Accept {
			continue
		}
		if x.Mention != n || d.Mentions[n].Text != x.Text {
			t.Errorf("decision %d %+v is not mention %d", n, x, n)
		}
		n++
		if (x.Type == TypePerson || x.Type == TypeOrg) && RuleDoc(x.Rule) == "" {
			t.Errorf("%s %q: rule %q is no rule", x.Type, x.Text, x.Rule)
		}
	}
	if n != len(d.Mentions) {
		t.Errorf("%d decisions for %d mentions", n, len(d.Mentions))
	}
}

// TestExplainSampleEveryMention checks, on the sample bulletin, that every
// mention of every type is explained by a named rule (issue: "names a rule
// for every mention and every rejected candidate").
func TestExplainSampleEveryMention(t *testing.T) {
	var events []TraceEvent
	d, err := NewDocument(readSample(t), WithTrace(func(e TraceEvent) { events = append(events, e) }))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range Explain(d, events) {
		if RuleDoc(x.Rule) == "" {
			t.Errorf("%s %s %q at %d: no rule (%q)", x.Verdict, x.Type, x.Text, x.Start, x.Rule)
		}
	}
}

// TestValueAccessors checks the typed accessors of Mention.Value, on
// mentions as extracted and as read back from JSON.
func TestValueAccessors(t *testing.T) {
	d, err := NewDocument("2021年3月26日至28日，调研30余次。", WithTypes(TypeTime, TypeCount))
	if err != nil {
		t.Fatal(err)
	}
	ms := d.Mentions
	if len(ms) != 2 {
		t.Fatalf("mentions %+v", ms)
	}
	span, ok := ms[0].TimeSpan()
	if !ok || span.Start != "2021-03-26" || span.End != "2021-03-28" {
		t.Errorf("TimeSpan = %+v, %v", span, ok)
	}
	if _, ok := ms[0].TimeValue(); ok {
		t.Error("a span has a TimeValue")
	}
	if n, ok := ms[1].Number(); !ok || n != 30 {
		t.Errorf("Number = %v, %v", n, ok)
	}
	if _, ok := ms[1].TimeSpan(); ok {
		t.Error("a count has a TimeSpan")
	}
	if _, ok := ms[0].Number(); ok {
		t.Error("a time has a Number")
	}
	b, _ := json.Marshal(ms)
	var back []Mention
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if s, ok := back[0].TimeSpan(); !ok || s != span {
		t.Errorf("TimeSpan from JSON = %+v, %v", s, ok)
	}
	if n, ok := back[1].Number(); !ok || n != 30 {
		t.Errorf("Number from JSON = %v, %v", n, ok)
	}
}
