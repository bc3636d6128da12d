package stats

import (
	"bufio"
	"encoding/csv"
	"io"
	"strconv"

	"github.com/tongbao/tongbao/cmd/tongbao/cmdutil"
)

// RowWriter writes rows as JSON Lines, or as CSV with a header line.
type RowWriter struct {
	w      *bufio.Writer
	csv    *csv.Writer
	pretty bool
	drop   bool // leave out the first (group) column
}

// NewRowWriter returns a RowWriter on w; header names the CSV columns.
// A first column named "group" is left out of the CSV when grouped is
// false. CSV starts with a UTF-8 byte-order mark when bom is true.
func NewRowWriter(w io.Writer, asCSV, pretty bool, header []string, grouped bool, bom ...bool) (*RowWriter, error) {
	rw := &RowWriter{w: bufio.NewWriterSize(w, 1<<16), pretty: pretty}
	if asCSV {
		if !grouped && len(header) > 0 && header[0] == "group" {
			rw.drop = true
			header = header[1:]
		}
		rw.csv = cmdutil.NewCSVWriter(rw.w, len(bom) > 0 && bom[0])
		if err := rw.csv.Write(header); err != nil {
			return nil, err
		}
	}
	return rw, nil
}

// Row writes v as a JSON record, or fields as a CSV record.
func (rw *RowWriter) Row(v any, fields func() []string) error {
	if rw.csv != nil {
		f := fields()
		if rw.drop {
			f = f[1:]
		}
		return rw.csv.Write(f)
	}
	b, err := cmdutil.JSONRecord(v, rw.pretty)
	if err != nil {
		return err
	}
	_, err = rw.w.Write(b)
	return err
}

// Close flushes the output.
func (rw *RowWriter) Close() error {
	if rw.csv != nil {
		rw.csv.Flush()
		if err := rw.csv.Error(); err != nil {
			return err
		}
	}
	return rw.w.Flush()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', 10, 64) }
