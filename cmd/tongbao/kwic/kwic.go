// Package kwic implements "tongbao kwic".
package kwic

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"golang.org/x/text/width"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/extract"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/stats"
	"github.com/tongbao/tongbao/zhconv"
)

// Options are the parsed flags and arguments of "tongbao kwic".
type Options struct {
	IO    *cmdutil.IOStreams
	Ctx   context.Context
	Input *cmdutil.InputFlags
	// Pattern is the term (or the expression, with Regex); with Type, the
	// --match text ("" keeps every mention of the type).
	Pattern string
	// Regex compiles Pattern (nil: Pattern is a plain term).
	Regex *regexp.Regexp
	// Type, when set, matches the extracted mentions of that type.
	Type string
	// Anywhere matches Pattern anywhere in the text, not on word
	// boundaries only.
	Anywhere bool
	// Window is the context on each side, in words (characters with
	// Chars).
	Window int
	Chars  bool
	// Format is auto, text or jsonl (auto: text when writing to a
	// terminal); Width the display columns of each context in text.
	Format string
	Width  int
	// T2S says when a Traditional text is searched converted to
	// Simplified (its lines shown as written); Pattern is then converted
	// too.
	T2S  zhconv.Mode
	Args []string
}

// New returns the kwic command on the command's streams (SetIn, SetOut,
// SetErr; the process's by default).
func New() *cobra.Command { return NewCmdKWIC(&cmdutil.Factory{}, nil) }

// NewCmdKWIC returns the kwic command. When runF is not nil it receives
// the checked options instead of the command running.
func NewCmdKWIC(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	o := &Options{}
	var useRegex bool
	var match string
	var t2s *cmdutil.T2SFlag
	cmd := &cobra.Command{
		Use:   "kwic (PATTERN | --type TYPE [--match TEXT]) [FILE|DIR|ARCHIVE|-]...",
		Short: "Keyword in context: every occurrence of a term with its surroundings",
		Long: `List every occurrence of a pattern in the segmented text with its left and
right context.

PATTERN is a term matched on whole words (it must start and end at word
boundaries of the segmentation, and may span several words), or with
--regex a regular expression matched against each word; --anywhere matches
the term (or the expression) anywhere in the text instead. With --type TYPE
the matches are the extracted mentions of that type (` + strings.Join(extract.Types, ", ") + `);
there is then no PATTERN, and --match TEXT keeps the mentions whose text or
canonical form contains TEXT (or matches it, with --regex).

The context is --window words on each side, or characters with --chars.
Each match is {"id", "start", "end", "left", "text", "right"} (offsets in
code points; line breaks in the context shown as spaces), in input order:
JSON Lines, or aligned plain text when writing to a terminal (--format).`,
		Example: `  tongbao kwic 乡村振兴 reports/
  tongbao kwic --regex '^高质量' --window 8 reports/
  tongbao kwic --type slogan --match 振兴 reports/ | jq -r .match | sort | uniq -c
  tongbao kwic --chars --window 20 --format text 河长制 bulletin.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.IO = f.IOStreams
			if o.IO == nil {
				o.IO = cmdutil.StreamsOf(cmd)
			}
			if err := cmdutil.CheckTableOutput(cmd.CommandPath(), o.Input, args); err != nil {
				return err
			}
			if err := o.Input.Check(); err != nil {
				return err
			}
			if o.Window < 0 || o.Window > maxWindow {
				return cmdutil.UsageError("--window must be between 0 and %d", maxWindow)
			}
			if o.Width < 0 || o.Width > maxWindow {
				return cmdutil.UsageError("--width must be between 0 and %d", maxWindow)
			}
			if o.Type == "" {
				if len(args) == 0 {
					return cmdutil.UsageError("missing PATTERN (or --type TYPE)\nRun '%s --help' for usage.", cmd.CommandPath())
				}
				o.Pattern, args = args[0], args[1:]
				if o.Pattern == "" {
					return cmdutil.UsageError("empty PATTERN")
				}
			} else {
				if err := extract.CheckTypes([]string{o.Type}); err != nil {
					return cmdutil.UsageError("--type: %v", err)
				}
				o.Pattern = match
			}
			if match != "" && o.Type == "" {
				return cmdutil.UsageError("--match needs --type")
			}
			conv, err := t2s.Mode()
			if err != nil {
				return err
			}
			o.T2S = conv
			if conv != zhconv.Never && o.Pattern != "" { // searched in converted text
				x, err := zhconv.T2S(o.Pattern)
				if err != nil {
					return err
				}
				o.Pattern = x.Simplified
			}
			o.Regex = nil
			if useRegex && o.Pattern != "" {
				re, err := regexp.Compile(o.Pattern)
				if err != nil {
					return cmdutil.UsageError("bad regular expression %q: %v", o.Pattern, err)
				}
				o.Regex = re
			}
			switch o.Format {
			case "auto", "text", "jsonl":
			default:
				return cmdutil.UsageError("--format %q: want auto, text or jsonl", o.Format)
			}
			o.Ctx, o.Args = cmd.Context(), args
			if runF != nil {
				return runF(o)
			}
			return Run(o)
		},
	}
	o.Input = cmdutil.AddTableInputFlags(cmd)
	fs := cmd.Flags()
	fs.BoolVar(&useRegex, "regex", false, "PATTERN (or --match) is a regular expression")
	fs.StringVar(&o.Type, "type", "", "match extracted mentions of TYPE instead of a pattern")
	fs.StringVar(&match, "match", "", "with --type: keep mentions whose text or canonical form contains TEXT")
	fs.IntVarP(&o.Window, "window", "w", 5, "context size on each side, in words (characters with --chars)")
	fs.BoolVar(&o.Chars, "chars", false, "count the window in characters instead of words")
	fs.BoolVar(&o.Anywhere, "anywhere", false, "match PATTERN anywhere in the text, not only on word boundaries")
	fs.StringVar(&o.Format, "format", "auto", "auto|text|jsonl (auto: text on a terminal, else jsonl)")
	fs.IntVar(&o.Width, "width", 36, "text format: display columns of each context")
	t2s = cmdutil.AddT2SFlag(cmd)
	return cmd
}

// Run writes the lines in context of o.Args.
func Run(o *Options) error {
	ctx, ios, done, err := cmdutil.TableOutput(o.Ctx, o.IO, o.Input)
	if err != nil {
		return err
	}
	defer done()
	out := ios.Out
	text := o.Format == "text"
	if o.Format == "auto" {
		if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			text = true
		}
	}
	seg, err := segment.Default()
	if err != nil {
		return fmt.Errorf("loading the segmenter: %w", err)
	}
	opts := stats.KWICOptions{Window: o.Window, Chars: o.Chars}
	typ, pattern, re := o.Type, o.Pattern, o.Regex
	work := func(doc corpus.Document) ([]stats.Line, error) {
		runes := []rune(doc.Text)
		// a Traditional text is searched converted and shown as written
		tx, err := o.T2S.Apply(doc.Text)
		if err != nil {
			return nil, err
		}
		if tx != nil {
			doc.Text = tx.Simplified
		}
		var toks []segment.Token
		var spans []stats.Span
		if typ != "" {
			d, err := extract.NewDocument(doc.Text, extract.WithTypes(typ), extract.WithID(doc.ID),
				extract.WithMeta(doc.Meta), extract.WithSegmenter(seg), extract.WithTokens())
			if err != nil {
				return nil, err
			}
			toks = d.Tokens()
			for _, m := range d.Mentions {
				if m.Type != typ || !mentionMatches(m, pattern, re) {
					continue
				}
				spans = append(spans, stats.Span{Start: m.Start, End: m.End})
			}
		} else {
			toks = seg.Cut(doc.Text)
			switch {
			case re != nil && o.Anywhere:
				spans = stats.RegexpTextSpans(doc.Text, re)
			case re != nil:
				spans = stats.RegexpSpans(toks, re)
			case o.Anywhere:
				spans = stats.SubstringSpans(doc.Text, pattern)
			default:
				spans = stats.TermSpans(toks, pattern)
			}
		}
		if tx != nil {
			toks = segment.FromConverted(toks, tx)
			for i := range spans {
				spans[i].Start, spans[i].End = tx.Span(spans[i].Start, spans[i].End)
			}
		}
		return stats.KWIC(doc.ID, runes, toks, spans, opts), nil
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	n := 0
	sum, err := cmdutil.ScanIO(ctx, ios, o.Args, o.Input, work, func(_ corpus.Document, lines []stats.Line) error {
		for _, l := range lines {
			n++
			if text {
				writeText(bw, l, o.Width)
				continue
			}
			b, err := cmdutil.JSONRecord(l, o.Input.Pretty)
			if err != nil {
				return err
			}
			if _, err := bw.Write(b); err != nil {
				return err
			}
		}
		return nil
	})
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return err
	}
	if !o.Input.Quiet && sum.Docs > 1 {
		fmt.Fprintf(ios.ErrOut, "tongbao: %d matches in %d documents, %d failed\n", n, sum.Docs, sum.Failed)
	}
	return sum.Err()
}

// maxWindow bounds --window and --width.
const maxWindow = 100000

func mentionMatches(m extract.Mention, pattern string, re *regexp.Regexp) bool {
	if pattern == "" {
		return true
	}
	if re != nil {
		return re.MatchString(m.Text) || (m.Canonical != "" && re.MatchString(m.Canonical))
	}
	return strings.Contains(m.Text, pattern) || strings.Contains(m.Canonical, pattern)
}

// colsOf returns the display width of r: 2 for East Asian wide and
// full-width characters, else 1.
func colsOf(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// fitLeft keeps the end of s within cols display columns, padded on the
// left; fitRight keeps the start of s.
func fitLeft(s string, cols int) string {
	rs := []rune(s)
	w, i := 0, len(rs)
	for i > 0 && w+colsOf(rs[i-1]) <= cols {
		i--
		w += colsOf(rs[i])
	}
	return strings.Repeat(" ", cols-w) + string(rs[i:])
}

func fitRight(s string, cols int) string {
	w := 0
	for i, r := range s {
		if w+colsOf(r) > cols {
			return s[:i]
		}
		w += colsOf(r)
	}
	return s
}

func writeText(w io.Writer, l stats.Line, cols int) {
	fmt.Fprintf(w, "%s:%d\t%s  %s  %s\n", l.ID, l.Start, fitLeft(l.Left, cols), l.Match, fitRight(l.Right, cols))
}
