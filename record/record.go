// Package record writes the output records of tongbao: one JSON object per
// document, a result or an error, as the CLI and the Beam pipeline both
// write them.
package record

import (
	"bytes"
	"encoding/json"
)

// An Appender appends its JSON encoding to b: the bytes JSON writes for it
// (without pretty), without the newline; on error it returns b as it was.
// JSON uses it instead of encoding/json's reflection (extract.Mention and
// extract.Document are Appenders).
type Appender interface {
	AppendJSON(b []byte) ([]byte, error)
}

// JSON marshals v as one JSON Lines record (or indented, when pretty),
// without HTML escaping, ending in a newline.
func JSON(v any, pretty bool) ([]byte, error) {
	if a, ok := v.(Appender); ok && !pretty {
		b, err := a.AppendJSON(make([]byte, 0, 1024))
		if err != nil {
			return nil, err
		}
		return append(b, '\n'), nil
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Error is the record of a document that failed.
type Error struct {
	ID    string `json:"id"`
	Error string `json:"error"`
	// Class is decode, too_large, not_text, unsupported_format or read
	// (corpus.ErrorClass); empty for errors of the work itself.
	Class string `json:"class,omitempty"`
}
