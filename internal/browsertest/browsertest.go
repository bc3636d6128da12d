// Package browsertest opens an HTML report in headless Chromium for the
// tests: it checks that the console shows no error, that nothing is
// fetched from the network, that every chart has a size, that sorting a
// table reorders it, that filtering hides rows and that a concordance link
// leads to its lines, and it saves screenshots.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Chromium returns the path of a Chromium or Chrome executable: $TONGBAO_CHROMIUM,
// else the first of chromium, chromium-browser, google-chrome,
// google-chrome-stable and headless-shell found on $PATH; "" when none.
func Chromium() string {
	if p := os.Getenv("TONGBAO_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ShotDir returns the folder screenshots go to: $TONGBAO_SCREENSHOTS, else
// tongbao-screenshots in the system's temporary folder.
func ShotDir() string {
	if d := os.Getenv("TONGBAO_SCREENSHOTS"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "tongbao-screenshots")
}

// Flags are Chromium's command-line switches: headless, no sandbox (CI
// runs as root in a container), no GPU, and nothing that would reach the
// network on its own (first-run, background networking, component
// updates, sync), with every host name resolving nowhere.
var Flags = []chromedp.ExecAllocatorOption{
	chromedp.Flag("headless", true),
	chromedp.Flag("no-sandbox", true),
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("no-first-run", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("no-default-browser-check", true),
	chromedp.Flag("disable-default-apps", true),
	chromedp.Flag("disable-extensions", true),
	chromedp.Flag("disable-domain-reliability", true),
	chromedp.Flag("disable-client-side-phishing-detection", true),
	chromedp.Flag("metrics-recording-only", true),
	chromedp.Flag("no-pings", true),
	chromedp.Flag("disable-dev-shm-usage", true),
	chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND"),
	chromedp.Flag("hide-scrollbars", true),
}

// Page describes what to check on a report page.
type Page struct {
	// Path is the HTML file; Name prefixes the screenshots.
	Path, Name string
	// Sort is a table id and the 1-based index of a numeric column whose
	// header is clicked: the rows must be reordered, sorted descending.
	SortTable string
	SortCol   int
	// Filter is text typed into the filter of SortTable: some rows, not
	// all, must stay visible.
	Filter string
	// Shots are CSS selectors of elements screenshot as NAME-ID.png (the
	// selector's id, without #), besides NAME-page.png of the first screen.
	Shots []string
	// Width and Height are the window size (default 1400 × 1000).
	Width, Height int64
}

// Check opens p in headless Chromium and reports failures on t; it skips
// the test with a message when no browser is found. It returns the
// screenshots written.
func Check(t *testing.T, p Page) []string {
	t.Helper()
	bin := Chromium()
	if bin == "" {
		t.Skip("no Chromium or Chrome found (install Debian's chromium and fonts-noto-cjk, or set TONGBAO_CHROMIUM): skipping the browser test")
	}
	abs, err := filepath.Abs(p.Path)
	if err != nil {
		t.Fatal(err)
	}
	if p.Width == 0 {
		p.Width, p.Height = 1400, 1000
	}
	opts := append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(bin), chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(int(p.Width), int(p.Height))}, Flags...)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	var mu sync.Mutex
	var problems []string
	listen := func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert || e.Type == runtime.ConsoleAPICalledTypeWarning {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				problems = append(problems, fmt.Sprintf("console %s: %s", e.Type, strings.Join(args, " ")))
			}
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+(&chromedp.ExceptionError{ExceptionDetails: e.ExceptionDetails}).Error())
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError || e.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, fmt.Sprintf("log %s: %s %s", e.Entry.Level, e.Entry.Text, e.Entry.URL))
			}
		case *network.EventRequestWillBeSent:
			if u := e.Request.URL; !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") && !strings.HasPrefix(u, "about:") {
				problems = append(problems, "network request: "+u)
			}
		}
	}
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(listen))
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	start := time.Now()
	step := func(what string) { t.Logf("%s: %s after %.1fs", p.Name, what, time.Since(start).Seconds()) }
	if err := chromedp.Do(ctx, chromedp.Navigate("file://"+filepath.ToSlash(abs)), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatalf("%s: opening in Chromium: %v", p.Name, err)
	}

	step("loaded")
	// every chart has a size
	sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[][]float64](`Array.from(document.querySelectorAll('svg')).map(function (s) { var r = s.getBoundingClientRect(); return [r.width, r.height]; })`))
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) == 0 {
		t.Errorf("%s: no chart on the page", p.Name)
	}
	for i, s := range sizes {
		if len(s) != 2 || s[0] <= 0 || s[1] <= 0 {
			t.Errorf("%s: chart %d has size %v", p.Name, i, s)
		}
	}
	// every legend is drawn
	legends, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('svg rect.legend').length`))
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) > 0 && legends == 0 {
		t.Errorf("%s: no colour legend", p.Name)
	}

	step("charts measured")
	if p.SortTable != "" {
		rowsJS := fmt.Sprintf(`Array.from(document.getElementById(%q).tBodies[0].rows).filter(function (r) { return !r.hidden; }).map(function (r) { var c = r.cells[%d]; return [r.cells[0].textContent, c.getAttribute('data-v') !== null ? c.getAttribute('data-v') : c.textContent]; })`, p.SortTable, p.SortCol-1)
		th := fmt.Sprintf(`#%s thead th:nth-child(%d)`, p.SortTable, p.SortCol)
		before, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](rowsJS))
		if err == nil {
			err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS(th)))
		}
		var after [][]string
		if err == nil {
			after, err = chromedp.Run(ctx, chromedp.Evaluate[[][]string](rowsJS))
		}
		if err != nil {
			t.Fatalf("%s: sorting %s: %v", p.Name, p.SortTable, err)
		}
		if len(before) < 2 || len(before) != len(after) {
			t.Errorf("%s: table %s: %d rows before sorting, %d after", p.Name, p.SortTable, len(before), len(after))
		} else {
			same := true
			for i := range before {
				same = same && before[i][0] == after[i][0] && before[i][1] == after[i][1]
			}
			if same {
				t.Errorf("%s: clicking %s did not reorder the table", p.Name, th)
			}
			for i := 1; i < len(after); i++ {
				var a, b float64
				fmt.Sscan(after[i-1][1], &a)
				fmt.Sscan(after[i][1], &b)
				if a < b {
					t.Errorf("%s: %s not sorted descending after the click: %v before %v", p.Name, p.SortTable, after[i-1], after[i])
					break
				}
			}
		}
		if p.Filter != "" {
			in := fmt.Sprintf(`input.filter[data-table=%q]`, p.SortTable)
			count := fmt.Sprintf(`(function () { var rs = document.getElementById(%q).tBodies[0].rows; return [Array.from(rs).filter(function (r) { return !r.hidden; }).length, rs.length]; })()`, p.SortTable)
			err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(in), p.Filter))
			var vt []int
			if err == nil {
				vt, err = chromedp.Run(ctx, chromedp.Evaluate[[]int](count))
			}
			if err != nil || len(vt) != 2 {
				t.Fatalf("%s: filtering: %v", p.Name, err)
			}
			visible, total := vt[0], vt[1]
			if visible == 0 || visible >= total {
				t.Errorf("%s: filter %q on %s: %d of %d rows visible", p.Name, p.Filter, p.SortTable, visible, total)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](fmt.Sprintf(`(function () { var i = document.querySelector(%q); i.value = ''; return i.dispatchEvent(new Event('input')); })()`, in))); err != nil {
				t.Fatal(err)
			}
		}
	}

	step("sorted and filtered")
	// a concordance link leads to lines in context
	links, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll('a[href^="#kwic-"]').length`))
	if err != nil {
		t.Fatal(err)
	}
	if links > 0 {
		err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`table a[href^="#kwic-"]`)))
		var lines int
		if err == nil {
			lines, err = chromedp.Run(ctx, chromedp.Evaluate[int](`(function () { var e = document.getElementById(location.hash.slice(1)); return e ? e.querySelectorAll('tr').length : -1; })()`))
		}
		if err != nil {
			t.Fatalf("%s: following a concordance link: %v", p.Name, err)
		}
		if lines <= 0 {
			t.Errorf("%s: the concordance link leads to %d lines", p.Name, lines)
		}
	}

	step("link followed")
	dir := ShotDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var written []string
	save := func(name string, b []byte) {
		f := filepath.Join(dir, p.Name+"-"+name+".png")
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
		written = append(written, f)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`history.replaceState(null, '', location.pathname); window.scrollTo(0, 0); true`)); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save("page", buf)
	step("page screenshot")
	for _, sel := range p.Shots {
		buf, err := chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(sel)))
		if err != nil {
			t.Errorf("%s: screenshot of %s: %v", p.Name, sel, err)
			continue
		}
		save(strings.TrimLeft(strings.ReplaceAll(sel, " ", "_"), "#."), buf)
		step("screenshot of " + sel)
	}
	step("screenshots taken")
	mu.Lock()
	defer mu.Unlock()
	for _, pr := range problems {
		t.Errorf("%s: %s", p.Name, pr)
	}
	t.Logf("%s: %d charts, screenshots in %s", p.Name, len(sizes), dir)
	return written
}
