package corpus

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// kind says how an item's bytes become a Document.
type kind uint8

const (
	kindText     kind = iota // text in some encoding
	kindHTML                 // an HTML page
	kindJSONL                // one JSON Lines record
	kindMarkdown             // Markdown: front matter to Meta, markup blanked
)

// item is one raw document as read, before decoding. Decoding is left to
// the consumer so that Run can decode in parallel.
type item struct {
	id   string // the document id; for JSONL, the default id (file:LINE)
	data []byte
	kind kind
	size int64 // raw size
	err  error
}

// walker reads inputs and emits raw items in input order.
type walker struct {
	opts     Options
	max      int64
	listOnly bool // do not read plain files (List)
	emit     func(*item) error
}

// walk expands inputs and emits one item per document. It returns only
// errors from emit.
func walk(inputs []string, opts Options, listOnly bool, emit func(*item) error) error {
	w := &walker{opts: opts, max: opts.maxBytes(), listOnly: listOnly, emit: emit}
	var excluded []os.FileInfo
	for _, p := range opts.Exclude {
		if st, err := os.Stat(p); err == nil {
			excluded = append(excluded, st)
		}
	}
	return eachFile(inputs, func(path string, err error) error {
		if err != nil {
			return emit(&item{id: path, err: err})
		}
		if len(excluded) > 0 && path != "-" {
			if st, err := os.Stat(path); err == nil {
				for _, x := range excluded {
					if os.SameFile(st, x) {
						return nil
					}
				}
			}
		}
		if path == "-" {
			r := opts.Stdin
			if r == nil {
				r = os.Stdin
			}
			name := ""
			if opts.StdinAs != "" {
				name = "-." + strings.TrimPrefix(opts.StdinAs, ".")
			}
			return w.stream("-", name, r, -1)
		}
		return w.file(path)
	})
}

// fileKind is how a name is read.
type fileKind uint8

const (
	fText fileKind = iota
	fHTML
	fJSONL
	fZip
	fTar
	fTarGz
	fGz
	fMarkdown
)

func kindOf(name string) fileKind {
	l := strings.ToLower(name)
	switch {
	case strings.HasSuffix(l, ".jsonl"), strings.HasSuffix(l, ".ndjson"):
		return fJSONL
	case strings.HasSuffix(l, ".zip"):
		return fZip
	case strings.HasSuffix(l, ".tar"):
		return fTar
	case strings.HasSuffix(l, ".tar.gz"), strings.HasSuffix(l, ".tgz"):
		return fTarGz
	case strings.HasSuffix(l, ".gz"):
		return fGz
	case strings.HasSuffix(l, ".html"), strings.HasSuffix(l, ".htm"), strings.HasSuffix(l, ".xhtml"):
		return fHTML
	case strings.HasSuffix(l, ".md"), strings.HasSuffix(l, ".markdown"):
		return fMarkdown
	}
	return fText
}

// file reads one file named on the command line or found in a directory.
func (w *walker) file(path string) error {
	k := kindOf(path)
	if k == fZip {
		return w.zipFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return w.emit(&item{id: path, err: cleanPathError(err)})
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	if w.listOnly && (k == fText || k == fHTML) {
		return w.emit(&item{id: path, size: size})
	}
	return w.stream(path, path, f, size)
}

// stream reads a document (or a JSONL file, tar archive or gzip stream)
// from r. name decides how ("" is plain text); size is the raw size when
// known, or -1.
func (w *walker) stream(id, name string, r io.Reader, size int64) error {
	switch kindOf(name) {
	case fJSONL:
		return w.jsonl(id, r)
	case fTar:
		return w.tar(id, r)
	case fTarGz:
		zr, err := gzip.NewReader(r)
		if err != nil {
			return w.emit(&item{id: id, err: fmt.Errorf("corrupt gzip stream: %v", err)})
		}
		return w.tar(id, zr)
	case fGz:
		zr, err := gzip.NewReader(r)
		if err != nil {
			return w.emit(&item{id: id, err: fmt.Errorf("corrupt gzip stream: %v", err)})
		}
		inner := name[:len(name)-len(".gz")]
		if kindOf(inner) == fZip {
			return w.emit(&item{id: id, err: errors.New("a gzipped zip archive is not read; unzip it first")})
		}
		return w.stream(id, inner, zr, -1)
	case fZip:
		return w.emit(&item{id: id, err: errors.New("a zip archive inside an archive or on standard input is not read; give its path")})
	case fHTML:
		return w.whole(id, r, size, kindHTML)
	case fMarkdown:
		return w.whole(id, r, size, kindMarkdown)
	}
	return w.whole(id, r, size, kindText)
}

// whole reads one whole document, refusing more than the size cap.
func (w *walker) whole(id string, r io.Reader, size int64, k kind) error {
	if size > w.max {
		return w.emit(&item{id: id, size: size, err: w.tooBig(size)})
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, w.max+1))
	if n > w.max {
		return w.emit(&item{id: id, size: n, err: w.tooBig(-1)})
	}
	if err != nil {
		return w.emit(&item{id: id, size: n, err: cleanPathError(err)})
	}
	return w.emit(&item{id: id, data: buf.Bytes(), kind: k, size: n})
}

func (w *walker) tooBig(size int64) error {
	if size < 0 {
		return fmt.Errorf("document is larger than the --max-doc-bytes limit of %d bytes", w.max)
	}
	return fmt.Errorf("document is %d bytes, over the --max-doc-bytes limit of %d", size, w.max)
}

// jsonl emits one item per non-blank line of r, streaming: only the
// current line is held, and a line over the size cap is skipped over
// without being held, giving an error item.
func (w *walker) jsonl(src string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 256<<10)
	var line []byte
	over := false
	n := 0
	for {
		chunk, err := br.ReadSlice('\n')
		if len(chunk) > 0 && !over {
			if int64(len(line)+len(chunk)) > w.max+1 { // +1: the newline
				over, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil || (err == io.EOF && (len(line) > 0 || over)) {
			n++
			id := fmt.Sprintf("%s:%d", src, n)
			var e error
			switch {
			case over:
				e = emitErr(w, id, fmt.Errorf("line is over the --max-doc-bytes limit of %d bytes", w.max))
			case len(bytes.TrimSpace(line)) > 0:
				data := bytes.TrimRight(line, "\r\n")
				e = w.emit(&item{id: id, data: bytes.Clone(data), kind: kindJSONL, size: int64(len(line))})
			}
			if e != nil {
				return e
			}
			line, over = line[:0], false
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return emitErr(w, fmt.Sprintf("%s:%d", src, n+1), fmt.Errorf("reading: %v", cleanPathError(err)))
		}
	}
}

func emitErr(w *walker, id string, err error) error {
	return w.emit(&item{id: id, err: err})
}

// memberName returns the name of an archive member as UTF-8: names that
// are not UTF-8 (zip archives made on Chinese Windows) are GB18030.
func memberName(name string, nonUTF8 bool) string {
	if nonUTF8 && !utf8.ValidString(name) {
		if t, err := decodeWith([]byte(name), GB18030); err == nil {
			return t
		}
	}
	return name
}

// zipFile emits the members of a zip archive in archive order. A member
// whose declared or actual size is over the cap is refused; a member that
// cannot be read gives an error item; an archive whose directory cannot be
// read gives one error item.
func (w *walker) zipFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return w.emit(&item{id: path, err: cleanPathError(err)})
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return w.emit(&item{id: path, err: cleanPathError(err)})
	}
	return w.zip(path, f, st.Size())
}

// zip emits the members of the zip archive held by r, walking its central
// directory one entry at a time (see zip.go).
func (w *walker) zip(path string, r io.ReaderAt, size int64) error {
	dirOff, dirSize, base, err := zipDir(r, size)
	if err != nil {
		return w.emit(&item{id: path, err: fmt.Errorf("cannot read zip archive: %v", err)})
	}
	br := bufio.NewReaderSize(io.NewSectionReader(r, dirOff, dirSize), 64<<10)
	members := 0
	for {
		e, err := readZipEntry(br)
		if err == io.EOF {
			break
		}
		if err != nil {
			return emitErr(w, path, fmt.Errorf("corrupt zip archive after %d members: %v", members, err))
		}
		name := memberName(e.name, e.nonUTF8)
		if strings.HasSuffix(name, "/") {
			continue
		}
		members++
		id := path + "!" + name
		k := kindOf(name)
		if k != fJSONL && e.usize > uint64(w.max) {
			if err := emitErr(w, id, fmt.Errorf("member declares %d bytes, over the --max-doc-bytes limit of %d", e.usize, w.max)); err != nil {
				return err
			}
			continue
		}
		if w.listOnly && (k == fText || k == fHTML) {
			if err := w.emit(&item{id: id, size: int64(e.usize)}); err != nil {
				return err
			}
			continue
		}
		rc, err := openZipEntry(r, size, base, e)
		if err != nil {
			if err := emitErr(w, id, fmt.Errorf("cannot read member: %v", err)); err != nil {
				return err
			}
			continue
		}
		if err := w.stream(id, name, rc, int64(e.usize)); err != nil {
			return err
		}
	}
	if members == 0 {
		return emitErr(w, path, errors.New("archive holds no files"))
	}
	return nil
}

// tar emits the regular-file members of a tar stream in order. Reading
// stops at the first error: a corrupt header gives one error item for the
// archive, a member that cannot be read an error item for the member.
func (w *walker) tar(path string, r io.Reader) error {
	tr := tar.NewReader(r)
	members := 0
	for {
		h, err := tr.Next()
		if err == io.EOF {
			if members == 0 {
				// An empty archive is legal but suspicious: say so.
				return emitErr(w, path, errors.New("archive holds no files"))
			}
			return nil
		}
		if err != nil {
			return emitErr(w, path, fmt.Errorf("corrupt archive after %d members: %v", members, err))
		}
		if h.Typeflag != tar.TypeReg && h.Typeflag != tar.TypeRegA {
			continue // directories, links, metadata: not documents
		}
		members++
		name := memberName(h.Name, true)
		id := path + "!" + name
		k := kindOf(name)
		if k != fJSONL && h.Size > w.max {
			if err := emitErr(w, id, fmt.Errorf("member is %d bytes, over the --max-doc-bytes limit of %d", h.Size, w.max)); err != nil {
				return err
			}
			continue
		}
		failed := false
		err = w.stream(id, name, &errWatch{r: tr, failed: &failed}, h.Size)
		if err != nil {
			return err
		}
		if failed {
			return nil // the stream is broken: the member's error item says so
		}
	}
}

// errWatch records whether reading r failed.
type errWatch struct {
	r      io.Reader
	failed *bool
}

func (e *errWatch) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF {
		*e.failed = true
	}
	return n, err
}
