package segment

import (
	"bytes"
	"go/build"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func mustDefault(t testing.TB) *Segmenter {
	t.Helper()
	s, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func texts(toks []Token) []string {
	var w []string
	for _, t := range toks {
		w = append(w, t.Text)
	}
	return w
}

// checkOffsets verifies that every token slices the text exactly and, for
// precise mode, that the tokens tile the text.
func checkOffsets(t *testing.T, text string, toks []Token, tiling bool) {
	t.Helper()
	rs := []rune(text)
	next := 0
	for i, tk := range toks {
		if tk.Start < 0 || tk.End > len(rs) || tk.Start >= tk.End {
			t.Fatalf("token %d %+v out of range (text has %d code points)", i, tk, len(rs))
		}
		if got := string(rs[tk.Start:tk.End]); got != tk.Text {
			t.Errorf("token %d: runes[%d:%d] = %q, Text = %q", i, tk.Start, tk.End, got, tk.Text)
		}
		if tiling {
			if tk.Start != next {
				t.Errorf("token %d %q starts at %d, want %d", i, tk.Text, tk.Start, next)
			}
			next = tk.End
		}
	}
	if tiling && next != len(rs) {
		t.Errorf("tokens end at %d, text has %d code points", next, len(rs))
	}
}

func TestOffsetsSliceText(t *testing.T) {
	s := mustDefault(t)
	hmm, err := New(WithHMM(true))
	if err != nil {
		t.Fatal(err)
	}
	cases := []string{
		"县人大常委会召开党史学习教育动员大会",
		"GDP增长6.5%，CPI上涨2.1％，iPhone和ＡＢＣ公司",
		"２０２１年３月２６日，1998年12月31日",
		"第一行\n第二行\r\n\n  第三行\t结尾 ",
		"表情😀符号🇨🇳混排👍🏽中文",
		"全角ＡＢＣ１２３和半角abc123",
		"坏\xff字节\xfe\xfd在中间\xe4\xb8",
		"替换\uFFFD字符",
		"  ",
		"\n",
		"a",
		"——……！！？？",
		"《中国共产党简史》“三会一课”（一）",
	}
	for _, text := range cases {
		for _, c := range []struct {
			name   string
			s      *Segmenter
			mode   Mode
			tiling bool
		}{{"precise", s, Precise, true}, {"hmm", hmm, Precise, true}, {"search", s, Search, false}, {"full", s, Full, false}} {
			toks := c.s.Segment(text, c.mode)
			if !utf8.ValidString(text) {
				// Invalid bytes come out as U+FFFD, like []rune does.
				for _, tk := range toks {
					if !utf8.ValidString(tk.Text) {
						t.Errorf("%s %q: token %q is not valid UTF-8", c.name, text, tk.Text)
					}
				}
			}
			checkOffsets(t, text, toks, c.tiling)
			for _, tk := range toks {
				if tk.Pos == "" {
					t.Errorf("%s %q: token %q has no POS", c.name, text, tk.Text)
				}
			}
		}
	}
}

func TestCaseAndWidthKept(t *testing.T) {
	s := mustDefault(t)
	text := "使用APP和ＡＰＰ、iPhone与WiFi，T恤和Ｔ恤"
	got := strings.Join(texts(s.Cut(text)), "|")
	for _, w := range []string{"APP", "ＡＰＰ", "iPhone", "WiFi"} {
		if !strings.Contains("|"+got+"|", "|"+w+"|") {
			t.Errorf("%q not kept as written in %s", w, got)
		}
	}
	// Dictionary words mixing letters and Han match whatever the case or width.
	if !strings.Contains(got, "|T恤|") || !strings.Contains(got, "|Ｔ恤") {
		t.Errorf("T恤 / Ｔ恤 not found as words: %s", got)
	}
}

func TestNumbersAndDates(t *testing.T) {
	s := mustDefault(t)
	got := texts(s.Cut("3月26日，县人大开展调研12次，办理实事5件，增长6.5%，二〇二一年"))
	want := []string{"3月", "26日", "，", "县", "人大", "开展", "调研", "12", "次", "，", "办理", "实事", "5", "件", "，", "增长", "6.5%", "，", "二〇二一年"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

func TestDomainLexicon(t *testing.T) {
	s := mustDefault(t)
	plain, err := New(WithoutDomainLexicon())
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"党史学习教育", "主题党日", "三会一课", "乡村振兴", "走深走实"} {
		text := "开展" + w + "活动"
		got := texts(s.Cut(text))
		if len(got) != 3 || got[1] != w {
			t.Errorf("%s: got %v, want %s whole", text, got, w)
		}
		if p := texts(plain.Cut(text)); len(p) == 3 && p[1] == w {
			t.Errorf("%s is whole even without the domain lexicon: the test proves nothing", w)
		}
	}
	reps := s.DictReports()
	if len(reps) == 0 || reps[0].Loaded < 200 || len(reps[0].Rejected) > 0 {
		t.Errorf("domain lexicon report: %+v", reps)
	}
}

func TestUserDictChangesSegmentation(t *testing.T) {
	text := "县人大常委会主任罗智琼出席会议"
	before := texts(mustDefault(t).Cut(text))
	for _, w := range before {
		if w == "罗智琼" {
			t.Fatalf("罗智琼 already whole without the user dictionary: %v", before)
		}
	}
	s, err := New(WithDict("names.txt", strings.NewReader("罗智琼 nr\n")))
	if err != nil {
		t.Fatal(err)
	}
	toks := s.Cut(text)
	found := false
	for _, tk := range toks {
		if tk.Text == "罗智琼" {
			found = true
			if tk.Pos != "nr" {
				t.Errorf("罗智琼 has POS %q, want nr", tk.Pos)
			}
		}
	}
	if !found {
		t.Errorf("user word not used: %v", texts(toks))
	}
	checkOffsets(t, text, toks, true)

	// An entry with spaces and punctuation, matched whatever the case.
	s, err = New(WithDict("d", strings.NewReader("Hong Kong SAR\t100\tns\n《人民日报》 50 nz\n")))
	if err != nil {
		t.Fatal(err)
	}
	got := texts(s.Cut("来自HONG KONG SAR的《人民日报》记者"))
	if strings.Join(got, "|") != "来自|HONG KONG SAR|的|《人民日报》|记者" {
		t.Errorf("got %v", got)
	}

	// Frequency 0 removes a word.
	s, err = New(WithDict("d", strings.NewReader("常委会 0\n")))
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range texts(s.Cut("召开常委会会议")) {
		if w == "常委会" {
			t.Errorf("常委会 still a word after removal")
		}
	}
}

func TestGBKDict(t *testing.T) {
	src := "罗智琼 1000 nr\n# 注释\n黔西人大\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	if utf8.ValidString(gbk) {
		t.Fatal("the GBK fixture is valid UTF-8: the test proves nothing")
	}
	s, err := New(WithDict("gbk.txt", strings.NewReader(gbk)))
	if err != nil {
		t.Fatal(err)
	}
	rep := s.DictReports()[len(s.DictReports())-1]
	if rep.Encoding != "gbk" || rep.Loaded != 2 || len(rep.Rejected) != 0 {
		t.Errorf("report %+v", rep)
	}
	if f, p, ok := s.Lookup("罗智琼"); !ok || f != 1000 || p != "nr" {
		t.Errorf("Lookup(罗智琼) = %v %q %v", f, p, ok)
	}
	got := texts(s.Cut("黔西人大罗智琼"))
	if strings.Join(got, "|") != "黔西人大|罗智琼" {
		t.Errorf("got %v", got)
	}
}

func TestDictReportRejects(t *testing.T) {
	src := strings.Join([]string{
		"好词 100 n",      // 1 loaded
		"坏词 12abc n",    // 2 bad frequency
		"   100 n",      // 3 empty word
		"名字 high nr",    // 4 frequency not a number
		"负数 -5",         // 5 negative
		"\t10\tn",       // 6 empty word (tabs)
		"词\tx1\tn",      // 7 bad frequency (tabs)
		"词\t10\tNoun!",  // 8 bad tag
		"",              // 9 blank: skipped
		"# comment",     // 10 skipped
		"另一个词",          // 11 loaded
		"太大 1e12",       // 12 too large
		"a\tb\tc\td",    // 13 too many fields
		"Big Apple 5 n", // 14 loaded, with a space
	}, "\n")
	s, err := New(WithDict("test.txt", strings.NewReader(src)))
	if err != nil {
		t.Fatal(err)
	}
	rep := s.DictReports()[len(s.DictReports())-1]
	if rep.Source != "test.txt" || rep.Loaded != 3 {
		t.Errorf("loaded %d, want 3: %+v", rep.Loaded, rep)
	}
	want := map[int]string{2: "not a number", 3: "empty word", 4: "not a number", 5: "negative", 6: "empty word", 7: "not a number", 8: "not a tag", 12: "too large", 13: "fields"}
	got := map[int]string{}
	for _, r := range rep.Rejected {
		got[r.Line] = r.Reason
	}
	for line, frag := range want {
		if !strings.Contains(got[line], frag) {
			t.Errorf("line %d: reason %q, want it to mention %q", line, got[line], frag)
		}
	}
	if len(got) != len(want) {
		t.Errorf("rejected lines %v, want %v", got, want)
	}
	if _, _, ok := s.Lookup("big apple"); !ok {
		t.Errorf("\"Big Apple\" not loaded")
	}
}

func TestDictFileErrors(t *testing.T) {
	if _, err := New(WithDictFile("testdata/does-not-exist.txt")); err == nil {
		t.Error("missing dictionary file: no error")
	}
	bad := bytes.Repeat([]byte{0xff, 0xfe, 0x81}, 10)
	if _, err := New(WithDict("bad", bytes.NewReader(bad))); err == nil {
		t.Error("undecodable dictionary: no error")
	}
	if _, err := ParseMode("fast"); err == nil {
		t.Error("ParseMode(fast): no error")
	}
	if _, err := New(WithMode(Mode(7))); err == nil {
		t.Error("New with a bad mode: no error")
	}
}

func TestModes(t *testing.T) {
	s := mustDefault(t)
	text := "中华人民共和国成立"
	precise := texts(s.Segment(text, Precise))
	search := texts(s.Segment(text, Search))
	full := texts(s.Segment(text, Full))
	if len(search) <= len(precise) || len(full) <= len(precise) {
		t.Errorf("precise %v, search %v, full %v", precise, search, full)
	}
	has := func(ws []string, w string) bool {
		for _, x := range ws {
			if x == w {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"中华", "人民", "共和国"} {
		if !has(search, w) || !has(full, w) {
			t.Errorf("%s missing: search %v full %v", w, search, full)
		}
	}
	if !has(precise, "中华人民共和国") {
		t.Errorf("precise %v", precise)
	}
}

func TestHMMFindsUnknownWords(t *testing.T) {
	text := "他来到了网易杭研大厦"
	plain := texts(mustDefault(t).Cut(text))
	s, err := New(WithHMM(true))
	if err != nil {
		t.Fatal(err)
	}
	got := texts(s.Cut(text))
	if strings.Join(got, "|") == strings.Join(plain, "|") {
		t.Errorf("HMM changed nothing: %v", got)
	}
	if !strings.Contains("|"+strings.Join(got, "|")+"|", "|杭研|") {
		t.Errorf("HMM did not find 杭研: %v", got)
	}
}

func TestConcurrentUse(t *testing.T) {
	s := mustDefault(t)
	text := "县人大常委会党组书记、主任罗智琼出席会议并作动员讲话。"
	want := strings.Join(texts(s.Cut(text)), "|")
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func() {
			var r string
			for j := 0; j < 200; j++ {
				r = strings.Join(texts(s.Cut(text)), "|")
				if r != want {
					break
				}
			}
			done <- r
		}()
	}
	for i := 0; i < 8; i++ {
		if r := <-done; r != want {
			t.Errorf("concurrent Cut: %s, want %s", r, want)
		}
	}
}

func TestOtherScripts(t *testing.T) {
	s := mustDefault(t)
	text := "在Москве和café举行Ελλάδα会议"
	got := texts(s.Cut(text))
	if strings.Join(got, "|") != "在|Москве|和|café|举行|Ελλάδα|会议" {
		t.Errorf("got %v", got)
	}
	checkOffsets(t, text, s.Cut(text), true)
}

// TestTableMatchesGse checks the embedded table against gse's dictionary
// file: every entry of frequency >= 4 is there with its frequency.
func TestTableMatchesGse(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := os.Getenv("GOMODCACHE")
	if dir == "" {
		dir = filepath.Join(build.Default.GOPATH, "pkg", "mod")
	}
	data, err := os.ReadFile(filepath.Join(dir, "github.com/go-ego/gse@v0.80.3/data/dict/zh/s_1.txt"))
	if err != nil {
		t.Skipf("gse's dictionary source not in the module cache: %v", err)
	}
	s, err := New(WithoutDomainLexicon())
	if err != nil {
		t.Fatal(err)
	}
	n, bad := 0, 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 {
			continue
		}
		freq, err := strconv.ParseFloat(f[1], 64)
		if err != nil || freq < 4 || len(Normalize(f[0])) > 63 {
			continue
		}
		n++
		got, _, ok := s.Lookup(f[0])
		if !ok || got < freq {
			if bad++; bad < 10 {
				t.Errorf("%s: table has %v %v, gse %v", f[0], got, ok, freq)
			}
		}
	}
	if n < 150000 || bad > 0 {
		t.Errorf("%d entries checked, %d wrong", n, bad)
	}
	if s.WordCount() != s.base.words || s.base.words > n {
		t.Errorf("table has %d words, gse %d entries of freq >= 4", s.base.words, n)
	}
}

// TestLargeUserDict loads enough words to make the table grow and checks
// that every word, old and new, is still found.
func TestLargeUserDict(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var b strings.Builder
	var words []string
	for i := 0; i < 300000; i++ {
		w := string([]rune{rune(0x4E00 + i%20000), rune(0x4E00 + (i*7919)%20000), rune(0x9000 + i/20000)})
		words = append(words, w)
		b.WriteString(w + " 5 nz\n")
	}
	// and enough words of two ideographs to make the pair table grow
	for i := 0; i < 200000; i++ {
		w := string([]rune{rune(0x4E00 + i%1000), rune(0x6000 + i/1000)})
		words = append(words, w)
		b.WriteString(w + " 5 nz\n")
	}
	base := mustDefault(t)
	s, err := New(WithDict("big", strings.NewReader(b.String())))
	if err != nil {
		t.Fatal(err)
	}
	if r := s.DictReports()[1]; r.Loaded != len(words) || len(r.Rejected) != 0 {
		t.Fatalf("loaded %d of %d, rejected %v", r.Loaded, len(words), r.Rejected[:min(3, len(r.Rejected))])
	}
	if s.WordCount() <= base.WordCount()+len(words)*9/10 {
		t.Errorf("word count %d, base %d + %d", s.WordCount(), base.WordCount(), len(words))
	}
	for _, w := range append(append(words[:1000:1000], words[len(words)-1000:]...), "人大常委会", "党史学习教育", "中华人民共和国", "的") {
		if _, _, ok := s.Lookup(w); !ok {
			t.Errorf("%s lost", w)
		}
	}
	if len(s.base.slots) <= len(base.base.slots) {
		t.Errorf("table did not grow: %d slots", len(s.base.slots))
	}
	if len(s.base.pairs) <= len(base.base.pairs) {
		t.Errorf("pair table did not grow: %d slots", len(s.base.pairs))
	}
	checkPairMasks(t, "big", s)
	// The shared default Segmenter is unchanged.
	if _, p, _ := base.Lookup(words[12345]); p == "nz" {
		t.Errorf("user words leaked into the default Segmenter")
	}
}

// TestEveryDomainEntryWhole checks that each entry of the domain lexicon is
// cut whole, alone and inside a sentence.
func TestEveryDomainEntryWhole(t *testing.T) {
	s := mustDefault(t)
	n := 0
	for _, line := range strings.Split(string(govLexicon), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") || strings.TrimSpace(line) == "" {
			continue
		}
		word, freq, hasFreq, _, reason := parseDictLine(line)
		if reason != "" {
			t.Errorf("dict/gov.txt: %q: %s", line, reason)
			continue
		}
		if hasFreq && freq == 0 {
			if _, _, ok := s.Lookup(word); ok {
				t.Errorf("%s is still a word", word)
			}
			continue
		}
		n++
		for _, text := range []string{word, "进一步推进" + word + "工作。"} {
			found := false
			for _, tk := range s.Cut(text) {
				// 意识形态工作 is an entry too: a longer word may hold it.
				found = found || strings.Contains(tk.Text, word)
			}
			if !found {
				t.Errorf("%s not whole in %q: %v", word, text, texts(s.Cut(text)))
			}
		}
	}
	if n < 250 {
		t.Errorf("only %d domain entries", n)
	}
}

func TestFullModeKeepsMixedWords(t *testing.T) {
	got := "|" + strings.Join(texts(mustDefault(t).Segment("买TT恤和ＡＢ", Full)), "|") + "|"
	// TT is a run of letters; T恤 starts inside it.
	for _, w := range []string{"|TT|", "|T恤|", "|ＡＢ|"} {
		if !strings.Contains(got, w) {
			t.Errorf("%s missing in full mode: %s", w, got)
		}
	}
}
