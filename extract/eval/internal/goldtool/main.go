// Command goldtool builds tongbao's modern development gold: it samples
// paragraphs of the development folders of the government work report
// corpus with a fixed seed, prints them for annotators, and turns hand-
// written annotations into gold records with code-point offsets.
//
//	go run ./extract/eval/internal/goldtool sample -corpus DIR > testdata/gold/modern/sample.jsonl
//	go run ./extract/eval/internal/goldtool show -corpus DIR -from 0 -to 140 < sample.jsonl
//	go run ./extract/eval/internal/goldtool convert -corpus DIR < part.ann.jsonl > part.jsonl
//	go run ./extract/eval/internal/goldtool unconvert -corpus DIR < part.jsonl > part.ann.jsonl
//
// The sample never reads prefectures/ (held out).
package main

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// devFolders are the development folders and how many documents of each
// the sample takes.
var devFolders = []struct {
	dir  string
	docs int
}{
	{"provinces", 24},
	{"major-cities", 24},
	{"state-council", 6},
	{"stats-communiques", 10},
}

const (
	seed        = 20261205
	perDoc      = 7
	minYear     = 2005
	maxYear     = 2026
	minParaLen  = 12
	maxParaLen  = 260
	hashLen     = 12
	sampleNote  = "paragraph = one non-empty line of the body after the front matter, 12-260 code points, no image line"
	defaultRoot = "../shared/corpora/gov-work-reports"
)

// Para is one sampled paragraph: where it is and a hash of its text.
type Para struct {
	Doc   string `json:"doc"`
	Line  int    `json:"line"`
	SHA1  string `json:"sha1"`
	Chars int    `json:"chars"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: goldtool sample|show|convert [flags]")
		os.Exit(2)
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	root := fs.String("corpus", defaultRoot, "corpus root")
	from := fs.Int("from", 0, "show: first sample index")
	to := fs.Int("to", 1<<30, "show: index after the last")
	seedFlag := fs.Uint64("seed", seed, "sample: random seed")
	exclude := fs.String("exclude", "", "sample: a sample file whose documents are left out (for a second, disjoint sample)")
	half := fs.Bool("half", false, "sample: half as many documents of each folder")
	fs.Parse(os.Args[2:])
	var err error
	switch os.Args[1] {
	case "sample":
		err = sample(*root, *seedFlag, *exclude, *half)
	case "show":
		err = show(*root, *from, *to)
	case "convert":
		err = convert(*root)
	case "unconvert":
		err = unconvert(*root)
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "goldtool:", err)
		os.Exit(1)
	}
}

func hash(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])[:hashLen]
}

// bodyLines returns the lines of a file (1-based numbers) after its front matter.
func bodyLines(path string) (map[int]string, []int, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	lines := strings.Split(string(b), "\n")
	start := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				start = i + 1
				break
			}
		}
	}
	out := map[int]string{}
	var order []int
	for i := start; i < len(lines); i++ {
		out[i+1] = strings.TrimRight(lines[i], "\r")
		order = append(order, i+1)
	}
	return out, order, nil
}

func eligible(s string) bool {
	t := strings.TrimSpace(s)
	n := utf8.RuneCountInString(t)
	return t == s && n >= minParaLen && n <= maxParaLen && !strings.HasPrefix(t, "![")
}

func sample(root string, seed uint64, exclude string, half bool) error {
	rng := rand.New(rand.NewPCG(seed, seed))
	skip := map[string]bool{}
	if exclude != "" {
		f, err := os.Open(exclude)
		if err != nil {
			return err
		}
		old := os.Stdin
		os.Stdin = f
		ps, err := readParas()
		os.Stdin = old
		f.Close()
		if err != nil {
			return err
		}
		for _, p := range ps {
			skip[p.Doc] = true
		}
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, f := range devFolders {
		var docs []string
		err := filepath.WalkDir(filepath.Join(root, f.dir), func(p string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() || !strings.HasSuffix(p, ".md") {
				return err
			}
			y, err := strconv.Atoi(strings.TrimSuffix(filepath.Base(p), ".md"))
			if err != nil || y < minYear || y > maxYear {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			if !skip[filepath.ToSlash(rel)] {
				docs = append(docs, filepath.ToSlash(rel))
			}
			return nil
		})
		if err != nil {
			return err
		}
		sort.Strings(docs)
		rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
		taken, want := 0, f.docs
		if half {
			want = (want + 1) / 2
		}
		for _, doc := range docs {
			if taken == want {
				break
			}
			lines, order, err := bodyLines(filepath.Join(root, doc))
			if err != nil {
				return err
			}
			var cand []int
			for _, n := range order {
				if eligible(lines[n]) {
					cand = append(cand, n)
				}
			}
			if len(cand) < perDoc {
				continue
			}
			rng.Shuffle(len(cand), func(i, j int) { cand[i], cand[j] = cand[j], cand[i] })
			pick := cand[:perDoc]
			sort.Ints(pick)
			for _, n := range pick {
				if err := enc.Encode(Para{Doc: doc, Line: n, SHA1: hash(lines[n]), Chars: utf8.RuneCountInString(lines[n])}); err != nil {
					return err
				}
			}
			taken++
		}
	}
	return nil
}

func readParas() ([]Para, error) {
	var out []Para
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p Para
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, sc.Err()
}

func paraText(root string, p Para) (string, error) {
	lines, _, err := bodyLines(filepath.Join(root, p.Doc))
	if err != nil {
		return "", err
	}
	t, ok := lines[p.Line]
	if !ok || hash(t) != p.SHA1 {
		return "", fmt.Errorf("%s:%d: text changed (hash %s)", p.Doc, p.Line, p.SHA1)
	}
	return t, nil
}

// show prints sample entries from..to-1 with their text, for annotators.
func show(root string, from, to int) error {
	ps, err := readParas()
	if err != nil {
		return err
	}
	for i, p := range ps {
		if i < from || i >= to {
			continue
		}
		t, err := paraText(root, p)
		if err != nil {
			return err
		}
		fmt.Printf("#%d %s:%d %s\n%s\n\n", i, p.Doc, p.Line, p.SHA1, t)
	}
	return nil
}

// Annotation is what an annotator writes for one paragraph: mentions as
// [type, text] or [type, text, n] (the n-th occurrence of text, from 1).
type Annotation struct {
	Doc      string   `json:"doc"`
	Line     int      `json:"line"`
	SHA1     string   `json:"sha1"`
	Mentions [][]any  `json:"mentions"`
	Notes    []string `json:"notes,omitempty"`
}

// GoldMention is a mention with code-point offsets, end exclusive.
type GoldMention struct {
	Type  string `json:"type"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// GoldPara is one paragraph of the gold.
type GoldPara struct {
	Doc      string        `json:"doc"`
	Line     int           `json:"line"`
	SHA1     string        `json:"sha1"`
	Mentions []GoldMention `json:"mentions"`
	Notes    []string      `json:"notes,omitempty"`
}

var goldTypes = map[string]bool{"time": true, "count": true, "person": true, "place": true, "org": true, "book": true}

// convert reads annotations and writes gold paragraphs with offsets.
func convert(root string) error {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	bad := 0
	for ln := 1; sc.Scan(); ln++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a Annotation
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("line %d: %v", ln, err)
		}
		text, err := paraText(root, Para{Doc: a.Doc, Line: a.Line, SHA1: a.SHA1})
		if err != nil {
			return fmt.Errorf("line %d: %v", ln, err)
		}
		rs := []rune(text)
		g := GoldPara{Doc: a.Doc, Line: a.Line, SHA1: a.SHA1, Mentions: []GoldMention{}, Notes: a.Notes}
		for _, m := range a.Mentions {
			gm, err := locate(rs, m)
			if err != nil {
				fmt.Fprintf(os.Stderr, "line %d (%s:%d): %v\n", ln, a.Doc, a.Line, err)
				bad++
				continue
			}
			g.Mentions = append(g.Mentions, gm)
		}
		sort.SliceStable(g.Mentions, func(i, j int) bool { return g.Mentions[i].Start < g.Mentions[j].Start })
		for _, msg := range conflicts(g.Mentions) {
			fmt.Fprintf(os.Stderr, "line %d (%s:%d): %s\n", ln, a.Doc, a.Line, msg)
			bad++
		}
		if err := enc.Encode(g); err != nil {
			return err
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d mentions could not be placed", bad)
	}
	return sc.Err()
}

// conflicts lists what the guideline forbids between mentions: two of one
// type that overlap, a place inside an org (a place in an org's name belongs
// to the org only), anything inside a book title.
func conflicts(ms []GoldMention) []string {
	var out []string
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			if b.Start >= a.End || a.Start >= b.End {
				continue
			}
			switch {
			case a.Type == b.Type:
				out = append(out, fmt.Sprintf("%s %q and %q overlap", a.Type, a.Text, b.Text))
			case a.Type == "place" && b.Type == "org" || a.Type == "org" && b.Type == "place":
				out = append(out, fmt.Sprintf("place and org overlap (%q, %q): a place in an org's name belongs to the org only; check the occurrence number", a.Text, b.Text))
			case a.Type == "book" || b.Type == "book":
				out = append(out, fmt.Sprintf("%q overlaps the book title %q: nothing inside 《》 is another type", a.Text, b.Text))
			}
		}
	}
	return out
}

func locate(rs []rune, m []any) (GoldMention, error) {
	if len(m) < 2 || len(m) > 3 {
		return GoldMention{}, fmt.Errorf("mention %v: want [type, text] or [type, text, n]", m)
	}
	typ, _ := m[0].(string)
	text, _ := m[1].(string)
	if !goldTypes[typ] || text == "" {
		return GoldMention{}, fmt.Errorf("mention %v: bad type or empty text", m)
	}
	n := 1
	if len(m) == 3 {
		f, ok := m[2].(float64)
		if !ok || f < 1 {
			return GoldMention{}, fmt.Errorf("mention %v: occurrence must be a number from 1", m)
		}
		n = int(f)
	}
	tr := []rune(text)
	seen := 0
	for i := 0; i+len(tr) <= len(rs); i++ {
		if string(rs[i:i+len(tr)]) == text {
			seen++
			if seen == n {
				return GoldMention{Type: typ, Text: text, Start: i, End: i + len(tr)}, nil
			}
		}
	}
	return GoldMention{}, fmt.Errorf("mention %v: occurrence %d of %q not in the paragraph (%d found)", m, n, text, seen)
}

// unconvert turns gold paragraphs back into annotations ([type, text, n]
// with n the occurrence of text at the mention's offset), for a second
// reader to edit and convert again.
func unconvert(root string) error {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for ln := 1; sc.Scan(); ln++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var g GoldPara
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			return fmt.Errorf("line %d: %v", ln, err)
		}
		text, err := paraText(root, Para{Doc: g.Doc, Line: g.Line, SHA1: g.SHA1})
		if err != nil {
			return fmt.Errorf("line %d: %v", ln, err)
		}
		rs := []rune(text)
		a := Annotation{Doc: g.Doc, Line: g.Line, SHA1: g.SHA1, Mentions: [][]any{}, Notes: g.Notes}
		for _, m := range g.Mentions {
			tr := []rune(m.Text)
			n := 0
			for i := 0; i <= m.Start && i+len(tr) <= len(rs); i++ {
				if string(rs[i:i+len(tr)]) == m.Text {
					n++
				}
			}
			if n == 0 || string(rs[m.Start:m.End]) != m.Text {
				return fmt.Errorf("line %d: mention %q does not match the text at %d", ln, m.Text, m.Start)
			}
			if n == 1 {
				a.Mentions = append(a.Mentions, []any{m.Type, m.Text})
			} else {
				a.Mentions = append(a.Mentions, []any{m.Type, m.Text, n})
			}
		}
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	return sc.Err()
}
