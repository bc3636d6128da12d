package corpus

import (
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// Options controls how inputs are found and decoded.
type Options struct {
	// TextField and IDField name the JSONL fields holding the text and the
	// id ("text" and "id" when empty).
	TextField, IDField string
	// Encoding forces an encoding (e.g. "gbk", "utf-8"); empty detects.
	Encoding string
	// MaxDocBytes caps one document's raw size; larger ones become error
	// records. Zero means DefaultMaxDocBytes.
	MaxDocBytes int64
	// Stdin is read for the input "-" or when there are no inputs
	// (os.Stdin when nil).
	Stdin io.Reader
}

// DefaultMaxDocBytes is the default cap on one document's raw size.
const DefaultMaxDocBytes = 50 << 20

// Read walks inputs in order and calls fn once per document. A document
// that cannot be read is passed to fn with Err set; Read itself returns an
// error only when fn does (which stops the walk).
//
// This is the minimal version: plain UTF-8 files and standard input.
func Read(inputs []string, opts Options, fn func(Document) error) error {
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, in := range inputs {
		var doc Document
		var data []byte
		var err error
		if in == "-" {
			r := opts.Stdin
			if r == nil {
				r = os.Stdin
			}
			doc.ID = "-"
			data, err = io.ReadAll(r)
		} else {
			doc.ID = in
			data, err = os.ReadFile(in)
		}
		doc.Bytes = int64(len(data))
		switch {
		case err != nil:
			doc.Err = err
		case !utf8.Valid(data):
			doc.Err = fmt.Errorf("not valid UTF-8 text")
		default:
			doc.Text = string(data)
		}
		if err := fn(doc); err != nil {
			return err
		}
	}
	return nil
}
