package extract

import (
	"testing"

	"github.com/tongbao/tongbao/segment"
)

// wantMention runs the extractors of typ on text and returns the mention
// whose text is want, after checking that its offsets give its text. When
// want is "", it checks that there is no mention of typ. It reports a
// failure and returns nil when the mention is missing (or want is "").
func wantMention(t *testing.T, text, typ, want string, opts ...Option) *Mention {
	t.Helper()
	d, err := NewDocument(text, append([]Option{WithTypes(typ)}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	ms := d.MentionsOf(typ)
	if want == "" {
		if len(ms) != 0 {
			t.Errorf("%s: want no %s, got %q", text, typ, ms[0].Text)
		}
		return nil
	}
	for k := range ms {
		if ms[k].Text != want {
			continue
		}
		m := &ms[k]
		if r := []rune(text); string(r[m.Start:m.End]) != m.Text {
			t.Errorf("%s: offsets %d:%d do not give %q", text, m.Start, m.End, m.Text)
		}
		return m
	}
	var got []string
	for _, x := range ms {
		got = append(got, x.Text)
	}
	t.Errorf("%s: no %s %q (got %q)", text, typ, want, got)
	return nil
}

// typedDoc extracts mentions of typ from text and checks the offsets of
// every mention.
func typedDoc(t *testing.T, text, typ string) *Document {
	t.Helper()
	d, err := NewDocument(text, WithTypes(typ))
	if err != nil {
		t.Fatal(err)
	}
	rs := []rune(text)
	for _, m := range d.Mentions {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("mention offsets [%d,%d) do not give %q", m.Start, m.End, m.Text)
		}
	}
	return d
}

// mentionTexts returns the texts of d's mentions of typ, in order.
func mentionTexts(d *Document, typ string) []string {
	var out []string
	for _, m := range d.MentionsOf(typ) {
		out = append(out, m.Text)
	}
	return out
}

// stageDoc returns a Document for running stages by hand on text, with
// its code points and tokens already computed.
func stageDoc(text string, runes []rune, toks []segment.Token) *Document {
	return &Document{Text: text, docContext: &docContext{runes: runes, tokens: toks, segDone: true}}
}
