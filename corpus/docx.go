package corpus

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrUnsupported wraps the error of a file whose format tongbao does not
// read (PDF, legacy Word).
var ErrUnsupported = errors.New("unsupported format")

// errDoc is the error of a legacy Word (.doc) file.
var errDoc = fmt.Errorf("%w: legacy Word .doc is not supported (save it as .docx or text)", ErrUnsupported)

// docxText returns the text of a Word .docx file: the paragraphs of its
// main part (word/document.xml), one a line, tabs and breaks kept.
func docxText(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("not a .docx file: %v", err)
	}
	var part *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			part = f
			break
		}
	}
	if part == nil {
		return nil, errors.New("not a .docx file: no word/document.xml")
	}
	rc, err := part.Open()
	if err != nil {
		return nil, fmt.Errorf("corrupt .docx file: %v", err)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, 1<<30))
	var b bytes.Buffer
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("corrupt .docx file: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "t":
				inText = false
			case "p":
				b.WriteByte('\n')
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return b.Bytes(), nil
}

// looksJSONL reports whether the start of standard input is JSON Lines: a
// first non-blank line that is a JSON object (or, when that line is longer
// than what was peeked, starts like one: {").
func looksJSONL(br *bufio.Reader) bool {
	head, _ := br.Peek(1 << 20)
	head = bytes.TrimPrefix(head, []byte("\ufeff"))
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || head[0] != '{' {
		return false
	}
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		rest := strings.TrimLeft(string(head[1:min(len(head), 64)]), " \t")
		return strings.HasPrefix(rest, `"`)
	}
	var obj map[string]json.RawMessage
	return json.Unmarshal(head[:i], &obj) == nil
}

// Error classes, as ErrorClass reports them.
const (
	ClassDecode      = "decode"             // bytes that do not decode: a bad JSON line, a bad encoding, a corrupt file
	ClassTooLarge    = "too_large"          // over --max-doc-bytes
	ClassNotText     = "not_text"           // binary data
	ClassUnsupported = "unsupported_format" // legacy Word; a PDF encrypted, without text or unreadable
	ClassRead        = "read"               // the file could not be read
)

// classed is an error with its class.
type classed struct {
	class string
	err   error
}

func (e *classed) Error() string { return e.err.Error() }
func (e *classed) Unwrap() error { return e.err }

// ErrorClass returns the class of a document's error: decode, too_large,
// not_text, unsupported_format or read.
func ErrorClass(err error) string {
	var c *classed
	switch {
	case err == nil:
		return ""
	case errors.As(err, &c):
		return c.class
	case errors.Is(err, ErrUnsupported):
		return ClassUnsupported
	case errors.Is(err, ErrBinary):
		return ClassNotText
	}
	return ClassRead
}
