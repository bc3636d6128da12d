// Package corpus reads the inputs of every tongbao command: files,
// directories, globs, standard input, JSON Lines, zip and tar archives, in
// any of the common Chinese encodings. It yields one Document per input
// document, in a stable order, and never drops one: what cannot be read or
// decoded comes out as a Document whose Err is set.
//
// It also runs per-document work in parallel while keeping the output in
// input order (see Run).
package corpus

// Document is one input document, decoded to UTF-8.
type Document struct {
	// ID names the document: its path, "archive.zip!dir/a.txt" for an
	// archive member, the JSONL id field, or "file.jsonl:LINE".
	ID string
	// Text is the decoded text. Offsets everywhere in tongbao count the
	// Unicode code points of this string.
	Text string
	// Meta holds the other fields of a JSONL record (nil otherwise).
	Meta map[string]any
	// Bytes is the size of the raw input before decoding.
	Bytes int64
	// Err is set when the document could not be read or decoded; Text is
	// then empty and the document must be reported as an error record.
	Err error
}
