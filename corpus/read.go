package corpus

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

// Options controls how inputs are found and decoded.
type Options struct {
	// TextField and IDField name the JSONL fields holding the text and the
	// id ("text" and "id" when empty).
	TextField, IDField string
	// Encoding forces an encoding (e.g. "gbk", "utf-8"); empty detects.
	// See Detect for the detection rule and CheckEncoding for the names.
	Encoding string
	// MaxDocBytes caps one document's raw size; larger ones become error
	// records. Zero means DefaultMaxDocBytes.
	MaxDocBytes int64
	// Stdin is read for the input "-" or when there are no inputs
	// (os.Stdin when nil).
	Stdin io.Reader
	// StdinAs reads standard input as a file of this kind would be read:
	// "jsonl", "html", "tar", "tar.gz", "gz"...; empty reads one text.
	StdinAs string
	// MaxArchiveBytes caps the bytes the members of one archive may expand
	// to in total; the rest of a larger archive is refused with an error
	// record. Zero means the larger of DefaultArchiveFloor and
	// DefaultArchiveRatio times the archive's size.
	MaxArchiveBytes int64
	// Exclude names files that are not inputs even when a directory or
	// glob holds them: typically the output file (compared with
	// os.SameFile).
	Exclude []string
}

// DefaultMaxDocBytes is the default cap on one document's raw size.
const DefaultMaxDocBytes = 50 << 20

// MaxDocBytesLimit is the largest cap on one document's size: larger
// values of Options.MaxDocBytes are taken as this.
const MaxDocBytesLimit = 1 << 36

func (o Options) maxBytes() int64 {
	if o.MaxDocBytes <= 0 {
		return DefaultMaxDocBytes
	}
	return min(o.MaxDocBytes, MaxDocBytesLimit)
}

func (o Options) textField() string {
	if o.TextField == "" {
		return "text"
	}
	return o.TextField
}

func (o Options) idField() string {
	if o.IDField == "" {
		return "id"
	}
	return o.IDField
}

// errStop stops a walk early without being reported.
var errStop = errors.New("stop")

// Read walks inputs in order and calls fn once per document, decoded. A
// document that cannot be read or decoded is passed to fn with Err set;
// Read itself returns an error only when fn does (which stops the walk).
// It streams: one document is in memory at a time.
//
// Inputs are files, directories (read recursively in sorted order, skipping
// names that start with a dot), glob patterns, and "-" for Options.Stdin
// (also read when inputs is empty). A file is read by its name: .jsonl and
// .ndjson hold one document per line; .zip, .tar, .tar.gz and .tgz hold
// documents as members; .gz is decompressed and read by the rest of its
// name; .html and .htm are reduced to their visible text (see HTMLText);
// anything else is text in a detected encoding (see Detect).
func Read(inputs []string, opts Options, fn func(Document) error) error {
	return walk(inputs, opts, false, func(it *item) error {
		return fn(it.decode(opts))
	})
}

// ReadContext is Read that stops when ctx is done: every read checks it,
// so that a long line or a huge archive member does not outlive a
// cancellation (Read then returns ctx's error).
func ReadContext(ctx context.Context, inputs []string, opts Options, fn func(Document) error) error {
	err := walkCtx(ctx, inputs, opts, false, func(it *item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fn(it.decode(opts))
	})
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// List walks inputs like Read but does not read the text of plain files:
// each Document has its ID, Meta (JSONL fields other than the text) and
// Bytes (the file size for plain files), but no Text. It is a quick way to
// enumerate documents, e.g. to group them by a meta field before reading.
func List(inputs []string, opts Options, fn func(Document) error) error {
	return walk(inputs, opts, true, func(it *item) error {
		if it.err != nil || it.kind != kindJSONL {
			return fn(Document{ID: it.id, Bytes: it.size, Err: it.err})
		}
		d := it.decode(opts)
		d.Text = ""
		return fn(d)
	})
}

// TotalBytes returns the sum of the sizes of the files inputs name, and
// whether that is a fair total for progress: false when an input is
// standard input or a compressed file.
func TotalBytes(inputs []string) (int64, bool) {
	var total int64
	ok := len(inputs) > 0
	err := eachFile(inputs, func(path string, err error) error {
		if err != nil {
			return nil
		}
		if path == "-" || isCompressed(path) {
			ok = false
			return errStop
		}
		if st, err := os.Stat(path); err == nil {
			total += st.Size()
		}
		return nil
	})
	if err != nil && err != errStop {
		ok = false
	}
	return total, ok
}

func isCompressed(path string) bool {
	l := strings.ToLower(path)
	return strings.HasSuffix(l, ".zip") || strings.HasSuffix(l, ".gz") || strings.HasSuffix(l, ".tgz")
}

// eachFile expands inputs into file paths in order, calling fn with each
// path ("-" for standard input) or with the error of an input that cannot
// be expanded (the path is then the input).
func eachFile(inputs []string, fn func(path string, err error) error) error {
	if len(inputs) == 0 {
		inputs = []string{"-"}
	}
	for _, in := range inputs {
		if in == "-" {
			if err := fn("-", nil); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(in)
		if err != nil && errors.Is(err, fs.ErrNotExist) && strings.ContainsAny(in, "*?[") {
			matches, gerr := filepath.Glob(in)
			if gerr != nil {
				if err := fn(in, fmt.Errorf("bad pattern: %v", gerr)); err != nil {
					return err
				}
				continue
			}
			if len(matches) == 0 {
				if err := fn(in, fmt.Errorf("no file matches the pattern")); err != nil {
					return err
				}
				continue
			}
			sort.Strings(matches)
			// As a shell does, * and ? do not match a leading dot unless
			// the pattern's own name starts with one; directories found
			// skip dot-files alike.
			if !strings.HasPrefix(filepath.Base(in), ".") {
				matches = slices.DeleteFunc(matches, func(m string) bool { return strings.HasPrefix(filepath.Base(m), ".") })
				if len(matches) == 0 {
					if err := fn(in, fmt.Errorf("no file matches the pattern (names starting with a dot are not matched)")); err != nil {
						return err
					}
					continue
				}
			}
			for _, m := range matches {
				if err := eachPath(m, fn); err != nil {
					return err
				}
			}
			continue
		}
		if err != nil {
			if err := fn(in, cleanPathError(err)); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := fn(in, nil); err != nil {
				return err
			}
			continue
		}
		if err := eachPath(in, fn); err != nil {
			return err
		}
	}
	return nil
}

// eachPath calls fn for path, or for every file under it when it is a
// directory, in sorted order, skipping names that start with a dot.
// Symbolic links to files are read; a symbolic link to a directory (not
// followed: links can loop), a device, FIFO or socket gives an error, and
// so does a directory given as input that holds no file at all.
func eachPath(root string, fn func(path string, err error) error) error {
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return fn(path, cleanPathError(err))
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		files++
		if !d.Type().IsRegular() {
			st, err := os.Stat(path) // follow symlinks to files
			if err != nil {
				return fn(path, cleanPathError(err))
			}
			if st.IsDir() {
				return fn(path, errors.New("symbolic link to a directory: not followed"))
			}
			if !st.Mode().IsRegular() {
				return fn(path, fmt.Errorf("not a regular file (%v): not read", st.Mode().Type()))
			}
		}
		return fn(path, nil)
	})
	if err == nil && files == 0 {
		if st, serr := os.Stat(root); serr == nil && st.IsDir() {
			return fn(root, errors.New("directory holds no files"))
		}
	}
	return err
}

// cleanPathError drops the path from an *fs.PathError: the record's id
// already names it.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Documents returns an iterator over the documents of inputs, in the order
// Read gives them; breaking out of the loop stops reading.
//
//	for doc := range corpus.Documents(args, opts) { ... }
func Documents(inputs []string, opts Options) iter.Seq[Document] {
	return func(yield func(Document) bool) {
		Read(inputs, opts, func(d Document) error {
			if !yield(d) {
				return errStop
			}
			return nil
		})
	}
}
