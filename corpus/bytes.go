package corpus

import (
	"bytes"
	"errors"
	"io"
)

var errBlankLine = errors.New("blank line: no JSON record")

// ReadStream reads the documents of one input file whose content is r, as
// Read reads the file named name: name decides how (JSON Lines, zip, tar,
// gzip, HTML or text) and gives the document ids ("name", "name:LINE",
// "name!member"). size is the raw size when known, or -1. A zip archive
// is read through r when r is an io.ReaderAt and size is known, and is
// otherwise read into memory first.
//
// It lets a caller that opens files itself (e.g. a distributed pipeline
// reading through its own file system layer) get exactly the documents
// Read would give for the same file. Like Read, it passes documents that
// cannot be read or decoded to fn with Err set, and returns an error only
// when fn does.
func ReadStream(name string, r io.Reader, size int64, opts Options, fn func(Document) error) error {
	w := &walker{opts: opts, max: opts.maxBytes(), emit: func(it *item) error {
		return fn(it.decode(opts))
	}}
	if kindOf(name) == fZip {
		ra, ok := r.(io.ReaderAt)
		if !ok || size < 0 {
			data, err := io.ReadAll(r)
			if err != nil {
				return fn(Document{ID: name, Err: cleanPathError(err)})
			}
			ra, size = bytes.NewReader(data), int64(len(data))
		}
		return w.zip(name, ra, size)
	}
	return w.stream(name, name, r, size)
}

// ParseJSONL decodes one JSON Lines record as Read does for a line of a
// .jsonl file: id is the id the document gets when the record has no id
// field (Read uses "file.jsonl:LINE"). A line that is blank gives a
// Document with Err set. Trailing line breaks are ignored.
func ParseJSONL(id string, line []byte, opts Options) Document {
	data := bytes.TrimRight(line, "\r\n")
	it := &item{id: id, data: data, kind: kindJSONL, size: int64(len(line))}
	if len(bytes.TrimSpace(data)) == 0 {
		it.err = errBlankLine
	}
	return it.decode(opts)
}
