package stats

import (
	"github.com/tongbao/tongbao/extract"
)

// MentionTerm returns the term an extracted mention counts as: the
// canonical form when known (slogans), the counted object for a count, the
// normalized value for a time, else the text as written. It returns "" for
// a count without an object.
func MentionTerm(m extract.Mention) string {
	switch {
	case m.Canonical != "":
		return m.Canonical
	case m.Type == extract.TypeCount:
		return m.Object
	case m.Type == extract.TypeTime:
		if s, ok := m.Value.(string); ok && s != "" {
			return s
		}
	}
	return m.Text
}

// MentionTerms returns the terms (see MentionTerm) of the mentions of type
// typ, in text order, "" left out.
func MentionTerms(mentions []extract.Mention, typ string) []string {
	var out []string
	for _, m := range mentions {
		if m.Type != typ {
			continue
		}
		if t := MentionTerm(m); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// ProfileOf builds the DocProfile of an extracted document (extracted with
// at least the slogan, person and count types) in group, dated date: its
// words counted with f, its slogans by canonical form, its people, their
// offices as written, and the objects of its counts.
func ProfileOf(d *extract.Document, group, date string, f *Filter) DocProfile {
	p := DocProfile{Group: group, Date: date, Chars: len(d.Runes()), Terms: DocTerms(d.Tokens(), f)}
	for _, m := range d.Mentions {
		switch m.Type {
		case extract.TypeSlogan:
			p.Slogans = append(p.Slogans, MentionTerm(m))
		case extract.TypePerson:
			p.People = append(p.People, MentionTerm(m))
			p.Offices = append(p.Offices, m.Titles...)
		case extract.TypeCount:
			if m.Object != "" {
				p.Claims = append(p.Claims, m.Object)
			}
		}
	}
	return p
}
