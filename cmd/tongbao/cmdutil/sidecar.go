package cmdutil

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
)

// SidecarFields are the columns of a --meta sidecar besides id.
var SidecarFields = []string{"home", "region", "code", "level", "year", "date", "speaker", "office", "genre"}

// Sidecar maps document ids to metadata fields that override every other
// source (the --meta FILE.csv flag).
type Sidecar map[string]map[string]string

// LoadSidecar reads a CSV file (UTF-8, with or without a byte-order mark)
// whose header row names an id column and any of SidecarFields; other
// columns are refused, so that a typo does not go unnoticed.
func LoadSidecar(path string) (Sidecar, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0
	head, err := r.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: empty file: want a header row with id and fields (%s)", path, strings.Join(SidecarFields, ", "))
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	idCol := -1
	for i, h := range head {
		h = strings.TrimSpace(h)
		head[i] = h
		known := h == "id"
		for _, f := range SidecarFields {
			known = known || h == f
		}
		if !known {
			return nil, fmt.Errorf("%s:1: unknown column %q (want id and any of %s)", path, h, strings.Join(SidecarFields, ", "))
		}
		if h == "id" {
			idCol = i
		}
	}
	if idCol < 0 {
		return nil, fmt.Errorf("%s:1: no id column", path)
	}
	sc := Sidecar{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("%s:%d: %v", path, pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		line, _ := r.FieldPos(0)
		id := strings.TrimSpace(rec[idCol])
		if id != "" && id != "-" {
			id = filepath.ToSlash(filepath.Clean(id))
		}
		if id == "" {
			return nil, fmt.Errorf("%s:%d: empty id", path, line)
		}
		if _, dup := sc[id]; dup {
			return nil, fmt.Errorf("%s:%d: id %q given twice", path, line, id)
		}
		fields := map[string]string{}
		for i, v := range rec {
			if i != idCol && strings.TrimSpace(v) != "" {
				fields[head[i]] = strings.TrimSpace(v)
			}
		}
		sc[id] = fields
	}
	return sc, nil
}

// Fields returns the sidecar fields of a document id (nil when none): the
// id as given, else the id cleaned as a path (./a/b.md is a/b.md).
func (s Sidecar) Fields(id string) map[string]string {
	if s == nil {
		return nil
	}
	if f, ok := s[id]; ok {
		return f
	}
	if f, ok := s[filepath.ToSlash(filepath.Clean(id))]; ok {
		return f
	}
	return nil
}

// MetaFlag is the --meta flag of the commands that read document
// metadata (extract, indicators, measure).
type MetaFlag struct{ path string }

// AddMetaFlag adds --meta FILE to cmd.
func AddMetaFlag(cmd *cobra.Command) *MetaFlag {
	f := &MetaFlag{}
	cmd.Flags().StringVar(&f.path, "meta", "", "a CSV `FILE` mapping ids to home, code, level, year, date, speaker, office, genre, overriding every other source")
	return f
}

// Sidecar loads the file the flag names (nil when none), or returns a
// usage error naming --meta.
func (f *MetaFlag) Sidecar() (Sidecar, error) {
	if f.path == "" {
		return nil, nil
	}
	sc, err := LoadSidecar(f.path)
	if err != nil {
		return nil, UsageError("--meta: %v", err)
	}
	return sc, nil
}
