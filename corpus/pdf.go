package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// errPDFNoText is the error of a PDF without a text layer.
var errPDFNoText = fmt.Errorf("%w: PDF has no text layer (a scanned image? run OCR first)", ErrUnsupported)

// Bounds on the page tree, against crafted files: the PDF library would
// loop for ever on a tree whose kids or parents form a cycle.
const (
	maxPDFNodes = 100000 // page tree nodes visited
	maxPDFDepth = 64     // levels of the page tree, and of a page's parents
)

var errPDFTree = fmt.Errorf("%w: PDF cannot be read (its page tree is malformed)", ErrUnsupported)

// pdfPages returns the pages under the page tree node root, in order.
func pdfPages(root pdf.Value) ([]pdf.Page, error) {
	var pages []pdf.Page
	visited := 0
	var walk func(v pdf.Value, depth int) error
	walk = func(v pdf.Value, depth int) error {
		visited++
		if visited > maxPDFNodes || depth > maxPDFDepth {
			return errPDFTree
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				if err := walk(kids.Index(i), depth+1); err != nil {
					return err
				}
			}
		case "Page":
			// the library looks for inherited resources up the
			// parents: they must end
			p, n := v, 0
			for ; !p.IsNull() && p.Key("Resources").IsNull(); p = p.Key("Parent") {
				if n++; n > maxPDFDepth {
					return errPDFTree
				}
			}
			pages = append(pages, pdf.Page{V: v})
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return nil, err
	}
	return pages, nil
}

// pdfText returns the text layer of a PDF: its glyphs in drawing order,
// one line per row of text, the rows of a paragraph joined (a row that
// reaches the right margin continues on the next one, as Chinese is
// written without spaces). A PDF that is encrypted, has no text, or
// cannot be parsed gives an unsupported_format error naming PDF; a
// malformed file never panics.
func pdfText(data []byte) (text string, err error) {
	defer func() {
		if r := recover(); r != nil {
			text, err = "", fmt.Errorf("%w: PDF cannot be read (corrupt or truncated): %v", ErrUnsupported, r)
		}
	}()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, pdf.ErrInvalidPassword) || strings.Contains(err.Error(), "encrypt") {
			return "", fmt.Errorf("%w: PDF is encrypted (save it without a password first)", ErrUnsupported)
		}
		return "", fmt.Errorf("%w: PDF cannot be read (corrupt or truncated): %v", ErrUnsupported, err)
	}
	pages, err := pdfPages(r.Trailer().Key("Root").Key("Pages"))
	if err != nil {
		return "", err
	}
	var rows []pdfRow
	for _, p := range pages {
		rows = appendPageRows(rows, p.Content().Text)
	}
	var b strings.Builder
	for i, row := range rows {
		b.WriteString(row.text)
		if i == len(rows)-1 {
			b.WriteByte('\n')
		} else if !row.continues(rows[i+1]) {
			b.WriteByte('\n')
		}
	}
	text = strings.ToValidUTF8(b.String(), "\uFFFD")
	if strings.TrimSpace(text) == "" {
		return "", errPDFNoText
	}
	if undecoded(text) {
		return "", errPDFUndecoded
	}
	return text, nil
}

var errPDFUndecoded = fmt.Errorf("%w: PDF text layer does not decode (its fonts have no Unicode map; convert it with OCR)", ErrUnsupported)

// undecoded reports whether more than a fifth of the characters of text
// that are not white space are U+FFFD, control or private-use characters:
// the codes of a font without a Unicode map, not text.
func undecoded(text string) bool {
	bad, n := 0, 0
	for _, r := range text {
		if unicode.IsSpace(r) {
			continue
		}
		n++
		if r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Co, r) {
			bad++
		}
	}
	return bad*5 > n
}

// pdfRow is one row of text on a page.
type pdfRow struct {
	text        string
	left, right float64 // the row's extent
	size        float64 // its font size
	margin      float64 // the right edge of the page's text
	page        int
}

// continues reports whether next goes on the paragraph row r is in: r
// reaches the page's right margin (within two characters), does not end
// a sentence, and next is not indented.
func (r pdfRow) continues(next pdfRow) bool {
	last, _ := utf8.DecodeLastRuneInString(r.text)
	if strings.ContainsRune("。！？；：!?;:", last) {
		return false
	}
	size := max(r.size, 1)
	return r.right >= r.margin-2*size && next.left <= r.left+size/2
}

// appendPageRows appends the rows of one page's glyphs: a glyph whose
// baseline is more than half its size from the row's starts a new row. A
// gap of over a third of the font size between two characters that are
// not Han becomes a space (words of Latin text).
func appendPageRows(rows []pdfRow, glyphs []pdf.Text) []pdfRow {
	first := len(rows)
	var cur *pdfRow
	var b strings.Builder
	var lastY, lastEnd float64
	var prev rune
	flush := func() {
		if cur != nil {
			cur.text = b.String()
			if strings.TrimSpace(cur.text) != "" {
				rows = append(rows, *cur)
			}
		}
		cur = nil
		b.Reset()
	}
	for _, g := range glyphs {
		if g.S == "" || !finite(g.X, g.Y, g.W, g.FontSize) {
			continue
		}
		size := max(math.Abs(g.FontSize), 1)
		if cur == nil || math.Abs(g.Y-lastY) > size/2 {
			flush()
			cur = &pdfRow{left: g.X, size: size, page: first}
			lastY, lastEnd = g.Y, g.X
			prev = 0
		}
		r, _ := utf8.DecodeRuneInString(g.S)
		if prev != 0 && g.X-lastEnd > size/3 && prev != ' ' && r != ' ' &&
			!unicode.Is(unicode.Han, prev) && !unicode.Is(unicode.Han, r) {
			b.WriteByte(' ')
		}
		b.WriteString(g.S)
		prev, _ = utf8.DecodeLastRuneInString(g.S)
		lastEnd = g.X + g.W
		cur.right = max(cur.right, lastEnd)
	}
	flush()
	margin := 0.0
	for _, r := range rows[first:] {
		margin = max(margin, r.right)
	}
	for i := first; i < len(rows); i++ {
		rows[i].margin = margin
	}
	return rows
}

func finite(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}
