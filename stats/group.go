package stats

import (
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Grouper assigns documents to groups. It is built from group specs tried
// in order; the first that yields a group wins:
//
//	meta.FIELD          the value of a JSONL field (string or number)
//	meta.FIELD:decade   … bucketed by the year it starts with: 1950s
//	meta.FIELD:century  … 1900s
//	meta.FIELD:year     … the year only: 1954
//	dir                 the name of the folder holding the input file
//	file                the file name without extension
//	home                the county the document is about (see HomeNeeded)
//	id                  the document id
//	re:REGEX            the first capture group (or the whole match) of
//	                    REGEX on the document id
//
// dir, file and id take a bucket too (file:decade: the file 1958.md is in
// the group 1950s); a value that does not start with a year is kept as is.
//
// A meta spec applies only to documents that have metadata (JSONL records):
// one whose record lacks the field, or has it null, gets no group at all
// and is left out, while a document without metadata (a plain file) falls
// through to the next spec. Other specs fall through when they yield "".
type Grouper struct {
	specs []groupSpec
}

type groupSpec struct {
	kind   string // meta, dir, file, home, id, re
	field  string
	bucket string
	re     *regexp.Regexp
}

// NewGrouper parses group specs (see Grouper). It returns nil, nil when
// there are none.
func NewGrouper(specs []string) (*Grouper, error) {
	if len(specs) == 0 {
		return nil, nil
	}
	g := &Grouper{}
	for _, s := range specs {
		var sp groupSpec
		switch {
		case strings.HasPrefix(s, "meta."):
			f := strings.TrimPrefix(s, "meta.")
			if i := strings.LastIndexByte(f, ':'); i >= 0 {
				f, sp.bucket = f[:i], f[i+1:]
				switch sp.bucket {
				case "decade", "century", "year":
				default:
					return nil, fmt.Errorf("group spec %q: unknown bucket %q (want decade, century or year)", s, sp.bucket)
				}
			}
			if f == "" {
				return nil, fmt.Errorf("group spec %q: missing field name after meta.", s)
			}
			sp.kind, sp.field = "meta", f
		case strings.HasPrefix(s, "re:"):
			re, err := regexp.Compile(strings.TrimPrefix(s, "re:"))
			if err != nil {
				return nil, fmt.Errorf("group spec %q: %v", s, err)
			}
			sp.kind, sp.re = "re", re
		case s == "dir" || s == "file" || s == "home" || s == "id":
			sp.kind = s
		case strings.HasPrefix(s, "dir:") || strings.HasPrefix(s, "file:") || strings.HasPrefix(s, "id:"):
			sp.kind, sp.bucket, _ = strings.Cut(s, ":")
			switch sp.bucket {
			case "decade", "century", "year":
			default:
				return nil, fmt.Errorf("group spec %q: unknown bucket %q (want decade, century or year)", s, sp.bucket)
			}
		default:
			return nil, fmt.Errorf("unknown group spec %q (want meta.FIELD[:decade|century|year], dir, file, home, id (each with an optional :decade|century|year) or re:REGEX)", s)
		}
		g.specs = append(g.specs, sp)
	}
	return g, nil
}

// HomeNeeded reports whether a spec needs the document's home county (which
// costs an extraction).
func (g *Grouper) HomeNeeded() bool {
	if g == nil {
		return false
	}
	for _, s := range g.specs {
		if s.kind == "home" {
			return true
		}
	}
	return false
}

// Group returns the group of a document with this id and metadata, and
// home county name (may be ""); ok is false when it has none.
func (g *Grouper) Group(id string, meta map[string]any, home string) (group string, ok bool) {
	if g == nil {
		return "", true
	}
	for _, s := range g.specs {
		var v string
		switch s.kind {
		case "meta":
			if meta == nil {
				continue
			}
			v = metaString(meta[s.field])
			if v != "" && s.bucket != "" {
				v = bucketYear(v, s.bucket)
			}
			return v, v != ""
		case "dir":
			p := fileOf(id)
			if d := path.Dir(p); d != "." && d != "/" {
				v = path.Base(d)
			}
		case "file":
			p := path.Base(fileOf(id))
			v = strings.TrimSuffix(p, path.Ext(p))
		case "home":
			v = home
		case "id":
			v = id
		case "re":
			if m := s.re.FindStringSubmatch(id); m != nil {
				v = m[0]
				if len(m) > 1 {
					v = m[1]
				}
			}
		}
		if v != "" && s.bucket != "" {
			v = bucketYear(v, s.bucket)
		}
		if v != "" {
			return v, true
		}
	}
	return "", false
}

// fileOf strips an archive member or JSONL line suffix from an id and turns
// backslashes into slashes.
func fileOf(id string) string {
	id = strings.ReplaceAll(id, "\\", "/")
	if i := strings.IndexByte(id, '!'); i >= 0 {
		id = id[:i]
	}
	if i := strings.LastIndexByte(id, ':'); i >= 0 {
		if _, err := strconv.Atoi(id[i+1:]); err == nil {
			id = id[:i]
		}
	}
	return id
}

func metaString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return strings.TrimSpace(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	default:
		return strings.TrimSpace(fmt.Sprint(x))
	}
}

// bucketYear turns a value starting with a year into its bucket; a value
// without a leading year is returned as is.
func bucketYear(v, bucket string) string {
	if len(v) < 4 {
		return v
	}
	y, err := strconv.Atoi(v[:4])
	if err != nil {
		return v
	}
	switch bucket {
	case "decade":
		return strconv.Itoa(y/10*10) + "s"
	case "century":
		return strconv.Itoa(y/100*100) + "s"
	}
	return strconv.Itoa(y)
}
