// Package kwic implements "tongbao kwic".
package kwic

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode/utf8"

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

// New returns the kwic command.
func New() *cobra.Command {
	var useRegex, chars, anywhere bool
	var typ, match, format string
	var window, cols int
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
	}
	in := cmdutil.AddTableInputFlags(cmd)
	fs := cmd.Flags()
	fs.BoolVar(&useRegex, "regex", false, "PATTERN (or --match) is a regular expression")
	fs.StringVar(&typ, "type", "", "match extracted mentions of TYPE instead of a pattern")
	fs.StringVar(&match, "match", "", "with --type: keep mentions whose text or canonical form contains TEXT")
	fs.IntVarP(&window, "window", "w", 5, "context size on each side, in words (characters with --chars)")
	fs.BoolVar(&chars, "chars", false, "count the window in characters instead of words")
	fs.BoolVar(&anywhere, "anywhere", false, "match PATTERN anywhere in the text, not only on word boundaries")
	fs.StringVar(&format, "format", "auto", "auto|text|jsonl (auto: text on a terminal, else jsonl)")
	fs.IntVar(&cols, "width", 36, "text format: display columns of each context")
	t2s := cmdutil.AddT2SFlag(cmd)
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		closeOut, err := cmdutil.RedirectOutput(cmd, in)
		if err != nil {
			return err
		}
		defer closeOut()
		if window < 0 || window > maxWindow {
			return cmdutil.UsageError("--window must be between 0 and %d", maxWindow)
		}
		if cols < 0 || cols > maxWindow {
			return cmdutil.UsageError("--width must be between 0 and %d", maxWindow)
		}
		var pattern string
		if typ == "" {
			if len(args) == 0 {
				return cmdutil.UsageError("missing PATTERN (or --type TYPE)\nRun '%s --help' for usage.", cmd.CommandPath())
			}
			pattern, args = args[0], args[1:]
			if pattern == "" {
				return cmdutil.UsageError("empty PATTERN")
			}
		} else {
			if err := extract.CheckTypes([]string{typ}); err != nil {
				return cmdutil.UsageError("--type: %v", err)
			}
			pattern = match
		}
		if match != "" && typ == "" {
			return cmdutil.UsageError("--match needs --type")
		}
		conv, err := t2s.Mode()
		if err != nil {
			return err
		}
		if conv != zhconv.Never && pattern != "" { // searched in converted text
			x, err := zhconv.T2S(pattern)
			if err != nil {
				return err
			}
			pattern = x.Simplified
		}
		var re *regexp.Regexp
		if useRegex && pattern != "" {
			var err error
			if re, err = regexp.Compile(pattern); err != nil {
				return cmdutil.UsageError("bad regular expression %q: %v", pattern, err)
			}
		}
		out := cmd.OutOrStdout()
		text := false
		switch format {
		case "text":
			text = true
		case "jsonl":
		case "auto":
			if f, ok := out.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				text = true
			}
		default:
			return cmdutil.UsageError("--format %q: want auto, text or jsonl", format)
		}
		seg, err := segment.Default()
		if err != nil {
			return fmt.Errorf("loading the segmenter: %w", err)
		}
		opts := stats.KWICOptions{Window: window, Chars: chars}
		work := func(doc corpus.Document) ([]stats.Line, error) {
			runes := []rune(doc.Text)
			// a Traditional text is searched converted (a Simplified
			// pattern finds it) and shown as written
			tx, err := conv.Apply(doc.Text)
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
					extract.WithMeta(doc.Meta), extract.WithSegmenter(seg))
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
				case re != nil && anywhere:
					b, r := 0, 0 // byte offset and its rune offset, moving forward only
					for _, m := range re.FindAllStringIndex(doc.Text, -1) {
						if m[1] == m[0] {
							continue
						}
						r += utf8.RuneCountInString(doc.Text[b:m[0]])
						start := r
						r += utf8.RuneCountInString(doc.Text[m[0]:m[1]])
						b = m[1]
						spans = append(spans, stats.Span{Start: start, End: r})
					}
				case re != nil:
					spans = stats.RegexpSpans(toks, re)
				case anywhere:
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
		sum, err := cmdutil.Scan(cmd, args, in, work, func(_ corpus.Document, lines []stats.Line) error {
			for _, l := range lines {
				n++
				if text {
					writeText(bw, l, cols)
					continue
				}
				b, err := cmdutil.JSONRecord(l, in.Pretty)
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
		if !in.Quiet && sum.Docs > 1 {
			fmt.Fprintf(cmd.ErrOrStderr(), "tongbao: %d matches in %d documents, %d failed\n", n, sum.Docs, sum.Failed)
		}
		return sum.Err()
	}
	return cmd
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
