package extract

import (
	"reflect"
	"testing"
)

func personDoc(t *testing.T, text string) *Document {
	t.Helper()
	return typedDoc(t, text, TypePerson)
}

func personNames(d *Document) []string { return mentionTexts(d, TypePerson) }

func firstPerson(d *Document, name string) *Mention {
	for _, m := range d.MentionsOf(TypePerson) {
		if m.Text == name {
			return &m
		}
	}
	return nil
}

func TestPersonSample(t *testing.T) {
	d := personDoc(t, readSample(t))
	luo := firstPerson(d, "罗智琼")
	if luo == nil {
		t.Fatalf("罗智琼 not found; persons: %v", personNames(d))
	}
	if want := []string{"县人大常委会党组书记", "主任"}; !reflect.DeepEqual(luo.Titles, want) {
		t.Errorf("罗智琼 titles = %q, want %q", luo.Titles, want)
	}
	if luo.Org != "县人大常委会" {
		t.Errorf("罗智琼 org = %q", luo.Org)
	}
	chen := firstPerson(d, "陈炜")
	if chen == nil || chen.Role != "author" {
		t.Errorf("陈炜 as author: %+v", chen)
	}
	xi := firstPerson(d, "习近平")
	if xi == nil || !reflect.DeepEqual(xi.Titles, []string{"总书记"}) {
		t.Errorf("习近平 with title 总书记: %+v", xi)
	}
	for _, m := range d.MentionsOf(TypePerson) {
		for _, bad := range []string{"富美", "崇德", "史崇德", "富美黔西", "一步", "史"} {
			if m.Text == bad {
				t.Errorf("%q taken for a person at %d", bad, m.Start)
			}
		}
	}
	// the document-level entity merges the three mentions of 罗智琼
	var ent *Entity
	for i := range d.People {
		if d.People[i].Name == "罗智琼" {
			ent = &d.People[i]
		}
	}
	if ent == nil || ent.Count != 3 || ent.First != luo.Start || len(ent.Titles) < 2 {
		t.Errorf("罗智琼 entity = %+v", ent)
	}
}

// TestPersonDocumentPropagation checks the document-level entity that
// merges the mentions of one name (the mentions are in the spec file).
func TestPersonDocumentPropagation(t *testing.T) {
	d := personDoc(t, "县长罗明亮到大关镇调研。罗明亮指出，要抓好项目建设。")
	if len(d.People) != 1 || d.People[0].Count != 2 || d.People[0].First != 2 {
		t.Errorf("people = %+v", d.People)
	}
}

func TestPersonEmptyAndOdd(t *testing.T) {
	for _, text := range []string{"", "王", "、、、", "书记", "abc 123", "\n\n王", "（", "县长　", "·", "王·"} {
		d := personDoc(t, text)
		if text != "\n\n王" && text != "王" {
			continue
		}
		if n := personNames(d); len(n) != 0 {
			t.Errorf("%q: persons %v", text, n)
		}
	}
}

// TestPersonTraceNamesEveryMention checks that every person mention of the
// sample bulletin and of a report's opening is covered by an accept rule
// of the person stage in the trace.
func TestPersonTraceNamesEveryMention(t *testing.T) {
	for _, text := range []string{readSample(t),
		"政府工作报告\n\n县人民政府县长　　杨文华\n\n各位代表：\n县委书记王刚、县长李明出席。王刚指出，要抓好落实。"} {
		type span struct{ s, e int }
		accepted := map[span]bool{}
		d, err := NewDocument(text, WithTypes(TypePerson), WithTrace(func(e TraceEvent) {
			if e.Stage == "person" && e.Verdict != Reject {
				accepted[span{e.Start, e.End}] = true
			}
		}))
		if err != nil {
			t.Fatal(err)
		}
		ms := d.MentionsOf(TypePerson)
		if len(ms) == 0 {
			t.Fatal("no person mentions")
		}
		for _, m := range ms {
			if !accepted[span{m.Start, m.End}] {
				t.Errorf("%q at %d: no rule accepted it in the trace", m.Text, m.Start)
			}
		}
	}
}

// BenchmarkPDPersonOrg times the org and person stages alone on the first
// 2000 paragraphs of PD1998 dev, already segmented and with their places
// found. Compare with BenchmarkPDSegment in the same run:
//
//	go test ./extract -run XXX -bench 'PD(Segment|PersonOrg)' -benchtime 5x
func BenchmarkPDPersonOrg(b *testing.B) {
	ps := pdParagraphs(b, 2000)
	docs := make([]*Document, len(ps))
	for i, p := range ps {
		d, err := NewDocument(p, WithTypes(TypePlace))
		if err != nil {
			b.Fatal(err)
		}
		docs[i] = d
	}
	b.SetBytes(paragraphBytes(ps))
	cpuLoop(b, func() {
		for _, d := range docs {
			d.orgsDone, d.orgSpans = false, nil
			d.Mentions, d.People, d.Orgs = nil, nil, nil
			d.types = map[string]bool{TypePerson: true, TypeOrg: true}
			runOrgs(d)
			runPersons(d)
		}
	})
}

// TestPersonCueSections checks that every section the person rules read
// from data/person_cues.txt is there and not empty.
func TestPersonCueSections(t *testing.T) {
	for _, name := range []string{"not_given_chars", "not_last_chars", "func_chars", "func_marks",
		"given_chars", "after_chars", "translit_chars", "place_head_chars", "facility_heads",
		"verbs_before", "headline_verbs", "verbs_after", "japanese_surnames", "byline_cues",
		"drawn_chars", "subject_chars", "address_before_chars", "address_after_chars",
		"list_end_words", "foreign_subject_words", "title_roles", "list_sep_chars", "list_sep_marks", "name_list_chars", "not_surname_before_office_chars", "photo_position_chars",
		"photo_note_chars", "short_head_chars", "short_tail_chars", "sex_chars", "office_body_words"} {
		if len(personCueSections[name]) == 0 {
			t.Errorf("data/person_cues.txt: section @%s missing or empty", name)
		}
	}
	if len(personBylineCues) != len(personCueSections["byline_cues"]) {
		t.Errorf("byline_cues: every line needs a word and a role")
	}
	if !funcCharSet.has('\n') || !funcCharSet.has('、') || !givenSet.has('伟') {
		t.Errorf("character sets not read from data/person_cues.txt")
	}
}
