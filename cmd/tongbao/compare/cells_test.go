package compare

import (
	"bufio"
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	statscmd "github.com/tongbao/tongbao/cmd/tongbao/stats"
	"github.com/tongbao/tongbao/stats"
)

// freq runs "tongbao stats freq" and returns group → term → count.
func freq(t *testing.T, args ...string) map[string]map[string]int64 {
	t.Helper()
	cmd := statscmd.New()
	cmd.SilenceUsage, cmd.SilenceErrors = true, true
	var out, errb bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errb)
	cmd.SetArgs(append([]string{"freq", "-q"}, args...))
	if err := cmd.Execute(); err != nil {
		t.Fatalf("stats freq %v: %v\n%s", args, err, errb.String())
	}
	m := map[string]map[string]int64{}
	sc := bufio.NewScanner(&out)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r struct {
			Group, Term string
			Count       int64
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if m[r.Group] == nil {
			m[r.Group] = map[string]int64{}
		}
		m[r.Group][r.Term] = r.Count
	}
	return m
}

var (
	sloganRow  = regexp.MustCompile(`(?s)<tr><td>(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</td><td class="n">(\d+)</td>.*?</tr>`)
	sloganCell = regexp.MustCompile(`<td class="n" data-v="(\d+)" data-group="([^"]*)"[^>]*>(\d*)</td>`)
	keyRow     = regexp.MustCompile(`<tr><td>([^<]+)</td><td class="n" data-v="(-?\d+)">-?\d+</td><td>(?:<a href="[^"]*">)?([^<]+)(?:</a>)?</td><td class="n">(\d+)</td><td class="n" data-v="[^"]*">[^<]*</td><td class="n">(\d+)</td>`)
)

// TestCellsMatchStatsFreq checks every number of the slogan table and of
// the key terms, in the JSON and on the HTML page, against "stats freq" of
// each group: the Hailar district reports by year and the national ones by
// decade.
func TestCellsMatchStatsFreq(t *testing.T) {
	base := "../../../../shared/corpora/"
	for _, c := range []struct {
		name, group, dir string
		long             bool
	}{
		{"hailar-by-year", "file", "gov-reports/hailar-district", false},
		{"national-by-decade", "file:decade", "gov-work-reports/state-council", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.long && testing.Short() {
				t.Skip("-short: the 59 national reports are read three times; skipping")
			}
			dir := base + c.dir
			if _, err := os.Stat(dir); err != nil {
				t.Skipf("%s is absent", dir)
			}
			page := filepath.Join(t.TempDir(), "report.html")
			out, err := run(t, "-q", "--json", "--group-by", c.group, "--html", page, dir)
			if err != nil {
				t.Fatal(err)
			}
			var cmp stats.Comparison
			if err := json.Unmarshal([]byte(out), &cmp); err != nil {
				t.Fatal(err)
			}
			slogans := freq(t, "--unit", "slogan", "--group-by", c.group, dir)
			words := freq(t, "--group-by", c.group, dir)
			if len(cmp.Slogans) == 0 {
				t.Fatal("no slogans across the groups")
			}
			// the JSON: every cell of every slogan, zeros included
			for _, s := range cmp.Slogans {
				total := int64(0)
				for gi, g := range cmp.Groups {
					if want := slogans[g.Group][s.Name]; s.Counts[gi] != want {
						t.Errorf("%s in %s: %d, stats freq says %d", s.Name, g.Group, s.Counts[gi], want)
					}
					total += s.Counts[gi]
				}
				if total != s.Total {
					t.Errorf("%s: total %d, cells add up to %d", s.Name, s.Total, total)
				}
			}
			// the key terms: counts in the group and in all the others
			for _, g := range cmp.Groups {
				for _, k := range append(append([]stats.KeynessRow{}, g.Keyness...), g.Negative...) {
					rest := int64(0)
					for other, m := range words {
						if other != g.Group {
							rest += m[k.Term]
						}
					}
					if k.NTarget != words[g.Group][k.Term] || k.NReference != rest {
						t.Errorf("%s, %s: %d in the group and %d in the others; stats freq says %d and %d",
							g.Group, k.Term, k.NTarget, k.NReference, words[g.Group][k.Term], rest)
					}
					if stats.NumericTerm(k.Term) {
						t.Errorf("%s: numeric key term %q", g.Group, k.Term)
					}
				}
			}
			// the page shows the same numbers
			b, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			s := string(b)
			tbl := s[strings.Index(s, `id="t-slogans"`):]
			tbl = tbl[:strings.Index(tbl, "</table>")]
			rows := sloganRow.FindAllStringSubmatch(tbl, -1)
			if len(rows) != len(cmp.Slogans) {
				t.Fatalf("%d slogan rows on the page, %d in the comparison", len(rows), len(cmp.Slogans))
			}
			cells := 0
			for _, r := range rows {
				name := html.UnescapeString(r[1])
				for _, m := range sloganCell.FindAllStringSubmatch(r[0], -1) {
					n, _ := strconv.ParseInt(m[1], 10, 64)
					if want := slogans[html.UnescapeString(m[2])][name]; n != want || (m[3] != "" && m[3] != m[1]) || (m[3] == "" && n != 0) {
						t.Errorf("page: %s in %s shows %q (data %s), stats freq says %d", name, m[2], m[3], m[1], want)
					}
					cells++
				}
			}
			if cells != len(cmp.Slogans)*len(cmp.Groups) {
				t.Errorf("%d slogan cells on the page, want %d", cells, len(cmp.Slogans)*len(cmp.Groups))
			}
			keys := keyRow.FindAllStringSubmatch(s, -1)
			if len(keys) == 0 {
				t.Fatal("no key-term rows on the page")
			}
			for _, k := range keys {
				g, term := html.UnescapeString(k[1]), html.UnescapeString(k[3])
				n, _ := strconv.ParseInt(k[4], 10, 64)
				if n != words[g][term] {
					t.Errorf("page: key term %s in %s shows %d, stats freq says %d", term, g, n, words[g][term])
				}
			}
		})
	}
}
