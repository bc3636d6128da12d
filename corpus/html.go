package corpus

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTMLText reduces an HTML page (already decoded to UTF-8) to its visible
// text: the title, then the body text. Scripts, styles, templates and
// comments are dropped; runs of white space collapse to one space as a
// browser shows them; block elements (p, div, br, li, headings, table rows,
// ...) start a new line; character references are decoded. Malformed HTML
// is read the forgiving way browsers read it.
func HTMLText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var b strings.Builder
	skip := 0 // depth inside script/style/...
	pre := 0  // depth inside pre/textarea
	w := textWriter{b: &b, lineStart: true}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math, atom.Iframe, atom.Object:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			case atom.Pre, atom.Textarea:
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			}
			if blockElem[a] {
				w.newline()
			}
		case html.TextToken:
			if skip > 0 {
				continue
			}
			w.write(z.Text(), pre > 0)
		}
	}
}

// blockElem lists the elements that start a new line of visible text.
var blockElem = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Caption: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hr: true,
	atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true, atom.P: true,
	atom.Pre: true, atom.Section: true, atom.Table: true, atom.Tr: true, atom.Ul: true,
	atom.Title: true, atom.Body: true, atom.Head: true, atom.Html: true, atom.Td: true,
	atom.Th: true, atom.Tbody: true, atom.Thead: true, atom.Tfoot: true,
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// textWriter writes text with runs of HTML white space collapsed to one
// space, and no space at the start or end of a line. Non-breaking and
// ideographic spaces are kept: they are visible.
type textWriter struct {
	b         *strings.Builder
	lineStart bool   // nothing written on the current line yet
	pending   bool   // a collapsed space is due before the next character
	preSpace  []byte // spaces of a pre element, written before the next character
}

// newline ends the line. White space at the end of a line is never
// visible, in pre elements either: it is dropped.
func (w *textWriter) newline() {
	if !w.lineStart {
		w.b.WriteByte('\n')
	}
	w.lineStart, w.pending, w.preSpace = true, false, w.preSpace[:0]
}

func (w *textWriter) write(text []byte, pre bool) {
	text = bytes.ToValidUTF8(text, []byte("\uFFFD"))
	for len(text) > 0 {
		c := text[0]
		if pre && (c == '\n' || c == '\r') {
			if c == '\r' && len(text) > 1 && text[1] == '\n' {
				text = text[1:]
			}
			w.lineStart = false
			w.newline()
			text = text[1:]
			continue
		}
		if isHTMLSpace(c) && !pre {
			if !w.lineStart {
				w.pending = true
			}
			text = text[1:]
			continue
		}
		if isHTMLSpace(c) { // in pre: kept unless the line ends
			w.preSpace = append(w.preSpace, c)
			text = text[1:]
			continue
		}
		if len(w.preSpace) > 0 {
			w.pending = false
			w.b.Write(w.preSpace)
			w.preSpace = w.preSpace[:0]
		}
		if w.pending {
			w.b.WriteByte(' ')
			w.pending = false
		}
		_, n := utf8.DecodeRune(text)
		w.b.Write(text[:n])
		w.lineStart = false
		text = text[n:]
	}
}

// htmlCharset returns the encoding declared by a <meta charset> or
// http-equiv Content-Type in the first 1024 bytes, canonicalized for
// CheckEncoding ("" when none is declared or it is not one tongbao reads).
func htmlCharset(data []byte) string {
	if len(data) > 1024 {
		data = data[:1024]
	}
	low := bytes.ToLower(data)
	i := bytes.Index(low, []byte("charset="))
	if i < 0 {
		return ""
	}
	v := low[i+len("charset="):]
	v = bytes.TrimLeft(v, `"' `)
	end := bytes.IndexAny(v, `"' ;/>`)
	if end >= 0 {
		v = v[:end]
	}
	c, err := CheckEncoding(string(v))
	if err != nil {
		return ""
	}
	return c
}
