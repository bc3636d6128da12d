package extract

import (
	"errors"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tongbao/tongbao/segment"
)

// TestStageGraph checks the pipeline table: unique stage names, every
// mention type produced by exactly one stage, and every need, of a stage or
// of a resource it needs, produced by an earlier stage or a resource (table
// order is a topological order of needs).
func TestStageGraph(t *testing.T) {
	producer := map[string]int{}
	for i, s := range stages {
		for _, p := range s.produces {
			if j, ok := producer[p]; ok {
				t.Errorf("%q produced by stages %s and %s", p, stages[j].name, s.name)
			}
			producer[p] = i
		}
	}
	for _, typ := range Types {
		if _, ok := producer[typ]; !ok {
			t.Errorf("no stage produces %s", typ)
		}
	}
	names := map[string]bool{}
	for _, r := range resources {
		if names[r.name] {
			t.Errorf("resource %s declared twice", r.name)
		}
		names[r.name] = true
		if _, ok := producer[r.name]; ok {
			t.Errorf("%s is both a resource and a stage product", r.name)
		}
	}
	// check reports a need that no stage before stage i produces.
	var check func(i int, who string, needs []string, seen map[string]bool)
	check = func(i int, who string, needs []string, seen map[string]bool) {
		for _, n := range needs {
			if r := resourceNamed(n); r != nil {
				if seen[n] {
					t.Errorf("resource %s needs itself (via %s)", n, who)
					continue
				}
				seen[n] = true
				check(i, who+" > "+n, r.needs, seen)
				delete(seen, n)
				continue
			}
			j, ok := producer[n]
			switch {
			case !ok:
				t.Errorf("%s needs %q, which nothing produces", who, n)
			case j >= i:
				t.Errorf("%s needs %q from stage %s, which runs after it", who, n, stages[j].name)
			}
		}
	}
	seen := map[string]bool{}
	for i, s := range stages {
		if seen[s.name] {
			t.Errorf("stage %s declared twice", s.name)
		}
		seen[s.name] = true
		check(i, s.name, s.needs, map[string]bool{})
	}
}

// TestPlan checks that the stages that run are the closure of needs over
// the wanted types and the fields every record has.
func TestPlan(t *testing.T) {
	for _, c := range []struct {
		types []string
		want  string
	}{
		{nil, "structure date meta time count place org book person slogan"},
		{[]string{}, "structure date meta"},
		{[]string{TypeTime}, "structure date meta time"},
		{[]string{TypeCount}, "structure date meta count"},
		{[]string{TypePlace}, "structure date meta place"},
		{[]string{TypeOrg}, "structure date meta org"},
		{[]string{TypePerson}, "structure date meta person"},
		{[]string{TypeBook, TypeSlogan}, "structure date meta book slogan"},
	} {
		var types map[string]bool
		if c.types != nil {
			types = map[string]bool{}
			for _, typ := range c.types {
				types[typ] = true
			}
		}
		var got []string
		for _, s := range plan(types) {
			got = append(got, s.name)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("plan(%v) = %v, want %s", c.types, got, c.want)
		}
	}
}

// TestResourcesOnce checks that a stage that needs the places, when place
// mentions are not wanted, neither adds them nor runs the place stage, and
// that the places are the same whoever asks first.
func TestResourcesOnce(t *testing.T) {
	text := "国务院总理李强在北京市人民政府召开会议，伊拉克代表团出席。"
	all, err := NewDocument(text)
	if err != nil {
		t.Fatal(err)
	}
	per, err := NewDocument(text, WithTypes(TypePerson))
	if err != nil {
		t.Fatal(err)
	}
	if len(per.MentionsOf(TypePlace)) != 0 {
		t.Errorf("person only: place mentions %v", per.MentionsOf(TypePlace))
	}
	if !reflect.DeepEqual(per.MentionsOf(TypePerson), all.MentionsOf(TypePerson)) {
		t.Errorf("person mentions differ: alone %v, with every type %v", per.MentionsOf(TypePerson), all.MentionsOf(TypePerson))
	}
	if !reflect.DeepEqual(per.placeRuns, all.placeRuns) {
		t.Errorf("place index differs: person only %v, every type %v", per.placeRuns, all.placeRuns)
	}
	if !reflect.DeepEqual(per.Places, all.Places) {
		t.Errorf("place entities differ: person only %v, every type %v", per.Places, all.Places)
	}
}

// TestSearchSegmenter: a segmenter in search mode (whose tokens overlap)
// is used in precise mode, with its dictionaries. Extraction used to loop
// until the process ran out of memory.
func TestSearchSegmenter(t *testing.T) {
	b, err := os.ReadFile("../testdata/000_776449805ff1d07a.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, mode := range []segment.Mode{segment.Search, segment.Full} {
		s, err := segment.New(segment.WithMode(mode))
		if err != nil {
			t.Fatal(err)
		}
		type result struct {
			d   *Document
			err error
		}
		done := make(chan result, 1)
		go func() {
			d, err := NewDocument(text, WithSegmenter(s))
			done <- result{d, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(time.Second):
			t.Fatalf("%v mode: NewDocument did not return within a second", mode)
		}
		if r.err != nil {
			t.Fatalf("%v mode: %v", mode, r.err)
		}
		want, err := NewDocument(text)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(r.d.Mentions, want.Mentions) {
			t.Errorf("%v mode: mentions differ from the default segmenter's", mode)
		}
	}
}

// TestSegmenterLookups checks that dictionary lookups use the segmenter
// given with WithSegmenter: a word the user dictionary makes frequent is
// no proper prefix of an organization.
func TestSegmenterLookups(t *testing.T) {
	const word = "星辰湾"
	tok := segment.Token{Text: word, Pos: "ns"}
	d, err := NewDocument("")
	if err != nil {
		t.Fatal(err)
	}
	if !isProper(d, tok) {
		t.Fatalf("default dictionary: %s/ns is not proper", word)
	}
	s, err := segment.New(segment.WithDict("user", strings.NewReader(word+"\t200000\tns\n")))
	if err != nil {
		t.Fatal(err)
	}
	d, err = NewDocument("", WithSegmenter(s))
	if err != nil {
		t.Fatal(err)
	}
	if f, _, ok := d.lookup(word); !ok || f < 100000 {
		t.Errorf("lookup(%s) = %v, %v with the user dictionary", word, f, ok)
	}
	if isProper(d, tok) {
		t.Errorf("user dictionary: %s (frequent) is still proper", word)
	}
}

// TestLoadError checks that NewDocument returns the load error of a
// resource a stage needs, and not when no stage needs it.
func TestLoadError(t *testing.T) {
	i := slices.IndexFunc(resources, func(r resource) bool { return r.name == resGazetteer })
	saved := resources[i].ensure
	defer func() { resources[i].ensure = saved }()
	boom := errors.New("gazetteer unreadable")
	resources[i].ensure = func(*Document) error { return boom }
	for _, typ := range []string{TypePlace, TypeOrg, TypePerson} {
		if _, err := NewDocument("北京市", WithTypes(typ)); !errors.Is(err, boom) {
			t.Errorf("%s: err = %v, want the load error", typ, err)
		}
	}
	if _, err := NewDocument("2021年", WithTypes(TypeTime, TypeCount)); err != nil {
		t.Errorf("time, count: %v", err)
	}
}
