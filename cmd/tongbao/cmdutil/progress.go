package cmdutil

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/tongbao/tongbao/corpus"
)

// progress shows a progress bar on stderr when stderr is a terminal, and
// does nothing otherwise (so pipelines see only errors and the summary).
type progress struct {
	bar  *progressbar.ProgressBar
	last time.Time
}

func newProgress(w io.Writer, inputs []string, quiet bool) *progress {
	p := &progress{}
	f, ok := w.(*os.File)
	if quiet || !ok || !term.IsTerminal(int(f.Fd())) {
		return p
	}
	total, known := corpus.TotalBytes(inputs)
	if !known || total <= 0 {
		total = -1
	}
	p.bar = progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(known),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetWidth(20),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("reading"),
	)
	return p
}

// update is corpus.RunOptions.Progress.
func (p *progress) update(s corpus.Summary) {
	if p.bar == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	desc := fmt.Sprintf("%d docs, %d errors", s.Docs, s.Errors)
	if secs := s.Elapsed.Seconds(); secs > 0 {
		desc += fmt.Sprintf(", %.0f docs/s", float64(s.Docs)/secs)
	}
	p.bar.Describe(desc)
	_ = p.bar.Set64(s.Bytes + s.SkipBytes)
}

// clear removes the bar before a line is printed on stderr.
func (p *progress) clear() {
	if p.bar != nil {
		_ = p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		_ = p.bar.Finish()
		_ = p.bar.Clear()
	}
}
