package extract

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/tongbao/tongbao/corpus"
)

const govWorkReports = "../../shared/corpora/gov-work-reports"

// metaCorpusFolders are the folders of the acceptance figure. Errors are
// listed for the development folders only: prefectures/ is held out.
var metaCorpusFolders = []struct {
	name string
	dev  bool
}{{"provinces", true}, {"major-cities", true}, {"state-council", true}, {"prefectures", false}}

// TestMetaCorpus computes, over the work reports of the four folders, the
// share whose home is the region of the report's folder (same code; the
// country for state-council/) and whose year is the year of the file name.
// The folders are the truth. Run it with -v to see the figures:
//
//	go test -run TestMetaCorpus -v ./extract
func TestMetaCorpus(t *testing.T) {
	if _, err := os.Stat(govWorkReports); err != nil {
		t.Skipf("%s is absent: the metadata acceptance figures need the work-report corpus", govWorkReports)
	}
	g, err := loadGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	totalN, totalHome, totalYear := 0, 0, 0
	for _, folder := range metaCorpusFolders {
		var files []string
		root := filepath.Join(govWorkReports, folder.name)
		err := filepath.Walk(root, func(p string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(p, ".md") {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(files)
		n, homeOK, yearOK := 0, 0, 0
		var misses []string
		for _, p := range files {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			text, meta := corpus.MarkdownText(string(raw))
			rel, _ := filepath.Rel(govWorkReports, p)
			m := ReadMetadata(text, rel, meta, nil)
			n++
			base := strings.TrimSuffix(filepath.Base(p), ".md")
			fileYear, _ := strconv.Atoi(base[:min(4, len(base))])
			if m.Year != nil && *m.Year == fileYear {
				yearOK++
			} else if folder.dev {
				got := "null"
				if m.Year != nil {
					got = fmt.Sprintf("%d (%s)", *m.Year, m.YearFrom)
				}
				misses = append(misses, fmt.Sprintf("%s: year %s", rel, got))
			}
			ok := false
			if folder.name == "state-council" {
				ok = m.Home != nil && m.Home.Level == LevelCountry
			} else if m.Home != nil {
				region := filepath.Base(filepath.Dir(p))
				if id, found := metaDivision(g, region, fileYear); found {
					ok = metaSameDivision(g, g.recs[id].Code, m.Home.Code)
				}
			}
			if ok {
				homeOK++
			} else if folder.dev {
				got := "null"
				if m.Home != nil {
					got = fmt.Sprintf("%s %s %s (%s)", m.Home.Name, m.Home.Code, m.Home.Level, m.Home.From)
				}
				misses = append(misses, fmt.Sprintf("%s: home %s", rel, got))
			}
		}
		t.Logf("%-14s %5d reports: home %5.1f%%, year %5.1f%%", folder.name, n, pct(homeOK, n), pct(yearOK, n))
		for _, s := range misses {
			t.Logf("  %s", s)
		}
		totalN += n
		totalHome += homeOK
		totalYear += yearOK
	}
	t.Logf("%-14s %5d reports: home %5.1f%% (%d), year %5.1f%% (%d)", "all", totalN, pct(totalHome, totalN), totalHome, pct(totalYear, totalN), totalYear)
	if pct(totalHome, totalN) < 98 || pct(totalYear, totalN) < 98 {
		t.Errorf("want home and year right for at least 98%% of the reports")
	}
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// metaSameDivision reports whether two codes name the same division, one
// possibly the successor of the other (a renamed or re-coded city).
func metaSameDivision(g *gazetteer, a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	cur := func(c string) string {
		if id, ok := g.latest(c); ok {
			if id, ok := g.current(id); ok {
				return g.recs[id].Code
			}
		}
		return c
	}
	return cur(a) == cur(b)
}
