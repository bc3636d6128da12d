package segment

import (
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
	"github.com/tongbao/tongbao/corpus"
	"github.com/tongbao/tongbao/segment"
	"github.com/tongbao/tongbao/zhconv"
)

// segWindow is the most text cut at once: the tokens of a 20 MB document
// take about thirty times its size, its JSON record nine times.
const segWindow = 256 << 10

// writeWindowed segments doc in windows that end at a line break, else at
// a sentence end (no word spans either), and writes its record to w window
// by window, as the whole-document record would be written (jsonl, tsv,
// text; not --pretty).
func writeWindowed(w io.Writer, seg *segment.Segmenter, doc corpus.Document, format string, pos bool) error {
	return writeWindowedFiltered(w, seg, doc, format, pos, nil, false)
}

// writeWindowedFiltered is writeWindowed keeping only the tokens x keeps;
// with docPerLine the text format writes the document on one line.
func writeWindowedFiltered(w io.Writer, seg *segment.Segmenter, doc corpus.Document, format string, pos bool, x *cmdutil.Filter, docPerLine bool) error {
	return writeWindowedT2S(w, seg, doc, format, pos, x, docPerLine, nil)
}

// writeWindowedT2S is writeWindowedFiltered on a text converted to
// Simplified (tx; nil: not converted), the tokens mapped back to the
// original (segment.FromConverted).
func writeWindowedT2S(w io.Writer, seg *segment.Segmenter, doc corpus.Document, format string, pos bool, x *cmdutil.Filter, docPerLine bool, tx *zhconv.Text) error {
	text := doc.Text
	if tx != nil {
		text = tx.Simplified
	}
	var out []byte
	flush := func() error {
		_, err := w.Write(out)
		out = out[:0]
		return err
	}
	switch format {
	case "jsonl":
		out = append(out, `{"id":`...)
		out = appendJSONString(out, doc.ID)
		out = append(out, `,"tokens":[`...)
	}
	first, n, base := true, 0, 0
	id := tsvEscape.Replace(doc.ID)
	for start := 0; start < len(text); {
		end := segWindowEnd(text, start)
		part := text[start:end]
		toks := x.Apply(seg.Cut(part))
		for i := range toks {
			toks[i].Start += base
			toks[i].End += base
		}
		toks = segment.FromConverted(toks, tx)
		switch format {
		case "jsonl":
			for _, t := range toks {
				if n > 0 {
					out = append(out, ',')
				}
				n++
				out = append(out, `{"text":`...)
				out = appendJSONString(out, t.Text)
				out = append(out, `,"start":`...)
				out = strconv.AppendInt(out, int64(t.Start), 10)
				out = append(out, `,"end":`...)
				out = strconv.AppendInt(out, int64(t.End), 10)
				if pos && t.Pos != "" {
					out = append(out, `,"pos":`...)
					out = appendJSONString(out, t.Pos)
				}
				out = append(out, '}')
			}
		case "tsv":
			for _, t := range toks {
				if strings.TrimSpace(t.Text) == "" {
					continue
				}
				out = append(out, id...)
				out = append(out, '\t')
				out = strconv.AppendInt(out, int64(t.Start), 10)
				out = append(out, '\t')
				out = strconv.AppendInt(out, int64(t.End), 10)
				out = append(out, '\t')
				out = append(out, tsvEscape.Replace(t.Text)...)
				if pos {
					out = append(out, '\t')
					out = append(out, t.Pos...)
				}
				out = append(out, '\n')
			}
		default: // text, as textLines
			for _, t := range toks {
				if c := strings.Count(t.Text, "\n"); c > 0 && !docPerLine {
					for range c {
						out = append(out, '\n')
					}
					first = true
					n++
					continue
				}
				if strings.TrimSpace(t.Text) == "" {
					continue
				}
				if !first {
					out = append(out, ' ')
				}
				first = false
				n++
				out = append(out, t.Text...)
				if pos && t.Pos != "" {
					out = append(out, '/')
					out = append(out, t.Pos...)
				}
			}
		}
		if err := flush(); err != nil {
			return err
		}
		base += utf8.RuneCountInString(part)
		start = end
	}
	switch format {
	case "jsonl":
		out = append(out, "]}\n"...)
	case "tsv":
	default:
		if !first || n == 0 {
			out = append(out, '\n')
		}
	}
	return flush()
}

// segWindowEnd returns where the window starting at start ends: after the
// last line break in its second half, else after the last sentence end
// there, else at the last character boundary.
func segWindowEnd(text string, start int) int {
	limit := start + segWindow
	if limit >= len(text) {
		return len(text)
	}
	for limit > start && !utf8.RuneStart(text[limit]) {
		limit--
	}
	half := start + segWindow/2
	if i := strings.LastIndexByte(text[half:limit], '\n'); i >= 0 {
		return half + i + 1
	}
	best := -1
	for _, p := range []string{"。", "！", "？", "；"} {
		if i := strings.LastIndex(text[half:limit], p); i >= 0 && half+i+len(p) > best {
			best = half + i + len(p)
		}
	}
	if best > 0 {
		return best
	}
	return limit
}
