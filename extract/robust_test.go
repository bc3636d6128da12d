package extract

import (
	"strings"
	"testing"
	"time"
)

// timeDoc returns how long NewDocument takes on text.
func timeDoc(t *testing.T, text string) time.Duration {
	t.Helper()
	start := time.Now()
	if _, err := NewDocument(text); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// linear fails when four times the input takes more than ten times as long
// (a quadratic stage takes sixteen times as long).
func linear(t *testing.T, name string, gen func(n int) string, n int) {
	t.Helper()
	timeDoc(t, gen(n/8)) // warm up the shared tables
	small := timeDoc(t, gen(n))
	big := timeDoc(t, gen(4*n))
	if big > 10*small && big > 2*time.Second {
		t.Errorf("%s: %d units take %v, %d take %v: not linear", name, n, small, 4*n, big)
	}
}

// Runs of spaces: bylineCue scanned back over the run from every position.
func TestLongSpaceRunsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	for _, sp := range []string{" ", "\u3000"} {
		linear(t, "spaces", func(n int) string { return "正文" + strings.Repeat(sp, n) + "结束" }, 60000)
	}
}

// A byline cue still reaches a name across any number of spaces.
func TestBylineCueAcrossSpaces(t *testing.T) {
	d, err := NewDocument(strings.Repeat(" ", 5000) + "记者 张三")
	if err != nil {
		t.Fatal(err)
	}
	if d.Byline == nil || len(d.Byline.Reporters) != 1 || d.Byline.Reporters[0] != "张三" {
		t.Fatalf("byline after 5000 spaces: %+v", d.Byline)
	}
}

// Long 、 lists: sloganListRun retried the whole run of items from each
// start.
func TestLongListsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	items := []string{"保就业", "稳增长", "促改革", "调结构", "惠民生", "防风险"}
	linear(t, "list", func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString("、")
			}
			b.WriteString(items[i%len(items)])
		}
		return b.String()
	}, 10000)
	linear(t, "same items", func(n int) string { return strings.Repeat("保就业、", n) }, 10000)
}

// A parallel list of ordinary length is still one slogan with its items.
func TestParallelListKept(t *testing.T) {
	d, err := NewDocument("要做好稳就业、稳金融、稳外贸、稳外资、稳投资、稳预期工作。")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		if m.Type == "slogan" && m.Kind == SloganParallel && len(m.Items) == 6 {
			return
		}
	}
	t.Fatalf("no six-item parallel slogan: %+v", d.Mentions)
}

// An impossible calendar date is not the document's date.
func TestImpossibleDateIsNoDate(t *testing.T) {
	for _, text := range []string{"2021年2月30日召开会议。", "2021年4月31日\n会议召开。", "（2019年2月29日）"} {
		d, err := NewDocument(text)
		if err != nil {
			t.Fatal(err)
		}
		if d.Date != nil {
			t.Errorf("%s: date %s", text, *d.Date)
		}
	}
	d, _ := NewDocument("2020年2月29日召开会议。")
	if d.Date == nil || *d.Date != "2020-02-29" {
		t.Errorf("2020年2月29日: date %v", d.Date)
	}
}
