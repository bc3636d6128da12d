package extract

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The stages on short paragraphs, where the fixed cost of each document
// counts: the non-blank lines of the State Council's work reports, one
// document each, as bench/jieba.sh writes them.
//
//	go test ./extract -run XXX -bench 'Paragraphs' -benchtime 3x
//
// Each reports cpu-ns/op, the CPU time of the benchmark's own thread.

func scParagraphs(b *testing.B) []string {
	files, _ := filepath.Glob("../../shared/corpora/gov-work-reports/state-council/*.md")
	if len(files) == 0 {
		b.Skip("the work reports are absent: the benchmark needs ../shared next to the repository")
	}
	var out []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			b.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if l := strings.TrimSpace(sc.Text()); l != "" {
				out = append(out, l)
			}
		}
		fh.Close()
	}
	return out
}

func benchParagraphs(b *testing.B, types ...string) {
	ps := scParagraphs(b)
	ids := make([]string, len(ps))
	for i := range ps {
		ids[i] = fmt.Sprintf("p%d", i)
	}
	var opts []Option
	if len(types) > 0 {
		opts = append(opts, WithTypes(types...))
	}
	if _, err := NewDocument(ps[0], opts...); err != nil { // loads the lexicons
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for i, p := range ps {
			if _, err := NewDocument(p, append(opts, WithID(ids[i]))...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParagraphs(b *testing.B) { benchParagraphs(b) }

// BenchmarkParagraphsStream is BenchmarkParagraphs through
// NewDocumentStream, as tongbao extract runs it.
func BenchmarkParagraphsStream(b *testing.B) {
	ps := scParagraphs(b)
	n := 0
	emit := func(ms []Mention) error { n += len(ms); return nil }
	if _, err := NewDocumentStream(ps[0], 0, emit); err != nil { // loads the lexicons
		b.Fatal(err)
	}
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for i, p := range ps {
			if _, err := NewDocumentStream(p, 0, emit, WithID(strconv.Itoa(i))); err != nil {
				b.Fatal(err)
			}
		}
	})
	if n == 0 {
		b.Fatal("no mentions")
	}
}
func BenchmarkParagraphsTime(b *testing.B)  { benchParagraphs(b, TypeTime) }
func BenchmarkParagraphsCount(b *testing.B) { benchParagraphs(b, TypeCount) }

// BenchmarkParagraphsMeta is the metadata stage alone (readMetadata) on
// the paragraphs.
func BenchmarkParagraphsMeta(b *testing.B) {
	ps := scParagraphs(b)
	docs := make([]*Document, len(ps))
	for i, p := range ps {
		docs[i] = &Document{ID: fmt.Sprintf("p%d", i), Text: p, docContext: &docContext{runes: []rune(p)}}
	}
	readMetadata(docs[0], ps[0], docs[0].ID, nil, nil) // loads the cues and the gazetteer
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for _, d := range docs {
			d.scratch = getScratch()
			readMetadata(d, d.Text, d.ID, nil, nil)
			d.scratch.release()
		}
	})
}

// BenchmarkParagraphsScanTimes is the time scanner alone (scanTimes, no
// trace) on the paragraphs.
func BenchmarkParagraphsScanTimes(b *testing.B) {
	ps := scParagraphs(b)
	rs := make([][]rune, len(ps))
	for i, p := range ps {
		rs[i] = []rune(p)
	}
	scanTimes(nil, rs[0])
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for _, r := range rs {
			scanTimes(nil, r)
		}
	})
}

// BenchmarkParagraphsScanCounts is the count scanner alone (scanCounts,
// no trace, the time spans found before) on the paragraphs.
func BenchmarkParagraphsScanCounts(b *testing.B) {
	ps := scParagraphs(b)
	docs := make([]*Document, len(ps))
	skips := make([][][2]int, len(ps))
	for i, p := range ps {
		docs[i] = &Document{Text: p, docContext: &docContext{runes: []rune(p)}}
		skips[i] = timeSpanPairs(docs[i].runes)
	}
	scanCounts(docs[0], skips[0])
	b.SetBytes(paragraphBytes(ps))
	b.ReportAllocs()
	cpuLoop(b, func() {
		for i, d := range docs {
			scanCounts(d, skips[i])
		}
	})
}
