package extract

import (
	"testing"
)

func orgDoc(t *testing.T, text string) *Document {
	t.Helper()
	return typedDoc(t, text, TypeOrg)
}

func orgNamesOf(d *Document) []string { return mentionTexts(d, TypeOrg) }

func TestOrgSample(t *testing.T) {
	d := orgDoc(t, readSample(t))
	got := map[string]bool{}
	expanded := map[string]string{}
	for _, m := range d.MentionsOf(TypeOrg) {
		got[m.Text] = true
		if m.Expanded != "" {
			expanded[m.Text] = m.Expanded
		}
	}
	for _, w := range []string{"县人大常委会", "县委", "党中央", "省委", "人大办", "县文化遗产保护中心", "黔西县人大常委会"} {
		if !got[w] {
			t.Errorf("org %q not found; got %v", w, orgNamesOf(d))
		}
	}
	if d.Home != nil && d.Home.Name == "黔西县" {
		if e := expanded["县人大常委会"]; e != "黔西县人大常委会" {
			t.Errorf("县人大常委会 expanded = %q", e)
		}
		if e := expanded["县委"]; e != "黔西县委" {
			t.Errorf("县委 expanded = %q", e)
		}
	} else {
		t.Errorf("home county not found: %+v", d.Home)
	}
	for _, bad := range []string{"动员大会", "党员干部", "报告会"} {
		if got[bad] {
			t.Errorf("%q taken for an organization", bad)
		}
	}
	// entities merge the mentions
	n := 0
	for _, e := range d.Orgs {
		if e.Name == "县人大常委会" {
			n = e.Count
		}
	}
	if n < 3 {
		t.Errorf("县人大常委会 entity count = %d", n)
	}
}

func TestOrgExpand(t *testing.T) {
	cases := []struct{ name, home, want string }{
		{"县人大常委会", "黔西县", "黔西县人大常委会"},
		{"县委", "黔西县", "黔西县委"},
		{"市委", "黔西县", ""},
		{"黔西县委", "黔西县", ""},
		{"区政府", "南明区", "南明区政府"},
	}
	for _, c := range cases {
		if got := expandOrg(c.name, c.home); got != c.want {
			t.Errorf("expandOrg(%q, %q) = %q, want %q", c.name, c.home, got, c.want)
		}
	}
}

func TestOrgOddInput(t *testing.T) {
	for _, text := range []string{"", "局", "县", "委员会", "、、、", "abc 123", "\n县委\n", "驻", "中国驻", "党党党党党党党党党党党党"} {
		d, err := NewDocument(text, WithTypes(TypeOrg, TypePerson))
		if err != nil {
			t.Fatal(err)
		}
		rs := []rune(text)
		for _, m := range d.Mentions {
			if m.Start < 0 || m.End > len(rs) || string(rs[m.Start:m.End]) != m.Text {
				t.Errorf("%q: bad mention %+v", text, m)
			}
		}
	}
}

// TestOrgTokWords checks the lists orgTokWords records for a word against
// the lists themselves.
func TestOrgTokWords(t *testing.T) {
	loadOrgs()
	var words []string
	for w := range orgTokWords {
		words = append(words, w)
	}
	words = append(words, "", "中国", "政府")
	for _, w := range words {
		_, name := orgNames.Get(w)
		want := map[uint8]bool{orgTokArmy: orgWords.army[w], orgTokNotOrg: notOrgWords[w],
			orgTokSuffix: orgSuffixes[w], orgTokTitle: isTitleWord(w), orgTokName: name}
		for bit, in := range want {
			if (orgTokWords[w]&bit != 0) != in {
				t.Errorf("%q: list %d: %v, want %v", w, bit, !in, in)
			}
		}
	}
}
