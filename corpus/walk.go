package corpus

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/transform"
)

// kind says how an item's bytes become a Document.
type kind uint8

const (
	kindText     kind = iota // text in some encoding
	kindHTML                 // an HTML page
	kindJSONL                // one JSON Lines record
	kindMarkdown             // Markdown: front matter to Meta, markup blanked
	kindDocx                 // a Word .docx file (see docx.go)
	kindPDF                  // a PDF file's text layer (see pdf.go)
)

// item is one raw document as read, before decoding. Decoding is left to
// the consumer so that Run can decode in parallel.
type item struct {
	id   string // the document id; for JSONL, the default id (file:LINE)
	data []byte
	kind kind
	size int64 // raw size
	err  error
	utf8 bool // JSONL: the line was decoded to UTF-8 already (UTF-16 file)
	// owned: data is the item's own copy, read or written by nothing
	// else, so that its strings may share its memory (see decodeJSONL).
	owned bool
	// reserved is what the walker's reserve took for this item before
	// reading it (Run's budget of bytes in flight).
	reserved int64
}

// walker reads inputs and emits raw items in input order.
type walker struct {
	opts     Options
	max      int64
	listOnly bool            // do not read plain files (List)
	ctx      context.Context // when set, every read checks it
	emit     func(*item) error
	// reserve, when set, is called with the size of a document before it
	// is read; false stops the walk.
	reserve func(size int64) bool
}

// walk expands inputs and emits one item per document. It returns only
// errors from emit.
func walk(inputs []string, opts Options, listOnly bool, emit func(*item) error) error {
	return walkCtx(nil, inputs, opts, listOnly, emit)
}

// walkCtx is walk that stops reading when ctx is done: every reader loop
// (a long JSONL line, an archive member, a directory) checks it.
func walkCtx(ctx context.Context, inputs []string, opts Options, listOnly bool, emit func(*item) error) error {
	return walkReserve(ctx, inputs, opts, listOnly, nil, emit)
}

func walkReserve(ctx context.Context, inputs []string, opts Options, listOnly bool, reserve func(int64) bool, emit func(*item) error) error {
	w := &walker{opts: opts, max: opts.maxBytes(), listOnly: listOnly, ctx: ctx, emit: emit, reserve: reserve}
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
			} else if br := bufio.NewReaderSize(r, 1<<20); looksJSONL(br) {
				name, r = "-.jsonl", br // JSON Lines piped in, detected
			} else {
				r = br
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
	fPDF
	fDocx
	fDoc
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
	case strings.HasSuffix(l, ".pdf"):
		return fPDF
	case strings.HasSuffix(l, ".docx"):
		return fDocx
	case strings.HasSuffix(l, ".doc"):
		return fDoc
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
	if w.ctx != nil {
		r = ctxReader{w.ctx, r}
	}
	switch kindOf(name) {
	case fJSONL:
		return w.jsonl(id, r)
	case fTar:
		return w.tar(id, r)
	case fTarGz:
		zr, err := newGzipStream(r)
		if err != nil {
			return w.emit(&item{id: id, err: fmt.Errorf("corrupt gzip stream: %v", err)})
		}
		return w.tar(id, zr)
	case fGz:
		zr, err := newGzipStream(r)
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
	case fPDF:
		return w.whole(id, r, size, kindPDF)
	case fDoc:
		return w.emit(&item{id: id, size: size, err: errDoc})
	case fDocx:
		return w.whole(id, r, size, kindDocx)
	}
	return w.whole(id, r, size, kindText)
}

// whole reads one whole document, refusing more than the size cap.
func (w *walker) whole(id string, r io.Reader, size int64, k kind) error {
	if size > w.max {
		return w.emit(&item{id: id, size: size, err: w.tooBig(size)})
	}
	var reserved int64
	if w.reserve != nil && size > 0 { // wait for room before reading, not after
		if !w.reserve(size) {
			return errStop
		}
		reserved = size
	}
	var buf bytes.Buffer
	if size >= 0 {
		buf.Grow(int(size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(r, w.max+1)) // max+1 cannot overflow: see maxBytes
	if n > w.max {
		return w.emit(&item{id: id, size: n, err: w.tooBig(-1)})
	}
	if err != nil {
		return w.emit(&item{id: id, size: n, err: cleanPathError(err)})
	}
	return w.emit(&item{id: id, data: buf.Bytes(), kind: k, size: n, reserved: reserved})
}

func (w *walker) tooBig(size int64) error {
	if size < 0 {
		return &classed{ClassTooLarge, fmt.Errorf("document is larger than the --max-doc-bytes limit of %d bytes", w.max)}
	}
	return &classed{ClassTooLarge, fmt.Errorf("document is %d bytes, over the --max-doc-bytes limit of %d", size, w.max)}
}

// jsonl emits one item per non-blank line of r, streaming: only the
// current line is held, and a line over the size cap is skipped over
// without being held, giving an error item.
func (w *walker) jsonl(src string, r io.Reader) error {
	br := bufio.NewReaderSize(r, 256<<10)
	// UTF-16 (with a byte-order mark, or forced) is turned into UTF-8
	// before lines are cut: its newline is two bytes, one of them 0x0A.
	u16 := false
	if enc, _ := CheckEncoding(w.opts.Encoding); enc == UTF16LE || enc == UTF16BE {
		u16 = true
		br = bufio.NewReaderSize(transform.NewReader(br, utf16Decoder(enc, true)), 256<<10)
	} else if bom, _ := br.Peek(2); enc == "" && (bytes.Equal(bom, []byte{0xFF, 0xFE}) || bytes.Equal(bom, []byte{0xFE, 0xFF})) {
		u16 = true
		enc = UTF16LE
		if bom[0] == 0xFE {
			enc = UTF16BE
		}
		br = bufio.NewReaderSize(transform.NewReader(br, utf16Decoder(enc, false)), 256<<10)
	}
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
				e = emitErr(w, id, &classed{ClassTooLarge, fmt.Errorf("line is over the --max-doc-bytes limit of %d bytes", w.max)})
			case len(bytes.TrimSpace(line)) > 0:
				data := bytes.TrimRight(line, "\r\n")
				e = w.emit(&item{id: id, data: bytes.Clone(data), kind: kindJSONL, size: int64(len(line)), utf8: u16, owned: true})
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
	budget := &archiveBudget{path: path, limit: w.opts.MaxArchiveBytes, raw: func() int64 { return size }}
	var spans zipSpans
	for {
		if w.ctx != nil && w.ctx.Err() != nil {
			return errStop
		}
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
		rc, span, err := openZipEntry(r, size, base, e)
		if err == nil && !spans.add(span) {
			err = errors.New("member overlaps the data of another member (a zip bomb)")
		}
		if err != nil {
			if err := emitErr(w, id, fmt.Errorf("cannot read member: %v", err)); err != nil {
				return err
			}
			continue
		}
		failed := false
		if err := w.stream(id, name, &errWatch{r: rc, failed: &failed, budget: budget}, int64(e.usize)); err != nil {
			return err
		}
		if budget.over() {
			return emitErr(w, path, budget.err())
		}
	}
	if members == 0 {
		return emitErr(w, path, errors.New("archive holds no files"))
	}
	return nil
}

// tar emits the regular-file members of a tar stream in order. Reading
// stops at the first error: a corrupt header gives one error item for the
// archive, a member that cannot be read an error item for the member. A
// stream that ends without the archive's end marker (cut off, even at a
// block boundary) gives an error item for the archive after the members
// read. Links, devices, FIFOs and sparse files give an error item each
// (they are not read); directories are not documents.
func (w *walker) tar(path string, r io.Reader) error {
	raw := &countReader{r: r}
	tr := tar.NewReader(raw)
	budget := w.archiveBudget(path, raw)
	members := 0
	var prevLeft int64 // data and padding of the last member not read by us
	for {
		pos := raw.n
		h, err := tr.Next()
		if err == io.EOF {
			if raw.n-pos < prevLeft+512 {
				return emitErr(w, path, fmt.Errorf("archive is cut off after %d members (no end-of-archive marker)", members))
			}
			if members == 0 {
				// An empty archive is legal but suspicious: say so.
				return emitErr(w, path, errors.New("archive holds no files"))
			}
			return nil
		}
		if err != nil {
			if err == io.ErrUnexpectedEOF {
				return emitErr(w, path, fmt.Errorf("archive is cut off after %d members", members))
			}
			return emitErr(w, path, fmt.Errorf("corrupt archive after %d members: %v", members, err))
		}
		prevLeft = 0
		name := memberName(h.Name, true)
		id := path + "!" + name
		switch {
		case h.Typeflag == tar.TypeDir || h.Typeflag == tar.TypeXGlobalHeader:
			continue // structure, not documents
		case h.Typeflag == tar.TypeGNUSparse || tarSparse(h):
			members++
			prevLeft = -1 << 62 // the physical size is not h.Size: do not check the end
			if err := emitErr(w, id, errors.New("member is a sparse file: not read")); err != nil {
				return err
			}
			continue
		case h.Typeflag != tar.TypeReg && h.Typeflag != tar.TypeRegA:
			members++
			what := "not a regular file"
			switch h.Typeflag {
			case tar.TypeSymlink:
				what = "a symbolic link to " + h.Linkname
			case tar.TypeLink:
				what = "a hard link to " + h.Linkname
			case tar.TypeChar, tar.TypeBlock:
				what = "a device"
			case tar.TypeFifo:
				what = "a FIFO"
			}
			if err := emitErr(w, id, fmt.Errorf("member is %s: not read", what)); err != nil {
				return err
			}
			prevLeft = tarPadded(h.Size)
			continue
		}
		members++
		k := kindOf(name)
		if k != fJSONL && h.Size > w.max {
			if err := emitErr(w, id, fmt.Errorf("member is %d bytes, over the --max-doc-bytes limit of %d", h.Size, w.max)); err != nil {
				return err
			}
			prevLeft = tarPadded(h.Size)
			continue
		}
		failed := false
		cw := &errWatch{r: tr, failed: &failed, budget: budget}
		err = w.stream(id, name, cw, h.Size)
		if err != nil {
			return err
		}
		if failed {
			if budget.over() {
				return emitErr(w, path, budget.err())
			}
			return nil // the stream is broken: the member's error item says so
		}
		prevLeft = tarPadded(h.Size) - cw.n
	}
}

// tarPadded is a member's data size rounded up to whole blocks.
func tarPadded(size int64) int64 {
	return (max(size, 0) + 511) &^ 511
}

// tarSparse reports whether a member is a GNU sparse file in PAX form.
func tarSparse(h *tar.Header) bool {
	for k := range h.PAXRecords {
		if strings.HasPrefix(k, "GNU.sparse.") {
			return true
		}
	}
	return false
}

// gzipStream decompresses a gzip file of one or more members, as gzip -d
// does: bytes after the last member that do not start another member
// (trailing garbage, zero padding) end the stream instead of failing it.
type gzipStream struct {
	br *bufio.Reader
	zr *gzip.Reader
}

func newGzipStream(r io.Reader) (*gzipStream, error) {
	br := bufio.NewReader(r)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return &gzipStream{br: br, zr: zr}, nil
}

func (g *gzipStream) Read(p []byte) (int, error) {
	for {
		n, err := g.zr.Read(p)
		if err != io.EOF {
			return n, err
		}
		if n > 0 {
			return n, nil
		}
		magic, _ := g.br.Peek(2)
		if len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b {
			return 0, io.EOF // end of the file, or trailing garbage
		}
		if err := g.zr.Reset(g.br); err != nil {
			return 0, err
		}
		g.zr.Multistream(false)
	}
}

// countReader counts the bytes read through it.
type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// ctxReader fails once its context is done, so that no read loop outlives
// a cancellation by more than one read.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// DefaultArchiveRatio and DefaultArchiveFloor make the default cap on
// what one archive may expand to: the larger of the floor and the ratio
// times the archive's own bytes (read so far, for a stream).
const (
	DefaultArchiveRatio = 100
	DefaultArchiveFloor = 1 << 30
)

// archiveBudget caps the bytes the members of one archive expand to in
// total (Options.MaxArchiveBytes).
type archiveBudget struct {
	path  string
	limit int64        // fixed cap, or 0 for the default rule
	raw   func() int64 // the archive's bytes read so far
	used  int64
}

func (w *walker) archiveBudget(path string, raw *countReader) *archiveBudget {
	return &archiveBudget{path: path, limit: w.opts.MaxArchiveBytes, raw: func() int64 { return raw.n }}
}

func (b *archiveBudget) cap() int64 {
	if b.limit > 0 {
		return b.limit
	}
	r := b.raw()
	if r > DefaultArchiveFloor/DefaultArchiveRatio {
		return r * DefaultArchiveRatio
	}
	return DefaultArchiveFloor
}

func (b *archiveBudget) add(n int) error {
	b.used += int64(n)
	if b.over() {
		return b.err()
	}
	return nil
}

func (b *archiveBudget) over() bool { return b.used > b.cap() }

func (b *archiveBudget) err() error {
	if b.limit > 0 {
		return fmt.Errorf("archive expands to more than the --max-archive-bytes limit of %d bytes: rest not read", b.limit)
	}
	return fmt.Errorf("archive expands to more than %d times its size (at least %d bytes): rest not read; raise --max-archive-bytes to read it", DefaultArchiveRatio, int64(DefaultArchiveFloor))
}

// errWatch records whether reading r failed, counts the bytes read, and
// charges them to the archive's budget.
type errWatch struct {
	r      io.Reader
	failed *bool
	budget *archiveBudget
	n      int64
}

func (e *errWatch) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.n += int64(n)
	if e.budget != nil && n > 0 {
		if berr := e.budget.add(n); berr != nil {
			err = berr
		}
	}
	if err != nil && err != io.EOF {
		*e.failed = true
	}
	return n, err
}
