package corpus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// decode turns a raw item into a Document.
func (it *item) decode(opts Options) Document {
	doc := Document{ID: it.id, Bytes: it.size, Err: it.err}
	if it.err != nil {
		return doc
	}
	var err error
	switch it.kind {
	case kindText:
		if bytes.HasPrefix(it.data, []byte("%PDF-")) {
			doc.Text, err = pdfText(it.data)
			break
		}
		doc.Text, _, err = decodeOwned(it.data, opts.Encoding) // it.data is dropped after
	case kindPDF:
		doc.Text, err = pdfText(it.data)
	case kindDocx:
		var t []byte
		if t, err = docxText(it.data); err == nil {
			doc.Text = strings.ToValidUTF8(string(t), "\uFFFD")
		}
	case kindHTML:
		var page string
		page, err = decodeHTML(it.data, opts.Encoding)
		if err == nil {
			doc.Text = HTMLText(page)
		}
	case kindJSONL:
		doc, err = decodeJSONL(it, opts)
	case kindMarkdown:
		var md string
		md, _, err = decodeOwned(it.data, opts.Encoding)
		if err == nil {
			doc.Text, doc.Meta = MarkdownText(md)
		}
	}
	if err != nil && ErrorClass(err) == ClassRead {
		err = &classed{ClassDecode, err} // the bytes were read: they did not decode
	}
	if err != nil {
		doc.Text, doc.Err = "", err
	}
	return doc
}

// decodeHTML decodes an HTML page: a forced encoding or a byte-order mark
// wins, then valid UTF-8, then the encoding the page declares in a meta
// tag when the bytes fit it (see fitsDeclared), then detection.
func decodeHTML(data []byte, forced string) (string, error) {
	if forced == "" && !bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) &&
		!bytes.HasPrefix(data, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(data, []byte{0xFE, 0xFF}) &&
		!utf8.Valid(data) {
		if cs := htmlCharset(data); cs != "" {
			if bytes.IndexByte(data, 0) >= 0 && cs != UTF16LE && cs != UTF16BE {
				return "", fmt.Errorf("%w: binary data (NUL byte)", ErrBinary)
			}
			if fitsDeclared(data, cs) {
				forced = cs
			}
		}
	}
	t, _, err := Decode(data, forced)
	return t, err
}

// decodeJSONL parses one JSON Lines record: an object with a string text
// field and an optional string or number id field; every other field goes
// to Meta. A line that is not valid UTF-8 is decoded first (so a GBK JSONL
// file is read too).
func decodeJSONL(it *item, opts Options) (Document, error) {
	doc := Document{ID: it.id, Bytes: it.size}
	line, owned := it.data, it.owned
	valid := (it.utf8 || opts.Encoding == "") && utf8.Valid(line)
	if !valid && !it.utf8 {
		t, _, err := Decode(line, opts.Encoding)
		if err != nil {
			return doc, err
		}
		line, valid, owned = []byte(t), utf8.ValidString(t), true
	}
	line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
	rec, err := jsonRecord(line, valid, owned)
	if err != nil {
		return doc, err
	}
	idf, tf := opts.idField(), opts.textField()
	if v, ok := rec[idf]; ok {
		switch id := v.(type) {
		case string:
			if id != "" { // an empty id is no id: the document keeps file:LINE
				doc.ID = id
			}
		case json.Number:
			doc.ID = id.String()
		case nil:
		default:
			return doc, fmt.Errorf("field %q is not a string or number", idf)
		}
		delete(rec, idf)
	}
	v, ok := rec[tf]
	if !ok {
		return doc, fmt.Errorf("no %q field (use --text-field to name the text field)", tf)
	}
	text, ok := v.(string)
	if !ok {
		return doc, fmt.Errorf("field %q is not a string", tf)
	}
	delete(rec, tf)
	doc.Text = text
	if len(rec) > 0 {
		doc.Meta = rec
	}
	return doc, nil
}

// jsonObject decodes one JSON Lines record into a map, numbers as
// json.Number. Flat records of valid UTF-8 take flatRecord's fast path;
// everything else, and every error, goes through encoding/json.
func jsonObject(line []byte) (map[string]any, error) {
	return jsonRecord(line, utf8.Valid(line), false)
}

// jsonRecord is jsonObject of a line known to be valid UTF-8 or not; when
// the line is owned (see item.owned), the strings of a flat record share
// its memory instead of being copied.
func jsonRecord(line []byte, valid, owned bool) (map[string]any, error) {
	if valid {
		if rec, ok := flatRecordOf(line, owned); ok {
			return rec, nil
		}
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var rec map[string]any
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("not a JSON object: %v", jsonErr(err))
	}
	if dec.More() {
		return nil, errors.New("not a JSON object: text after the object")
	}
	if rec == nil {
		return nil, errors.New("not a JSON object: null")
	}
	return rec, nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v at byte %d", se, se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return "a JSON " + te.Value + ", not an object"
	}
	return err.Error()
}

// fitsDeclared reports whether data fits the encoding an HTML page
// declares as well as detection requires of that encoding (see Detect,
// rules 4 and 5): every byte sequence valid and at least 90% of the
// two-byte characters in its common rows. A page whose declaration lies
// (GBK bytes declared utf-8 or big5, as copied pages often are) is then
// detected like any text instead of decoded into garbage. UTF-16
// declarations are believed.
func fitsDeclared(data []byte, enc string) bool {
	var st byteStats
	switch enc {
	case UTF16LE, UTF16BE:
		return true
	case UTF8:
		return utf8.Valid(data) // the caller knows it is not: detect
	case GB18030, GBK:
		st = gbStats(data)
	case Big5:
		st = big5Stats(data)
	default:
		return false
	}
	return st.errs == 0 && st.common*10 >= st.multi*9
}
