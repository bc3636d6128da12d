// Command gendivisions builds extract/data/divisions.tsv, the compact
// administrative-division gazetteer embedded by package extract, from the
// tables in ../shared/corpora/admin-divisions/ (see its README):
//
//   - areacodes/result.csv: county level and above, 1981–2024, with former
//     names, validity years and successor codes;
//   - modood/{cities,areas,streets}.csv: current divisions down to township
//     level (NBS codes).
//
// Run it from the extract directory with go generate (see divisions.go):
//
//	go run ./internal/gendivisions -src ../../shared/corpora/admin-divisions -out data/divisions.tsv
//
// Output format (UTF-8 text, one record per line, tab separated; kept
// uncompressed so that loading it costs no decompression):
//
//	C code name level from to next prov pref short
//	D county
//	NNN name
//
// An ethnic township gets a second NNN line with its short form
// (大平苗族彝族乡, then 大平乡).
// C lines are county-level-and-above records: level is P, F or C
// (province, prefecture, county); from and to are years (to empty while in
// use, end exclusive); next lists successor codes separated by ';'; prov and
// pref are the enclosing names at the time; short is the standard short
// form ("" when none is allowed, "!" when none is allowed because the stem
// is an ordinary word, which makes the full name weak too). A D line opens the townships of a county
// (6-digit code); each following NNN line is one township, whose 9-digit
// code is the county code followed by NNN.
//
// Short-form rule: the suffix (省, 市, 县, 区, 旗, 自治区, 自治州, 自治县,
// 地区, 盟, 特别行政区, …) and then any trailing ethnic-group names are
// stripped; the short form is kept only when it has at least two characters
// and is not an ordinary word, that is, when the gse dictionary does not list
// it with a part of speech other than a proper-name tag (ns, nr, nrt) and a frequency of at
// least commonWordFreq. County-level short forms must also not be a
// township-style name (ending in 镇 or 乡) nor a word of frequency
// rareWordFreq or more. Province and prefecture short forms are kept
// unless the name is historical and the short form an ordinary word (渡口,
// 1981–1987 name of 攀枝花市).
package main

import (
	"bufio"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/go-ego/gse"
	"github.com/tongbao/tongbao/extract/internal/lexicon"
)

// commonWordFreq is the gse frequency from which a non-place word blocks a
// short form (新华 nz 549, 和平 nz 7998).
const commonWordFreq = 100

// rareWordFreq is the gse frequency from which any word, even one gse tags
// ns, blocks a county-level short form: such words are ordinary vocabulary
// (平原 7457, 古城 1664, 新建 1000) more often than county names, while
// county names seen in bulletins are rare in general text (黔西 23, 大关 176).
const rareWordFreq = 300

// The word lists of data/division_words.txt (see its header), in the
// file's order.
var (
	levels     = map[string]string{} // level as the table writes it → P, F or C
	suffixes   []string              // level suffixes, cut for the short form
	ethnic     []string              // ethnic groups' names, cut after the suffix
	townSuf    []string              // suffixes of township names
	ethnicTown []string              // suffixes of ethnic townships
	placeholds []string              // names of groupings that are no division
)

// readWords reads data/division_words.txt into the lists.
func readWords(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	lexicon.ReadWordList(string(b), func(f []string) {
		switch {
		case f[0] == "level" && len(f) == 3:
			levels[f[1]] = f[2]
		case f[0] == "suffix" && len(f) == 2:
			suffixes = append(suffixes, f[1])
		case f[0] == "ethnic" && len(f) == 2:
			ethnic = append(ethnic, f[1])
		case f[0] == "town" && len(f) == 2:
			townSuf = append(townSuf, f[1])
		case f[0] == "ethnictown" && len(f) == 2:
			ethnicTown = append(ethnicTown, f[1])
		case f[0] == "placeholder" && len(f) == 2:
			placeholds = append(placeholds, f[1])
		default:
			log.Fatalf("%s: want kind, word and for a level its letter: %q", path, f)
		}
	})
}

var seg gse.Segmenter

// nameTag lists the gse tags of proper names: place (ns) and person (nr,
// nrt; gse tags many county names so, 顺德 nrt, 钟山 nr).
var nameTag = map[string]bool{"ns": true, "nr": true, "nrt": true}

func main() {
	src := flag.String("src", "../../shared/corpora/admin-divisions", "admin-divisions folder")
	out := flag.String("out", "data/divisions.tsv", "output file")
	words := flag.String("words", "data/division_words.txt", "word lists of division names")
	flag.Parse()
	readWords(*words)
	seg.SkipLog = true
	if err := seg.LoadDictEmbed("zh_s"); err != nil {
		log.Fatal(err)
	}
	var buf strings.Builder
	seen := map[string]bool{} // code+name of C records
	rows := readCSV(filepath.Join(*src, "areacodes", "result.csv"))
	for _, r := range rows[1:] {
		if len(r) < 9 {
			log.Fatalf("result.csv: short row %v", r)
		}
		code, prov, pref, name, lvl, from, to, next := r[0], r[1], r[2], r[3], r[4], r[6], r[7], r[8]
		l := levels[lvl]
		if l == "" {
			log.Fatalf("result.csv: unknown level %q", lvl)
		}
		if r[5] == "在用" {
			next = ""
		}
		if l != "C" || pref == "直辖" {
			if l == "P" {
				prov = ""
			}
			pref = ""
		}
		if l == "P" {
			prov = ""
		}
		emit(&buf, code, name, l, from, to, next, prov, pref)
		seen[code+name] = true
	}
	// Current units the historical table lacks (development zones, …).
	provs := map[string]string{}
	for _, r := range readCSV(filepath.Join(*src, "modood", "provinces.csv"))[1:] {
		provs[r[0]] = r[1]
	}
	cities := map[string]string{}
	for _, r := range readCSV(filepath.Join(*src, "modood", "cities.csv"))[1:] {
		cities[r[0]] = r[1]
		code := r[0] + "00"
		if !seen[code+r[1]] && !placeholder(r[1]) {
			emit(&buf, code, r[1], "F", "2023", "", "", provs[r[2]], "")
			seen[code+r[1]] = true
		}
	}
	for _, r := range readCSV(filepath.Join(*src, "modood", "areas.csv"))[1:] {
		if !seen[r[0]+r[1]] && r[1] != "市辖区" {
			pref := cities[r[2]]
			if placeholder(pref) {
				pref = ""
			}
			emit(&buf, r[0], r[1], "C", "2023", "", "", provs[r[3]], pref)
		}
	}
	streets := readCSV(filepath.Join(*src, "modood", "streets.csv"))[1:]
	sort.Slice(streets, func(i, j int) bool { return streets[i][0] < streets[j][0] })
	county := ""
	for _, r := range streets {
		if strings.Contains(r[1], "直属") || !townSuffix(r[1]) {
			continue // statistical units (物流园区, 农场, 开发区), not township names
		}
		if len(r[0]) != 9 {
			log.Fatalf("streets.csv: code %q is not 9 digits", r[0])
		}
		if r[0][:6] != county {
			county = r[0][:6]
			fmt.Fprintf(&buf, "D\t%s\n", county)
		}
		fmt.Fprintf(&buf, "%s\t%s\n", r[0][6:], r[1])
		if a := townAlias(r[1]); a != "" {
			fmt.Fprintf(&buf, "%s\t%s\n", r[0][6:], a)
		}
	}
	if err := os.WriteFile(*out, []byte(buf.String()), 0o644); err != nil {
		log.Fatal(err)
	}
}

// placeholder reports whether a name of the current tables is a grouping,
// no division: a placeholder word or a name holding 直辖.
func placeholder(name string) bool {
	return slices.Contains(placeholds, name) || strings.Contains(name, "直辖")
}

// townSuffix reports whether a township-level name ends with a township
// suffix; other units of the table (园区, 农场, 办事处) are left out.
func townSuffix(name string) bool {
	for _, suf := range townSuf {
		if strings.HasSuffix(name, suf) && len([]rune(name)) > len([]rune(suf)) {
			return true
		}
	}
	return false
}

// townAlias returns the short form of an ethnic township, written without
// the ethnic groups (大平苗族彝族乡 → 大平乡), or "".
func townAlias(name string) string {
	for _, suf := range ethnicTown {
		stem, ok := strings.CutSuffix(name, suf)
		if !ok || !strings.HasSuffix(stem, "族") {
			continue
		}
		for changed := true; changed; {
			changed = false
			for _, e := range ethnic {
				if strings.HasSuffix(stem, e) && len([]rune(stem))-len([]rune(e)) >= 2 {
					stem = strings.TrimSuffix(stem, e)
					changed = true
				}
			}
		}
		if !strings.HasSuffix(stem, "族") && len([]rune(stem)) >= 2 {
			return stem + suf
		}
	}
	return ""
}

func emit(w io.Writer, code, name, l, from, to, next, prov, pref string) {
	sh, weak := short(name, l, to != "")
	if weak {
		sh = "!"
	}
	fmt.Fprintf(w, "C\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", code, name, l, from, to, next, prov, pref, sh)
}

// short returns the standard short form of a division name, or "". weak
// is true for a county-level name whose stem is an ordinary word that is
// not a name (老城 n, 平房 n): the full name itself may be a common phrase
// (老城区, 平房区).
func short(name, level string, historical bool) (sh string, weak bool) {
	s := name
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && len([]rune(s)) > len([]rune(suf)) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	if s == name {
		return "", false
	}
	for changed := true; changed; {
		changed = false
		for _, e := range ethnic {
			if strings.HasSuffix(s, e) && len([]rune(s))-len([]rune(e)) >= 2 {
				s = strings.TrimSuffix(s, e)
				changed = true
			}
		}
	}
	if len([]rune(s)) < 2 || strings.ContainsAny(s, "、的") {
		return "", false
	}
	if strings.Contains(name, "开发区") || strings.Contains(name, "园区") {
		return "", false
	}
	if level != "C" && !historical {
		// Province and prefecture short forms are the names everyone
		// uses (拉萨, 大连, 合肥), whatever tag gse gives them.
		return s, false
	}
	if strings.HasSuffix(s, "镇") || strings.HasSuffix(s, "乡") {
		return "", false
	}
	if freq, pos, ok := seg.Find(s); ok && (freq >= rareWordFreq || !nameTag[pos] && freq >= commonWordFreq) {
		return "", level == "C" && !nameTag[pos] && freq >= commonWordFreq
	}
	return s, false
}

func readCSV(path string) [][]string {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if b, _ := br.Peek(3); string(b) == "\xef\xbb\xbf" {
		br.Discard(3)
	}
	r := csv.NewReader(br)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	return rows
}
