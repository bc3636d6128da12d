package compare

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/tongbao/tongbao/internal/browsertest"
)

// TestReportInBrowser renders the reports of the acceptance (the Hailar
// district reports by year, the national ones by decade, and the national
// ones by year: 59 groups) in headless Chromium; see browsertest.Check.
func TestReportInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the browser test")
	}
	if browsertest.Chromium() == "" {
		t.Skip("no Chromium or Chrome found (install Debian's chromium and fonts-noto-cjk, or set TONGBAO_CHROMIUM): skipping the browser test")
	}
	base := "../../../../shared/corpora/"
	all := []string{"#similarity", "#keyness .wide", "#slogans"}
	for _, c := range []struct {
		name, group, dir, filter string
		shots                    []string
	}{
		{"hailar-by-year", "file", "gov-reports/hailar-district", "2015", all},
		{"national-by-decade", "file:decade", "gov-work-reports/state-council", "1970s", all},
		{"national-by-year", "file", "gov-work-reports/state-council", "1978", []string{"#similarity"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := base + c.dir
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("%s is absent", dir)
			}
			page := filepath.Join(t.TempDir(), c.name+".html")
			if _, err := run(t, "-q", "--group-by", c.group, "--html", page, dir); err != nil {
				t.Fatal(err)
			}
			browsertest.Check(t, browsertest.Page{Path: page, Name: c.name, SortTable: "t-groups", SortCol: 3,
				Filter: c.filter, Shots: c.shots})
		})
	}
}
